"""Which date governs an event: the attachment policy the event coder calls.

``pick_event_date(doc, dates, start, end)`` takes the key span of an event's trigger or evidence
and returns the date mention that governs it, in this order:

1. **same clause**: the dated mentions of the clause(s) the span lies in: first those between the
   same commas as the span ('قتل شاب في 14 شباط، وقصفت الطائرات البلدة في 16 شباط': the shelling
   is the 16th), then the nearest to the span (a date inside the span is at distance 0; on a tie,
   the earlier one);
2. **same sentence**: the nearest in the rest of the sentence;
3. **narrative context**: the dates carried from earlier sentences, going back sentence by
   sentence to the start of the article; in the nearest sentence that has one, its last usable
   date (a narrative date set earlier governs what follows until a new date is given);
4. **report date of the sentence**: a date attached to a speech verb that *follows* the reported
   content ('..., the general told reporters on Monday'; '..., وفق ما أفاد المرصد اليوم') says
   when it was said, so it yields to a narrative date and is used only when there is none;
5. **lead date**: the first usable date of the article's first three body sentences;
6. otherwise ``None``: the coder falls back to the publication date and flags it.

Usable dates have a day (precision 1), a week (2) or a month (3) and are not 'since' spans,
durations or future dates.  When the clause or sentence holds only an undatable time ('recently',
'في وقت سابق', a year or month alone, a 'since' span), that mention is returned, so the coder sees
that the statement is not tied to a day and does not borrow a date from elsewhere.
"""

from __future__ import annotations

import bisect

from .base import DateValue, Document, Mention

__all__ = ["pick_event_date", "usable"]

_BLOCKING = frozenset({"vague", "year-only", "month-only", "since", "duration"})


def usable(m: Mention) -> bool:
    v: DateValue = m.value
    return v.date is not None and not (v.flags & {"since", "duration", "future", "year-only", "month-only", "vague"})


def _blocking(m: Mention) -> bool:
    return bool(m.value.flags & _BLOCKING)


def _distance(m: Mention, start: int, end: int) -> int:
    if m.end <= start:
        return start - m.end
    if m.start >= end:
        return m.start - end
    return 0


def _nearest(cands: list[Mention], start: int, end: int) -> Mention | None:
    if not cands:
        return None
    return min(cands, key=lambda m: (_distance(m, start, end), m.start))


def _postposed(m: Mention) -> bool:
    return "postposed" in m.value.flags


class _DateIndex:
    """A document's date mentions indexed once for every event of the document: the dates of a
    span by bisection (when the list is sorted by start, as ``find_dates`` returns it) and the
    narrative date each sentence inherits from the sentences before it."""

    def __init__(self, doc: Document, dates: list[Mention]) -> None:
        self.dates = dates
        self.size = len(dates)
        self.starts = [m.start for m in dates]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))
        n = len(doc.sentences)
        last_any: list[Mention | None] = [None] * n
        last_plain: list[Mention | None] = [None] * n
        for m in dates:  # in list order: the last one of a sentence wins, as here[-1] / plain[-1]
            s = doc.sentence_at(m.start)
            if s is None or not usable(m) or "backref" in m.value.flags:
                continue
            last_any[s.index] = m
            if not _postposed(m):
                last_plain[s.index] = m
        # carried[i]: the last plain date of the nearest earlier sentence that has one, else the last
        # usable date of the nearest earlier sentence that has any (see _carried)
        self.carried: list[Mention | None] = []
        plain = anyd = None
        for i in range(n):
            self.carried.append(plain if plain is not None else anyd)
            if last_plain[i] is not None:
                plain = last_plain[i]
            if last_any[i] is not None:
                anyd = last_any[i]

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The dates with lo <= start < hi, in list order."""
        if self.sorted:
            return self.dates[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]
        return [m for m in self.dates if lo <= m.start < hi]


def _index(doc: Document, dates: list[Mention]) -> _DateIndex:
    k = ("date-index", id(dates))
    idx = doc.memo.get(k)
    if idx is None or idx.dates is not dates or idx.size != len(dates):
        idx = doc.memo[k] = _DateIndex(doc, dates)
    return idx


def pick_event_date(doc: Document, dates: list[Mention], start: int, end: int) -> Mention | None:
    """The date mention governing the event at key span [start, end), or None (see module doc)."""
    sent = doc.sentence_at(start) or doc.sentence_at(max(start, end - 1))
    if sent is None:
        return None
    index = _index(doc, dates)
    in_sentence = index.between(sent.start, sent.end)
    clauses = [c for c in doc.clauses(sent) if c[0] < max(end, start + 1) and c[1] > start]
    lo = min((c[0] for c in clauses), default=sent.start)
    hi = max((c[1] for c in clauses), default=sent.end)
    in_clause = [m for m in in_sentence if lo <= m.start < hi]
    seg_lo, seg_hi = _segment(doc.key, lo, hi, start, end)
    in_segment = [m for m in in_clause if seg_lo <= m.start and m.end <= seg_hi]
    for scope in (in_segment, in_clause, in_sentence):
        good = [m for m in scope if usable(m) and not _postposed(m)]
        best = _nearest(good, start, end)
        if best is not None:
            return best
        blocking = [m for m in scope if _blocking(m)]
        if blocking:
            return _nearest(blocking, start, end)
    # 3. narrative context: earlier sentences, nearest first
    postposed_here = [m for m in in_sentence if usable(m) and _postposed(m)]
    carried = index.carried[sent.index]
    if carried is not None:
        return carried
    if postposed_here:
        return _nearest(postposed_here, start, end)
    return _lead(doc, dates)


def _segment(key: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The stretch of the clause between the commas around the span."""
    a = max(key.rfind(",", lo, start), key.rfind(";", lo, start))
    b_candidates = [i for i in (key.find(",", end, hi), key.find(";", end, hi)) if i >= 0]
    return (a + 1 if a >= 0 else lo), (min(b_candidates) if b_candidates else hi)


def _carried(doc: Document, dates: list[Mention], index: int) -> Mention | None:
    """The date carried into sentence ``index``, walking back sentence by sentence: the definition
    that ``_DateIndex.carried`` tabulates once per document (tests compare the two)."""
    fallback: Mention | None = None
    for i in range(index - 1, -1, -1):
        s = doc.sentences[i]
        here = [m for m in dates if s.start <= m.start < s.end and usable(m) and "backref" not in m.value.flags]
        if not here:
            continue
        plain = [m for m in here if not _postposed(m)]
        if plain:
            return plain[-1]
        fallback = fallback or here[-1]
    return fallback


def _lead(doc: Document, dates: list[Mention]) -> Mention | None:
    body = [s for s in doc.sentences if not s.is_heading][:3]
    for s in body:
        here = [m for m in dates if s.start <= m.start < s.end and usable(m)]
        if here:
            return here[0]
    return None
