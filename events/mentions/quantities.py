"""Counts of people and what happened to them: killed, wounded, missing, detained, casualties.

The grammar runs over the numbers of ``numbers.find_numbers`` and the casualty words of
``lexicon/casualties.yaml``:

* **number + noun**: ``14 عنصرا``, ``5 من رفاقنا``, ``three SDF fighters`` (English allows up to two
  modifiers between), ``عشرات القتلى``; a number right after a predicate needs no noun
  (``killed five``); a noun followed by a number word (``جنديان اثنان``, ``مقاتلين اثنين``);
* **duals** (``قتيلان``, ``عنصرين``, ``فردان``) count two; nisba forms in -ين that are also plurals
  (``مدنيين``) count nothing alone;
* **one**: a singular person noun right after a predicate (``مقتل طفل``, ``قتل الشاب``,
  ``killed a militia leader``) or before a singular passive (``طفلا قتل``, ``الشاب ... قُتل``),
  a death noun with a singular pronoun (``مقتله``), a relative (``الذي قُتل``), a singular English
  passive (``who was killed``);
* **category**: a counted noun says it (قتلى, جرحى, casualties); otherwise the nearest predicate
  in the clause, before the count (``مقتل 14``, ``أسرت العشائر 7``) or after it (``قتلوا``,
  ``were killed``, ``dead``), a predicate after a coordinated count applying to both ('6 fighters
  ... and three SDF fighters were killed'); 'killed and wounded' together (``مقتل وإصابة 19``,
  ``بين قتيل وجريح``, casualties) is ``casualties``; no predicate: ``people``;
* **running totals**: a count after 'to'/إلى in a sentence with a toll word and a rise word
  (``ارتفعت حصيلة القتلى إلى 57``); over a period ('منذ مطلع العام') it is ``cumulative``;
* **explicit zeros** (``دون إصابات``, ``no one was killed``);
* **group**: whose dead they are (``N من عناصر قسد`` → the span of ``عناصر قسد``);
* **subset** (``بينهم 4 أطفال``, including) and **additive** (``آخر``, ``one other``, also) flags.

``count_fatalities`` (in ``fatalities``) applies ACLED's rules to the quantities of an event.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from ..lexicon import LexiconSet
from ..text.normalize import match_key
from .base import Document, Mention, QuantityValue
from .dates import find_dates
from .lexscan import Atom, SpanSet, lexicons_or_default, scan_doc, word_index, words_in
from .numbers import numbers_of

__all__ = ["find_quantities", "count_fatalities"]

LEXICON = "casualties"
_NOUNS = ("victim", "counted")
_PREDICATES = ("predicate", "combined")
# words that end a group noun phrase ('15 من أنصار الصدر بالرصاص الحي في ...')
_GROUP_STOP = frozenset(
    match_key(w)
    for w in (
        "في على عن إلى جراء إثر بعد قبل خلال حيث أثناء اليوم أمس مساء صباح وفق بحسب وذلك برصاص بنيران "
        "by in on at near after during were was have had has are is who which when while and with"
    ).split()
)
# a toll 'since the start of the year' or 'during the month' counts a period, not an incident
_SINCE = frozenset(match_key(w) for w in "منذ خلال since during this year".split())
_PUNCT = regex.compile(r"[,;:.!?()\n\"]")
_POST_QUALIFIER = regex.compile(r'[\s"]{0,8}(' + "|".join(match_key(w) for w in ("على الأقل", "في أقل تقدير", "تقريبا")) + ")")


@dataclass
class _Q:
    start: int
    end: int
    value: int
    qualifier: str = "exact"
    low: int | None = None
    high: int | None = None
    category: str = ""
    noun: Atom | None = None
    group: tuple[int, int] | None = None
    subset: bool = False
    additive: bool = False
    running_total: bool = False
    explicit_zero: bool = False
    ids: list[str] = field(default_factory=list)
    num_start: int = 0


_SpanSet = SpanSet


class _Taken:
    """Spans taken so far; "does this span overlap one of them?" in time linear in the span
    (an occupancy map of the non-empty spans; empty spans, rare, are checked one by one)."""

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self.mask = bytearray(size + 1)
        self.spans: list[tuple[int, int]] = []
        self.empty: list[tuple[int, int]] = []
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        s, e = span
        self.spans.append(span)
        if e > s:
            if e > len(self.mask):
                self.mask.extend(bytes(e - len(self.mask)))
            self.mask[s:e] = b"\x01" * (e - s)
        else:
            self.empty.append(span)

    def overlaps(self, span: tuple[int, int]) -> bool:
        s, e = span
        if e <= s:
            return any(_overlaps(span, t) for t in self.spans)
        return self.mask.find(1, s, e) >= 0 or any(_overlaps(span, t) for t in self.empty)


class _Grammar:
    def __init__(self, doc: Document, lexicons: LexiconSet) -> None:
        self.doc = doc
        self.key = doc.key
        self.atoms = scan_doc(doc, lexicons, LEXICON)
        self.starts = [a.token_start for a in self.atoms]
        self.ends = sorted(a.end for a in self.atoms)
        self.index = word_index(doc)
        blocked = [(a.token_start, a.end) for a in self.atoms if a.type in ("zero", "noinfo", "trap")]
        # a number inside a date ("في 14 من فبراير") is a day, never a count of people
        blocked += [(d.start, d.end) for d in find_dates(doc, lexicons)]
        spans = _SpanSet(blocked)
        self.nums = [n for n in numbers_of(doc, lexicons) if not spans.contains(n.start)]
        self.en = doc.language == "en"

    # helpers ---------------------------------------------------------------------------------
    def words(self, a: int, b: int) -> list[str]:
        return words_in(self.key, a, b)

    def nwords(self, a: int, b: int) -> int:
        return self.index.count(a, b)

    def clause(self, pos: int) -> tuple[int, int]:
        c = self.doc.clause_at(pos)
        if c is None:
            s = self.doc.sentence_at(pos)
            return (s.start, s.end) if s else (0, len(self.key))
        return c

    def atom_after(self, pos: int, types: tuple[str, ...], max_words: int, stop: int) -> Atom | None:
        for a in self.atoms[bisect.bisect_left(self.starts, pos) :]:
            if a.token_start >= stop or self.nwords(pos, a.token_start) > max_words:
                return None
            if _PUNCT.search(self.key, pos, a.token_start) and self.key[pos:a.token_start].strip() not in ('"',):
                return None
            if a.type in types:
                return a
            if a.type in _PREDICATES + _NOUNS + ("zero",):
                return None
        return None

    def atom_before(self, pos: int, types: tuple[str, ...], max_words: int, stop: int) -> Atom | None:
        for a in reversed(self.atoms[: bisect.bisect_right(self.starts, pos)]):
            if a.end > pos:
                continue
            if a.end <= stop or self.nwords(a.end, pos) > max_words:
                return None
            if a.type in types:
                return a
        return None

    # 1. numbers with their nouns --------------------------------------------------------------
    def from_numbers(self) -> list[_Q]:
        out: list[_Q] = []
        for n in self.nums:
            cs, ce = self.clause(n.start)
            q = _Q(n.start, n.end, n.value, n.qualifier, n.low, n.high, ids=list(n.entries), num_start=n.start)
            before_noun = self.atom_before(n.start, ("victim",), 0, cs)
            noun = self.atom_after(n.end, _NOUNS + ("additive",), 2 if self.en else 0, ce)
            if noun is None and self.key[n.end : n.end + 5].strip().split(" ")[0] in ("من", "of", "from"):
                noun = self.atom_after(n.end, _NOUNS + ("group",), 1, ce)
                if noun is not None and noun.type == "group":
                    q.group = self.group_np(self._group_start(noun), ce)
                    q.end = q.group[1] if q.group else noun.end
                    noun = None
                    nxt = self.atom_after(n.end, _NOUNS, 1, ce)
                    if nxt is not None:
                        noun = nxt
            if before_noun is not None and n.kind == "words" and n.value <= 2 and noun is None:
                q.start, q.noun = before_noun.token_start, before_noun  # جنديان اثنان
                q.num_start = q.start
            elif noun is not None:
                q.noun = noun
                q.end = max(q.end, noun.end)
                if noun.type == "additive":
                    q.additive = True
                    real = self.atom_after(noun.end, _NOUNS, 3 if self.en else 0, ce)  # 'one other ... member'
                    if real is not None:
                        q.noun, q.end = real, real.end
                elif self.en and noun.token_start > n.end:
                    between = (n.end, noun.token_start)
                    extra = [w for w in self.words(*between) if w not in ("other", "another")]
                    if extra:
                        q.group = between
                    if len(extra) < len(self.words(*between)):
                        q.additive = True
            if q.noun is None and q.group is None:
                left = self.atom_before(n.start, _PREDICATES, 1 if self.en else 0, cs)
                right = self.atom_after(n.end, _PREDICATES, 0, ce)
                toll = self.atom_before(n.start, ("toll", "rise"), 3, cs)  # 'ارتفعت حصيلة القتلى إلى 57'
                before = self.words(max(cs, n.start - 8), n.start)
                if toll is None and before and before[-1] in ("الي", "to"):
                    toll = self.atom_before(n.start, ("toll",), 12, cs)  # 'ارتفع عدد القتلى منذ الصباح إلى 20'
                if left is None and right is None and toll is None:
                    continue
            if q.noun is not None and q.noun.type == "counted":
                q.category = str(q.noun.entry.get("category"))
            self.after_noun(q, ce)
            q.ids.extend(a.id for a in (q.noun,) if a is not None)
            out.append(q)
        return out

    def group_np(self, pos: int, stop: int) -> tuple[int, int] | None:
        m = regex.compile(r"\s*(\S+)").match
        start = end = None
        p = pos
        count = 0
        while count < 5:
            mm = m(self.key, p, stop)
            if mm is None:
                break
            word = mm.group(1)
            bare = word.strip('"').rstrip(",;:.")
            if not bare or bare in _GROUP_STOP or (bare.startswith("بال") and count > 0) or bare.startswith("و") and count > 0 \
                    and any(n.start <= mm.end(1) and n.end >= mm.start(1) for n in self.nums):
                break
            i = bisect.bisect_right(self.starts, mm.start(1)) - 1
            if i >= 0 and mm.start(1) < self.atoms[i].end and self.atoms[i].type in _PREDICATES:
                break  # inside a predicate (atoms do not overlap: only the last one starting before can hold it)
            ws = mm.start(1) + (1 if word.startswith('"') else 0)
            start = ws if start is None else start
            end = mm.start(1) + len(word.rstrip(",;:.").rstrip('"'))
            p = mm.end(1)
            count += 1
            if word.endswith((",", ";", ":", ".")) or (word.endswith('"') and not word.startswith('"')):
                break
            if word.startswith('"') and word.endswith('"') and len(word) > 1:
                break
        if start is None or end is None or end <= start:
            return None
        return start, end

    def _group_start(self, g: Atom) -> int:
        """'من عناصر قسد' → the group is 'عناصر قسد'; 'في صفوف قسد' → 'قسد'."""
        text = self.key[g.start : g.end]
        first = text.split(" ")[0]
        if " " in text and first in ("من", "of", "from", "among"):
            return g.start + len(first) + 1
        return g.end

    def after_noun(self, q: _Q, ce: int) -> None:
        """Group ('من عناصر قسد'), post qualifier ('على الأقل'), additive ('آخرين') after the noun."""
        key = self.key
        if q.group is None:
            g = self.atom_after(q.end, ("group",), 0, ce)
            if g is not None and key[q.end : g.token_start].strip() == "":
                q.group = self.group_np(self._group_start(g), ce)
                if q.group:
                    q.end = q.group[1]
        # the first atom at or after q.end is the only candidate: atoms are sorted and do not overlap, so
        # any later one has at least as many words before it and starts at least as late
        i = bisect.bisect_left(self.starts, q.end)
        if i < len(self.atoms):
            a = self.atoms[i]
            if self.nwords(q.end, a.token_start) == 0 and a.token_start < ce and a.type == "additive":
                q.additive = True
                q.end = a.end
        # post qualifier after the noun or its group
        m = _POST_QUALIFIER.match(key, q.end)
        if m is not None:
            q.end = m.end()
            if q.qualifier == "exact":
                q.qualifier = "about" if m.group(1) == match_key("تقريبا") else "at_least"
                q.low = q.value if q.qualifier == "at_least" else q.low

    # 2. nouns that count by themselves ---------------------------------------------------------
    def from_nouns(self, taken: list[tuple[int, int]]) -> list[_Q]:
        out: list[_Q] = []
        taken_set = _SpanSet(taken)
        for a in self.atoms:
            if taken_set.contains(a.token_start):
                continue
            cs, ce = self.clause(a.start)
            count = a.entry.get("count")
            if a.type in _NOUNS and count == 2:
                q = _Q(a.token_start, a.end, 2, "dual", noun=a, ids=[a.id], num_start=a.token_start)
                if a.type == "counted":
                    q.category = str(a.entry.get("category"))
                self.after_noun(q, ce)
                out.append(q)
            elif a.type in ("victim", "counted") and a.entry.get("number", "sg") == "sg" and not a.entry.get("ambiguous_dual") \
                    and (a.type == "victim" and a.entry.get("number") == "sg" or count == 1):
                left = self.atom_before(a.token_start, ("predicate", "group"), 1 if not self.en else 2, cs)
                if left is not None and left.type == "group":
                    left = None
                right = None
                if left is None and a.type == "victim":
                    right = self._sg_predicate_after(a, ce)
                if left is None and right is None:
                    continue
                if self.en and left is not None and not self._english_singular(left.end, a.token_start):
                    continue
                q = _Q(a.token_start, a.end, 1, "one", noun=a, ids=[a.id], num_start=a.token_start)
                if a.type == "counted":
                    q.category = str(a.entry.get("category"))
                elif right is not None:
                    q.category = str(right.entry.get("category"))
                    q.ids.append(right.id)
                self.after_noun(q, ce)
                out.append(q)
            elif a.type == "pronoun" and count:
                out.append(_Q(a.token_start, a.end, int(count), "one" if count == 1 else "dual",
                              category=str(a.entry.get("category")), ids=[a.id], num_start=a.token_start))
            elif a.type == "predicate" and self.en and a.entry.get("number") == "sg":
                out.append(_Q(a.token_start, a.end, 1, "one", category=str(a.entry.get("category")), ids=[a.id],
                              num_start=a.token_start))
            elif a.type == "zero":
                out.append(_Q(a.token_start, a.end, 0, "exact", category=str(a.entry.get("category")), explicit_zero=True,
                              ids=[a.id], num_start=a.token_start))
        return out

    def kin(self, qs: list[_Q]) -> list[_Q]:
        """Relatives coordinated with a victim: 'مقتل رجل وابنه', 'X and his daughter, who were killed'."""
        out: list[_Q] = []
        for a in self.atoms:
            if a.type != "kin":
                continue
            anded = "و" in a.prefix or self.key[max(0, a.token_start - 4) : a.token_start].strip() == "and"
            if not anded:
                continue
            cs, ce = self.clause(a.start)
            before = [q for q in qs if q.end <= a.token_start and self.nwords(q.end, a.token_start) <= (1 if self.en else 0)]
            if before and before[-1].value == 1 and not before[-1].category == "":
                prev = before[-1]
                out.append(_Q(a.token_start, a.end, 1, "one", category=prev.category, additive=True, ids=[a.id],
                              num_start=a.token_start))
                continue
            if before:
                continue
            i = bisect.bisect_left(self.starts, a.end)
            pred = self.atoms[i] if i < len(self.atoms) else None  # ', who were killed' (a comma is fine)
            if pred is not None and pred.type == "predicate" and self.nwords(a.end, pred.token_start) <= 2 \
                    and pred.entry.get("number") in ("pl", "dual") and pred.entry.get("category"):
                start = a.token_start - (4 if self.en else 0)
                out.append(_Q(start, a.end, 2, "dual", category=str(pred.entry["category"]), ids=[a.id, pred.id],
                              num_start=start))
        return out

    def _english_singular(self, a: int, b: int) -> bool:
        ws = self.words(a, b)
        return bool(ws) and ws[0] in ("a", "an", "one") and len(ws) <= 3 or not ws

    def _sg_predicate_after(self, noun: Atom, ce: int) -> Atom | None:
        """'طفلا قتل', 'الشاب محمد ... قُتل': a singular predicate a few words after the noun."""
        if self.en:
            return None
        for a in self.atoms[bisect.bisect_left(self.starts, noun.end):]:
            if a.token_start >= ce or self.nwords(noun.end, a.token_start) > 4:
                return None
            if a.type in _NOUNS + ("combined",):
                return None
            if a.type == "predicate":
                return a if a.entry.get("number") == "sg" and a.entry.get("category") == "killed" else None
        return None

    # 3. categories, flags ---------------------------------------------------------------------
    def categorise(self, qs: list[_Q]) -> None:
        qs.sort(key=lambda q: q.start)
        q_starts = [q.start for q in qs]
        right_of: dict[int, Atom | None] = {}
        for i in range(len(qs) - 1, -1, -1):
            q = qs[i]
            cs, ce = self.clause(q.start)
            right = self.atom_after(q.end, _PREDICATES, 2, ce)
            if right is not None and ("و" in right.prefix or "and" in self.words(q.end, right.token_start)):
                right = None  # 'وأصيب ثلاثة آخرون' starts a new predication
            if right is None and i + 1 < len(qs):
                nxt = qs[i + 1]
                gap = self.key[q.end : nxt.start].strip(" ,")
                if gap in ("و", "and", "") and nxt.start < ce:
                    right = right_of.get(i + 1)
            right_of[i] = right
        for i, q in enumerate(qs):
            cs, ce = self.clause(q.start)
            subset = self.atom_before(q.start, ("subset",), 1, cs)
            q.subset = subset is not None
            also = self.atom_before(q.start, ("additive",), 3, cs)
            if also is not None and also.end <= q.start:
                q.additive = True
            if q.category:
                continue
            left = self.atom_before(q.num_start, _PREDICATES, 3 if self.en else 2, cs)
            # another count between the predicate and this one (qs is sorted: a slice; o.start < q.start, so o is not q)
            if left is not None and any(not o.subset for o in
                                        qs[bisect.bisect_left(q_starts, left.end):bisect.bisect_left(q_starts, q.start)]):
                left = None
            right = right_of.get(i)
            if left is not None and right is not None:
                lw = self.nwords(left.end, q.num_start)
                rw = self.nwords(q.end, right.token_start)
                pick = left if lw <= rw else right
            else:
                pick = left or right
            q.category = str(pick.entry.get("category")) if pick is not None else "people"
            if pick is not None:
                q.ids.append(pick.id)
            elif i > 0 and qs[i - 1].category not in ("", "people") and not qs[i - 1].subset:
                gap = self.key[qs[i - 1].end : q.start].strip(" ,")
                if gap in ("و", "and", "") and qs[i - 1].end <= q.start:  # 'قتل 3 مدنيين و2 من عناصر الأمن'
                    q.category = qs[i - 1].category

    def running_totals(self, qs: list[_Q]) -> None:
        all_tolls = [a for a in self.atoms if a.type == "toll"]
        all_rises = [a for a in self.atoms if a.type == "rise"]
        if not all_tolls or not all_rises:
            return
        toll_starts = [a.start for a in all_tolls]  # atoms are sorted by start
        rise_starts = [a.start for a in all_rises]
        for q in qs:
            sent = self.doc.sentence_at(q.start)
            if sent is None:
                continue
            tolls = all_tolls[bisect.bisect_left(toll_starts, sent.start):bisect.bisect_left(toll_starts, q.start)]
            rises = all_rises[bisect.bisect_left(rise_starts, sent.start):bisect.bisect_left(rise_starts, q.start)]
            if not tolls or not rises:
                continue
            before = self.words(max(sent.start, q.start - 12), q.start)
            to = bool(before) and before[-1] in ("الي", "to")
            near = self.nwords(max(tolls[-1].end, rises[-1].end), q.start) <= 2
            if to or near:
                q.running_total = True
                if q.category in ("", "people", "casualties") and (q.noun is None or q.noun.type != "counted"):
                    q.category = "killed"
                if _SINCE.intersection(self.words(tolls[-1].end, q.start)):
                    q.category = "cumulative"  # a toll over a period is a statistic, not this incident's
                q.ids.extend([tolls[-1].id, rises[-1].id])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_quantities(doc: Document, lexicons: LexiconSet | None = None) -> list[Mention]:
    """Every count of people in the document, with its category and flags."""
    lex = lexicons_or_default(lexicons)
    g = _Grammar(doc, lex)
    qs = g.from_numbers()
    taken = [(q.start, q.end) for q in qs]
    occupied = _Taken(len(doc.key), taken)
    for q in g.from_nouns(taken):
        if not occupied.overlaps((q.start, q.end)):
            qs.append(q)
            occupied.add((q.start, q.end))
    g.categorise(qs)
    for q in g.kin(qs):
        if not occupied.overlaps((q.start, q.end)):
            qs.append(q)
    g.running_totals(qs)
    out: list[Mention] = []
    for q in sorted(qs, key=lambda q: q.start):
        value = QuantityValue(
            value=q.value, category=q.category or "people", qualifier=q.qualifier, low=q.low, high=q.high,
            running_total=q.running_total, explicit_zero=q.explicit_zero, group=q.group,
            entries=tuple(dict.fromkeys(q.ids)), subset=q.subset, additive=q.additive,
        )
        out.append(Mention("quantity", q.start, q.end, f"quantity.{value.category}", value))
    return out


def count_fatalities(doc: Document, quantities: list[Mention], start: int, end: int) -> tuple[int, list[Mention], str]:
    """ACLED's fatality figure for an event whose evidence is the key span [start, end)."""
    from .fatalities import count_fatalities as _count

    return _count(doc, quantities, start, end)

