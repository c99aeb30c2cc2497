"""The place lexicon (``events/lexicon/places.yaml``) compiled for the resolver.

Cue words (place types, admin words, spatial relations, direction adjectives, organisation
words) go into one clitic-aware ``Matcher`` (group ``"cue"``) whose payloads are entry ids, so
"بريف", "وبلدة", "لمدينة" are all found; connectors and ambiguous toponyms become sets of match
keys.  The structure is built once per ``LexiconSet`` and shared (``LexiconSet.compiled``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import LexiconError
from ..lexicon import LexiconSet, default_lexicons, iter_phrases
from ..text import Matcher, match_key

__all__ = ["Cue", "PlaceCues", "place_cues", "CUE_KINDS"]

CUE_KINDS = frozenset({"feature-cue", "admin-cue", "relation", "direction-adjective", "org-before", "org-after"})
_OTHER_KINDS = frozenset({"connector", "ambiguous", "preposition"})
_RELATIONS = frozenset({"governorate", "district", "countryside", "area", "near", "in"})


@dataclass(frozen=True)
class Cue:
    """One cue entry of ``places.yaml``."""

    id: str
    lang: str
    kind: str
    position: str  # 'before' | 'after'
    relation: str = ""
    features: frozenset[str] = frozenset()


@dataclass
class PlaceCues:
    matcher: Matcher
    cues: dict[str, Cue]
    connectors: dict[str, frozenset[str]]  # lang -> match keys
    prepositions: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> match keys
    ambiguous: dict[str, tuple[str, bool]] = field(default_factory=dict)  # key -> (entry id, weak)

    def ambiguity(self, key: str) -> tuple[str, bool] | None:
        """(entry id, weak) when ``key`` (a toponym's match key) is on an ambiguity list."""
        hit = self.ambiguous.get(key)
        if hit is None and key.startswith("ال"):
            hit = self.ambiguous.get(key[2:])
        return hit


def build_place_cues(lexicons: LexiconSet) -> PlaceCues:
    """Compile ``places.yaml`` (raises ``LexiconError`` naming the entry for a malformed one)."""
    matcher = Matcher()
    cues: dict[str, Cue] = {}
    connectors: dict[str, set[str]] = {"ar": set(), "en": set()}
    prepositions: dict[str, set[str]] = {"ar": set(), "en": set()}
    ambiguous: dict[str, tuple[str, bool]] = {}
    for entry in lexicons.entries("places"):
        ident, kind, lang = entry["id"], entry.get("kind", ""), entry.get("lang", "")
        if kind not in CUE_KINDS | _OTHER_KINDS:
            raise LexiconError(f"unknown kind {kind!r}", path="places.yaml", field=f"{ident}.kind")
        if lang not in ("ar", "en"):
            raise LexiconError(f"lang must be ar or en, not {lang!r}", path="places.yaml", field=f"{ident}.lang")
        phrases = list(iter_phrases(entry))
        if not phrases:
            raise LexiconError("no phrases", path="places.yaml", field=f"{ident}.phrases")
        if kind in ("connector", "preposition"):
            (connectors if kind == "connector" else prepositions)[lang].update(match_key(p) for p in phrases)
            continue
        if kind == "ambiguous":
            weak = bool(entry.get("weak", lang == "en"))
            for p in phrases:
                ambiguous[match_key(p)] = (ident, weak)
            continue
        relation = str(entry.get("relation", ""))
        if relation and relation not in _RELATIONS:
            raise LexiconError(f"unknown relation {relation!r}", path="places.yaml", field=f"{ident}.relation")
        position = str(entry.get("position", "before"))
        cues[ident] = Cue(ident, lang, kind, position, relation, frozenset(entry.get("features") or ()))
        for p in phrases:
            matcher.add(p, "cue", ident)
    matcher.compile()
    return PlaceCues(matcher, cues, {k: frozenset(v) for k, v in connectors.items()},
                     {k: frozenset(v) for k, v in prepositions.items()}, ambiguous)


def place_cues(lexicons: LexiconSet | None = None) -> PlaceCues:
    """The compiled place cues of a lexicon set (the default set when None), built once."""
    return (lexicons or default_lexicons()).compiled("geo.places", build_place_cues)
