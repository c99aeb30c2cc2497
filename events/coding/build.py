"""Build one ``Event`` from a coded incident: names, types, derived fields, notes, provenance.

Derived fields follow ACLED (docs/acled-format.md sections 1.3, 1.4, 3.7):
inter1/inter2 from each actor's type where the event happened; interaction with the lower
type first ('X only' for one actor); disorder_type from the sub-event type; civilian targeting
for every Violence against civilians event and for remote violence and riots aimed at civilians;
protests and riots get their generic crowd actors (``Protesters (Country)``, ``Rioters
(Country)``) and a ``crowd size=`` tag.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from .. import taxonomy as tx
from ..lexicon import LexiconSet, default_lexicons, load_entries
from ..mentions.actors import actor_kind, actor_name, actor_type, concrete_entry
from ..mentions.base import Document, Mention
from ..model import Event, Evidence, ProvenanceItem
from .classify import TypeDecision
from .incidents import Incident
from .notes import render_notes
from .roles import Roles

__all__ = ["EventDraft", "build_event", "event_uid"]


@dataclass
class EventDraft:
    doc: Document
    incident: Incident
    roles: Roles
    decision: TypeDecision
    date: Mention | None
    habitual: bool = False
    fatalities: int = 0
    fatality_mentions: list[Mention] = field(default_factory=list)
    fatality_rule: str = ""
    timestamp: int = 0
    fatality_note: str = ""  # 'N fatalities split across K events, M fatalities coded to this event.'
    quantities: list[Mention] = field(default_factory=list)  # the document's counts (crowd sizes)


@dataclass
class _Actor:
    name: str
    inter: str
    entry: str
    rule: str
    mention: Mention | None = None


def event_uid(article_id: str, date: dt.date, place_id: str, sub_event_type: str, actor1: str, actor2: str) -> str:
    """Stable content hash: the same article and incident give the same uid on every run."""
    text = "\x1f".join([article_id, date.isoformat(), place_id, sub_event_type, actor1, actor2])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _resolve(m: Mention | None, rule: str, date: dt.date, country: str, lexicons: LexiconSet | None) -> _Actor | None:
    if m is None:
        return None
    entry = concrete_entry(m.value.entry_id, country, lexicons)
    if entry is None:
        return None
    name = actor_name(entry, date, country, lexicons)
    if not name:
        return None
    return _Actor(name, actor_type(entry, country, lexicons), entry, rule, m)


def _generic(entry: str, rule: str, date: dt.date, country: str, lexicons: LexiconSet | None) -> _Actor:
    return _Actor(actor_name(entry, date, country, lexicons), actor_type(entry, country, lexicons), entry, rule)


def _prov(doc: Document, rule: str, entries: list[str], mentions: list[Mention] | None = None) -> ProvenanceItem:
    if mentions:
        start = min(m.start - len(m.prefix) for m in mentions)
        end = max(m.end for m in mentions)
        s, e = doc.original_span(start, end)
        return ProvenanceItem(rule=rule, entries=entries, text=doc.norm.original[s:e], start=s, end=e)
    return ProvenanceItem(rule=rule, entries=entries)


def _prov_each(doc: Document, rule: str, mentions: list[Mention]) -> list[ProvenanceItem]:
    """One provenance item per word that produced the field (merged reports span sentences)."""
    return [_prov(doc, rule, [m.entry_id], [m]) for m in sorted(mentions, key=lambda m: m.start)]


def _evidence(doc: Document, inc: Incident) -> list[Evidence]:
    """The sentences holding the incident's clauses (several when reports were merged)."""
    sentences = {inc.sentence.index: inc.sentence}
    for s, _e in inc.spans:
        sent = doc.sentence_at(s)
        if sent is not None:
            sentences.setdefault(sent.index, sent)
    return [doc.evidence(sent.start, sent.end) for _, sent in sorted(sentences.items())]


def _crowd_tag(doc: Document, inc: Incident, quantities: list[Mention], lexicons: LexiconSet | None) -> str:
    """ACLED's 'crowd size=' tag in the source's wording: 'hundreds', 'tens of thousands', 'about
    200', 'over 1,000', '600'; 'no report' when the report gives no size."""
    crowd = [q for q in quantities if q.value.category == "people" and any(s <= q.start < e for s, e in inc.spans)]
    protest = [t.start for t in inc.triggers if t.value.cls in ("protest", "violent-crowd")]
    if not crowd:
        return "crowd size=no report"
    q = min(crowd, key=lambda q: min((abs(q.start - p) for p in protest), default=0))
    words = crowd_words(lexicons)
    for entry in q.value.entries:
        if entry in words:
            return f"crowd size={words[entry]}"
    value = f"{q.value.value:,}"
    prefix = {"about": "about ", "at_least": "at least ", "more_than": "over "}.get(q.value.qualifier, "")
    return f"crowd size={prefix}{value}"


def crowd_words(lexicons: LexiconSet | None) -> dict[str, str]:
    """Number entry id -> crowd size wording (coding.yaml entries of kind crowd)."""
    out: dict[str, str] = {}
    for e in load_entries("coding", lexicons or default_lexicons()):
        if e.get("kind") == "crowd":
            for n in e.get("numbers") or []:
                out[str(n)] = str(e["tag"])
    return out


def build_event(d: EventDraft, lexicons: LexiconSet | None = None) -> tuple[Event | None, str]:
    """The event of a draft, or (None, reason) when a required part is missing."""
    doc, inc, roles = d.doc, d.incident, d.roles
    located = inc.place
    place = located.place
    country = place.country
    if not place.region:
        # a place in a country the country table (gazetteer/countries.csv) lacks: no ACLED country
        # name, region or admin1 to code it with
        return None, "country-not-covered"
    if not place.admin1:
        # ACLED leaves admin1 empty only at sea; a place the gazetteer knows no admin1 of (a country
        # without admin units in it: import a GeoNames dump or an OCHA table for that) is not coded
        return None, "no-admin1"
    if d.date is not None:
        date, precision, date_rule = d.date.value.date, int(d.date.value.precision), str(d.date.value.rule)
        date_entries = list(getattr(d.date.value, "entries", ()) or [])
    else:
        assert doc.published is not None
        date, precision, date_rule, date_entries = doc.published, 1, "date.publication", []
    if d.habitual:
        precision, date_rule = max(precision, 2), date_rule + "+habitual"
    sub = d.decision.sub_event_type
    etype = tx.SUB_EVENT_PARENT[sub]
    a1 = _resolve(roles.actor1, roles.rules.get("actor1", ""), date, country, lexicons)
    a2 = _resolve(roles.actor2, roles.rules.get("actor2", ""), date, country, lexicons)
    if a1 and a2 and a1.name == a2.name:
        a2 = None
    civilians = "actor.civilians"
    assoc2: list[str] = []
    crowd_assoc: list[str] = []
    if etype in ("Protests", "Riots"):
        # a party or movement whose supporters form the crowd is associated with the crowd
        for a in (a1, a2):
            if a is not None and actor_kind(a.entry, lexicons) == "party":
                crowd_assoc.append(a.name)
        a1, a2 = (None if a1 and a1.name in crowd_assoc else a1), (None if a2 and a2.name in crowd_assoc else a2)
    if etype == "Protests":
        protesters = _generic("actor.protesters", "role.protest-crowd", date, country, lexicons)
        if sub == "Excessive force against protesters":
            force = a1 if a1 and a1.entry not in ("actor.protesters", civilians) else (
                a2 if a2 and a2.entry not in ("actor.protesters", civilians) else None)
            if force is None:
                force = _generic("actor.unidentified-armed-group", "role.unidentified-perpetrator", date, country,
                                 lexicons)
            a1, a2 = force, protesters
        elif sub == "Protest with intervention":
            other = next((a for a in (a1, a2) if a and a.entry not in ("actor.protesters", civilians)), None)
            a1, a2 = protesters, other
        else:
            a1, a2 = protesters, None
    elif etype == "Riots":
        rioters = _generic("actor.rioters", "role.riot-crowd", date, country, lexicons)
        other = next((a for a in (a1, a2) if a and a.entry not in ("actor.protesters", "actor.rioters", civilians)),
                     None)
        a1, a2 = (rioters, other) if sub == "Violent demonstration" else (rioters, a2)
    elif etype == "Violence against civilians":
        if a1 is not None and a1.entry == civilians:
            a1, a2 = a2, a1
        if a2 is None or a2.entry != civilians:
            a2 = _generic(civilians, "role.civilian-victims", date, country, lexicons)
        if a1 is None or a1.entry == civilians:
            a1 = _generic("actor.unidentified-armed-group", "role.unidentified-perpetrator", date, country, lexicons)
    else:
        if a1 is not None and a1.entry == civilians and a2 is not None:
            a1, a2 = a2, a1
        if etype == "Battles" and a2 is not None and a2.entry == civilians:
            # residents who fight back are an armed group, not civilians (ACLED)
            a2 = _generic("actor.unidentified-armed-group", "role.armed-residents", date, country, lexicons)
        if a1 is None or a1.entry == civilians:
            if etype in ("Explosions/Remote violence", "Battles"):
                a1 = _generic("actor.unidentified-armed-group", "role.unidentified-perpetrator", date, country,
                              lexicons)
            else:
                return None, "no-actor"
        if etype == "Explosions/Remote violence" and a2 is None and roles.target == "civilian" and roles.civilian_owner:
            # a grenade on an official's house: the people there were the target (a house hit in a strike
            # with no one named is not 'civilians targeted')
            a2 = _generic(civilians, "role.civilian-target", date, country, lexicons)
        if etype == "Explosions/Remote violence" and a2 is not None and a2.entry != civilians and any(
                concrete_entry(v.value.entry_id, country, lexicons) == civilians for v in roles.victims):
            # a strike on an armed target that also hurt civilians: civilians are associated
            assoc2.append(actor_name(civilians, date, country, lexicons))
        if etype == "Battles" and a2 is None:
            return None, "battle-without-second-actor"
    if a2 is not None and a1.name == a2.name:
        if etype == "Battles":
            return None, "same-actor-both-sides"
        a2 = None
    assoc1: list[str] = list(crowd_assoc)
    if d.decision.one_sided:
        # a force's own activity: no second actor; those it acts "with" are its allies
        for m in roles.partners:
            ally = _resolve(m, "role.partner-ally", date, country, lexicons)
            if ally and ally.name != a1.name and ally.name not in assoc1:
                assoc1.append(ally.name)
        a2 = None
    targeting = ""
    if etype == "Violence against civilians" or (
        etype in ("Explosions/Remote violence", "Riots") and a2 is not None and a2.entry == civilians
    ) or sub == "Excessive force against protesters":
        targeting = tx.CIVILIAN_TARGETING
    inter2 = a2.inter if a2 else ""
    for m in roles.assoc1:
        extra = _resolve(m, "role.coordinated", date, country, lexicons)
        if extra and extra.name not in (a1.name, a2.name if a2 else "") and extra.name not in assoc1:
            assoc1.append(extra.name)
    if a2 is not None and a2.entry != civilians:
        for m in roles.assoc2:
            extra = _resolve(m, "role.coordinated", date, country, lexicons)
            if extra and extra.name not in (a1.name, a2.name) and extra.name not in assoc2 \
                    and extra.entry not in (civilians, "actor.protesters", "actor.rioters"):
                assoc2.append(extra.name)
    notes, note_rule = render_notes(
        date=date, precision=precision, sub_event_type=sub, actor1=a1.name, actor2=a2.name if a2 else "",
        location=place.name, admin1=place.admin1, admin2=place.admin2, written=located.written,
        coded_to=located.coded_to, fatalities=d.fatalities, fatality_note=d.fatality_note, lexicons=lexicons,
    )
    tags = _crowd_tag(doc, inc, d.quantities, lexicons) if etype in ("Protests", "Riots") and sub != "Mob violence" \
        else ""
    prov: dict[str, list[ProvenanceItem]] = {
        "event_date": [_prov(doc, date_rule, date_entries, [d.date] if d.date else None)],
        "sub_event_type": _prov_each(doc, d.decision.rule, inc.triggers),
        "actor1": [_prov(doc, a1.rule, [a1.entry], [a1.mention] if a1.mention else None)],
        "location": [_prov(doc, f"place.{located.relation}", list(located.entries))],
        "geo_precision": [ProvenanceItem(rule=f"geo.{located.relation}", entries=list(located.entries),
                                         text=located.reason)],
        "fatalities": [_prov(doc, d.fatality_rule or "fatalities.none", [m.entry_id for m in d.fatality_mentions],
                             d.fatality_mentions or None)],
        "notes": [ProvenanceItem(rule=note_rule)],
    }
    if a2 is not None:
        prov["actor2"] = [_prov(doc, a2.rule, [a2.entry], [a2.mention] if a2.mention else None)]
    if inc.context:
        prov["context"] = [ProvenanceItem(rule=f"context.{k}", text=str(v)) for k, v in inc.context.items()]
    confidence = _confidence(d, located, a1, a2)
    uid = event_uid(doc.article.id, date, place.id, sub, a1.name, a2.name if a2 else "")
    record: dict[str, Any] = {
        "event_date": date,
        "year": date.year,
        "time_precision": precision,
        "disorder_type": tx.SUB_EVENT_DISORDER[sub],
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": a1.name,
        "assoc_actor_1": "; ".join(assoc1),
        "inter1": a1.inter,
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(assoc2),
        "inter2": inter2,
        "interaction": tx.interaction_for(a1.inter, inter2),
        "civilian_targeting": targeting,
        "iso": place.iso,
        "region": place.region,
        "country": country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "location": place.name,
        "latitude": round(place.lat, 4),
        "longitude": round(place.lon, 4),
        "geo_precision": located.geo_precision,
        "source": doc.article.outlet,
        "source_scale": doc.article.source_scale,
        "notes": notes,
        "fatalities": d.fatalities,
        "tags": tags,
        "timestamp": d.timestamp,
        "event_uid": uid,
        "article_id": doc.article.id,
        "source_url": doc.article.url,
        "language": doc.language,
        "evidence": _evidence(doc, inc),
        "confidence": confidence,
        "provenance": prov,
    }
    return Event.model_validate(record), ""


def _confidence(d: EventDraft, located: Any, a1: _Actor, a2: _Actor | None) -> float:
    score = 0.9
    if located.geo_precision == 3:
        score -= 0.1
    if located.coded_to:
        score -= 0.05
    if d.date is None:
        score -= 0.1
    if d.incident.context:
        score -= 0.1
    if a1.rule in ("role.unidentified-perpetrator", "role.context-paragraph"):
        score -= 0.1
    if d.habitual:
        score -= 0.1
    return round(max(0.05, min(1.0, score)), 2)
