"""The shared lexicon matcher: one automaton over the phrases of the word lexicons.

Every lexicon that lists phrases registers them here under a *group* (``actor``, ``trigger``,
``role``, ``target``, ...); the document is scanned once and each finder takes the matches of
its group.  Payloads are entry ids, so a match says which lexicon entry produced it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ..lexicon import LexiconSet, default_lexicons, iter_phrases, load_entries
from ..text import Match, Matcher
from .base import Document

__all__ = ["register_source", "lexicon_matcher", "lexicon_matches", "entry_index"]

PatternSource = Callable[[LexiconSet], Iterable[tuple[str, str, str]]]
# Pronoun suffixes an Arabic event word may carry ("تدريباتها", "قصفه", "استهدافهم").
PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم"})
_SUFFIXED_GROUPS = frozenset({"trigger"})
_SOURCES: dict[str, PatternSource] = {}


def register_source(name: str, source: PatternSource) -> None:
    """Add a provider of (phrase, group, entry id) triples to the shared matcher."""
    _SOURCES[name] = source


def definite_variant(phrase: str, single: bool = False) -> str | None:
    """The definite form of an indefinite Arabic noun phrase: in Arabic the article goes on the
    noun and on every adjective that agrees with it ('غارة جوية' -> 'الغارة الجوية', 'طائرة
    مسيرة تركية' -> 'الطائرة المسيرة التركية'); with ``single``, one-word nouns too ('غارات' ->
    'الغارات').  None for phrases that are not such a phrase.  (A bare pattern never matches
    the article in the text, so a noun written bare in a lexicon would miss its definite form.)"""
    words = phrase.split()
    if single and len(words) == 1 and _ARABIC_WORD.fullmatch(words[0]) and len(words[0]) >= 3 \
            and not words[0].startswith("ال") and words[0] not in _NO_ARTICLE:
        return "ال" + words[0]
    if not 2 <= len(words) <= 4 or not all(_ARABIC_WORD.fullmatch(w) for w in words):
        return None
    if any(w.startswith("ال") or w in _FUNCTION_WORDS or w[0] in "بلف" and len(w) > 3 and w[1:].startswith("ال")
           for w in words):
        return None
    return " ".join("ال" + w for w in words)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_FUNCTION_WORDS = frozenset({"من", "في", "على", "عن", "إلى", "الى", "مع", "بين", "ضد", "لـ", "و"})
# one-word forms whose definite form is another word ('الأسر' is 'the families' as often as 'captivity')
_NO_ARTICLE = frozenset({"أسر", "اسر", "أسرت", "أسروا"})


def _with_definite(phrases: Iterable[str], single: bool = False) -> Iterator[str]:
    for phrase in phrases:
        yield phrase
        variant = definite_variant(phrase, single)
        if variant is not None:
            yield variant


def _aliases(lexicons: LexiconSet) -> Iterator[tuple[str, str, str]]:
    for entry in load_entries("actors", lexicons):
        group = "actor-ref" if entry.get("reference") else "actor"
        for phrase in _with_definite(iter_phrases(entry, "aliases")):
            yield phrase, group, entry["id"]


def _triggers(lexicons: LexiconSet) -> Iterator[tuple[str, str, str]]:
    for entry in load_entries("triggers", lexicons):
        for phrase in _with_definite(iter_phrases(entry), single=True):
            yield phrase, "trigger", entry["id"]


def _coding(lexicons: LexiconSet) -> Iterator[tuple[str, str, str]]:
    for entry in load_entries("coding", lexicons):
        if entry.get("kind") in ("role", "target", "discourse"):
            for phrase in iter_phrases(entry):
                yield phrase, entry["kind"], entry["id"]


register_source("actors", _aliases)
register_source("triggers", _triggers)
register_source("coding", _coding)


def _build(lexicons: LexiconSet) -> Matcher:
    matcher = Matcher()
    for source in _SOURCES.values():
        for phrase, group, entry_id in source(lexicons):
            suffixes = PRONOUN_SUFFIXES if group in _SUFFIXED_GROUPS else frozenset()
            matcher.add(phrase, group, entry_id, suffixes=suffixes)
    matcher.compile()
    return matcher


def lexicon_matcher(lexicons: LexiconSet | None = None) -> Matcher:
    """The compiled shared matcher of a lexicon set (built once per set)."""
    lexicons = lexicons or default_lexicons()
    return lexicons.compiled("shared-matcher", _build)


def lexicon_matches(doc: Document, lexicons: LexiconSet | None = None) -> dict[str, list[Match]]:
    """Matches of every group in the document (computed once per document)."""
    cache = doc.__dict__.setdefault("_lexmatch", {})
    key = id(lexicons or default_lexicons())
    if key not in cache:
        by_group: dict[str, list[Match]] = {}
        for m in lexicon_matcher(lexicons).find(doc.key):
            by_group.setdefault(m.group, []).append(m)
        cache[key] = by_group
    return cache[key]


def entry_index(name: str, lexicons: LexiconSet | None = None) -> dict[str, dict]:
    """Entries of one lexicon by id (cached per set)."""
    lexicons = lexicons or default_lexicons()
    return lexicons.compiled(f"index:{name}", lambda lx: {e["id"]: e for e in load_entries(name, lx)})
