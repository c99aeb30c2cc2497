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


def pick_event_date(doc: Document, dates: list[Mention], start: int, end: int) -> Mention | None:
    """The date mention governing the event at key span [start, end), or None (see module doc)."""
    sent = doc.sentence_at(start) or doc.sentence_at(max(start, end - 1))
    if sent is None:
        return None
    in_sentence = [m for m in dates if sent.start <= m.start < sent.end]
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
    carried = _carried(doc, dates, sent.index)
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
