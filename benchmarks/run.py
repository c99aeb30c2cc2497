"""The performance benchmark of conflict-events (issue 8), in one command.

    python benchmarks/run.py            # full run (about 6 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smaller run (about 2 minutes)
    python benchmarks/run.py --only pipeline,startup --articles 5000

Prints a table and writes everything to ``benchmarks/results/perf.json`` (``perf-quick.json`` with
``--quick``).  Sections:

* ``pipeline``  articles/s and sentences/s of the whole pipeline (``extract_article``) on one core,
                on the seed and on ``../shared/corpus/dev`` replicated to ``--articles`` (20,000);
                the dev part is skipped when ../shared is absent;
* ``stages``    milliseconds per article in each stage;
* ``startup``   import + lexicons + gazetteer + first article in a fresh process, with a cold index
                cache (a new ``CONFLICT_EVENTS_CACHE``: the index is built) and a warm one;
* ``memory``    peak resident memory of a process that loads everything and codes articles;
* ``workers``   ``conflict-events build --workers 1`` and ``2`` on distinct articles, and the
                build's multiprocess coder alone;
* ``peer``      place-name matching against spaCy's PhraseMatcher, same names, same texts, same
                process (needs ``pip install -e '.[bench]'``; skipped with a message otherwise);
* ``growth``    matching time and memory as the gazetteer grows (1k .. 1M names) and as one
                article grows (1 KB .. 1 MB);
* ``text``      MB/s of the text layer (normaliser, lexicon matchers, gazetteer matcher).

Run timing on a quiet machine; every section reports its spread or repeats.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import perf_matching as pm  # noqa: E402
import perf_pipeline as pp  # noqa: E402
from perf_corpus import RESULTS, corpus_records, dev_records, machine, seed_records  # noqa: E402

SECTIONS = ("pipeline", "stages", "startup", "memory", "workers", "peer", "growth", "text")
TARGETS = {
    "seed_articles_per_s": 1000, "warm_startup_s": 1.0, "cold_build_s": 30.0, "peak_rss_mb": 1024,
    "peer_ratio": 10.0, "workers_speedup": 1.8,
}


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _main_records() -> tuple[str, list[dict]]:
    dev = dev_records()
    return ("dev", dev) if dev else ("seed", seed_records())


# ----------------------------------------------------------------------------- sections
def run_pipeline(n: int) -> dict:
    out = {}
    for name in ("seed", "dev"):
        recs = corpus_records(name)
        if not recs:
            out[name] = {"skipped": "../shared/corpus/dev is absent"}
            continue
        _log(f"pipeline: {name} x {n}")
        out[name] = pp.throughput(recs, n)
    return out


def run_stages(n: int) -> dict:
    out = {}
    for name in ("seed", "dev"):
        recs = corpus_records(name)
        if recs:
            _log(f"stages: {name} x {n}")
            out[name] = pp.stages(recs, n)
    return out


def run_growth(quick: bool) -> dict:
    name, recs = _main_records()
    sizes = [1_000, 10_000, 100_000] if quick else [1_000, 10_000, 100_000, 1_000_000]
    rows = []
    with tempfile.TemporaryDirectory(prefix="ce-bench-") as tmp:
        names_file = Path(tmp) / "names.txt"
        embedded = pm.write_names(names_file)
        for size in sizes:
            _log(f"growth: gazetteer of {size} names")
            res, _ = pp.run_child(["growth-gazetteer", str(names_file), str(size)])
            rows.append(res)
    xs = [r["names"] for r in rows]
    gaz = {"corpus": name, "embedded_names": embedded, "rows": rows,
           "match_slope": pm.slope(xs, [r["match_ms"] for r in rows]),
           "match_ratio_last_first": round(rows[-1]["match_ms"] / rows[0]["match_ms"], 2),
           "memory_slope": pm.slope(xs, [max(r["rss_delta_mb"], 0.1) for r in rows])}
    _log("growth: text size")
    text = pm.text_growth(recs, [1_000, 10_000, 100_000, 1_000_000])
    return {"gazetteer": gaz, "text": text}


def run_text(mb: float) -> dict:
    from bench_text import corpus

    from events.lexicon import default_lexicons
    from events.mentions.lexscan import atom_matcher
    from events.pipeline import default_resources
    from events.text import normalize
    from events.text.matcher import resolve_overlaps

    text = "\n".join(corpus(mb))
    size = len(text.encode("utf-8")) / 1e6
    lex = default_lexicons()
    matchers = [atom_matcher(lex, n) for n in ("calendar", "numbers", "casualties", "cues")]
    gz = default_resources().gazetteer
    key = normalize(text).key
    t_norm = pm._timed(lambda: normalize(text), min_time=0.5)
    t_lex = pm._timed(lambda: [resolve_overlaps(m.iter_raw(key)) for m in matchers], min_time=0.5)
    t_gaz = pm._timed(lambda: gz.matcher.find(key, ["place"]), min_time=0.5)
    return {"mb": round(size, 2), "normalize_mb_per_s": round(size / t_norm, 1),
            "lexicon_matchers_mb_per_s": round(size / t_lex, 1), "gazetteer_matcher_mb_per_s": round(size / t_gaz, 1),
            "lexicon_patterns": sum(len(m) for m in matchers), "gazetteer_patterns": len(gz.matcher._automaton)}


# ----------------------------------------------------------------------------- report
def targets(r: dict) -> list[dict]:
    out = []

    def add(name, measured, target, ok):
        out.append({"target": name, "measured": measured, "goal": target, "met": bool(ok) if measured is not None
                    else None})

    seed = r.get("pipeline", {}).get("seed", {})
    v = seed.get("articles_per_s")
    add("seed-sized articles/s, one core", v, f">= {TARGETS['seed_articles_per_s']}",
        v is not None and v >= TARGETS["seed_articles_per_s"])
    st = r.get("startup", {})
    v = st.get("warm_median_s")
    add("warm start-up (s)", v, f"<= {TARGETS['warm_startup_s']}", v is not None and v <= TARGETS["warm_startup_s"])
    v = st.get("cold_median_s")
    add("cold start-up incl. index build (s)", v, f"<= {TARGETS['cold_build_s']}",
        v is not None and v <= TARGETS["cold_build_s"])
    v = r.get("memory", {}).get("peak_rss_mb")
    add("peak memory (MB)", v, f"<= {TARGETS['peak_rss_mb']}", v is not None and v <= TARGETS["peak_rss_mb"])
    v = r.get("peer", {}).get("ratio")
    add("place matching vs spaCy PhraseMatcher (x)", v, f">= {TARGETS['peer_ratio']}",
        v is not None and v >= TARGETS["peer_ratio"])
    w = r.get("workers", {})
    for part in ("build", "coder"):
        v = w.get(part, {}).get("speedup_2_vs_1")
        add(f"2 workers vs 1 ({part})", v, f">= {TARGETS['workers_speedup']}",
            v is not None and v >= TARGETS["workers_speedup"])
    return out


def render(r: dict) -> str:
    lines = [f"conflict-events performance  {r['date']}  {r['machine']['cpu']}  nproc={r['machine']['nproc']}  "
             f"python {r['machine']['python']}  commit {r['machine']['commit']}", ""]
    for name, p in r.get("pipeline", {}).items():
        if "skipped" in p:
            lines.append(f"pipeline {name:5s}: skipped ({p['skipped']})")
            continue
        lines.append(f"pipeline {name:5s}: {p['articles_per_s']:8.1f} articles/s  {p['sentences_per_s']:9.1f} "
                     f"sentences/s  {p['kb_per_s']:7.1f} KB/s  ({p['articles']} articles, "
                     f"{p['sentences_per_article']} sentences and {p['kb_per_article']} KB each; chunks "
                     f"{min(p['chunk_articles_per_s'])}-{max(p['chunk_articles_per_s'])}/s)")
    for name, s in r.get("stages", {}).items():
        parts = "  ".join(f"{k} {v:.3f}" for k, v in s.items() if k != "total")
        lines.append(f"stages {name:5s} (ms/article, total {s['total']:.3f}): {parts}")
    st = r.get("startup")
    if st:
        w = st["warm"][0] if st["warm"] else {}
        lines.append(f"start-up: warm {st.get('warm_median_s')} s (range {st.get('warm_range_s')}; import "
                     f"{w.get('import_s')}, lexicons {w.get('lexicons_s')}, gazetteer {w.get('gazetteer_s')}, first "
                     f"article {w.get('first_article_s')}); cold {st.get('cold_median_s')} s; CLI extract of the "
                     f"seed {st.get('cli_extract_seed_s')} s")
    if r.get("memory"):
        m = r["memory"]
        lines.append(f"memory: peak {m['peak_rss_mb']} MB (loaded {m['rss_loaded_mb']} MB, after {m['articles']} "
                     f"articles {m['rss_end_mb']} MB)")
    w = r.get("workers")
    if w:
        for part in ("build", "coder"):
            d = w.get(part, {})
            if d:
                lines.append(f"workers ({part}, {w['articles']} articles): " + "  ".join(
                    f"{k} {v['articles_per_s']}/s" for k, v in d.items() if isinstance(v, dict))
                    + f"  speed-up {d.get('speedup_2_vs_1')}x")
    p = r.get("peer")
    if p:
        if "skipped" in p:
            lines.append(f"peer: skipped ({p['skipped']})")
        else:
            lines.append(f"peer (spaCy {p['spacy']} PhraseMatcher, {p['names']} names, {p['mb']} MB of keys): ours "
                         f"{p['ours_mb_per_s']} MB/s, spaCy {p['spacy_mb_per_s']} MB/s -> {p['ratio']}x "
                         f"({p['ratio_matcher_only']}x against its matcher alone); matches {p['matches_ours']} vs "
                         f"{p['matches_spacy']}")
    g = r.get("growth")
    if g:
        gz = g["gazetteer"]
        lines.append("growth, gazetteer: " + "  ".join(
            f"{x['names']:,} names {x['match_ms']} ms/{x['rss_delta_mb']} MB" for x in gz["rows"])
            + f"  (time slope {gz['match_slope']}, last/first {gz['match_ratio_last_first']}x)")
        tx = g["text"]
        lines.append("growth, article: " + "  ".join(
            f"{x['bytes']:,} B match {x['match_ms']} ms pipeline {x['pipeline_ms']} ms"
            + (" (bigger sizes abandoned)" if x.get("abandoned") else "") for x in tx["rows"])
            + f"  (slopes: match {tx['match_slope']}, pipeline {tx['pipeline_slope']}, memory {tx['memory_slope']})")
    t = r.get("text")
    if t:
        lines.append(f"text layer ({t['mb']} MB): normalize {t['normalize_mb_per_s']} MB/s, lexicon matchers "
                     f"{t['lexicon_matchers_mb_per_s']} MB/s, gazetteer matcher {t['gazetteer_matcher_mb_per_s']} MB/s")
    lines.append("")
    lines.append("| target | goal | measured | met |")
    lines.append("| --- | --- | --- | --- |")
    for x in r.get("targets", []):
        met = "n/a" if x["met"] is None else ("yes" if x["met"] else "no")
        lines.append(f"| {x['target']} | {x['goal']} | {x['measured']} | {met} |")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- entry points
def child(args: list[str]) -> int:
    kind = args[0]
    if kind == "startup":
        res = pp.child_startup()
    elif kind == "memory":
        _, recs = _main_records()
        res = pp.child_memory(recs, int(args[1]))
    elif kind == "coder":
        res = pp.child_coder(args[1], int(args[2]))
    elif kind == "growth-gazetteer":
        _, recs = _main_records()
        res = pm.child_growth_gazetteer(args[1], int(args[2]), recs)
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(res))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller corpora and fewer repeats")
    ap.add_argument("--articles", type=int, help="articles per corpus for the pipeline (default 20000; quick 2000)")
    ap.add_argument("--only", help=f"comma-separated sections of: {', '.join(SECTIONS)}")
    ap.add_argument("--out", type=Path, help="JSON output (default benchmarks/results/perf.json)")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    n = args.articles or (2000 if args.quick else 20000)
    r: dict = {"date": dt.date.today().isoformat(), "machine": machine(), "quick": args.quick,
               "loadavg_start": list(os.getloadavg())}
    t0 = time.perf_counter()
    if "pipeline" in only:
        r["pipeline"] = run_pipeline(n)
    if "stages" in only:
        r["stages"] = run_stages(max(500, n // 10))
    if "startup" in only:
        _log("startup")
        r["startup"] = pp.startup(warm_runs=3 if args.quick else 5, cold_runs=1 if args.quick else 2)
    if "memory" in only:
        _log("memory")
        r["memory"] = pp.memory([], 1000 if args.quick else 5000)
    if "workers" in only:
        name, _ = _main_records()
        recs = corpus_records("synth") if name == "dev" else seed_records()
        if name != "dev":  # repeated texts would be skipped by the store: make each copy distinct
            recs = [dict(recs[0], text=recs[0]["text"] + f"\n\n{i}") for i in range(200)]
        _log("workers")
        r["workers"] = pp.workers(recs, 1000 if args.quick else 6000)
    if "peer" in only:
        _log("peer")
        r["peer"] = pm.peer(_main_records()[1])
    if "growth" in only:
        r["growth"] = run_growth(args.quick)
    if "text" in only:
        _log("text")
        r["text"] = run_text(1.0 if args.quick else 4.0)
    r["targets"] = targets(r)
    r["seconds"] = round(time.perf_counter() - t0, 1)
    r["loadavg_end"] = list(os.getloadavg())
    out = args.out or RESULTS / ("perf-quick.json" if args.quick else "perf.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.only and out.is_file():  # a partial run updates the sections it ran
        old = json.loads(out.read_text(encoding="utf-8"))
        old.update(r)
        r = old
        r["targets"] = targets(r)
    out.write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(render(r))
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
