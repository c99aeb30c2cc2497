"""Sentence splitting for Arabic and English news, on the match key, with offsets.

Rules (see docs/arabic.md section 5):

* every line break ends a sentence (headlines, datelines, bullet lists, captions);
* ``.`` ``!`` ``?`` (``؟`` and ``…`` are folded to these in the key) end a sentence when
  whitespace, a quote or a letter follows: "الثلاثاء.وأوضح" is two sentences, "2.5" is not;
* no split after a single-letter abbreviation ("د.", "أ.ف.ب", "U.S.") or a known English
  abbreviation ("Aug.", "Gen.", "Mr."); the list lives in ``lexicon/abbreviations.yaml``;
* no split inside a quotation (quote marks are all ``"`` in the key; since sources swap « and »,
  a mark opens or closes by its context: after a space or a glued proclitic and before a letter
  it opens, after a letter and before a space or punctuation it closes); a quotation that never
  closes on its line protects nothing, so a stray mark cannot glue a paragraph together;
* a bullet (•, ▪, ►, ...) after a space starts a new sentence (bullet lists pasted on one line);
* never at the Arabic comma;
* a sentence longer than ``MAX_SENTENCE_CHARS`` (2,000) is cut at a comma or a space, so that a
  page without punctuation still costs time linear in its length.

Clauses (the scope of negation and other cues) are cut inside a sentence at ``;``, at ``:`` and
at a comma or ``-`` followed by a clause connective (``فيما``, ``بينما``, ``while``, ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from .normalize import is_word_char, match_key

__all__ = ["Sentence", "split_sentences", "split_clauses"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a span of the match key; ``index`` counts sentences in the text."""

    index: int
    start: int
    end: int
    paragraph: int  # index of the line (paragraph) it belongs to
    is_heading: bool = False  # a short line without final punctuation: headline, dateline, caption

    def text(self, key: str) -> str:
        return key[self.start : self.end]


_FINAL = frozenset(".!?")


@lru_cache(maxsize=1)
def _abbrev_set() -> frozenset[str]:
    from ..lexicon import load_word_list

    return frozenset(match_key(w).rstrip(".") for w in load_word_list("abbreviations"))


def split_sentences(key: str, abbreviations: Iterable[str] | None = None) -> list[Sentence]:
    """Split a match key into sentences (spans of ``key``, whitespace trimmed)."""
    abbrev = frozenset(abbreviations) if abbreviations is not None else _abbrev_set()
    out: list[Sentence] = []
    paragraph = -1
    pos = 0
    n = len(key)
    while pos < n:
        nl = key.find("\n", pos)
        line_end = n if nl < 0 else nl
        if key[pos:line_end].strip():
            paragraph += 1
            for s, e in _split_line(key, pos, line_end, abbrev):
                for s2, e2 in _cap_length(key, s, e):
                    s2, e2 = _trim(key, s2, e2)
                    if e2 > s2:
                        out.append(Sentence(len(out), s2, e2, paragraph))
        pos = line_end + 1
    # headings: a paragraph that is a single short sentence without final punctuation
    para_sizes: dict[int, int] = {}
    for s in out:
        para_sizes[s.paragraph] = para_sizes.get(s.paragraph, 0) + 1
    result = []
    for s in out:
        last = key[s.end - 1]
        heading = para_sizes[s.paragraph] == 1 and last not in _FINAL and (s.end - s.start) <= 200
        result.append(Sentence(s.index, s.start, s.end, s.paragraph, heading) if heading else s)
    return result


# A sentence longer than this is cut (at a comma or a space) so that a page pasted without any
# punctuation still costs time linear in its length: every per-sentence step is then bounded.
MAX_SENTENCE_CHARS = 2000


def _cap_length(key: str, s: int, e: int) -> list[tuple[int, int]]:
    if e - s <= MAX_SENTENCE_CHARS:
        return [(s, e)]
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = max(key.rfind(",", s + MAX_SENTENCE_CHARS // 2, limit), key.rfind("\u060c", s, limit))
        if cut < 0:
            cut = key.rfind(" ", s + MAX_SENTENCE_CHARS // 2, limit)
        cut = limit if cut < 0 else cut + 1
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _trim(key: str, s: int, e: int) -> tuple[int, int]:
    while s < e and key[s].isspace():
        s += 1
    while e > s and key[e - 1].isspace():
        e -= 1
    return s, e


_BULLETS = frozenset("•●▪◾■►▶◆◦‣")
_SPECIAL = regex.compile("[" + regex.escape('"' + "".join(sorted(_BULLETS)) + "".join(sorted(_FINAL))) + "]")


def _quote_role(key: str, i: int, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the quote mark at key[i] (all quotes are '"' in the key)."""
    prev = key[i - 1] if i > start else " "
    nxt = key[i + 1] if i + 1 < end else " "
    # a proclitic glued before the quote (ل"قسد", بـ"داعش" → ب"داعش") still opens it
    glued = prev in "وفبلك" and (i - 1 == start or not key[i - 2].isalnum() or key[i - 2] in "وفبلك")
    opens = (not prev.isalnum() or glued) and not nxt.isspace() and nxt not in ".,;:!?)"
    closes = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]-" or i + 1 >= end)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _split_line(key: str, start: int, end: int, abbrev: frozenset[str]) -> list[tuple[int, int]]:
    """Split one line; a quotation that never closes on its line does not protect what follows."""
    ignored: set[int] = set()
    for _ in range(6):
        before = len(ignored)
        spans, unclosed = _split_once(key, start, end, abbrev, ignored)
        if unclosed is not None:
            ignored.add(unclosed)
        if len(ignored) == before:
            break
    return spans


def _split_once(
    key: str, start: int, end: int, abbrev: frozenset[str], ignored: set[int]
) -> tuple[list[tuple[int, int]], int | None]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    seg = start
    i = start
    special = _SPECIAL.search
    while i < end:
        m = special(key, i, end)  # every other character only moves on: jump to the next mark
        if m is None:
            break
        i = m.start()
        ch = key[i]
        if ch == '"' and i not in ignored:
            role = _quote_role(key, i, start, end)
            if opened is None:
                if role != "close":
                    opened = i
            elif role != "open":
                opened = None
            else:
                ignored.add(opened)  # two openings in a row: the first one was a stray mark
                opened = i
        elif ch in _BULLETS and i > seg and key[i - 1].isspace() and opened is None:
            spans.append((seg, i))
            seg = i
        elif ch in _FINAL and opened is None:
            j = i + 1
            while j < end and key[j] in _FINAL:  # "?!" "..."
                j += 1
            if _is_boundary(key, i, j, end, abbrev):
                # a closing bracket or quote right after the mark stays with the sentence
                while j < end and key[j] in ")]":
                    j += 1
                spans.append((seg, j))
                seg = j
                i = j
                continue
            i = j
            continue
        i += 1
    if seg < end:
        spans.append((seg, end))
    return spans, opened


def _is_boundary(key: str, i: int, j: int, end: int, abbrev: frozenset[str]) -> bool:
    """Is the run of final marks key[i:j] a sentence end?"""
    if j >= end:
        return True
    nxt = key[j]
    if key[i] == ".":
        prev = key[i - 1] if i > 0 else " "
        if prev.isdigit() and nxt.isdigit():  # 2.5, 14.02.2024, 10.30
            return False
        # the word before the dot
        ws = i
        while ws > 0 and is_word_char(key[ws - 1]):
            ws -= 1
        word = key[ws:i]
        if len(word) == 1 and word.isalpha():  # د. / U.S. / أ.ف.ب
            return False
        if word and word in abbrev:
            return False
        if nxt == "." or nxt == ",":
            return False
    if nxt.isspace() or nxt in "\"'([":
        return True
    if is_word_char(nxt):
        # "الثلاثاء.وأوضح": a letter glued after the mark still starts a sentence,
        # but not inside dotted forms like "pic.twitter.com" or an e-mail / URL.
        ws = i
        while ws > 0 and not key[ws - 1].isspace():
            ws -= 1
        token = key[ws:i]
        if "/" in token or "@" in token or "pic" in token or "www" in token:
            return False
        if nxt.isdigit():
            return False
        return not nxt.isascii() or key[i] != "."
    return False


@lru_cache(maxsize=1)
def _clause_regex() -> regex.Pattern[str]:
    from ..lexicon import load_word_list

    connectives = sorted({match_key(w) for w in load_word_list("clause_connectives")}, key=len, reverse=True)
    alt = "|".join(regex.escape(c) for c in connectives if c)
    # split before: "; " | ": " | ", <connective>" | " - <connective>"
    return regex.compile(rf"(?:[;:](?=\s)|(?<=[,\-])\s*(?=(?:{alt})(?!\w)))" if alt else r"[;:](?=\s)")


def split_clauses(key: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside the sentence key[start:end]."""
    rx = _clause_regex()
    cuts = [start]
    for m in rx.finditer(key, start, end):
        cut = m.end()
        if cuts[-1] < cut < end:
            cuts.append(cut)
    cuts.append(end)
    spans = [_trim(key, a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    return [(a, b) for a, b in spans if b > a]
