"""Throughput of the text layer: normaliser + matcher with the full language lexicons.

    python benchmarks/bench_text.py [--mb 4]

Builds a synthetic Arabic/English news text of about ``--mb`` megabytes from sentences written in
the style of the development corpus (no corpus file is read), then times, best of three:

* ``normalize`` alone (match key + offset map);
* ``normalize`` + one scan of every language lexicon (calendar, numbers, casualties, cues) with
  the shared clitic-aware ``Matcher``, overlaps resolved;
* the full finders (``find_dates`` + ``find_quantities`` + ``find_cues``) on article-sized
  documents (sentences, clauses and grammars included).

Reports MB/s of UTF-8 input.  ``--dev`` repeats the real articles of the development corpus
instead (less dense in dates and counts than the synthetic sentences).  Gazetteer patterns are
added by the gazetteer helper's benchmark.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.lexicon import default_lexicons  # noqa: E402
from events.mentions.base import prepare  # noqa: E402
from events.mentions.cues import find_cues  # noqa: E402
from events.mentions.dates import find_dates  # noqa: E402
from events.mentions.lexscan import atom_matcher  # noqa: E402
from events.mentions.quantities import find_quantities  # noqa: E402
from events.model import Article  # noqa: E402
from events.text import normalize  # noqa: E402
from events.text.matcher import resolve_overlaps  # noqa: E402

SENTENCES = [
    "قُتل 14 عنصرًا من قوات الجيش على الأقل، من جرّاء هجوم مباغت شنّه التنظيم على حافلة عسكرية، وفق ما أفاد المرصد اليوم الثلاثاء.",
    "وأصيب ثلاثة أشخاص بجروح، مساء الجمعة 29 أيلول/سبتمبر، إثر انفجار عبوة ناسفة في المدينة.",
    "ويوم الثلاثاء الماضي أيضاً، قتل الشاب جراء انفجار لغم أرضي بجرار زراعي في بلدة شرقي درعا.",
    "نفت مصادر إعلامية محلية صحة الأنباء المتداولة عن عبور الشيخ إلى مناطق سيطرة النظام.",
    "أعلنت السلطات، اليوم، ارتفاع حصيلة الضحايا جراء القصف على البلدة إلى خمسة قتلى، مع احتمال زيادة العدد.",
    "وقال الجيش إنه سيقصف مواقع التنظيم إذا استمرت الهجمات، دون تسجيل إصابات حتى اللحظة.",
    "At least nine civilians were killed and more than 34 wounded after warplanes struck a market on Sunday.",
    "The SDF said they will retaliate, a war monitor told reporters on Monday.",
    "«قُتل ثلاثة مدنيين. وأصيب سبعة آخرون» بحسب مصدر طبي، فيما لم يتم التعرف على هوياتهم.",
    "وتواصل استهداف قادتها عبر الطيران المسير وقتلت العشرات منهم خلال الأشهر الأخيرة.",
]


def corpus(mb: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs, size = [], 0
    while size < mb * 1_000_000:
        doc = "\n".join(rng.choice(SENTENCES) for _ in range(12))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def dev_corpus(mb: float) -> list[str]:
    import json

    path = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
    if not path.is_file():
        raise SystemExit(f"development corpus not found at {path}")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    docs, size = [], 0
    while size < mb * 1_000_000:
        for t in texts:
            docs.append(t)
            size += len(t.encode("utf-8"))
    return docs


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=4.0, help="size of the synthetic text in MB (default 4)")
    ap.add_argument("--dev", action="store_true", help="repeat the development corpus texts instead (if present)")
    args = ap.parse_args()
    docs = dev_corpus(args.mb) if args.dev else corpus(args.mb)
    text = "\n".join(docs)
    mb = len(text.encode("utf-8")) / 1_000_000
    lex = default_lexicons()
    matchers = [atom_matcher(lex, name) for name in ("calendar", "numbers", "casualties", "cues")]
    patterns = sum(len(m) for m in matchers)

    def norm_only():
        normalize(text)

    def norm_match():
        key = normalize(text).key
        for m in matchers:
            resolve_overlaps(m.iter_raw(key))

    t_norm = best(norm_only)
    t_match = best(norm_match)
    small = docs[: max(1, len(docs) // 20)]
    small_mb = sum(len(d.encode("utf-8")) for d in small) / 1_000_000

    def finders():
        for d in small:
            doc = prepare(Article(id="b", text=d, published="2024-03-20"))
            find_dates(doc, lex)
            find_quantities(doc, lex)
            find_cues(doc, lex)

    t_find = best(finders, repeat=1)
    print(f"text: {mb:.1f} MB in {len(docs)} documents; {patterns} lexicon patterns in 4 matchers")
    print(f"normalize:                 {mb / t_norm:7.1f} MB/s")
    print(f"normalize + 4 matchers:    {mb / t_match:7.1f} MB/s")
    print(f"dates+quantities+cues:     {small_mb / t_find:7.2f} MB/s (on {small_mb:.2f} MB of article-sized documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
