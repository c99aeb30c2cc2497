"""Measure the language engine on the development corpus.

    python benchmarks/eval_language.py [--verbose]

* dates: the share of gold event dates that ``find_dates`` + ``pick_event_date`` resolve exactly
  from the article and its publication date (when ``pick_event_date`` returns None, the coder
  falls back to the publication date; that fallback is counted and reported separately);
* fatalities: the share of gold fatality counts reproduced by ``count_fatalities`` over the
  evidence (the quantities inside the evidence pieces).

An event is located by its gold ``evidence`` string, an exact substring of the article text
(pieces joined by ' … ' are separate substrings).  The event coder will pass its trigger span;
lacking triggers here, the date is picked for the first casualty word of the first evidence piece
(a death/injury/detention word from ``casualties.yaml``), or for the whole piece when it has none.
Also reports how many gold evidences hold a blocking cue (false blocks) and how many negative
statements do (the ones a cue can explain).  Prints per-item failures.  Exit status 0 always (the floor lives in tests/text/test_dev_measure.py).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.lexicon import default_lexicons  # noqa: E402
from events.mentions.base import Document, prepare  # noqa: E402
from events.mentions.dates import find_dates, pick_event_date  # noqa: E402
from events.mentions.lexscan import scan  # noqa: E402
from events.model import Article  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
SEP = " \u2026 "
_TRIGGER_TYPES = {"predicate", "counted", "pronoun", "combined", "zero"}


@dataclass
class Result:
    dates_ok: int = 0
    dates_fallback_ok: int = 0
    dates_total: int = 0
    precision_ok: int = 0  # the picked mention's precision (1 for the fallback) equals the gold one
    fat_ok: int = 0
    fat_total: int = 0
    gold_blocked: int = 0  # gold evidence pieces that start a blocking cue (should stay 0)
    negatives_blocked: int = 0  # negative statements that hold a blocking cue
    negatives_total: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def date_share(self) -> float:
        return self.dates_ok / self.dates_total if self.dates_total else 0.0

    @property
    def fatality_share(self) -> float:
        return self.fat_ok / self.fat_total if self.fat_total else 0.0


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evidence_spans(doc: Document, evidence: str) -> list[tuple[int, int]]:
    """Key spans of the evidence pieces (original offsets mapped into the key)."""
    text = doc.article.text
    spans = []
    for piece in evidence.split(SEP):
        o = text.find(piece)
        if o < 0:
            continue
        spans.append(_key_span(doc, o, o + len(piece)))
    return spans


def _key_span(doc: Document, o_start: int, o_end: int) -> tuple[int, int]:
    import bisect

    n = len(doc.key)
    originals = [doc.norm.to_original(i) for i in range(n + 1)]
    s = bisect.bisect_left(originals, o_start)
    e = bisect.bisect_left(originals, o_end)
    return s, e


def trigger_proxy(doc: Document, span: tuple[int, int]) -> tuple[int, int]:
    for a in scan(doc.key, default_lexicons(), "casualties"):
        if span[0] <= a.token_start and a.end <= span[1] and a.type in _TRIGGER_TYPES:
            return a.token_start, a.end
    return span


def evaluate(dev_dir: Path = DEV, verbose: bool = False, proxy: bool = True) -> Result:
    from events.mentions.cues import find_cues
    from events.mentions.quantities import count_fatalities, find_quantities

    articles = {a["id"]: a for a in _read(dev_dir / "articles.jsonl")}
    docs: dict[str, Document] = {}
    res = Result()
    for g in _read(dev_dir / "gold.jsonl"):
        art = articles[g["article_id"]]
        if art["id"] not in docs:
            docs[art["id"]] = prepare(Article(**art))
        doc = docs[art["id"]]
        spans = evidence_spans(doc, g["evidence"])
        if not spans:
            res.failures.append(f"{g['article_id']}: evidence not found")
            continue
        dates = find_dates(doc)
        t0, t1 = trigger_proxy(doc, spans[0]) if proxy else spans[0]
        picked = pick_event_date(doc, dates, t0, t1)
        got = picked.value.date if picked is not None else doc.published
        gold_date = g["event_date"]
        res.dates_total += 1
        precision = picked.value.precision if picked is not None else 1
        res.precision_ok += precision == g["time_precision"]
        if got is not None and got.isoformat() == gold_date:
            res.dates_ok += 1
            res.dates_fallback_ok += picked is None
        else:
            what = doc.key[picked.start : picked.end] if picked else "(publication date)"
            res.failures.append(f"date {g['article_id']} gold {gold_date} got {got} from {what!r}: {g['evidence'][:90]}")
        cues = find_cues(doc)
        if any(c.value.blocks and spans[0][0] <= c.start < spans[0][1] for c in cues):
            res.gold_blocked += 1
            res.failures.append(f"cue {g['article_id']}: a blocking cue inside the gold evidence: {g['evidence'][:90]}")
        quantities = find_quantities(doc)
        inside = [q for q in quantities if any(s <= q.start and q.end <= e for s, e in spans)]
        value, used, rule = count_fatalities(doc, inside, spans[0][0], spans[-1][1])
        res.fat_total += 1
        if value == g["fatalities"]:
            res.fat_ok += 1
        else:
            used_txt = [doc.key[q.start : q.end] for q in used]
            res.failures.append(f"fatalities {g['article_id']} gold {g['fatalities']} got {value} ({rule}, {used_txt}): "
                                f"{g['evidence'][:90]}")
    for n in _read(dev_dir / "negatives.jsonl"):
        art = articles[n["article_id"]]
        if art["id"] not in docs:
            docs[art["id"]] = prepare(Article(**art))
        doc = docs[art["id"]]
        spans = evidence_spans(doc, n["text"])
        if not spans:
            continue
        res.negatives_total += 1
        res.negatives_blocked += any(c.value.blocks and spans[0][0] <= c.start < spans[0][1] for c in find_cues(doc))
    return res


def main() -> int:
    if not (DEV / "gold.jsonl").is_file():
        print(f"development corpus not found at {DEV}")
        return 0
    res = evaluate(verbose="--verbose" in sys.argv)
    whole = evaluate(proxy=False)
    print(f"dates:      {res.dates_ok}/{res.dates_total} = {res.date_share:.3f} "
          f"({res.dates_fallback_ok} of them through the publication-date fallback)")
    print(f"            {whole.dates_ok}/{whole.dates_total} = {whole.date_share:.3f} when the whole first evidence piece "
          "is passed instead of its first casualty word")
    print(f"precision:  {res.precision_ok}/{res.dates_total} agree with the gold time_precision")
    print(f"fatalities: {res.fat_ok}/{res.fat_total} = {res.fatality_share:.3f}")
    print(f"cues:       {res.gold_blocked}/{res.dates_total} gold evidences hold a blocking cue (should be 0); "
          f"{res.negatives_blocked}/{res.negatives_total} negatives do (denials, threats, generic statements ...)")
    for f in res.failures:
        print("  FAIL", f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
