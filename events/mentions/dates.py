"""Date expressions in Arabic and English news, resolved against the publication date.

An own grammar over the match key (no general-purpose date parser on running text).  The words
live in ``lexicon/calendar.yaml``; this module holds the grammar:

1. *components* are recognised on the calendar atoms and the digits of the key:
   explicit ``DAY [من] MONTH [/ - ( MONTH )] [YEAR] [era]`` (both month systems, Maghrebi and
   Moroccan names, Hijri months, ordinal days الثامن من يناير), English ``MONTH DAY[, YEAR]`` and
   ``DAY MONTH YEAR``, numeric ``14/2/2024``, ``2022.03.23``, month-only and year-only phrases,
   weekdays, relative days (اليوم, أمس, أول أمس, yesterday), parts of the day, ``N UNIT ago``
   (منذ ثلاثة أيام, قبل يومين, two days ago), periods (الأسبوع الماضي, last month), edges
   (مطلع الشهر), anaphora (في اليوم ذاته, the next day), vague times and reporting windows;
2. adjacent components merge into one expression ("مساء أمس السبت 25 فبراير/شباط");
3. each expression is resolved to a ``DateValue`` (see ``date_resolve``), and a second pass
   resolves anaphora and relative days inside quotations against the narrative.

``pick_event_date`` (in ``date_pick``) chooses which date governs an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..lexicon import LexiconSet
from .base import Document, Mention
from .lexscan import Atom, SpanSet, lexicons_or_default, one_letter_forms, scan_doc
from .numbers import numbers_of

__all__ = ["find_dates", "pick_event_date", "Comp"]

LEXICON = "calendar"
# digits; an Arabic letter glued before or after ('التحرير13 سبتمبر 2023آخر') is a boundary
_DIGIT_TOKEN = regex.compile(r"(?<![A-Za-z0-9_.,/:])(\d{1,4})(?:st|nd|rd|th)?(?![A-Za-z0-9_]|[.,/:]\d)")
_NUMERIC_DMY = regex.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w./-]*\d)")
_NUMERIC_YMD = regex.compile(r"(?<![\w./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)")
_SEPARATORS = frozenset(" ,/-()\n.")
# what may join the two days of a night: ليل الخميس - الجمعة, ليلة السبت على الأحد, Saturday to Sunday
_NIGHT_JOIN = frozenset({"", "علي", "الي", "to", "into"})
_ERA_LETTER = regex.compile(r"\s?(\w)(?!\w)")


@dataclass
class Comp:
    """A date component: a span of the key and what it says."""

    start: int
    end: int
    kind: str
    info: dict[str, Any] = field(default_factory=dict)
    ids: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# tokens


@dataclass
class _Tok:
    start: int
    end: int
    kind: str  # the atom type, 'digits' or 'count'
    atom: Atom | None = None
    value: int = 0
    prefix: str = ""

    @property
    def token_start(self) -> int:
        return self.start - len(self.prefix)

    def get(self, name: str, default: Any = None) -> Any:
        return self.atom.entry.get(name, default) if self.atom is not None else default

    @property
    def id(self) -> str:
        return self.atom.id if self.atom is not None else ""


def _tokens(doc: Document, lexicons: LexiconSet, skip: list[tuple[int, int]]) -> list[_Tok]:
    key = doc.key
    toks = [_Tok(a.start, a.end, a.type, a, prefix=a.prefix) for a in scan_doc(doc, lexicons, LEXICON)]
    taken = SpanSet([(t.token_start, t.end) for t in toks] + skip)
    for m in _DIGIT_TOKEN.finditer(key):
        s = m.start(1)
        if taken.contains(s):
            continue
        j = s
        while j > 0 and key[j - 1] in "وفبلك" and s - j < 2:
            j -= 1
        if j > 0 and key[j - 1].isalnum():
            j = s  # glued to a longer word: no proclitic
        toks.append(_Tok(s, m.end(), "digits", value=int(m.group(1)), prefix=key[j:s]))
    # one-letter era markers after a year (2024م, 1445 هـ → 1445 ه) are read in place
    eras = one_letter_forms(lexicons, LEXICON, "era")
    for t in [t for t in toks if t.kind == "digits" and t.value >= 1000]:
        m = _ERA_LETTER.match(key, t.end)
        if m is not None and m.group(1) in eras:
            atom = Atom(m.start(1), m.end(1), eras[m.group(1)])
            toks.append(_Tok(atom.start, atom.end, "era", atom))
    # number words (ثلاثة أيام) as counts
    for n in numbers_of(doc, lexicons):
        if n.kind == "words" and not taken.contains(n.start):
            toks.append(_Tok(n.start, n.end, "count", value=n.value))
    toks.sort(key=lambda t: (t.start, -t.end))
    return toks


def _gap_ok(key: str, a: int, b: int) -> bool:
    """Only separators (spaces, commas, slashes, dashes, brackets) between key offsets a and b."""
    if b < a:
        return False
    text = key[a:b]
    if len(text) > 40:
        return False
    return all(ch in _SEPARATORS for ch in text)


# ---------------------------------------------------------------------------------------------
# component recognition


class _Parser:
    def __init__(self, doc: Document, lexicons: LexiconSet) -> None:
        self.key = doc.key
        self.comps: list[Comp] = []
        numeric = self._numeric()
        self.toks = _tokens(doc, lexicons, [(c.start, c.end) for c in numeric])
        self.comps.extend(numeric)

    # helpers -------------------------------------------------------------------------------
    def nxt(self, i: int, glue: bool = True) -> int | None:
        """Index of the next token after token i across separators (and glue words)."""
        j = i + 1
        end = self.toks[i].end
        while j < len(self.toks):
            t = self.toks[j]
            if not _gap_ok(self.key, end, t.token_start) or t.start < end:
                if t.start < end:
                    j += 1
                    continue
                return None
            if glue and t.kind == "glue":
                end = t.end
                j += 1
                continue
            return j
        return None

    def glue_words_between(self, i: int, j: int) -> set[str]:
        return {self.key[t.start : t.end] for t in self.toks[i + 1 : j] if t.kind == "glue"}

    def prev_word(self, pos: int) -> str:
        m = regex.search(r"(\w+)\W*$", self.key[max(0, pos - 30) : pos])
        return m.group(1) if m else ""

    # numeric dates -------------------------------------------------------------------------
    def _numeric(self) -> list[Comp]:
        out = []
        for m in _NUMERIC_YMD.finditer(self.key):
            y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
            cal = "hijri" if 1300 <= y <= 1500 else "gregorian"
            if 1 <= mo <= 12 and 1 <= d <= 31 and (1900 <= y <= 2100 or cal == "hijri"):
                out.append(Comp(m.start(), m.end(), "explicit", {"day": d, "month": mo, "year": y, "calendar": cal},
                                ("date.numeric.ymd",)))
        for m in _NUMERIC_DMY.finditer(self.key):
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if y < 100:
                y += 2000
            if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
                out.append(Comp(m.start(), m.end(), "explicit", {"day": d, "month": mo, "year": y, "calendar": "gregorian"},
                                ("date.numeric.dmy",)))
        return out

    # main loop -----------------------------------------------------------------------------
    def run(self) -> list[Comp]:
        i = 0
        toks = self.toks
        while i < len(toks):
            t = toks[i]
            consumed = None
            if t.kind in ("digits", "ordinal"):
                consumed = self.day_month(i)
            if consumed is None and t.kind == "month":
                consumed = self.month_first(i)
            if consumed is None and t.kind in ("digits", "count", "unit"):
                consumed = self.count_unit(i)
            if consumed is None and t.kind in ("ago", "modifier", "edge", "unit"):
                consumed = self.phrase(i)
            if consumed is None and t.kind == "digits":
                consumed = self.year_only(i)
            if consumed is None:
                consumed = self.simple(i)
            i = consumed if consumed is not None and consumed > i else i + 1
        self.comps.sort(key=lambda c: (c.start, -c.end))
        return self.comps

    def day_month(self, i: int) -> int | None:
        toks, t = self.toks, self.toks[i]
        ids: list[str] = []
        if t.kind == "digits":
            day = t.value
            j = i + 1
        else:  # ordinal day: الثامن, الخامس عشر, الحادي والعشرين
            day = int(t.get("day", 0))
            ids.append(t.id)
            j = i + 1
            if j < len(toks) and toks[j].kind == "ordinal_ten" and _gap_ok(self.key, t.end, toks[j].token_start):
                day += 10
                ids.append(toks[j].id)
                j += 1
            elif j < len(toks) and toks[j].kind == "ordinal" and toks[j].prefix == "و" and day < 10:
                day += int(toks[j].get("day", 0))
                ids.append(toks[j].id)
                j += 1
        if not 1 <= day <= 31:
            return None
        day2 = self._range_end(i, j) if t.kind == "digits" else None
        if day2 is not None:
            day2, j = day2
            ids.extend(x.id for x in toks[i + 1 : j] if x.kind == "range")
        k = self._next_kind(j - 1, ("month",))
        if k is None:
            return None
        mo = toks[k]
        if t.kind == "ordinal" and "من" not in self.glue_words_between(j - 1, k):
            return None
        info: dict[str, Any] = {"day": day, "month": int(mo.get("month")), "calendar": mo.get("calendar", "gregorian")}
        if day2 is not None:
            info["day2"] = day2
        ids.append(mo.id)
        end, last = mo.end, k
        last, end = self._pair(last, info, ids)
        last, end = self._year(last, end, info, ids)
        start = t.token_start if t.kind == "digits" else t.start
        # a name such as 'قوى 14 آذار' or 'حركة 6 أبريل' is not a date
        if "year" not in info and i > 0 and toks[i - 1].kind == "name_head" and _gap_ok(self.key, toks[i - 1].end, start):
            return last + 1
        self.comps.append(Comp(start, end, "explicit", info, tuple(ids)))
        return last + 1

    def _range_end(self, i: int, j: int) -> tuple[int, int] | None:
        """'5-7 آذار', 'من 5 إلى 7 آذار', 'بين 5 و7 آذار', '5 to 7 March': the second day, next index."""
        toks = self.toks
        k = j
        if k < len(toks) and toks[k].kind == "range":
            k += 1
        if k >= len(toks) or toks[k].kind != "digits" or not toks[i].value < toks[k].value <= 31:
            return None
        gap = self.key[toks[i].end : toks[k].token_start]
        if k == j and gap.strip() not in ("-", "ـ") and not (toks[k].prefix == "و" and gap.strip() == ""):
            return None  # 'بين 5 و7 آذار', 'يومي 3 و4 آذار' join with و
        if len(gap) > 8:
            return None
        return toks[k].value, k + 1  # the range word's id is kept by the caller when there is one

    def _next_kind(self, i: int, kinds: tuple[str, ...]) -> int | None:
        j = self.nxt(i)
        if j is not None and self.toks[j].kind in kinds:
            return j
        return None

    def _pair(self, k: int, info: dict[str, Any], ids: list[str]) -> tuple[int, int]:
        """MONTH [/ - (] MONTH [)]: a second name of the same month is absorbed."""
        toks = self.toks
        end = toks[k].end
        j = self.nxt(k, glue=False)
        if j is not None and toks[j].kind == "month":
            gap = self.key[toks[k].end : toks[j].token_start]
            if any(c in gap for c in "/-(") or toks[j].prefix == "و":
                if int(toks[j].get("month")) != info["month"]:
                    info.setdefault("flags", set()).add("month-mismatch")
                ids.append(toks[j].id)
                end = toks[j].end
                if self.key[end : end + 2].strip().startswith(")"):
                    end = self.key.index(")", end) + 1
                return j, end
        return k, end

    def _year(self, k: int, end: int, info: dict[str, Any], ids: list[str]) -> tuple[int, int]:
        toks = self.toks
        j = self.nxt(k)
        if j is not None and toks[j].kind == "unit" and toks[j].get("unit") == "year":
            j2 = self.nxt(j)
            j = j2 if j2 is not None and toks[j2].kind == "digits" else j
        if j is not None and toks[j].kind == "digits" and (1900 <= toks[j].value <= 2100 or 1300 <= toks[j].value <= 1500):
            if info.get("calendar") == "hijri" and not 1300 <= toks[j].value <= 1500:
                return k, end
            info["year"] = toks[j].value
            end, k = toks[j].end, j
            e = self.nxt(k, glue=False)
            if e is not None and toks[e].kind == "era":
                end, k = toks[e].end, e
                ids.append(toks[e].id)
        return k, end

    def month_first(self, i: int) -> int | None:
        """English 'Aug. 30', 'January 20, 2020'; month-only and 'month YEAR' phrases."""
        toks, t = self.toks, self.toks[i]
        info: dict[str, Any] = {"month": int(t.get("month")), "calendar": t.get("calendar", "gregorian")}
        ids = [t.id]
        j = self.nxt(i)
        if t.atom is not None and t.atom.entry.get("lang") == "en" and j is not None and toks[j].kind == "digits" \
                and 1 <= toks[j].value <= 31 and len(self.key[toks[j].start : toks[j].end].rstrip("stndrh")) <= 2:
            info["day"] = toks[j].value
            last, end = self._year(j, toks[j].end, info, ids)
            self.comps.append(Comp(t.token_start, end, "explicit", info, tuple(ids)))
            return last + 1
        last, end = self._pair(i, info, ids)
        last, end = self._year(last, end, info, ids)
        prev = self.prev_word(t.token_start)
        nxt = self.nxt(last)
        modifier = toks[nxt].get("modifier") if nxt is not None and toks[nxt].kind == "modifier" else None
        context = "year" in info or modifier is not None or prev in ("شهر", "في", "خلال", "منذ", "in", "since", "during", "of")
        context = context or (i > 0 and toks[i - 1].kind == "edge" and toks[i - 1].end <= t.token_start)
        edge_before = i > 0 and toks[i - 1].kind == "edge" and toks[i - 1].end <= t.token_start
        if t.get("ambiguous"):
            context = "year" in info or prev in ("شهر",) or modifier is not None and t.atom.entry.get("lang") == "ar"
            context = context or (last != i) or edge_before
        if not context:
            return None
        if modifier is not None:
            info["modifier"] = modifier
            ids.append(toks[nxt].id)  # type: ignore[index]
            end, last = toks[nxt].end, nxt  # type: ignore[index]
        self.comps.append(Comp(t.token_start, end, "month", info, tuple(ids)))
        return last + 1

    def year_only(self, i: int) -> int | None:
        toks, t = self.toks, self.toks[i]
        if not 1900 <= t.value <= 2100 and not 1300 <= t.value <= 1500:
            return None
        prev = self.prev_word(t.token_start)
        e = self.nxt(i, glue=False)
        era = e is not None and toks[e].kind == "era"
        unit_before = i > 0 and toks[i - 1].kind == "unit" and toks[i - 1].get("unit") == "year" \
            and _gap_ok(self.key, toks[i - 1].end, t.token_start)
        if not (unit_before or era or prev in ("in", "since", "منذ", "في")) or (prev == "في" and not 1950 <= t.value <= 2100):
            return None
        start = toks[i - 1].token_start if unit_before else t.token_start
        end = toks[e].end if era else t.end  # type: ignore[index]
        cal = "hijri" if era and toks[e].get("era") == "hijri" else "gregorian"  # type: ignore[index]
        ids = (toks[i - 1].id,) if unit_before else ()
        ids += (toks[e].id,) if era else ()  # type: ignore[index]
        self.comps.append(Comp(start, end, "year", {"year": t.value, "calendar": cal}, ids))
        return (e if era else i) + 1  # type: ignore[operator]

    def count_unit(self, i: int) -> int | None:
        """'3 أيام', 'ثلاثة أيام', 'يومين' (+ 'ago' in English): a count of days, weeks ..."""
        toks, t = self.toks, self.toks[i]
        if t.kind == "unit":
            if not t.get("count"):
                j = self.nxt(i, glue=False)
                if j is not None and toks[j].kind == "ago" and toks[j].get("post"):  # 'hours ago', 'days ago'
                    kind = "relday" if t.get("unit") == "hour" else "vague"
                    self.comps.append(Comp(t.token_start, toks[j].end, kind, {"offset": 0}, (t.id, toks[j].id)))
                    return j + 1
                return None
            count, u = int(t.get("count")), t
            end_i = i
        else:
            j = self.nxt(i, glue=False)
            if j is None or toks[j].kind != "unit" or t.value > 400:
                return None
            count, u, end_i = t.value, toks[j], j
        start = t.token_start
        # 'قبل' / 'منذ' before, or 'ago' after
        before = i > 0 and toks[i - 1].kind == "ago" and _gap_ok(self.key, toks[i - 1].end, t.token_start)
        after = self.nxt(end_i, glue=False)
        post = after is not None and toks[after].kind == "ago" and toks[after].get("post")
        if not (before or post):
            return None
        ago = toks[i - 1] if before else toks[after]  # type: ignore[index]
        end = toks[after].end if post else u.end  # type: ignore[index]
        start = ago.token_start if before else start
        info = {"count": count, "unit": u.get("unit"), "ago": ago.get("ago")}
        self.comps.append(Comp(start, end, "ago", info, (ago.id, u.id)))
        return (after if post else end_i) + 1  # type: ignore[operator]

    def phrase(self, i: int) -> int | None:
        """Periods and edges: الأسبوع الماضي, last week, مطلع الشهر الجاري, منذ بداية العام, قبل أيام."""
        toks, t = self.toks, self.toks[i]
        if t.kind == "edge":
            j = self.nxt(i)
            if j is None:
                return None
            if toks[j].kind == "unit" and toks[j].get("unit") in ("month", "year"):
                k = self.nxt(j)
                mod = toks[k].get("modifier") if k is not None and toks[k].kind == "modifier" else "current"
                end = toks[k].end if k is not None and toks[k].kind == "modifier" else toks[j].end
                self.comps.append(Comp(t.token_start, end, "period",
                                       {"unit": toks[j].get("unit"), "modifier": mod, "edge": t.get("edge")},
                                       (t.id, toks[j].id)))
                return (k if k is not None and toks[k].kind == "modifier" else j) + 1
            return None  # edge + month: the month takes the edge when it is parsed
        if t.kind == "unit" and t.get("unit") in ("week", "month", "year"):
            j = self.nxt(i)
            if j is not None and toks[j].kind == "modifier":
                self.comps.append(Comp(t.token_start, toks[j].end, "period",
                                       {"unit": t.get("unit"), "modifier": toks[j].get("modifier")}, (t.id, toks[j].id)))
                return j + 1
            return None
        if t.kind == "modifier" and t.atom.entry.get("lang") == "en":
            j = self.nxt(i, glue=False)
            if j is not None and toks[j].kind == "unit" and toks[j].get("unit") in ("week", "month", "year"):
                self.comps.append(Comp(t.token_start, toks[j].end, "period",
                                       {"unit": toks[j].get("unit"), "modifier": t.get("modifier")}, (t.id, toks[j].id)))
                return j + 1
            if j is not None and toks[j].kind == "weekday":
                self.comps.append(Comp(t.token_start, toks[j].end, "weekday",
                                       {"weekday": int(toks[j].get("weekday")), "modifier": t.get("modifier")},
                                       (t.id, toks[j].id)))
                return j + 1
            return None
        if t.kind == "ago":
            j = self.nxt(i, glue=False)
            if j is not None and toks[j].kind == "unit" and not toks[j].get("count"):
                # 'قبل أيام', 'منذ ساعات', 'a few hours ago' are vague but recent
                unit = toks[j].get("unit")
                if unit in ("day", "hour") and t.get("ago") == "before":
                    kind = "vague" if unit == "day" else "relday"
                    self.comps.append(Comp(t.token_start, toks[j].end, kind, {"offset": 0}, (t.id, toks[j].id)))
                    return j + 1
        return None

    def simple(self, i: int) -> int | None:
        t = self.toks[i]
        if t.kind == "weekday":
            if t.get("needs_context") and not self._weekday_context(i):
                return None
            info: dict[str, Any] = {"weekday": int(t.get("weekday"))}
            end, ids = t.end, [t.id]
            j = self.nxt(i, glue=False)
            if j is not None and self.toks[j].kind == "modifier":
                info["modifier"] = self.toks[j].get("modifier")
                end = self.toks[j].end
                ids.append(self.toks[j].id)
                self.comps.append(Comp(t.token_start, end, "weekday", info, tuple(ids)))
                return j + 1
            self.comps.append(Comp(t.token_start, end, "weekday", info, tuple(ids)))
            return i + 1
        kinds = {"relday": "relday", "part": "part", "anaphor": "anaphor", "vague": "vague", "window": "window"}
        if t.kind in kinds:
            self.comps.append(Comp(t.token_start, t.end, kinds[t.kind], dict(t.atom.entry) if t.atom else {}, (t.id,)))
        elif t.kind == "ago" and t.get("ago") == "since":
            self.comps.append(Comp(t.token_start, t.end, "since", {}, (t.id,)))
        elif t.kind == "edge":
            self.comps.append(Comp(t.token_start, t.end, "edge", {"edge": t.get("edge")}, (t.id,)))
        elif t.kind == "modifier":
            self.comps.append(Comp(t.token_start, t.end, "modifier", {"modifier": t.get("modifier")}, (t.id,)))
        return None

    def _weekday_context(self, i: int) -> bool:
        """الاثنين is Monday only next to a day word, a date, a modifier, or set off by commas."""
        toks, t = self.toks, self.toks[i]
        before = self.key[max(0, t.token_start - 12) : t.token_start]
        after = self.key[t.end : t.end + 12]
        if i > 0 and toks[i - 1].kind in ("relday", "part", "glue", "unit") and _gap_ok(self.key, toks[i - 1].end, t.token_start):
            return True
        j = self.nxt(i)
        if j is not None and toks[j].kind in ("modifier", "digits", "ordinal", "relday"):
            return True
        return before.rstrip().endswith(",") and (after.lstrip()[:1] in (",", ".", "") or after.strip() == "")


def _merge(key: str, comps: list[Comp], glue: list[tuple[int, int]]) -> list[list[Comp]]:
    """Group adjacent components into expressions (one of each kind, parts of the day free).

    Glue words (في, من, on, of ...) may stand between two components ('at dawn on Friday')."""
    if glue:
        chars = list(key)
        for s, e in glue:
            chars[s:e] = " " * (e - s)
        key = "".join(chars)
    groups: list[list[Comp]] = []
    mergeable = {"part", "relday", "weekday", "explicit", "since", "edge", "modifier", "window"}
    for c in comps:
        if groups:
            g = groups[-1]
            last = g[-1]
            kinds = {x.kind for x in g}
            if c.kind == "weekday" and last.kind == "weekday" and key[last.end : c.start].strip(" -/") in _NIGHT_JOIN:
                g.append(Comp(c.start, c.end, "weekday2", c.info, c.ids))  # ليلة السبت على الأحد
                continue
            if c.start >= last.end and _gap_ok(key, last.end, c.start) and key[last.end : c.start].count("\n") == 0:
                if c.kind in mergeable and last.kind in mergeable and (c.kind not in kinds or c.kind == "part"):
                    g.append(c)
                    continue
                if c.kind == "weekday" and last.kind == "weekday":
                    g.append(Comp(c.start, c.end, "weekday2", c.info, c.ids))  # ليل الخميس - الجمعة
                    continue
                if last.kind in ("since", "edge") and c.kind in ("month", "year", "ago", "period"):
                    g.append(c)
                    continue
            if c.kind == "explicit" and last.kind == "explicit" and c.start >= last.end \
                    and last.info.get("calendar") != c.info.get("calendar") and c.start - last.end <= 14:
                g.append(c)  # '5 رمضان 1445 هـ الموافق 15 مارس 2024 م'
                continue
        groups.append([c])
    return groups


def find_dates(doc: Document, lexicons: LexiconSet | None = None) -> list[Mention]:
    """Every date expression of the document, resolved against ``doc.published`` (once per document)."""
    lex = lexicons_or_default(lexicons)
    memo_key = ("dates", id(lex))
    if memo_key not in doc.memo:
        doc.memo[memo_key] = _find_dates(doc, lex)
    return list(doc.memo[memo_key])


def _find_dates(doc: Document, lex: LexiconSet) -> list[Mention]:
    from .date_resolve import finish, resolve

    key = doc.key
    parser = _Parser(doc, lex)
    comps = parser.run()
    glue = [(t.token_start, t.end) for t in parser.toks if t.kind == "glue"]
    mentions: list[Mention] = []
    for group in _merge(key, comps, glue):
        kinds = {c.kind for c in group}
        if kinds <= {"part", "edge", "since", "modifier"}:
            continue  # a part of the day alone says nothing about the date
        value = resolve(group, doc.published)
        if value is None:
            continue
        mentions.append(Mention("date", group[0].start, group[-1].end, value.rule, value))
    return finish(doc, mentions, lex)


def pick_event_date(doc: Document, dates: list[Mention], start: int, end: int) -> Mention | None:
    """The date mention that governs an event whose evidence is the key span [start, end)."""
    from .date_pick import pick_event_date as _pick

    return _pick(doc, dates, start, end)

