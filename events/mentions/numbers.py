"""Numbers in a match key: digits and number words, with ranges, qualifiers and vague amounts.

The grammar (words come from ``lexicon/numbers.yaml``):

* digits with separators (``1,500``, ``2.5``), glued proclitics allowed (``بـ14`` → ``ب14``);
* number words in every case and gender form; compounds are units before tens joined with و
  (خمسة وعشرون), teens (ثلاثة عشر), hundreds (ثلاثمائة, ثلاث مئة), scales (ثلاثة آلاف, 2.5 مليون)
  and English compounds (twenty-five, two hundred and fifty);
* a qualifier in front (نحو, أكثر من, ما لا يقل عن, at least) or right after (على الأقل);
* ranges: N إلى/الى/-/to/or M, بين N و M, between N and M (value = the lower bound);
* vague amounts with ACLED's codes (عشرات 10, dozens 12, مئات 100, عدة 3; 'a number of' 0).

``find_numbers`` returns ``Num`` records; the quantity grammar decides which of them count people.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import regex

from ..lexicon import LexiconSet
from .lexscan import Atom, SpanSet, lexicons_or_default, scan, scan_doc

__all__ = ["Num", "find_numbers", "numbers_of", "FUNCTION_WORDS"]

LEXICON = "numbers"
# digits, optionally with one or two proclitic letters glued in front (بـ14, و15)
_DIGITS = regex.compile(
    r"(?<![A-Za-z0-9_.,/:])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d]|[.,/:]\d)"
)
MAX_DIGITS = 15
_BETWEEN = regex.compile(r"(?:^|\s)(?:بين|between|from|من)\s*$")
# words after which أحد / إحدى is not 'one of' ('لم يقتل أحد في ...')
FUNCTION_WORDS = frozenset(
    "في من على عن الى الي إلى حتى منذ خلال بعد قبل او أو و ثم لا لم لن ما هو هي بأذى باذي".split()
)


@dataclass(frozen=True, slots=True)
class Num:
    """A number phrase: ``key[start:end]`` (qualifier included), its value and bounds."""

    start: int
    end: int
    value: int
    qualifier: str = "exact"  # exact at_least more_than about at_most range vague unspecified
    low: int | None = None
    high: int | None = None
    entries: tuple[str, ...] = ()
    kind: str = "digits"  # digits | words | vague
    vague: str = ""  # tens, dozens, hundreds, several, many, unspecified ...


@dataclass
class _Piece:
    start: int
    end: int
    kind: str  # digits | unit | teen | tens | hundreds | scale | vague | qualifier | range
    value: float
    atom: Atom | None = None
    prefix: str = ""

    @property
    def token_start(self) -> int:
        return self.start - len(self.prefix)


def _atom_value(atom: Atom, key: str) -> float:
    entry = atom.entry
    values = entry.get("values")
    if isinstance(values, dict):
        return float(values.get(key[atom.start : atom.end], 0))
    return float(entry.get("value", 0) or 0)


def _pieces(key: str, lexicons: LexiconSet, atoms: list[Atom] | None) -> list[_Piece]:
    out: list[_Piece] = []
    for atom in atoms if atoms is not None else scan(key, lexicons, LEXICON):
        kind = atom.type
        value = _atom_value(atom, key)
        if kind == "scale" and atom.entry.get("count"):
            value *= int(atom.entry["count"])
        out.append(_Piece(atom.start, atom.end, kind, value, atom, atom.prefix))
    taken = SpanSet([(p.token_start, p.end) for p in out])
    for m in _DIGITS.finditer(key):
        if taken.contains(m.start()):
            continue
        text = m.group()
        s = m.start()
        prefix = ""
        if s > 0 and key[s - 1] in "وفبلك":
            j = s
            while j > 0 and key[j - 1] in "وفبلك" and s - j < 2:
                j -= 1
            prefix = "" if j > 0 and key[j - 1].isalnum() else key[j:s]
        if "," in text:
            text = text.replace(",", "")
        if len(text) > MAX_DIGITS:
            continue  # a phone number, an id or junk: no count or date has that many digits
        try:
            value = float(text)
        except ValueError:
            continue
        out.append(_Piece(s, m.end(), "digits", value, None, prefix))
    out.sort(key=lambda p: p.start)
    return out


def _gap(key: str, a: int, b: int) -> str:
    return key[a:b].strip()


_NUMERIC = ("digits", "unit", "teen", "tens", "hundreds", "scale")


def _joinable(prev: _Piece, nxt: _Piece, gap: str) -> bool:
    """May ``nxt`` continue the number that ends with ``prev``?"""
    if prev.kind == "digits" and nxt.kind == "scale" and not nxt.prefix and gap == "":
        return True
    if prev.kind == "digits" or nxt.kind == "digits":
        return False
    if gap not in ("", "-", "and"):
        return False
    wa = nxt.prefix == "و" or gap == "and"
    if nxt.prefix and not wa:
        return False
    if prev.kind == "unit":
        if nxt.kind == "teen":
            return not wa and prev.value < 10
        if nxt.kind == "tens":
            return wa or gap == "-"  # خمسة وعشرون, twenty-five is tens first (below)
        if nxt.kind in ("hundreds", "scale"):
            return not wa
        return False
    if prev.kind == "tens":
        if nxt.kind == "unit" and gap == "-":  # twenty-five
            return prev.value >= 20 and nxt.value < 10
        return nxt.kind == "scale" and not wa
    if prev.kind == "teen":
        return nxt.kind == "scale" and not wa
    if prev.kind in ("hundreds", "scale"):
        return wa and nxt.kind in ("unit", "teen", "tens", "hundreds") or (not wa and nxt.kind == "scale")
    return False


def _value(parts: list[_Piece]) -> float:
    total = 0.0
    current = 0.0
    prev: _Piece | None = None
    for p in parts:
        if p.kind == "digits":
            current += p.value
        elif p.kind == "teen":
            current += 10 if prev is not None and prev.kind == "unit" else p.value
        elif p.kind == "hundreds":
            multiplier = p.atom is not None and p.atom.entry.get("multiplier")
            if multiplier and prev is not None and prev.kind == "unit" and not p.prefix:
                current = current * p.value
            else:
                current += p.value
        elif p.kind == "scale":
            total += (current or 1) * p.value
            current = 0
        else:
            current += p.value
        prev = p
    return total + current


def _next_word(key: str, pos: int) -> str:
    m = regex.match(r"\s*(\w+)", key[pos : pos + 40])
    return m.group(1) if m else ""


def find_numbers(key: str, lexicons: LexiconSet | None = None, atoms: list[Atom] | None = None) -> list[Num]:
    """Every number phrase in ``key`` (digits, words, vague amounts), qualifiers and ranges attached.

    ``atoms``: the atoms of ``numbers.yaml`` in ``key`` when the caller has them already."""
    lex = lexicons_or_default(lexicons)
    pieces = _pieces(key, lex, atoms)
    # 1. compounds
    phrases: list[tuple[int, int, list[_Piece]]] = []  # (start, end, parts) of bare numbers
    others: list[_Piece] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.kind not in _NUMERIC:
            others.append(p)
            i += 1
            continue
        parts = [p]
        j = i + 1
        while j < len(pieces):
            nxt = pieces[j]
            skip = 0
            if nxt.kind == "range" and key[nxt.start : nxt.end] == "and" and j + 1 < len(pieces):
                nxt, skip = pieces[j + 1], 1  # two hundred and fifty
            if nxt.kind not in _NUMERIC:
                break
            gap = _gap(key, parts[-1].end, nxt.token_start)
            if not _joinable(parts[-1], nxt, gap):
                break
            parts.append(nxt)
            j += 1 + skip
        if len(parts) == 1 and p.atom is not None and p.atom.entry.get("needs_following"):
            nxt_word = _next_word(key, p.end)
            nxt_is_teen = j < len(pieces) and pieces[j].kind == "teen"
            if not nxt_word or (nxt_word in FUNCTION_WORDS and not nxt_is_teen):
                i = j
                continue
        if len(parts) == 1 and p.kind == "scale" and p.atom is not None and p.atom.entry.get("plural"):
            others.append(_Piece(p.start, p.end, "vague", p.value, p.atom, p.prefix))  # آلاف alone
            i = j
            continue
        phrases.append((p.start, parts[-1].end, parts))
        i = j
    nums: list[Num] = []
    for start, end, parts in phrases:
        kind = "digits" if parts[0].kind == "digits" else "words"
        ids = tuple(pt.atom.id for pt in parts if pt.atom is not None)
        nums.append(Num(start, end, int(round(_value(parts))), entries=ids, kind=kind))
    for p in others:
        if p.kind == "vague" and p.atom is not None:
            q = str(p.atom.entry.get("qualifier", "thousands" if p.atom.entry.get("plural") else "vague"))
            qual = "unspecified" if q == "unspecified" else "vague"
            nums.append(Num(p.start, p.end, int(p.value), qual, entries=(p.atom.id,), kind="vague", vague=q))
    nums.sort(key=lambda n: n.start)
    nums = _ranges(key, nums, others)
    return _qualify(key, nums, others)


def _ranges(key: str, nums: list[Num], others: list[_Piece]) -> list[Num]:
    range_words = [p for p in others if p.kind == "range"]  # atoms: sorted, not overlapping
    rw_starts = [p.token_start for p in range_words]
    rw_ends = [p.end for p in range_words]
    out: list[Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and a.kind != "vague" and nums[i + 1].kind != "vague":
            b = nums[i + 1]
            between = _BETWEEN.search(key[max(0, a.start - 12) : a.start]) is not None
            inner = range_words[bisect.bisect_left(rw_starts, a.end):bisect.bisect_right(rw_ends, b.start)]
            rest = key[a.end : b.start]
            for p in inner:
                rest = rest.replace(key[p.token_start : p.end], " ", 1)
            rest = rest.strip()
            joined = False
            if rest in ("", "-", "ـ") and (inner or rest):
                words = {key[p.start : p.end] for p in inner}
                joined = bool(words - {"و", "and"}) or between or rest in ("-", "ـ")
            elif rest == "و" and between:
                joined = True  # بين 10 و 15
            elif rest in ("", "و") and key[b.start - 1 : b.start] == "و" and between:
                joined = True  # بين 10 و15
            elif rest in ("-", "ـ"):
                joined = True
            lo, hi = a.value, b.value
            if joined and 0 <= lo < hi < 10 * max(lo, 1) + 10 and b.start - a.end <= 8:
                ids = a.entries + b.entries + tuple(p.atom.id for p in inner if p.atom is not None)
                out.append(Num(a.start, b.end, lo, "range", lo, hi, ids, a.kind))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _qualify(key: str, nums: list[Num], others: list[_Piece]) -> list[Num]:
    quals = [p for p in others if p.kind == "qualifier" and p.atom is not None]  # atoms: sorted, not overlapping
    q_starts = [q.token_start for q in quals]
    q_ends = [q.end for q in quals]
    out: list[Num] = []
    for n in nums:
        start, end, qualifier, ids = n.start, n.end, n.qualifier, n.entries
        # only the last qualifier ending before the number and the first one starting after it can be
        # separated from it by spaces alone (any other has one of these between)
        i = bisect.bisect_right(q_ends, n.start) - 1
        j = bisect.bisect_left(q_starts, n.end)
        for q in ((quals[i],) if i >= 0 else ()) + ((quals[j],) if j < len(quals) else ()):
            post = bool(q.atom.entry.get("post")) if q.atom else False
            if not post and q.end <= n.start and key[q.end : n.start].strip() == "":
                start, ids = q.token_start, ids + (q.atom.id,)  # type: ignore[union-attr]
                if qualifier == "exact":
                    qualifier = str(q.atom.entry["qualifier"])  # type: ignore[union-attr]
            elif post and q.token_start >= n.end and key[n.end : q.token_start].strip() == "":
                end, ids = q.end, ids + (q.atom.id,)  # type: ignore[union-attr]
                if qualifier == "exact":
                    qualifier = str(q.atom.entry["qualifier"])  # type: ignore[union-attr]
        low = n.low if n.low is not None else (n.value if qualifier in ("at_least", "more_than") else None)
        high = n.high if n.high is not None else (n.value if qualifier == "at_most" else None)
        out.append(Num(start, end, n.value, qualifier, low, high, ids, n.kind, n.vague))
    return out


def numbers_of(doc: Any, lexicons: LexiconSet) -> list[Num]:
    """``find_numbers`` of a Document, computed once per document and lexicon set."""
    k = ("numbers", id(lexicons))
    if k not in doc.memo:
        doc.memo[k] = find_numbers(doc.key, lexicons, scan_doc(doc, lexicons, LEXICON))
    return doc.memo[k]


def qualifier_atoms(key: str, lexicons: LexiconSet | None = None) -> list[Any]:
    """Post-position qualifier atoms (على الأقل ...) for the quantity grammar."""
    lex = lexicons_or_default(lexicons)
    return [a for a in scan(key, lex, LEXICON) if a.type == "qualifier" and a.entry.get("post")]
