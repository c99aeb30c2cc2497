"""Assemble incidents: group the triggers of a sentence by the place they happened at.

ACLED codes one event per incident, day and location.  In a sentence, each trigger takes the
place phrase that governs it:

1. the nearest place after it in the same clause ("هجوم ... في بلدة X");
2. else the nearest place before it in the same clause ("شهدت X اشتباكات");
3. else the place of the previous trigger of the sentence (a consequence: "وأسفر الهجوم عن");
4. else the nearest place after it, then before it, anywhere in the sentence;
5. else none: the place may come from the context later (see ``context.py``).

Triggers that share a place form one incident.  A place that only locates the one before it
("سجن الصناعة في الحسكة", "Qamishli city in Hasakah province") is folded into it first.
Headings (headlines, captions, datelines) never start an incident; they give context only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..mentions.base import Document, Mention
from ..text import Sentence

__all__ = ["Incident", "group_incidents", "codable_places"]

_CHAIN_GLUE = frozenset({"", "ال", "في", "ب", "ف", ",", "-", "من", "in", "near", "of", "بريف", "ريف", "قرب", "بمدينة",
                         "بمحافظة", "محافظة", "مدينة", "بلدة", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي",
                         "جنوبي", "province", "city", "countryside", "the", "at", "on"})


@dataclass
class Incident:
    """Triggers of one sentence that share a place, with what the coder attaches to them."""

    sentence: Sentence
    triggers: list[Mention]
    place: Any | None  # a LocatedPlace, or None when the sentence names no codable place
    spans: list[tuple[int, int]] = field(default_factory=list)  # clauses holding the triggers
    context: dict[str, Any] = field(default_factory=dict)  # what was borrowed from other sentences

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


def codable_places(places: list[Any]) -> list[Any]:
    """Places an event can be coded to: not datelines, not whole countries."""
    return [p for p in places if getattr(p, "relation", "in") not in ("dateline", "country")]


def _glue_words(key: str, start: int, end: int) -> list[str]:
    return [w for w in key[start:end].replace("(", " ").replace(")", " ").split() if w]


def fold_place_chains(doc: Document, places: list[Any]) -> list[Any]:
    """Drop a place that only locates the place just before it (same admin1, less precise)."""
    kept: list[Any] = []
    for p in sorted(places, key=lambda x: x.start):
        if kept:
            prev = kept[-1]
            glue = _glue_words(doc.key, prev.end, p.start)
            if (
                len(glue) <= 3
                and all(w in _CHAIN_GLUE for w in glue)
                and _contains(p.place, prev.place)
                and doc.sentence_at(prev.start) is doc.sentence_at(p.start)
            ):
                continue
        kept.append(p)
    return kept


def _contains(outer: Any, inner: Any) -> bool:
    """Is ``outer`` a wider unit (or the same city) that holds ``inner``?"""
    if outer.country != inner.country:
        return False
    if outer.id == inner.id:
        return True
    feature = getattr(outer, "feature", "")
    if feature in ("admin1", "admin2", "admin3", "region"):
        return outer.admin1 == inner.admin1
    # "X in <city>": a site or neighbourhood inside a city or its district
    inner_feature = getattr(inner, "feature", "")
    if inner_feature not in ("city", "town", "village", "admin1", "admin2", "admin3") and outer.admin1 == inner.admin1:
        return True
    return False


def _clause_of(doc: Document, sent: Sentence, offset: int) -> tuple[int, int]:
    for s, e in doc.clauses(sent):
        if s <= offset < e:
            return s, e
    return sent.start, sent.end


def group_incidents(doc: Document, triggers: list[Mention], places: list[Any]) -> list[Incident]:
    """Incidents of every non-heading sentence that has a trigger, in text order."""
    places = fold_place_chains(doc, codable_places(places))
    by_sentence: dict[int, list[Mention]] = {}
    for t in triggers:
        sent = doc.sentence_at(t.start)
        if sent is not None and not sent.is_heading:
            by_sentence.setdefault(sent.index, []).append(t)
    incidents: list[Incident] = []
    p_starts = [p.start for p in places]
    p_sorted = all(a <= b for a, b in zip(p_starts, p_starts[1:], strict=False))
    for idx in sorted(by_sentence):
        sent = doc.sentences[idx]
        trigs = sorted(by_sentence[idx], key=lambda m: m.start)
        if p_sorted:  # the places of the sentence, in list order
            sent_places = places[bisect.bisect_left(p_starts, sent.start):bisect.bisect_left(p_starts, sent.end)]
        else:
            sent_places = [p for p in places if sent.start <= p.start < sent.end]
        assigned: list[tuple[Mention, Any | None, tuple[int, int]]] = []
        prev_place: Any | None = None
        for t in trigs:
            clause = _clause_of(doc, sent, t.start)
            place = _place_for(t, clause, sent_places, prev_place, assigned)
            assigned.append((t, place, clause))
            if place is not None:
                prev_place = place
        groups: dict[int, Incident] = {}
        order: list[int] = []
        for t, place, clause in assigned:
            key = id(place) if place is not None else -1
            if key not in groups:
                groups[key] = Incident(sent, [], place)
                order.append(key)
            inc = groups[key]
            inc.triggers.append(t)
            if clause not in inc.spans:
                inc.spans.append(clause)
        incidents.extend(groups[k] for k in order)
    return incidents


def _place_for(trig: Mention, clause: tuple[int, int], places: list[Any], prev_place: Any | None,
               assigned: list[tuple[Mention, Any | None, tuple[int, int]]]) -> Any | None:
    cs, ce = clause
    in_clause = [p for p in places if cs <= p.start < ce]
    after = [p for p in in_clause if p.start >= trig.end]
    if after:
        return after[0]
    before = [p for p in in_clause if p.end <= trig.start]
    if before:
        return before[-1]
    if assigned and prev_place is not None:
        return prev_place
    later = [p for p in places if p.start >= trig.end]
    if later:
        return later[0]
    earlier = [p for p in places if p.end <= trig.start]
    if earlier:
        return earlier[-1]
    return None
