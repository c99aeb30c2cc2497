"""Benchmark of ``conflict-events build`` on a large synthetic corpus (one command).

    python benchmarks/bench_build.py --lock /tmp/bench.lock          # 100,000 articles, the real pipeline
    python benchmarks/bench_build.py --articles 20000 --small 4000 --extractor fake   # a quick smoke run

Makes two corpora with ``synth_corpus.py`` (``--small`` and ``--articles`` articles, real sentences
of the development corpus recombined) under ``benchmarks/_work/``, then measures, each build in
its own process with a fixed timestamp:

1. throughput (articles/s) of the large corpus with 1 and with 2 workers, with where the main
   process spent its time (reading, waiting for the workers, writing, consolidating) and the CPU
   time of the main process and of the workers per article;
2. peak memory (max RSS of the main process and of the largest worker) on the small and the
   large corpus: it must stay flat as the corpus grows;
3. duplicates after a second run over the same corpus: events added or changed (must be 0),
   and whether the export is byte-identical;
4. kill -9 (the build and its workers) at a random moment of a build of the small corpus, and
   again at a random moment of its consolidation, each followed by a resumed build: the export
   must be identical to that of an uninterrupted build;
5. whether 1 and 2 workers give the same dataset.

``--lock FILE`` takes an exclusive ``flock`` on FILE around each timed build, so timing runs of
several people on one machine do not overlap; the load average before and after each build is
recorded to show the noise.  Results go to ``benchmarks/results/build-<extractor>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / "_work"
RESULTS = REPO / "benchmarks" / "results"
STAMP = 1_700_000_000
sys.path.insert(0, str(REPO))


# ----------------------------------------------------------------------------- child
def _peak_rss_mb() -> float:
    """Peak RSS of this process.  /proc's VmHWM, because ru_maxrss also counts the memory of the
    process that started this one (Linux carries it across exec)."""
    try:
        for text in Path("/proc/self/status").read_text().splitlines():
            if text.startswith("VmHWM:"):
                return round(int(text.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child(db: str, corpus: str, workers: int, extractor: str) -> None:
    from events.dataset import BuildOptions, build_dataset

    sys.path.insert(0, str(REPO / "benchmarks"))
    extract = None
    if extractor == "fake":
        from fake_pipeline import fake_extract

        extract = fake_extract
    from events.dataset import build as build_module

    consolidate = build_module._consolidate
    marks = {}

    def measured(*args, **kwargs):  # the main process's peak before the merge (reading and writing only)
        marks["peak_rss_main_ingest_mb"] = _peak_rss_mb()
        return consolidate(*args, **kwargs)

    build_module._consolidate = measured
    start, cpu = time.perf_counter(), time.process_time()
    rep = build_dataset([corpus], db, BuildOptions(workers=workers, extract=extract, timestamp=STAMP,
                                                   batch_size=64))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    c = rep.consolidation
    per = max(rep.coded or rep.articles, 1)  # per article coded (per article read when none was)
    print(json.dumps({
        "seconds": round(seconds, 2), "articles": rep.articles, "coded": rep.coded, "skipped": rep.skipped,
        "failed": rep.failed, "reports": rep.reports, "resumed": rep.resumed,
        "events_new": c.new, "events_updated": c.updated, "events_unchanged": c.unchanged, "retired": c.retired,
        "articles_per_s": round(rep.coded / seconds, 1) if seconds else None,
        "main_seconds": {k: round(v, 2) for k, v in rep.seconds.items()},
        "main_cpu_us_per_article": round(cpu / per * 1e6),
        "workers_cpu_us_per_article": round((kids.ru_utime + kids.ru_stime) / per * 1e6),
        "peak_rss_main_mb": _peak_rss_mb(),
        "peak_rss_main_ingest_mb": marks.get("peak_rss_main_ingest_mb"),
        "peak_rss_worker_mb": round(kids.ru_maxrss / 1024, 1),
        "dataset_mb": round(sum(os.path.getsize(db + x) for x in ("", "-wal") if os.path.exists(db + x)) / 2**20, 1),
    }))


# ----------------------------------------------------------------------------- parent
_LOCK: str | None = None


def _run(db: Path, corpus: Path, workers: int, extractor: str) -> dict:
    cmd = [sys.executable, __file__, "--child", str(db), str(corpus), str(workers), extractor]
    with _locked():
        load = os.getloadavg()[0]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        load_after = os.getloadavg()[0]
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load_average_1min"] = [round(load, 2), round(load_after, 2)]
    print(f"  {db.name}: {out}", file=sys.stderr)
    return out


@contextlib.contextmanager
def _locked() -> Iterator[None]:
    """An exclusive flock on --lock FILE (if given) while a timed build runs."""
    if _LOCK is None:
        yield
        return
    import fcntl

    with open(_LOCK, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _export_digest(db: Path) -> tuple[str, int]:
    from events.dataset import export_dataset

    out = WORK / f"{db.stem}.export.jsonl"
    count = export_dataset(db, out, "jsonl", force=True)
    digest = hashlib.sha256()
    with out.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    out.unlink()
    return digest.hexdigest(), count


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def _stored_articles(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _largest_event(db: Path) -> int:
    """Reports in the largest dataset event: memory of the merge grows with it (every article's
    evidence is kept), not with the corpus."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM reports r "
                           "JOIN groups g ON g.group_key = r.group_key GROUP BY g.event_seq)").fetchone()[0]
    finally:
        con.close()


def _kill_and_resume(corpus: Path, n: int, extractor: str, reference: str, rnd: random.Random, *,
                     uninterrupted: dict, phase: str) -> dict:
    """kill -9 the build (and its workers) at a random moment: of the whole build ('any'), or of
    its consolidation ('merge', once every article is stored); then resume it."""
    db = _fresh(WORK / f"killed-{phase}-{extractor}.db")
    if phase == "any":
        delay = rnd.uniform(0.05, 0.95) * uninterrupted["seconds"]
    else:
        delay = rnd.uniform(0.05, 0.8) * uninterrupted["main_seconds"]["consolidate"]
    cmd = [sys.executable, __file__, "--child", str(db), str(corpus), "2", extractor]
    with _locked():
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        start = time.perf_counter()
        if phase == "merge":
            while proc.poll() is None and _stored_articles(db) < n:
                time.sleep(0.02)
            start = time.perf_counter()
        while proc.poll() is None and time.perf_counter() - start < delay:
            time.sleep(0.01)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as kill -9 would
        proc.wait()
    killed = proc.returncode == -signal.SIGKILL
    state = _state(db)
    resumed = _run(db, corpus, 2, extractor)
    digest, count = _export_digest(db)
    return {"phase": phase, "kill_after_seconds": round(delay, 2), "killed": killed, "at_kill": state,
            "resumed_run": resumed, "events": count, "identical_to_uninterrupted": digest == reference}


def _state(db: Path) -> dict:
    """What a killed build left: articles stored, events written, groups still to consolidate."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error:  # killed before the dataset existed
        return {}
    try:
        return {"articles": con.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                "events": con.execute("SELECT COUNT(*) FROM events").fetchone()[0],
                "dirty_groups": con.execute("SELECT COUNT(*) FROM groups WHERE dirty = 1").fetchone()[0]}
    finally:
        con.close()


def _speedup(w1: dict, w2: dict) -> dict:
    one, two = w1["articles_per_s"], w2["articles_per_s"]
    cpu1 = w1["main_cpu_us_per_article"] + w1["workers_cpu_us_per_article"]
    cpu2 = w2["main_cpu_us_per_article"] + w2["workers_cpu_us_per_article"]
    return {"workers_2_over_1": round(two / one, 2) if one and two else None,
            # the main process's own CPU time per article, and the rate it alone could sustain
            "main_cpu_us_per_article_workers_2": w2["main_cpu_us_per_article"],
            "main_process_capacity_articles_per_s": round(1e6 / max(w2["main_cpu_us_per_article"], 1)),
            # CPU per article, all processes: what 2 workers add (pickling, a second copy of the work)
            "cpu_us_per_article": {"workers_1": cpu1, "workers_2": cpu2},
            # the speed-up 2 idle cores would give, from CPU time alone (immune to other jobs)
            "workers_2_over_1_cpu_bound": round(2 * cpu1 / cpu2, 2) if cpu2 else None}


def main(argv: list[str] | None = None) -> int:
    global _LOCK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="size of the large corpus")
    ap.add_argument("--small", type=int, default=20_000, help="size of the small corpus (memory, kill test)")
    ap.add_argument("--extractor", choices=["real", "fake"], default="real")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lock", metavar="FILE", help="flock FILE around each timed build (shared machines)")
    ap.add_argument("--child", nargs=4, metavar=("DB", "CORPUS", "WORKERS", "EXTRACTOR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        db, corpus, workers, extractor = args.child
        child(db, corpus, int(workers), extractor)
        return 0
    _LOCK = args.lock

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synth_corpus import write_corpus

    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    ext = args.extractor
    small = WORK / f"synth-{args.small}-{args.seed}.jsonl"
    large = WORK / f"synth-{args.articles}-{args.seed}.jsonl"
    for path, n in ((small, args.small), (large, args.articles)):
        if not path.exists():
            print(f"generating {path.name}", file=sys.stderr)
            write_corpus(n, path, args.seed)

    began = time.time()
    print("small corpus, 2 workers", file=sys.stderr)
    small_run = _run(_fresh(WORK / f"small-{ext}.db"), small, 2, ext)
    small_digest, small_events = _export_digest(WORK / f"small-{ext}.db")
    print("large corpus, 1 worker", file=sys.stderr)
    w1 = _run(_fresh(WORK / f"large-w1-{ext}.db"), large, 1, ext)
    print("large corpus, 2 workers", file=sys.stderr)
    w2 = _run(_fresh(WORK / f"large-w2-{ext}.db"), large, 2, ext)
    digest_w1, _ = _export_digest(WORK / f"large-w1-{ext}.db")
    digest_w2, events_w2 = _export_digest(WORK / f"large-w2-{ext}.db")
    print("large corpus again (second run)", file=sys.stderr)
    again = _run(WORK / f"large-w2-{ext}.db", large, 2, ext)
    digest_again, events_again = _export_digest(WORK / f"large-w2-{ext}.db")
    rnd = random.Random(args.seed)
    kills = []
    for phase in ("any", "merge"):
        print(f"kill -9 ({phase}) and resume (small corpus)", file=sys.stderr)
        kills.append(_kill_and_resume(small, args.small, ext, small_digest, rnd, uninterrupted=small_run,
                                      phase=phase))

    result = {
        "extractor": ext,
        "date": time.strftime("%Y-%m-%d", time.gmtime(began)),
        "minutes": round((time.time() - began) / 60, 1),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "shared": "other people's jobs may run at the same time: see load_average_1min of each run"},
        "corpora": {"small": args.small, "large": args.articles, "seed": args.seed},
        "throughput": {"workers_1": w1["articles_per_s"], "workers_2": w2["articles_per_s"], **_speedup(w1, w2),
                       "runs": {"workers_1": w1, "workers_2": w2}},
        "memory_mb": {size: {"main": run["peak_rss_main_mb"], "main_before_merge": run["peak_rss_main_ingest_mb"],
                             "worker": run["peak_rss_worker_mb"]} for size, run in (("small", small_run), ("large", w2))},
        "dataset_mb": {"small": small_run["dataset_mb"], "large": w2["dataset_mb"]},
        "events": {"small": small_events, "large": events_w2, "reports_small": small_run["reports"],
                   "reports_large": w2["reports"],
                   "largest_event_reports": {"small": _largest_event(WORK / f"small-{ext}.db"),
                                             "large": _largest_event(WORK / f"large-w2-{ext}.db")}},
        "second_run": {"duplicate_events": (events_again - events_w2) + again["events_new"],
                       "events_changed": again["events_updated"], "articles_coded": again["coded"],
                       "export_identical": digest_again == digest_w2, "seconds": again["seconds"]},
        "workers_1_and_2_identical": digest_w1 == digest_w2,
        "kill_9_resume": kills,
    }
    out = RESULTS / f"build-{ext}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
