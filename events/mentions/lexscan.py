"""Lexicon atoms: the words of one lexicon file found in a match key, with their entries.

The date, quantity and cue grammars share this step: every ``forms`` item of every entry in a
lexicon file is compiled into one clitic-aware ``Matcher`` (so 'وأمس', 'بالحسكة', 'للقتلى' are
found), and a text is turned into a sorted list of ``Atom`` objects the grammar walks over.

Three small morphology switches keep the data short: an entry with ``article: true`` also matches
its forms with the article ال, ``acc: true`` adds the indefinite accusative with a final alef
(قتيل → قتيلا) for forms that do not end in ة, ء, ى or ا, and ``future_prefix: true`` matches its
imperfect verbs only with the future prefix س glued on (يقصف → سيقصف).  One-letter forms are not
scanned (they would be found inside every word); the grammar that needs them (the era letters م
and ه after a year, the range word و) reads them in place with ``one_letter_forms``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import regex

from ..lexicon import LexiconSet, default_lexicons
from ..text.matcher import Matcher, resolve_overlaps
from ..text.normalize import match_key

__all__ = [
    "Atom", "SpanSet", "WordIndex", "atom_matcher", "lexicons_or_default", "one_letter_forms", "scan", "scan_doc", "word_index",
    "WORD_RE", "words_in",
]

WORD_RE = regex.compile(r"\w+")


@dataclass(slots=True)
class Atom:
    """One lexicon word found in a key: ``key[start:end]`` (proclitic ``prefix`` excluded).

    Treat it as immutable; it is not declared frozen because a document makes hundreds and a
    frozen dataclass costs three times as much to create (its ``entry`` is a dict, so it was
    never hashable anyway)."""

    start: int
    end: int
    entry: dict[str, Any]
    prefix: str = ""
    type: str = ""  # the entry's type, copied here because the grammars ask for it constantly

    def __post_init__(self) -> None:
        if not self.type:
            self.type = str(self.entry.get("type", ""))

    @property
    def id(self) -> str:
        return str(self.entry["id"])

    @property
    def token_start(self) -> int:
        return self.start - len(self.prefix)


def lexicons_or_default(lexicons: LexiconSet | None) -> LexiconSet:
    return lexicons if lexicons is not None else default_lexicons()


def _surface_forms(entry: dict[str, Any]) -> Iterable[str]:
    for form in entry.get("forms") or []:
        form = str(form)
        if entry.get("future_prefix"):
            yield "س" + form  # the future prefix, only on the listed verbs (never سيارة, ستة)
            continue
        yield form
        key = match_key(form)
        if entry.get("acc") and key and key[-1] not in "هءيا" and " " not in key:
            yield key + "ا"
        if entry.get("article") and key and not key.startswith("ال"):
            yield "ال" + key


def atom_matcher(
    lexicons: LexiconSet, name: str, keep: Callable[[dict[str, Any]], bool] | None = None
) -> Matcher:
    """A compiled matcher of every form of every entry of lexicon ``name`` (cached per set)."""

    def build(lex: LexiconSet) -> Matcher:
        m = Matcher()
        for entry in lex.entries(name):
            if keep is not None and not keep(entry):
                continue
            for form in _surface_forms(entry):
                if len(match_key(form)) < 2:
                    continue  # one-letter forms (era م, ه; range و) are read by the grammars in place
                m.add(form, name, entry["id"], allow_prefix=entry.get("prefixes", True))
        m.compile()
        return m

    suffix = "" if keep is None else f":{getattr(keep, '__name__', id(keep))}"
    return lexicons.compiled(f"atoms:{name}{suffix}", build)


def _entries_by_id(lexicons: LexiconSet, name: str) -> dict[str, dict[str, Any]]:
    return lexicons.compiled(f"entries:{name}", lambda lex: {e["id"]: e for e in lex.entries(name)})


def scan(key: str, lexicons: LexiconSet, name: str) -> list[Atom]:
    """Atoms of lexicon ``name`` in ``key``: longest match first, then earliest; sorted by start."""
    matcher = atom_matcher(lexicons, name)
    by_id = _entries_by_id(lexicons, name)
    out: list[Atom] = []
    for m in resolve_overlaps(matcher.iter_raw(key)):
        entry = by_id.get(m.payloads[0]) if m.payloads else None
        if entry is None:
            continue
        start, prefix = m.start, m.prefix
        if m.pattern.startswith("ال") and prefix.endswith("ال"):
            start, prefix = start - 2, prefix[:-2]  # the article belongs to the word
        elif m.pattern.startswith("ال") and prefix.endswith("لل"):
            start, prefix = start - 1, prefix[:-1]  # ل + ال written لل
        out.append(Atom(start, m.end, entry, prefix))
    out.sort(key=lambda a: a.start)
    return out


def one_letter_forms(lexicons: LexiconSet, name: str, kind: str) -> dict[str, dict[str, Any]]:
    """The one-letter forms of the entries of ``type`` ``kind`` in lexicon ``name``, by key (built once per set)."""

    def build(lex: LexiconSet) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for entry in lex.entries(name):
            if entry.get("type") == kind:
                for form in entry.get("forms") or []:
                    k = match_key(str(form))
                    if len(k) == 1:
                        out[k] = entry
        return out

    return lexicons.compiled(f"one-letter:{name}:{kind}", build)


def scan_doc(doc: Any, lexicons: LexiconSet, name: str) -> list[Atom]:
    """``scan`` of a Document's key, computed once per document and lexicon set."""
    k = ("scan", id(lexicons), name)
    if k not in doc.memo:
        doc.memo[k] = scan(doc.key, lexicons, name)
    return doc.memo[k]


class SpanSet:
    """Spans sorted once, so "is this offset inside one of them?" costs O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        best, self.max_end = -1, []
        for _, e in self.spans:
            best = max(best, e)
            self.max_end.append(best)

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return bool(i) and self.max_end[i - 1] > pos


class WordIndex:
    """Counts the words between two key offsets in O(log n) (word starts, bisected)."""

    def __init__(self, key: str) -> None:
        self.starts = [m.start() for m in WORD_RE.finditer(key)]

    def count(self, a: int, b: int) -> int:
        """Number of words that start in [a, b)."""
        if b <= a:
            return 0
        return bisect.bisect_left(self.starts, b) - bisect.bisect_left(self.starts, a)


def word_index(doc: Any) -> WordIndex:
    if "words" not in doc.memo:
        doc.memo["words"] = WordIndex(doc.key)
    return doc.memo["words"]


def words_in(key: str, start: int, end: int) -> list[str]:
    """The words (letters/digits runs) of ``key[start:end]``."""
    return WORD_RE.findall(key, start, end)
