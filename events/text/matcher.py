"""One multi-pattern matcher for places, actors, triggers and cues.

Patterns are normalised with ``match_key`` and scanned with an Aho-Corasick automaton
(pyahocorasick) over the match key of a text.  A raw hit is accepted only when it is a whole
word: the character after it is not a letter or digit, and the letters glued in front of it form
a legal Arabic proclitic chain (و/ف + ب/ل/ك + ال, with ل+ال written لل).  Arabic patterns are
indexed by their *bare* form (a leading ال removed), so "للتحالف", "بالحسكة" and "والحسكة" all
find "التحالف"/"الحسكة", while "البابا" never finds "الباب" and "بغداد" never finds "غداد".

Overlaps are resolved per *group* (e.g. "place", "actor", "trigger", "cue") by spaCy's rule:
longest match first, then the earliest.  Each accepted match carries the payloads (lexicon
entries) of its pattern, so provenance can cite the entry id.
"""

from __future__ import annotations

import pickle
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import ahocorasick

from .normalize import is_arabic_letter, match_key

__all__ = ["Match", "Matcher", "JointMatcher", "ARTICLE_PREFIXES", "BARE_PREFIXES"]

# Prefix chains allowed in front of a bare pattern, by whether the pattern had the article.
ARTICLE_PREFIXES = frozenset({"ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل"})
# When the bare form itself starts with ل (اللاذقية → لاذقية), ل + ال + ل... is written لل + rest.
ARTICLE_PREFIXES_LAM = frozenset({"ل", "ول", "فل"})
BARE_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})


@dataclass(slots=True, unsafe_hash=True)
class Match:
    """An accepted match in a match key: ``key[start:end]`` is the pattern (prefix excluded).

    Treat it as immutable (it is hashed by value); it is not declared frozen only because a frozen
    dataclass costs three times as much to create, and a document makes hundreds."""

    start: int
    end: int
    group: str
    pattern: str  # the normalised pattern, article included when the pattern had one
    payloads: tuple[Any, ...]
    prefix: str = ""  # proclitic letters glued in front ("ب", "وال", ...)

    @property
    def token_start(self) -> int:
        """Where the written word starts, proclitics included."""
        return self.start - len(self.prefix)

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class _Pattern:
    bare: str
    article: bool
    group: str
    payloads: list[Any] = field(default_factory=list)
    allow_prefix: bool = True
    suffixes: frozenset[str] = frozenset()


class Matcher:
    """Compile patterns once; find whole-word, clitic-aware matches in match keys.

    >>> m = Matcher()
    >>> m.add("الحسكة", "place", "gz:hasakah")
    >>> m.compile()
    >>> [(x.pattern, x.prefix) for x in m.find(match_key("وبالحسكة"))]
    [('الحسكة', 'وبال')]
    """

    def __init__(self) -> None:
        self._patterns: dict[tuple[str, bool, str], _Pattern] = {}
        self._automaton: ahocorasick.Automaton | None = None
        # (key, raw matches) of the last key a JointMatcher scanned for this matcher (see ``iter_raw``)
        self._primed: tuple[str, list[Match]] | None = None

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, text: str, group: str, payload: Any, *, allow_prefix: bool = True,
            suffixes: frozenset[str] = frozenset()) -> str | None:
        """Add one pattern (any spelling; it is normalised here).  Returns its key, or None if empty.

        ``allow_prefix=False`` makes an Arabic pattern match only as a bare word (no و ب ل ...).
        ``suffixes`` are letters that may follow the pattern in the same word (Arabic pronoun
        suffixes on event nouns: "تدريباتها", "قصفه"); the match still ends where the pattern ends.
        """
        key = match_key(text)
        if not key:
            return None
        article, bare = _split_article(key)
        ident = (bare, article, group)
        pat = self._patterns.get(ident)
        if pat is None:
            pat = self._patterns[ident] = _Pattern(bare, article, group, allow_prefix=allow_prefix,
                                                   suffixes=frozenset(suffixes))
        else:
            pat.allow_prefix = pat.allow_prefix and allow_prefix
            pat.suffixes = pat.suffixes | frozenset(suffixes)
        if payload not in pat.payloads:
            pat.payloads.append(payload)
        self._automaton = None
        self._primed = None
        return key

    def add_many(self, items: Iterable[tuple[str, str, Any]]) -> None:
        for text, group, payload in items:
            self.add(text, group, payload)

    def compile(self) -> None:
        auto = ahocorasick.Automaton()
        by_bare: dict[str, list[tuple[bool, str, bool, tuple[Any, ...], frozenset[str]]]] = {}
        for pat in self._patterns.values():
            by_bare.setdefault(pat.bare, []).append(
                # no suffixes: the empty tuple (a frozenset unpickles ten times slower, and a
                # gazetteer's cached automaton holds one per name)
                (pat.article, pat.group, pat.allow_prefix, tuple(pat.payloads), pat.suffixes or ())
            )
        for bare, variants in by_bare.items():
            auto.add_word(bare, (len(bare), tuple(variants)))
        if len(auto) == 0:
            auto.add_word("\x00\x00", (2, ()))  # an automaton cannot be empty
        auto.make_automaton()
        self._automaton = auto

    # -- persistence: the compiled automaton pickles quickly -----------------------------------
    def dumps(self) -> bytes:
        if self._automaton is None:
            self.compile()
        return pickle.dumps(self._automaton, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> Matcher:
        m = cls()
        m._automaton = pickle.loads(data)
        return m

    # -- exact and prefix look-up (a gazetteer's search box uses these) ------------------------
    def lookup(self, key: str, group: str | None = None) -> list[tuple[str, tuple[Any, ...]]]:
        """Patterns equal to the match key ``key`` (article-insensitive): (pattern, payloads) pairs.

        ``key`` must already be a match key.  "الحسكة" and "حسكة" both find the pattern "الحسكة".
        """
        if self._automaton is None:
            self.compile()
        auto = self._automaton
        assert auto is not None
        _, bare = _split_article(key)
        found = auto.get(bare, None)
        if not found:
            return []
        out = []
        for article, grp, _allow, payloads, _suffixes in found[1]:
            if group is None or grp == group:
                out.append((("ال" + bare) if article else bare, payloads))
        return out

    def prefixed(self, prefix: str, limit: int = 50) -> list[str]:
        """Bare pattern keys that start with ``prefix`` (at most ``limit``), for suggestions."""
        if self._automaton is None:
            self.compile()
        auto = self._automaton
        assert auto is not None
        out: list[str] = []
        for k in auto.keys(prefix):
            out.append(k)
            if len(out) >= limit:
                break
        return out

    # -- scanning -------------------------------------------------------------------------------
    def iter_raw(self, key: str) -> Iterator[Match]:
        """Every accepted (whole-word, legal-prefix) match, overlapping ones included.

        When a ``JointMatcher`` holding this matcher has just scanned this very key object, its
        result is used (the same list a scan of this matcher alone gives)."""
        primed = self._primed
        if primed is not None and primed[0] is key:
            return iter(primed[1])
        if self._automaton is None:
            self.compile()
        assert self._automaton is not None
        out: list[Match] = []
        _scan_into(key, self._automaton.iter(key), [out], joint=False)
        return iter(out)

    def find(self, key: str, groups: Iterable[str] | None = None) -> list[Match]:
        """Accepted matches, overlaps resolved within each group: longest first, then earliest."""
        wanted = set(groups) if groups is not None else None
        by_group: dict[str, list[Match]] = {}
        for m in self.iter_raw(key):
            if wanted is None or m.group in wanted:
                by_group.setdefault(m.group, []).append(m)
        out: list[Match] = []
        for matches in by_group.values():
            out.extend(resolve_overlaps(matches))
        out.sort(key=lambda m: (m.start, -m.end))
        return out


def _scan_into(key: str, hits: Iterable[tuple[int, Any]], outs: list[list[Match]], joint: bool) -> None:
    """Check raw automaton hits and append the accepted matches to their lists.

    ``hits`` are pyahocorasick's (end index, value) pairs: value is (length, variants) for one
    matcher (output ``outs[0]``), (length, ((k, variants), ...)) for a joint one (output
    ``outs[k]``).  A hit is a whole word when the character after it is
    not a word character (or begins a suffix of at most three letters that the variant allows) and
    the letters glued in front (at most four) form a legal proclitic chain for the variant.
    """
    n = len(key)
    proclitic = _PROCLITIC_LETTERS
    for end_idx, value in hits:
        end = end_idx + 1
        start = end - value[0]
        prefix = ""
        if start > 0:
            c = key[start - 1]
            if c.isalnum() or c == "_":
                # something is glued in front: only Arabic words take proclitics, and every legal
                # chain is made of these letters (see _prefix_ok), so anything else is inside a word
                if c not in proclitic or not _arabic(key[start]):
                    continue
                # walk back over the letters glued in front (a proclitic chain is at most 4 long)
                ts = start - 1
                while ts > 0:
                    c = key[ts - 1]
                    if not (c.isalnum() or c == "_"):
                        break
                    ts -= 1
                    if start - ts > 4:
                        break
                if start - ts > 4:
                    continue
                prefix = key[ts:start]
        suffix = ""
        if end < n:
            c = key[end]
            if c.isalnum() or c == "_":
                we = end + 1
                while we < n and we - end <= 3:
                    c = key[we]
                    if not (c.isalnum() or c == "_"):
                        break
                    we += 1
                if we - end > 3:  # no suffix list holds more than three letters
                    continue
                suffix = key[end:we]
        bare = key[start:end]
        arabic: bool | None = None
        for k, variants in value[1] if joint else ((0, value[1]),):
            out = outs[k]
            for article, group, allow_prefix, payloads, suffixes in variants:
                if suffix and suffix not in suffixes:
                    continue
                if prefix or article:
                    if arabic is None:
                        arabic = _arabic(bare[:1])
                    if not _prefix_ok(prefix, article, arabic, allow_prefix, bare):
                        continue
                out.append(Match(start, end, group, ("ال" + bare) if article else bare, payloads, prefix))


def _arabic(ch: str) -> bool:
    """``is_arabic_letter`` with the common cases first (every Arabic letter is >= U+0620)."""
    return "\u0620" <= ch <= "\u064a" or (ch >= "\u0620" and is_arabic_letter(ch))


class JointMatcher:
    """Several compiled matchers scanned in one pass of one automaton.

    ``prime(key)`` scans ``key`` once for all of them and leaves each member's raw matches in the
    member, so that the member's next ``iter_raw(key)`` / ``find(key)`` on the same key object
    costs nothing; each member's matches are exactly those of its own scan, in the same order (a
    hit's variants are kept per member, and for one end offset the automaton reports the
    patterns longest first, as each member's own automaton does).
    """

    def __init__(self, members: Iterable[Matcher]) -> None:
        self.members = list(members)
        table: dict[str, list[Any]] = {}
        for k, m in enumerate(self.members):
            if m._automaton is None:
                m.compile()
            assert m._automaton is not None
            for bare, (length, variants) in m._automaton.items():
                if variants:
                    table.setdefault(bare, [length]).append((k, variants))
        auto = ahocorasick.Automaton()
        for bare, value in table.items():
            auto.add_word(bare, (value[0], tuple(value[1:])))
        if len(auto) == 0:
            auto.add_word("\x00\x00", (2, ()))
        auto.make_automaton()
        self._automaton = auto
        self._compiled = [m._automaton for m in self.members]  # what the joint automaton was made of

    def prime(self, key: str) -> None:
        outs: list[list[Match]] = [[] for _ in self.members]
        _scan_into(key, self._automaton.iter(key), outs, joint=True)
        for m, auto, out in zip(self.members, self._compiled, outs, strict=True):
            if m._automaton is auto:  # a member changed since (patterns added) scans alone
                m._primed = (key, out)


def _split_article(key: str) -> tuple[bool, str]:
    """(has the article, bare form) of a pattern key.

    The article is split off only when at least three letters remain: ألف, إلى, آلاف, الذي begin
    with ال but have no article, and a one- or two-letter bare form would be found inside
    countless words.
    """
    article = len(key) > 4 and key.startswith("ال") and is_arabic_letter(key[2])
    return article, (key[2:] if article else key)


_PROCLITIC_LETTERS = frozenset("".join(ARTICLE_PREFIXES | ARTICLE_PREFIXES_LAM | BARE_PREFIXES))


def _prefix_ok(prefix: str, article: bool, arabic: bool, allow_prefix: bool, bare: str) -> bool:
    if not arabic:
        # Latin and other scripts: whole words only, nothing glued in front.
        return prefix == ""
    if article:
        if prefix in ARTICLE_PREFIXES:
            return allow_prefix or prefix == "ال"
        if prefix in ARTICLE_PREFIXES_LAM and bare.startswith("ل"):
            return allow_prefix
        return False
    if prefix == "":
        return True
    if not allow_prefix or prefix not in BARE_PREFIXES:
        return False
    # a one-letter prefix on a very short bare word is the main source of false hits
    return len(bare) >= 3


def resolve_overlaps(matches: Iterable[Match]) -> list[Match]:
    """Keep non-overlapping matches, longest first then earliest (spaCy's ``filter_spans``).

    Overlap is judged on the written words (proclitics included), so a match never sits inside
    the prefix of another.  Runs in O(n log n + covered length) with an occupancy map.
    """
    ordered = sorted(matches, key=_longest_first)
    if not ordered:
        return []
    size = max(m.end for m in ordered)
    occupied = bytearray(size + 1)
    taken = occupied.find
    kept: list[Match] = []
    for m in ordered:
        e = m.end
        s = m.start - len(m.prefix)  # m.token_start
        if taken(1, s, e) >= 0:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        kept.append(m)
    kept.sort(key=_START)
    return kept


def _longest_first(m: Match) -> tuple[int, int]:
    return m.start - m.end, m.start


_START = attrgetter("start")


def payload_ids(match: Match) -> list[Hashable]:
    """The ids of a match's payloads, for provenance (payloads with an ``id`` attribute or str)."""
    return [getattr(p, "id", p) for p in match.payloads]
