"""ACLED's fatality figure for one event, from the quantities found in its evidence.

``count_fatalities(doc, quantities, start, end)`` returns ``(figure, mentions used, rule id)``:

* only **killed** counts count; wounded, missing, detained and people are ignored; a count that is
  part of an earlier one (``بينهم 4 أطفال``, 'including two children') is skipped;
* a **running total** ('the toll rose to N') replaces everything else: the last one is used
  (``fatalities.running-total``); a cumulative toll over a period ('ليرتفع عدد القتلى منذ مطلع
  العام إلى 150', category ``cumulative``) is a statistic and never counts;
* inside one sentence, counts of distinct groups that are coordinated under the same predicate
  ('6 fighters from the tribes and three SDF fighters were killed') or marked as additional
  ('مقاتل آخر', 'one other') **add up** (``fatalities.sum``); other counts of the same sentence are
  restatements or conflicting figures and the **lowest** is kept;
* across sentences, a count marked as additional ('The strike also killed one other member')
  adds; otherwise the sentences report the same incident and the **lowest credible** figure is
  kept (``fatalities.lowest``);
* vague amounts count by ACLED's table (tens 10, dozens 12, hundreds 100, several 3); 'a number
  of' (unspecified) gives nothing when a figure exists, and 0 otherwise (the house convention
  for unspecified losses, ``fatalities.unspecified``);
* an explicit zero ('دون إصابات', 'no one was killed') gives 0 (``fatalities.explicit-zero``);
  only 'casualties' (may include the wounded) gives 0 (``fatalities.casualties-only``);
  nothing at all gives 0 (``fatalities.none``).
"""

from __future__ import annotations

import bisect

from .base import Document, Mention

__all__ = ["count_fatalities"]


def _coordinated(doc: Document, a: Mention, b: Mention) -> bool:
    gap = doc.key[a.end : b.start].strip(" ,\"")
    return gap in ("و", "and", ", and")


def _within(doc: Document, quantities: list[Mention], start: int, end: int) -> list[Mention]:
    """The quantities inside [start, end), in list order (bisected when the list is sorted by start,
    as ``find_quantities`` returns it; indexed once per document and list)."""
    k = ("quantity-starts", id(quantities))
    memo = doc.memo.get(k)
    if memo is None or memo[0] is not quantities or len(memo[1]) != len(quantities):
        starts = [q.start for q in quantities]
        memo = doc.memo[k] = (quantities, starts, all(a <= b for a, b in zip(starts, starts[1:], strict=False)))
    _, starts, in_order = memo
    cands = quantities[bisect.bisect_left(starts, start):bisect.bisect_right(starts, end)] if in_order else quantities
    return [q for q in cands if start <= q.start and q.end <= end]


def count_fatalities(doc: Document, quantities: list[Mention], start: int, end: int) -> tuple[int, list[Mention], str]:
    qs = sorted(_within(doc, quantities, start, end), key=lambda q: q.start)
    killed = [q for q in qs if q.value.category == "killed" and not q.value.subset]
    running = [q for q in killed if q.value.running_total]
    if running:
        return running[-1].value.value, [running[-1]], "fatalities.running-total"
    figures = [q for q in killed if q.value.qualifier != "unspecified" and not q.value.explicit_zero]
    if figures:
        return _combine(doc, figures)
    zeros = [q for q in qs if q.value.explicit_zero and q.value.category in ("killed", "casualties")]
    if zeros:
        return 0, zeros[:1], "fatalities.explicit-zero"
    unspecified = [q for q in killed if q.value.qualifier == "unspecified"]
    if unspecified:
        return 0, unspecified, "fatalities.unspecified"
    casualties = [q for q in qs if q.value.category == "casualties"]
    if casualties:
        return 0, casualties, "fatalities.casualties-only"
    return 0, [], "fatalities.none"


def _combine(doc: Document, figures: list[Mention]) -> tuple[int, list[Mention], str]:
    by_sentence: dict[int, list[Mention]] = {}
    for q in figures:
        s = doc.sentence_at(q.start)
        by_sentence.setdefault(s.index if s is not None else -1, []).append(q)
    total: int | None = None
    used: list[Mention] = []
    rule = "fatalities.killed"
    for _, items in sorted(by_sentence.items()):
        s_total = items[0].value.value
        s_used = [items[0]]
        for prev, q in zip(items, items[1:], strict=False):
            if q.value.additive or _coordinated(doc, prev, q):
                s_total += q.value.value
                s_used.append(q)
                rule = "fatalities.sum"
            elif q.value.value < s_total:
                s_total, s_used = q.value.value, [q]
                rule = "fatalities.lowest"
        if total is None:
            total, used = s_total, s_used
        elif items[0].value.additive:
            total += s_total
            used += s_used
            rule = "fatalities.sum"
        elif s_total != total:
            if s_total < total:
                total, used = s_total, s_used
            rule = "fatalities.lowest"
    return total or 0, used, rule
