"""Lexicons: the words and rules of the extractor, kept as data files beside this module.

Every file is YAML with a top-level ``entries`` list; every entry has a stable ``id`` that
provenance cites.  A research team extends the defaults without touching Python by pointing
``--lexicon DIR`` (or ``LexiconSet(overlays=[DIR])``) at a folder holding files of the same
names: their entries are appended, and an entry whose ``id`` already exists replaces the default
one (an explicit override).

Files and what they hold (each documented at its top):

=====================  ==============================================================
``wordlists.yaml``      small closed lists: abbreviations, clause connectives
``calendar.yaml``       month names (both systems, Maghrebi, Hijri), weekdays, relative days
``numbers.yaml``        number words, vague amounts, qualifiers
``casualties.yaml``     death / injury / missing / detention words and victim nouns
``cues.yaml``           negation, denial, question, future, condition, generic, hedge cues
``actors.yaml``         canonical ACLED actors, their types, periods and aliases
``triggers.yaml``       event triggers per ACLED sub-event type
``places.yaml``         place-type words (مدينة, village of) and spatial relations (قرب, near)
=====================  ==============================================================

``check_lexicons()`` validates all of them and reports every problem with file, entry and field
(the ``conflict-events check-lexicon`` command runs it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import LexiconError

__all__ = [
    "DATA_DIR",
    "LEXICON_FILES",
    "LexiconProblem",
    "LexiconSet",
    "default_lexicons",
    "iter_phrases",
    "load_entries",
    "load_word_list",
    "check_lexicons",
]

DATA_DIR = Path(__file__).resolve().parent
T = TypeVar("T")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LEXICON_FILES = (
    "wordlists",
    "calendar",
    "numbers",
    "casualties",
    "cues",
    "actors",
    "triggers",
    "places",
)


@dataclass(frozen=True)
class LexiconProblem:
    """One problem in a lexicon file, located by file, entry id (or index) and field."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: entry {self.entry}: {self.field}: {self.message}"


def _read_yaml(path: Path) -> tuple[list[dict[str, Any]], list[LexiconProblem]]:
    problems: list[LexiconProblem] = []
    try:
        with path.open(encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=_Loader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        return [], [LexiconProblem(str(path), "-", "-", f"cannot read: {exc}")]
    if doc is None:
        return [], []
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        return [], [LexiconProblem(str(path), "-", "entries", "the file must hold a mapping with an 'entries' list")]
    entries: list[dict[str, Any]] = []
    for i, entry in enumerate(doc["entries"]):
        if not isinstance(entry, dict):
            problems.append(LexiconProblem(str(path), f"#{i + 1}", "-", "an entry must be a mapping"))
            continue
        ident = entry.get("id")
        if not isinstance(ident, str) or not ident.strip():
            problems.append(LexiconProblem(str(path), f"#{i + 1}", "id", "missing or empty id"))
            continue
        entry = dict(entry)
        entry["_file"] = path.name
        entries.append(entry)
    return entries, problems


class LexiconSet:
    """The default lexicon files plus optional overlay folders, loaded once and cached."""

    def __init__(self, overlays: Sequence[str | Path] = ()) -> None:
        self.overlays = tuple(Path(p) for p in overlays)
        for folder in self.overlays:
            if not folder.is_dir():
                raise LexiconError(f"lexicon overlay {folder} is not a folder", path=str(folder))
        self._cache: dict[str, list[dict[str, Any]]] = {}
        self._compiled: dict[str, Any] = {}
        self.problems: list[LexiconProblem] = []

    def paths(self, name: str) -> list[Path]:
        found = [DATA_DIR / f"{name}.yaml"]
        for folder in self.overlays:
            for suffix in (".yaml", ".yml"):
                p = folder / f"{name}{suffix}"
                if p.is_file():
                    found.append(p)
        return [p for p in found if p.is_file()]

    def entries(self, name: str) -> list[dict[str, Any]]:
        """All entries of one lexicon, overlays applied (same id in an overlay replaces)."""
        if name not in self._cache:
            merged: dict[str, dict[str, Any]] = {}
            for path in self.paths(name):
                entries, problems = _read_yaml(path)
                self.problems.extend(problems)
                seen_here: set[str] = set()
                for entry in entries:
                    if entry["id"] in seen_here:
                        self.problems.append(
                            LexiconProblem(str(path), entry["id"], "id", "duplicate id in the same file")
                        )
                        continue
                    seen_here.add(entry["id"])
                    merged[entry["id"]] = entry
            self._cache[name] = list(merged.values())
        return self._cache[name]

    def compiled(self, name: str, builder: Callable[[LexiconSet], T]) -> T:
        """A structure compiled from these lexicons (a regex, an automaton ...), built once per set.

        Finders call ``lexicons.compiled("dates.grammar", build_grammar)`` so each grammar is
        compiled the first time it is needed and shared afterwards.
        """
        if name not in self._compiled:
            self._compiled[name] = builder(self)
        return self._compiled[name]

    def fingerprint(self) -> str:
        """A hash of every lexicon file in use (keys compiled caches)."""
        h = hashlib.sha256()
        for name in LEXICON_FILES:
            for path in self.paths(name):
                h.update(path.name.encode())
                h.update(path.read_bytes())
        return h.hexdigest()[:16]


@cache
def default_lexicons() -> LexiconSet:
    """The shared default lexicon set (no overlays)."""
    return LexiconSet()


def _default_set() -> LexiconSet:
    return default_lexicons()


def load_entries(name: str, lexicons: LexiconSet | None = None) -> list[dict[str, Any]]:
    """Entries of the lexicon ``name`` (e.g. ``"cues"``) from the defaults or a given set."""
    return (lexicons or _default_set()).entries(name)


def load_word_list(list_id: str, lexicons: LexiconSet | None = None) -> list[str]:
    """The words of one list in ``wordlists.yaml`` (every language), e.g. ``"abbreviations"``."""
    words: list[str] = []
    for entry in load_entries("wordlists", lexicons):
        if entry.get("list") == list_id:
            words.extend(str(w) for w in entry.get("words", []))
    return words


def iter_phrases(entry: dict[str, Any], field: str = "phrases") -> Iterable[str]:
    """The phrases of an entry: a list, or a mapping of language -> list."""
    value = entry.get(field) or []
    if isinstance(value, dict):
        for items in value.values():
            yield from (str(x) for x in items or [])
    else:
        yield from (str(x) for x in value)


def check_lexicons(lexicons: LexiconSet | None = None) -> list[LexiconProblem]:
    """Validate every lexicon file; return every problem found (empty when all is well)."""
    from .checks import check_all

    return check_all(lexicons or LexiconSet())
