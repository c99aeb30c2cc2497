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
  kept (``fatalities.lowest``) — except in a fight between two sides (``two_sided``), where a
  count of one side's dead ('مقتل أحد عناصر وزارة الدفاع') is part of a total given for the
  whole fight ('4 قتلى جراء اشتباكات'): the total is kept (``fatalities.total``);
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

__all__ = ["count_fatalities", "count_fatalities_in"]


def _coordinated(doc: Document, a: Mention, b: Mention) -> bool:
    gap = doc.key[a.end : b.start].strip(" ,\"")
    return gap in ("و", "and", ", and")


def count_fatalities(doc: Document, quantities: list[Mention], start: int, end: int) -> tuple[int, list[Mention], str]:
    return count_fatalities_in(doc, quantities, [(start, end)])


def count_fatalities_in(doc: Document, quantities: list[Mention], spans: list[tuple[int, int]], *,
                        two_sided: bool = False) -> tuple[int, list[Mention], str]:
    """ACLED's figure over several key spans of one event (its clauses in several sentences)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]

    def inside(q: Mention) -> bool:
        i = bisect.bisect_right(starts, q.start) - 1
        return i >= 0 and q.end <= ordered[i][1] or any(s <= q.start and q.end <= e for s, e in ordered[max(0, i - 2):i])

    qs = sorted((q for q in quantities if inside(q)), key=lambda q: q.start)
    killed = [q for q in qs if q.value.category == "killed" and not q.value.subset]
    running = [q for q in killed if q.value.running_total]
    if running:
        return running[-1].value.value, [running[-1]], "fatalities.running-total"
    figures = [q for q in killed if q.value.qualifier != "unspecified" and not q.value.explicit_zero]
    if figures:
        return _combine(doc, figures, two_sided)
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


def _partial(items: list[Mention]) -> bool:
    """Counts that name whose dead they are (one side of a fight): 'من عناصر قسد', 'أحد عناصر وزارة الدفاع'."""
    return all(q.value.group or any(".victim.member" in e for e in q.value.entries) for q in items)


def _combine(doc: Document, figures: list[Mention], two_sided: bool = False) -> tuple[int, list[Mention], str]:
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
            if two_sided and _partial(s_used) != _partial(used):
                # one side's dead versus the toll of the whole fight: the toll
                if _partial(used) and s_total > total:
                    total, used = s_total, s_used
                rule = "fatalities.total"
                continue
            if s_total < total:
                total, used = s_total, s_used
            rule = "fatalities.lowest"
    return total or 0, used, rule
