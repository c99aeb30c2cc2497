"""Corpora and machine facts shared by the ``run.py`` benchmark sections.

* ``seed``: the seed article (``seeds/``), always present;
* ``dev``: the 32 articles of ``../shared/corpus/dev`` (absent on a bare clone: skipped);
* ``synth``: articles recombined from the dev sentences by ``synth_corpus.py`` (distinct texts,
  used where repeated texts would be skipped, e.g. by ``build``).

A corpus is *replicated* to the requested number of articles by cycling through its distinct
articles; each copy is a fresh ``Article`` object and the pipeline keeps no cache keyed by an
article's text, so a replicated corpus costs what as many distinct articles of that shape cost.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
SEED_DIR = REPO / "seeds"
RESULTS = REPO / "benchmarks" / "results"
ARTICLE_FIELDS = ("id", "text", "published", "outlet", "url", "language")


def seed_records() -> list[dict]:
    out = []
    for txt in sorted(SEED_DIR.glob("*.txt")):
        meta_path = txt.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        rec = {k: meta.get(k, "") for k in ARTICLE_FIELDS}
        rec.update(id=meta.get("id") or txt.stem, text=txt.read_text(encoding="utf-8"))
        rec["published"] = rec["published"] or None
        out.append(rec)
    return out


def dev_records() -> list[dict] | None:
    if not DEV.is_file():
        return None
    recs = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            recs.append({k: d.get(k) for k in ARTICLE_FIELDS})
    return recs


def synth_records(n: int, seed: int = 7) -> list[dict] | None:
    if not DEV.is_file():
        return None
    from synth_corpus import synthesize

    return [{k: d[k] for k in ARTICLE_FIELDS} for d in synthesize(n, seed)]


def corpus_records(name: str) -> list[dict] | None:
    if name == "seed":
        return seed_records()
    if name == "dev":
        return dev_records()
    if name == "synth":
        return synth_records(2000)
    raise ValueError(name)


def replicate(records: list[dict], n: int) -> list:
    """``n`` fresh ``Article`` objects cycling through ``records`` (ids made unique)."""
    from events.model import Article

    out = []
    for i in range(n):
        rec = dict(records[i % len(records)])
        rec["id"] = f"{rec['id']}#{i}"
        out.append(Article(**rec))
    return out


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = ""
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return {"nproc": cores, "cpu": model or platform.processor(), "python": platform.python_version(),
            "platform": platform.platform(), "commit": commit}


def peak_rss_mb() -> float:
    """Peak resident set of this process (VmHWM; ru_maxrss would include the parent's across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0
