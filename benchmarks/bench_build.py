"""Benchmark of ``conflict-events build`` on a large synthetic corpus (one command).

    python benchmarks/bench_build.py                        # 100,000 articles, the real pipeline
    python benchmarks/bench_build.py --articles 20000 --small 4000 --extractor fake   # a quick smoke run

Makes two corpora with ``synth_corpus.py`` (``--small`` and ``--articles`` articles, real sentences
of the development corpus recombined) under ``benchmarks/_work/``, then measures, each build in
its own process with a fixed timestamp:

1. throughput (articles/s) of the large corpus with 1 and with 2 workers;
2. peak memory (max RSS of the main process and of the largest worker) on the small and the
   large corpus: it must stay flat as the corpus grows;
3. duplicates after a second run over the same corpus: events added or changed (must be 0),
   and whether the export is byte-identical;
4. kill -9 at a random point of a build of the small corpus (process group killed once the store
   holds a random number of articles), then a resumed build: its export must be identical to
   that of an uninterrupted build;
5. whether 1 and 2 workers give the same dataset.

Results go to ``benchmarks/results/build-<extractor>.json``.
"""

from __future__ import annotations

import argparse
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
    start = time.perf_counter()
    rep = build_dataset([corpus], db, BuildOptions(workers=workers, extract=extract, timestamp=STAMP,
                                                   batch_size=64))
    seconds = time.perf_counter() - start
    c = rep.consolidation
    print(json.dumps({
        "seconds": round(seconds, 2), "articles": rep.articles, "coded": rep.coded, "skipped": rep.skipped,
        "failed": rep.failed, "reports": rep.reports, "resumed": rep.resumed,
        "events_new": c.new, "events_updated": c.updated, "events_unchanged": c.unchanged, "retired": c.retired,
        "articles_per_s": round(rep.coded / seconds, 1) if seconds else None,
        "peak_rss_main_mb": _peak_rss_mb(),
        "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }))


# ----------------------------------------------------------------------------- parent
def _run(db: Path, corpus: Path, workers: int, extractor: str) -> dict:
    cmd = [sys.executable, __file__, "--child", str(db), str(corpus), str(workers), extractor]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"  {db.name}: {out}", file=sys.stderr)
    return out


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


def _kill_and_resume(corpus: Path, n: int, extractor: str, reference: str, rnd: random.Random) -> dict:
    db = _fresh(WORK / f"killed-{extractor}.db")
    target = rnd.randint(max(1, n // 10), max(2, n * 9 // 10))
    cmd = [sys.executable, __file__, "--child", str(db), str(corpus), "2", extractor]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    stored = 0
    while proc.poll() is None:
        stored = _stored_articles(db)
        if stored >= target:
            os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as kill -9 would
            proc.wait()
            break
        time.sleep(0.05)
    killed = proc.returncode == -signal.SIGKILL
    resumed = _run(db, corpus, 2, extractor)
    digest, count = _export_digest(db)
    return {"kill_after_articles": target, "articles_stored_at_kill": stored, "killed": killed,
            "resumed_run": resumed, "events": count, "identical_to_uninterrupted": digest == reference}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="size of the large corpus")
    ap.add_argument("--small", type=int, default=20_000, help="size of the small corpus (memory, kill test)")
    ap.add_argument("--extractor", choices=["real", "fake"], default="real")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--child", nargs=4, metavar=("DB", "CORPUS", "WORKERS", "EXTRACTOR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        db, corpus, workers, extractor = args.child
        child(db, corpus, int(workers), extractor)
        return 0

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
    print("kill -9 and resume (small corpus)", file=sys.stderr)
    kill = _kill_and_resume(small, args.small, ext, small_digest, random.Random(args.seed))

    result = {
        "extractor": ext,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpora": {"small": args.small, "large": args.articles, "seed": args.seed},
        "throughput": {"workers_1": w1["articles_per_s"], "workers_2": w2["articles_per_s"],
                       "runs": {"workers_1": w1, "workers_2": w2}},
        "memory_mb": {"small": {"main": small_run["peak_rss_main_mb"], "worker": small_run["peak_rss_worker_mb"]},
                      "large": {"main": w2["peak_rss_main_mb"], "worker": w2["peak_rss_worker_mb"]}},
        "events": {"small": small_events, "large": events_w2, "reports_small": small_run["reports"],
                   "reports_large": w2["reports"],
                   "largest_event_reports": {"small": _largest_event(WORK / f"small-{ext}.db"),
                                             "large": _largest_event(WORK / f"large-w2-{ext}.db")}},
        "second_run": {"duplicate_events": (events_again - events_w2) + again["events_new"],
                       "events_changed": again["events_updated"], "articles_coded": again["coded"],
                       "export_identical": digest_again == digest_w2},
        "workers_1_and_2_identical": digest_w1 == digest_w2,
        "kill_9_resume": kill,
    }
    out = RESULTS / f"build-{ext}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
