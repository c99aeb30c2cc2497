"""Resolving date expressions (groups of components from ``dates``) to ``DateValue`` objects.

Rules (anchor = publication date; never the clock):

* explicit day + month (+ year): that day, precision 1; a range of days ('5-7 آذار', 'من 5 إلى 7
  آذار') gives its first day with ``end_date`` and the flag 'range' (ACLED codes one event a day); no year: the most recent such day on or
  before the anchor (``الماضي`` = strictly before, ``المقبل`` = the next one, flagged 'future');
  Hijri dates through hijridate (±1 day) unless a Gregorian date is given beside them;
  a weekday beside a date must agree, else the date wins and the flag 'weekday-mismatch' is set;
* relative days: anchor + offset (اليوم 0, أمس -1, أول أمس -2; غدا +1 'future');
* weekdays: the most recent such day on or before the anchor (``الماضي``/'last' strictly before,
  ``المقبل``/'next' after, 'future'); ``ليلة الجمعة`` = Thursday (±1 day); ``ليل الخميس - الجمعة``
  = Thursday (±1 day);
* ``N UNIT ago`` (قبل يومين, منذ ثلاثة أيام, two days ago): days and hours precision 1, weeks 2,
  months 3 ('month-only'), years 'year-only'; after 'مستمر', 'متواصل' ... ``منذ`` is a duration
  (flag 'duration', no date);
* periods: last/this week → its Wednesday, precision 2; a month → the 15th, precision 3,
  'month-only' (its first / last day with an edge word: مطلع / أواخر); a year → 1 July,
  'year-only';
* ``منذ`` / since before a date: flag 'since' (a cumulative span, not one event);
* anaphora (في اليوم ذاته, the next day, a day after) take the previous date of the narrative;
* a relative day inside a quotation takes the date of the statement that introduces the quote
  (قالت ... الخميس إن "... صباح اليوم" = Thursday);
* a date right after a speech verb (أفاد المرصد، الثلاثاء،  / told ... on Monday) is flagged
  'report' (and 'postposed' when the attribution follows the reported content).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import Any

from ..lexicon import LexiconSet
from .base import DateValue, Document, Mention
from .date_calc import (
    add_months,
    hijri_to_gregorian,
    hijri_year_of,
    latest_weekday,
    month_last,
    month_mid,
    next_weekday,
    recent_day_month,
    valid_date,
    week_midpoint,
)
from .lexscan import WORD_RE, scan_doc, words_in

__all__ = ["resolve", "finish"]


def _dv(date: dt.date | None, precision: int, rule: str, ids: tuple[str, ...], flags: set[str],
        part: str = "", approx: int = 0, end: dt.date | None = None) -> DateValue:
    return DateValue(date, precision, rule, ids, approx, part, frozenset(flags), end)


def resolve(group: list[Any], anchor: dt.date | None) -> DateValue | None:
    by: dict[str, Any] = {}
    for c in group:
        by.setdefault(c.kind, c)
    ids = tuple(i for c in group for i in c.ids)
    flags: set[str] = set()
    part, approx, night_before = "", 0, False
    for c in group:
        if c.kind == "part":
            part = str(c.info.get("part", ""))
            night_before = night_before or bool(c.info.get("night_before"))
    modifier = by["modifier"].info.get("modifier") if "modifier" in by else None
    if "since" in by:
        flags.add("since")
    if "explicit" in by:
        value = _explicit(group, anchor, modifier, flags)
    elif "relday" in by:
        info = by["relday"].info
        part = part or str(info.get("part", "") or "")
        if info.get("future") or int(info.get("offset", 0)) > 0:
            flags.add("future")
        if anchor is None:
            value = _dv(None, 1, "date.relative", (), flags | {"unanchored"})
        else:
            d = anchor + dt.timedelta(days=int(info.get("offset", 0)))
            if "weekday" in by and d.weekday() != by["weekday"].info["weekday"]:
                flags.add("weekday-mismatch")
            value = _dv(d, 1, "date.relative", (), flags)
    elif "weekday" in by:
        value = _weekday(by, anchor, modifier, flags, night_before)
        approx = value.approx_days
    elif "ago" in by:
        value = _ago(by["ago"].info, anchor, flags)
    elif "period" in by:
        info = dict(by["period"].info)
        if "edge" in by and not info.get("edge"):
            info["edge"] = by["edge"].info.get("edge")  # 'since the beginning of this year'
        value = _period(info, anchor, flags)
    elif "month" in by:
        edge = by["edge"].info.get("edge") if "edge" in by else None
        value = _month(by["month"].info, anchor, flags, edge)
    elif "year" in by:
        year = int(by["year"].info["year"])
        edge = by["edge"].info.get("edge") if "edge" in by else None
        if by["year"].info.get("calendar") == "hijri":
            d = hijri_to_gregorian(year, 7, 1)
        else:
            d = dt.date(year, 1, 1) if edge == "start" else dt.date(year, 12, 31) if edge == "end" else dt.date(year, 7, 1)
        value = _dv(d, 3, "date.year", (), flags | {"year-only"})
    elif "anaphor" in by:
        value = _dv(None, 1, "date.anaphor", (), flags)
    elif "vague" in by:
        value = _dv(None, 3, "date.vague", (), flags | {"vague"})
    elif "window" in by:
        value = _dv(anchor, 1, "date.window", (), flags | {"window"} | ({"unanchored"} if anchor is None else set()))
    else:
        return None
    return replace(value, entries=ids, part_of_day=part or value.part_of_day, approx_days=max(approx, value.approx_days))


def _explicit(group: list[Any], anchor: dt.date | None, modifier: str | None, flags: set[str]) -> DateValue:
    exps = [c for c in group if c.kind == "explicit"]
    greg = [c for c in exps if c.info.get("calendar") != "hijri"]
    c = greg[0] if greg else exps[0]
    info = c.info
    flags |= set(info.get("flags", ()))
    day, month = int(info["day"]), int(info["month"])
    hijri = info.get("calendar") == "hijri"
    approx = 1 if hijri else 0
    rule = "date.explicit.hijri" if hijri else ("date.numeric" if c.ids and c.ids[0].startswith("date.numeric") else "date.explicit")
    d: dt.date | None
    if "year" in info:
        d = hijri_to_gregorian(int(info["year"]), month, day) if hijri else valid_date(int(info["year"]), month, day)
    elif anchor is None:
        return _dv(None, 1, rule, (), flags | {"unanchored"}, approx=approx)
    elif hijri:
        hy = hijri_year_of(anchor)
        d = None
        for year in (hy, hy - 1) if hy else ():
            cand = hijri_to_gregorian(year, month, day)
            if cand is not None and cand <= anchor + dt.timedelta(days=1):
                d = cand
                break
    elif modifier == "next":
        d = next((x for x in (valid_date(anchor.year, month, day), valid_date(anchor.year + 1, month, day))
                  if x is not None and x > anchor), None)
        flags.add("future")
    else:
        d = recent_day_month(anchor, month, day, strictly_before=modifier == "past")
    if d is None:
        return _dv(None, 1, rule, (), flags | {"invalid"})
    for w in group:
        if w.kind == "weekday" and d.weekday() != w.info["weekday"]:
            flags.add("weekday-mismatch")
    if anchor is not None and d > anchor + dt.timedelta(days=1) and "since" not in flags:
        flags.add("future")
    end = None
    if "day2" in info:  # a range of days: the first day is the event date, the span is kept
        end = valid_date(d.year, d.month, int(info["day2"]))
        flags.add("range")
    return _dv(d, 1, rule, (), flags, approx=approx, end=end)


def _weekday(by: dict[str, Any], anchor: dt.date | None, modifier: str | None, flags: set[str],
             night_before: bool) -> DateValue:
    info = by["weekday"].info
    wd = int(info["weekday"])
    mod = info.get("modifier") or modifier
    if anchor is None:
        return _dv(None, 1, "date.weekday", (), flags | {"unanchored"})
    if mod == "next":
        d = next_weekday(anchor, wd)
        flags.add("future")
    else:
        d = latest_weekday(anchor, wd, strictly_before=mod == "past")
    approx = 0
    if "weekday2" in by:  # ليل الخميس - الجمعة, ليلة السبت على الأحد: the first day, ±1
        approx = 1
    elif night_before:  # ليلة الجمعة = Thursday night
        d -= dt.timedelta(days=1)
        approx = 1
    return _dv(d, 1, "date.weekday", (), flags, approx=approx)


def _ago(info: dict[str, Any], anchor: dt.date | None, flags: set[str]) -> DateValue:
    count, unit = int(info["count"]), str(info["unit"])
    if anchor is None:
        return _dv(None, 1, "date.ago", (), flags | {"unanchored"})
    if unit in ("day", "hour"):
        days = count if unit == "day" else count // 24
        return _dv(anchor - dt.timedelta(days=days), 1, "date.ago", (), flags)
    if unit == "week":
        return _dv(anchor - dt.timedelta(weeks=count), 2, "date.ago", (), flags)
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, -count)
        return _dv(month_mid(y, m), 3, "date.ago", (), flags | {"month-only"})
    return _dv(dt.date(anchor.year - count, 7, 1), 3, "date.ago", (), flags | {"year-only"})


def _period(info: dict[str, Any], anchor: dt.date | None, flags: set[str]) -> DateValue:
    unit, mod, edge = info.get("unit"), info.get("modifier"), info.get("edge")
    if anchor is None:
        return _dv(None, 2, "date.period", (), flags | {"unanchored"})
    delta = {"past": -1, "current": 0, "next": 1}.get(str(mod), 0)
    if delta > 0:
        flags.add("future")
    if unit == "week":
        if delta > 0:
            return _dv(anchor + dt.timedelta(days=7), 2, "date.period", (), flags)
        return _dv(week_midpoint(anchor, -delta), 2, "date.period", (), flags)
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, delta)
        if edge == "start":
            return _dv(dt.date(y, m, 1), 3, "date.period", (), flags)
        if edge == "end":
            return _dv(month_last(y, m), 3, "date.period", (), flags)
        return _dv(month_mid(y, m), 3, "date.period", (), flags | {"month-only"})
    year = anchor.year + delta
    d = dt.date(year, 1, 1) if edge == "start" else dt.date(year, 12, 31) if edge == "end" else dt.date(year, 7, 1)
    return _dv(d, 3, "date.period", (), flags | {"year-only"})


def _month(info: dict[str, Any], anchor: dt.date | None, flags: set[str], edge: str | None) -> DateValue:
    month = int(info["month"])
    hijri = info.get("calendar") == "hijri"
    if "year" in info:
        year = int(info["year"])
    elif anchor is None:
        return _dv(None, 3, "date.month", (), flags | {"unanchored", "month-only"})
    elif hijri:
        year = hijri_year_of(anchor) or 0
    else:
        year = anchor.year
        if month > anchor.month or (info.get("modifier") == "past" and month == anchor.month):
            year -= 1
        if info.get("modifier") == "next":
            year = anchor.year + (1 if month <= anchor.month else 0)
            flags.add("future")
    if hijri:
        d = hijri_to_gregorian(year, month, 15)
        return _dv(d, 3, "date.month", (), flags | {"month-only"}, approx=1)
    if edge == "start":
        return _dv(dt.date(year, month, 1), 3, "date.month", (), flags)
    if edge == "end":
        return _dv(month_last(year, month), 3, "date.month", (), flags)
    return _dv(month_mid(year, month), 3, "date.month", (), flags | {"month-only"})


# ---------------------------------------------------------------------------------------------
# second pass: durations, quotations, anaphora, report dates


def _speech_atoms(doc: Document, lexicons: LexiconSet) -> list[Any]:
    return [a for a in scan_doc(doc, lexicons, "cues") if a.entry.get("speech")]


# 'said that ...': a date after the complementizer belongs to the reported content
_COMPLEMENTIZERS = frozenset("that ان انه انها انهم بان بانه بانها ان لان".split())


def _in_quote(key: str, sent_start: int, pos: int) -> int | None:
    """The offset of the opening quote when ``pos`` lies inside a quotation of its sentence."""
    opening = None
    for i in range(sent_start, pos):
        if key[i] == '"':
            opening = i if opening is None else None
    return opening


def _few_words(key: str, start: int, end: int, most: int) -> bool:
    """Whether ``words_in(key, start, end)`` has at most ``most`` words (reads no further)."""
    for i, _m in enumerate(WORD_RE.finditer(key, start, end)):
        if i >= most:
            return False
    return True


def finish(doc: Document, mentions: list[Mention], lexicons: LexiconSet) -> list[Mention]:
    key = doc.key
    cal = scan_doc(doc, lexicons, "calendar")
    durations = [a for a in cal if a.type == "duration"]
    speech = _speech_atoms(doc, lexicons)  # sorted by start
    speech_starts = [a.start for a in speech]
    out: list[Mention] = []
    for m in mentions:
        v: DateValue = m.value
        flags = set(v.flags)
        if v.rule == "date.ago" and key[m.start : m.start + 3] == "منذ":
            if any(0 <= m.start - a.end <= 3 or (a.end <= m.start and _few_words(key, a.end, m.start, 1))
                   for a in durations):
                v = replace(v, date=None, flags=frozenset(flags | {"duration"}))
                flags = set(v.flags)
        sent = doc.sentence_at(m.start)
        if sent is not None:
            # only speech words of this sentence before the date can qualify (a.start < a.end <= m.start)
            for a in speech[bisect.bisect_left(speech_starts, sent.start):bisect.bisect_left(speech_starts, m.start)]:
                if not (a.end <= m.start and _few_words(key, a.end, m.start, 8)):
                    continue
                between = words_in(key, a.end, m.start)
                if not _COMPLEMENTIZERS.intersection(between):
                    flags.add("report")
                    if len(words_in(key, sent.start, a.start)) > 3:
                        flags.add("postposed")
            if flags != set(v.flags):
                v = replace(v, flags=frozenset(flags))
        out.append(replace(m, value=v))
    anaphors = [e for e in lexicons.entries("calendar") if e.get("type") == "anaphor"]
    offsets = {e["id"]: int(e.get("offset", 0)) for e in anaphors}
    backrefs = {e["id"] for e in anaphors if e.get("backref")}
    return _narrative(doc, out, offsets, backrefs)


def _good(v: DateValue) -> bool:
    return v.date is not None and v.precision == 1 and not (v.flags & {"since", "vague", "future", "duration"})


def _narrative(doc: Document, mentions: list[Mention], offsets: dict[str, int], backrefs: set[str]) -> list[Mention]:
    """Anaphora and quotations; the narrative date is the last plain day date (not a report date,
    not a back-reference such as 'a day after X', which dates X and leaves the narrative alone)."""
    key = doc.key
    published = doc.published
    out: list[Mention] = []
    last: DateValue | None = None
    for m in mentions:
        v: DateValue = m.value
        if v.rule == "date.anaphor":
            offset = 0
            for i in v.entries:
                offset = offsets.get(i, offset)
            extra = {"anaphor", "backref"} if set(v.entries) & backrefs else {"anaphor"}
            if last is not None and last.date is not None:
                v = replace(v, date=last.date + dt.timedelta(days=offset), flags=v.flags | extra)
            else:
                v = replace(v, flags=v.flags | {"unanchored"})
        elif v.rule == "date.relative" and published is not None and v.date is not None:
            sent = doc.sentence_at(m.start)
            q = _in_quote(key, sent.start, m.start) if sent is not None else None
            if q is not None:
                outer = [x for x in out if sent is not None and sent.start <= x.start and x.end <= q and _good(x.value)]
                if outer:
                    offset = (v.date - published).days
                    v = replace(v, date=outer[-1].value.date + dt.timedelta(days=offset),
                                flags=v.flags | {"quote-anchored"})
        if _good(v) and not v.flags & {"report", "backref"}:
            last = v
        out.append(replace(m, value=v))
    return out
