"""Whole-pipeline sections of ``run.py``: throughput, time per stage, start-up, memory, workers.

Timing sections run in this process (one core); start-up, memory and the ``build`` runs each run
in a fresh process (``run.py --child ...``) so that they see a cold interpreter.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perf_corpus import REPO, peak_rss_mb, replicate, rss_mb

CLI = "from events.cli import main; raise SystemExit(main())"


def _resources():
    from events.pipeline import default_resources

    res = default_resources()
    res.gazetteer  # noqa: B018 - loaded before any timing
    return res


# ----------------------------------------------------------------------------- throughput
def throughput(records: list[dict], n: int, chunks: int = 5) -> dict:
    """Articles/s and sentences/s of ``extract_article`` over ``n`` replicated articles."""
    from events.mentions.base import prepare
    from events.pipeline import extract_article

    res = _resources()
    distinct = replicate(records, len(records))
    events_per = [len(extract_article(a, res, timestamp=0).events) for a in distinct]  # warm-up
    sent_per = [len(prepare(a).sentences) for a in distinct]
    bytes_per = [len(a.text.encode("utf-8")) for a in distinct]
    articles = replicate(records, n)
    size = max(1, n // chunks)
    rates: list[float] = []
    total = 0.0
    for c in range(0, n, size):
        part = articles[c:c + size]
        t0 = time.perf_counter()
        for a in part:
            extract_article(a, res, timestamp=0)
        dt = time.perf_counter() - t0
        total += dt
        rates.append(len(part) / dt)
    k = len(records)
    sentences = sum(sent_per[i % k] for i in range(n))
    nbytes = sum(bytes_per[i % k] for i in range(n))
    events = sum(events_per[i % k] for i in range(n))
    return {
        "articles": n, "distinct": k, "seconds": round(total, 3),
        "articles_per_s": round(n / total, 1), "sentences_per_s": round(sentences / total, 1),
        "kb_per_s": round(nbytes / 1024 / total, 1), "sentences_per_article": round(sentences / n, 2),
        "kb_per_article": round(nbytes / 1024 / n, 2), "events_per_article": round(events / n, 3),
        "chunk_articles_per_s": [round(r, 1) for r in rates],
        "spread_pct": round(100 * (max(rates) - min(rates)) / statistics.median(rates), 1) if rates else 0.0,
    }


# ----------------------------------------------------------------------------- stages
STAGES = (
    ("prepare", "events.pipeline", "prepare"),
    ("actors", "events.pipeline", "find_actors"),
    ("triggers", "events.pipeline", "find_triggers"),
    ("places", "events.geo", "locate_places"),
    ("dates", "events.pipeline", "find_dates"),
    ("quantities", "events.pipeline", "find_quantities"),
    ("cues", "events.pipeline", "find_cues"),
    ("coding", "events.pipeline", "code_document"),
    ("merge", "events.pipeline", "merge_events"),
)


def stages(records: list[dict], n: int) -> dict:
    """Milliseconds per article in each stage (the pipeline's own functions, wrapped by name)."""
    import importlib

    from events.pipeline import extract_article

    res = _resources()
    spent: dict[str, float] = {name: 0.0 for name, _, _ in STAGES}
    saved = []

    def wrap(name, fn):
        def timed(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[name] += time.perf_counter() - t0
        return timed

    for name, module, attr in STAGES:
        mod = importlib.import_module(module)
        if hasattr(mod, attr):
            saved.append((mod, attr, getattr(mod, attr)))
            setattr(mod, attr, wrap(name, getattr(mod, attr)))
    try:
        articles = replicate(records, n)
        for a in articles[: len(records)]:
            extract_article(a, res, timestamp=0)
        for k in spent:
            spent[k] = 0.0
        t0 = time.perf_counter()
        for a in articles:
            extract_article(a, res, timestamp=0)
        total = time.perf_counter() - t0
    finally:
        for mod, attr, fn in saved:
            setattr(mod, attr, fn)
    out = {k: round(1000 * v / n, 3) for k, v in spent.items()}
    out["other"] = round(1000 * (total - sum(spent.values())) / n, 3)
    out["total"] = round(1000 * total / n, 3)
    return out


# ----------------------------------------------------------------------------- children
def child_startup() -> dict:
    """Run in a fresh process: time import, lexicons, gazetteer and the first article."""
    t0 = time.perf_counter()
    import events.pipeline as pipeline

    t1 = time.perf_counter()
    res = pipeline.Resources()
    from events.lexicon import load_entries

    for name in ("calendar", "numbers", "casualties", "cues", "actors", "triggers", "coding", "places"):
        load_entries(name, res.lexicons)
    t2 = time.perf_counter()
    res.gazetteer  # noqa: B018
    t3 = time.perf_counter()
    from perf_corpus import seed_records

    art = replicate(seed_records(), 1)[0]
    events = pipeline.extract_article(art, res, timestamp=0).events
    t4 = time.perf_counter()
    return {"import_s": round(t1 - t0, 3), "lexicons_s": round(t2 - t1, 3), "gazetteer_s": round(t3 - t2, 3),
            "first_article_s": round(t4 - t3, 3), "in_process_s": round(t4 - t0, 3), "events": len(events),
            "peak_rss_mb": peak_rss_mb()}


def child_memory(records: list[dict], n: int) -> dict:
    from events.pipeline import extract_article

    base = rss_mb()
    res = _resources()
    loaded = rss_mb()
    for a in replicate(records, n):
        extract_article(a, res, timestamp=0)
    return {"rss_start_mb": base, "rss_loaded_mb": loaded, "rss_end_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
            "articles": n}


def run_child(args: list[str], env: dict | None = None, timeout: float = 1800) -> tuple[dict, float]:
    """Run ``run.py --child ARGS`` in a new interpreter; its JSON result and the wall time."""
    cmd = [sys.executable, str(REPO / "benchmarks" / "run.py"), "--child", *args]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=str(REPO))
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"child {args} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def _env(cache: str | None = None, data: str | None = None) -> dict:
    env = dict(os.environ)
    if cache is not None:
        env["CONFLICT_EVENTS_CACHE"] = cache
    if data is not None:
        env["CONFLICT_EVENTS_DATA"] = data  # no imported user layers: the embedded gazetteer only
    env["SOURCE_DATE_EPOCH"] = "0"
    return env


def startup(warm_runs: int, cold_runs: int) -> dict:
    """Start-up from a cold index cache (a new cache dir: the index is built) and a warm one."""
    out: dict = {"cold": [], "warm": []}
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        data = str(Path(tmp) / "data")
        cache = str(Path(tmp) / "cache-warm")
        for i in range(cold_runs):
            res, wall = run_child(["startup"], _env(str(Path(tmp) / f"cache-cold-{i}"), data))
            res["wall_s"] = round(wall, 3)
            out["cold"].append(res)
        run_child(["startup"], _env(cache, data))  # fills the warm cache
        for _ in range(warm_runs):
            res, wall = run_child(["startup"], _env(cache, data))
            res["wall_s"] = round(wall, 3)
            out["warm"].append(res)
        # the command a user types, end to end (one article, one CSV)
        clis = []
        for _ in range(warm_runs):
            outfile = Path(tmp) / "seed.csv"
            outfile.unlink(missing_ok=True)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", CLI, "extract", str(REPO / "seeds"), "-o", str(outfile)],
                           env=_env(cache, data), capture_output=True, check=True, cwd=str(REPO))
            clis.append(time.perf_counter() - t0)
        out["cli_extract_seed_s"] = [round(x, 3) for x in clis]
    for k in ("cold", "warm"):
        walls = [r["wall_s"] for r in out[k]]
        if walls:
            out[f"{k}_median_s"] = round(statistics.median(walls), 3)
            out[f"{k}_range_s"] = [min(walls), max(walls)]
    return out


def memory(records: list[dict], n: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        res, _ = run_child(["memory", str(n)], _env(None, str(Path(tmp) / "data")))
    return res


# ----------------------------------------------------------------------------- workers
def workers(records: list[dict], n: int, counts: tuple[int, ...] = (1, 2)) -> dict:
    """The real ``conflict-events build`` with ``--workers 1`` and ``2`` on ``n`` distinct articles,
    and the coding part alone (the build's own multiprocess coder, no store)."""
    out: dict = {"articles": n, "build": {}, "coder": {}, "loadavg_before": list(os.getloadavg())}
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(n):
                rec = dict(records[i % len(records)])
                rec["id"] = f"{rec['id']}#{i}"
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        env = _env(None, str(Path(tmp) / "data"))
        for k in counts:
            db = Path(tmp) / f"w{k}.db"
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", CLI, "build", str(corpus), "--db", str(db), "--workers",
                                   str(k)], env=env, capture_output=True, text=True, cwd=str(REPO))
            wall = time.perf_counter() - t0
            if proc.returncode not in (0, 1):
                raise RuntimeError(proc.stderr[-2000:])
            out["build"][f"workers_{k}"] = {"seconds": round(wall, 2), "articles_per_s": round(n / wall, 1)}
            res, _ = run_child(["coder", str(corpus), str(k)], env)
            out["coder"][f"workers_{k}"] = res
    for part in ("build", "coder"):
        w = out[part]
        if "workers_1" in w and "workers_2" in w:
            w["speedup_2_vs_1"] = round(w["workers_2"]["articles_per_s"] / w["workers_1"]["articles_per_s"], 2)
    out["loadavg_after"] = list(os.getloadavg())
    return out


_CODER_EXTRACT = None


def _code_batch(batch: list) -> list:
    from events.dataset.build import code_article

    return [code_article(a, _CODER_EXTRACT) for a in batch]


def child_coder(corpus: str, k: int) -> dict:
    """The build's coding alone, in ``k`` processes: read, code each article into storable reports
    (``code_article``, what a build worker does before it writes), collect the counts (no store)."""
    import multiprocessing as mp
    import resource

    from events.dataset.build import BuildOptions, _batches, _real_extractor
    from events.io.readers import iter_articles

    global _CODER_EXTRACT
    options = BuildOptions(workers=k)
    _CODER_EXTRACT = _real_extractor((), (), False)  # forked workers share the loaded resources
    batches = (batch for batch, _problems in _batches(iter_articles([corpus]), options.batch_size))
    self0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    n = 0
    if k == 1:
        for batch in batches:
            n += len(_code_batch(batch))
    else:
        with mp.get_context("fork").Pool(k) as pool:
            for done in pool.imap(_code_batch, batches):
                n += len(done)
    wall = time.perf_counter() - t0
    self1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    main_cpu = self1.ru_utime + self1.ru_stime - self0.ru_utime - self0.ru_stime
    workers_cpu = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
    # CPU seconds of this (main) process and of the worker processes: with k workers the main
    # process reads, sends and receives; on 2 cores its share is what the workers cannot use
    return {"seconds": round(wall, 2), "articles": n, "articles_per_s": round(n / wall, 1),
            "main_cpu_s": round(main_cpu, 2), "workers_cpu_s": round(workers_cpu, 2),
            "cpu_per_article_ms": round(1000 * (main_cpu + workers_cpu) / max(n, 1), 3)}
