"""Actors: find the actors a text names, resolve references, and name them as ACLED does.

* ``find_actors(doc)`` returns one ``Mention`` (kind ``actor``) per actor named or referred to;
  its value is an ``ActorRef`` with the lexicon entry and, for a reference such as "التنظيم" or
  "the latter", the mention it points back to.
* ``actor_name(entry, date, country)`` gives the ACLED name valid on the event date, filling
  ``{country}`` for generic actors, and ``actor_type(entry, country)`` the inter label where the
  actor operates (home type at home, ``abroad_type`` elsewhere).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..lexicon import LexiconSet
from ..text import resolve_overlaps
from .base import Document, Mention
from .lexmatch import entry_index, lexicon_matches

__all__ = ["ActorRef", "find_actors", "actor_name", "actor_type", "actor_entry", "actor_kind"]


@dataclass(frozen=True, slots=True)
class ActorRef:
    entry_id: str  # the actor entry (after resolving references and by-country entries later)
    via: str  # 'alias' | 'reference'
    reference_id: str = ""  # the reference entry used ("ref.organisation")
    antecedent: int | None = None  # key start of the mention a reference points to
    by_country: bool = False  # the entry is resolved by the event country (actor.national-*)


def actor_entry(entry_id: str, lexicons: LexiconSet | None = None) -> dict[str, Any]:
    return entry_index("actors", lexicons)[entry_id]


def actor_kind(entry_id: str, lexicons: LexiconSet | None = None) -> str:
    return str(actor_entry(entry_id, lexicons).get("kind", ""))


def find_actors(doc: Document, lexicons: LexiconSet | None = None) -> list[Mention]:
    """Actor mentions in text order, references resolved to the nearest compatible earlier actor."""
    groups = lexicon_matches(doc, lexicons)
    index = entry_index("actors", lexicons)
    is_ref = {id(m) for m in groups.get("actor-ref", [])}
    # an alias and a reference over the same words: the alias wins (aliases come first)
    kept = resolve_overlaps(groups.get("actor", []) + groups.get("actor-ref", []))
    out: list[Mention] = []
    for m in kept:
        entry_id = str(m.payloads[0])
        if id(m) in is_ref:
            out.append(Mention("actor", m.start, m.end, entry_id, ActorRef("", "reference", entry_id), m.prefix))
        else:
            entry = index[entry_id]
            out.append(Mention("actor", m.start, m.end, entry_id,
                               ActorRef(entry_id, "alias", by_country=bool(entry.get("by_country"))), m.prefix))
    out.sort(key=lambda x: x.start)
    return _generic_forces(doc, _resolve_references(_absorb_generic_heads(doc, out, index), index), index)


def _generic_forces(doc: Document, mentions: list[Mention], index: dict[str, dict]) -> list[Mention]:
    """'soldiers', 'الجنود', 'the army' right after a named army in the same sentence are that army
    ('Israeli troops came under fire ..., six soldiers wounded'), not the army of the event's country."""
    out: list[Mention] = []
    for m in mentions:
        entry = index.get(m.entry_id, {})
        if m.value.via == "alias" and entry.get("by_country"):
            sent = doc.sentence_at(m.start)
            kind = entry.get("kind")
            for prev in reversed(out):
                pe = index.get(prev.value.entry_id, {})
                if sent is None or doc.sentence_at(prev.start) is not sent:
                    break
                if pe.get("kind") == kind and not pe.get("by_country"):
                    m = Mention("actor", m.start, m.end, prev.value.entry_id,
                                ActorRef(prev.value.entry_id, "reference", m.entry_id, prev.start), m.prefix)
                    break
        out.append(m)
    return out


_HEAD_GLUE = frozenset({"من", "of", "from", "the", "a", "an", "belonging", "to", "affiliated", "with", "تابعين",
                        "تابعون", "التابعين", "ينتمون", "الى", "المنتمين"})
_HEAD_PUNCT = str.maketrans({c: " " for c in "\"'()“”«»‘’:-,"})


def _absorb_generic_heads(doc: Document, mentions: list[Mention], index: dict[str, dict]) -> list[Mention]:
    """'مسلحين من خلايا داعش', 'مسلحي "داعش"', 'gunmen from the Islamic State': a generic head
    ('gunmen', an unidentified group) that names its group right after it is that group."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and m.value.via == "alias" and index[m.entry_id].get("kind") == "unidentified"
                and nxt.value.via == "alias" and index[nxt.entry_id].get("kind") not in ("unidentified", "civilians")
                and nxt.prefix in ("", "ل", "لل") and _glue(doc.key[m.end:nxt.start - len(nxt.prefix)])):
            out.append(Mention("actor", m.start, nxt.end, nxt.entry_id, nxt.value, m.prefix))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _glue(gap: str) -> bool:
    words = gap.translate(_HEAD_PUNCT).split()
    return len(gap) <= 30 and all(w in _HEAD_GLUE for w in words)


def _resolve_references(mentions: list[Mention], index: dict[str, dict]) -> list[Mention]:
    resolved: list[Mention] = []
    for m in mentions:
        ref: ActorRef = m.value
        if ref.via != "reference":
            resolved.append(m)
            continue
        entry = index[m.entry_id]
        wanted = set(entry.get("refers_to") or [])
        wanted_ids = set(entry.get("refers_to_actors") or [])
        target_id = ""
        target = None
        for prev in reversed(resolved):
            pref: ActorRef = prev.value
            if not pref.entry_id:
                continue
            prev_entry = index[pref.entry_id]
            if entry.get("allies_of"):
                allies = prev_entry.get("allies") or []
                if allies:
                    target, target_id = prev, str(allies[0])
                    break
                continue
            if wanted_ids:
                if pref.entry_id in wanted_ids:
                    target, target_id = prev, pref.entry_id
                    break
                continue
            if not wanted or prev_entry.get("kind", "") in wanted:
                target, target_id = prev, pref.entry_id
                break
        if target is None:
            continue  # nothing to point to: the reference is dropped
        tref: ActorRef = target.value
        by_country = bool(index[target_id].get("by_country")) if target_id != tref.entry_id else tref.by_country
        resolved.append(Mention("actor", m.start, m.end, target_id,
                                ActorRef(target_id, "reference", m.entry_id, target.start, by_country), m.prefix))
    return resolved


def _in_period(name: dict[str, Any], date: dt.date | None) -> bool:
    if date is None:
        return "to" not in name
    start, end = name.get("from"), name.get("to")
    if start and date < _as_date(start):
        return False
    return not (end and date >= _as_date(end))


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def concrete_entry(entry_id: str, country: str, lexicons: LexiconSet | None = None) -> str | None:
    """The actor entry a by-country entry stands for in ``country`` (itself for others)."""
    entry = actor_entry(entry_id, lexicons)
    table = entry.get("by_country")
    if not table:
        return entry_id
    return table.get(country)


def actor_name(entry_id: str, date: dt.date | None, country: str, lexicons: LexiconSet | None = None) -> str:
    """The ACLED name of an actor on ``date`` for an event in ``country`` ('' if none is valid)."""
    entry = actor_entry(entry_id, lexicons)
    names = entry.get("names") or []
    valid = [n for n in names if _in_period(n, date)] or names[-1:]
    if not valid:
        return ""
    return str(valid[0]["name"]).replace("{country}", country or "International")


def actor_type(entry_id: str, country: str, lexicons: LexiconSet | None = None) -> str:
    """ACLED inter label of the actor in ``country``: its home type at home, else abroad_type."""
    entry = actor_entry(entry_id, lexicons)
    home = entry.get("home")
    if not home or country in home:
        return str(entry["type"])
    return str(entry.get("abroad_type", "External/Other forces"))
