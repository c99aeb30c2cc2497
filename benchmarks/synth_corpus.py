"""Make a large corpus by sampling and recombining real sentences of the development corpus.

    python benchmarks/synth_corpus.py 100000 -o benchmarks/_work/synth-100000.jsonl [--seed 7]

Each synthetic article takes one real article as its source: its publication date, its
language and its headline/dateline, then a random subset of its sentences in their original
order (so relative dates such as 'yesterday' still resolve to the incident's day), sometimes
followed by sentences of another article published the same day.  Outlets are drawn from a
pool with ACLED source scales.  The same incident therefore appears in many articles from many
outlets, as wire copy does, and the dataset builder has to merge it.

The output is deterministic for a given size and seed, and written as a stream (constant memory).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "corpus" / "dev" / "articles.jsonl"

OUTLETS = [
    ("Wire Alpha", "International"), ("Wire Beta", "International"), ("Levant Daily", "Regional"),
    ("Gulf Observer", "Regional"), ("Damascus Times", "National"), ("Baghdad Post", "National"),
    ("Euphrates FM", "Subnational"), ("Jazira Voice", "Subnational"), ("Monitor Network", "Other"),
    ("Channel Seven", "National"), ("Telegram Watch", "New media"), ("Local Partner SY", "Local partner"),
]
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def _sentences(text: str) -> tuple[str, list[str]]:
    """The first line (headline or dateline) and the sentences of the rest."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return "", []
    head, rest = lines[0], lines[1:]
    out: list[str] = []
    for ln in rest:
        out.extend(s for s in _SENTENCE_END.split(ln.strip()) if s)
    return head, out


def load_sources(path: Path = DEV) -> list[dict]:
    sources = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                art = json.loads(raw)
                art["head"], art["sentences"] = _sentences(art["text"])
                sources.append(art)
    return sources


def synthesize(n: int, seed: int = 7, sources: list[dict] | None = None) -> Iterator[dict]:
    """``n`` synthetic articles (dicts in the JSONL article format)."""
    sources = sources or load_sources()
    by_date: dict[str, list[dict]] = {}
    for s in sources:
        by_date.setdefault(s["published"], []).append(s)
    rnd = random.Random(seed)
    for i in range(n):
        src = rnd.choice(sources)
        keep = [s for s in src["sentences"] if rnd.random() < 0.6] or src["sentences"][:1]
        mates = [m for m in by_date[src["published"]] if m is not src and m["language"] == src["language"]]
        if mates and rnd.random() < 0.3:
            mate = rnd.choice(mates)
            keep += [s for s in mate["sentences"] if rnd.random() < 0.3]
        outlet, scale = rnd.choice(OUTLETS)
        paragraphs = [src["head"]] + [" ".join(keep[j:j + 2]) for j in range(0, len(keep), 2)]
        yield {"id": f"syn-{seed}-{i:07d}", "published": src["published"], "outlet": outlet, "source_scale": scale,
               "language": src["language"], "url": f"https://example.org/{seed}/{i}", "text": "\n\n".join(paragraphs)}


def write_corpus(n: int, path: Path, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    with tmp.open("w", encoding="utf-8") as fh:
        for art in synthesize(n, seed):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    write_corpus(args.n, args.output, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
