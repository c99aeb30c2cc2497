"""The coder: from a document's mentions to ACLED-coded events, with the reason for every refusal.

For each incident (``incidents.py``) the coder

1. drops triggers inside the scope of a blocking cue (negation, denial, question, future, condition,
   generic statement, reference to an earlier event); a generic cue on non-violent activity
   (training, deployments) does not block it but makes its date week-precise (ACLED codes an
   ongoing activity at the time of the report);
2. refuses incidents with only weak triggers ("killed", a bare "bombardment") unless a death
   count and a perpetrator are in the sentence;
3. takes the place, or borrows it from the context (previous incident in the paragraph);
4. assigns roles (``roles.py``), borrowing a missing perpetrator from the context;
5. chooses the sub-event type (``classify.py``);
6. dates the incident (``mentions.dates.pick_event_date``; else the publication date);
7. counts fatalities (``mentions.quantities.count_fatalities``);
8. builds the ``Event`` (``build.py``).

Refused incidents are kept as ``Rejected`` records with their reason (``explain`` shows them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..lexicon import LexiconSet
from ..mentions.actors import ActorRef, actor_kind
from ..mentions.base import Document, Mention
from ..mentions.cues import blocking_cues
from ..mentions.dates import pick_event_date
from ..mentions.quantities import count_fatalities
from ..mentions.triggers import class_rules
from .build import EventDraft, build_event
from .classify import classify
from .incidents import Incident, group_incidents
from .roles import ARMED_KINDS, assign_roles

__all__ = ["Mentions", "Rejected", "CodingResult", "code_document"]

_VIOLENT_CLASSES = frozenset({"clash", "attack", "shooting", "killing", "air", "bombardment", "shelling", "ied",
                              "grenade", "suicide", "chemical", "abduction", "sexual", "mob", "territory"})
_NEVER_EVENT_FLAGS = frozenset({"future", "month-only", "year-only", "since", "cumulative"})


@dataclass
class Mentions:
    """Everything the finders found in one document."""

    actors: list[Mention] = field(default_factory=list)
    triggers: list[Mention] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)  # LocatedPlace
    dates: list[Mention] = field(default_factory=list)
    quantities: list[Mention] = field(default_factory=list)
    cues: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    """An incident the coder did not code, and why."""

    article_id: str
    reason: str
    text: str
    start: int  # original offsets of the sentence
    end: int
    triggers: tuple[str, ...] = ()


@dataclass
class CodingResult:
    events: list[Any] = field(default_factory=list)  # Event
    rejected: list[Rejected] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _reject(doc: Document, inc: Incident, reason: str) -> Rejected:
    s, e = doc.original_span(inc.sentence.start, inc.sentence.end)
    return Rejected(doc.article.id, reason, doc.norm.original[s:e], s, e,
                    tuple(dict.fromkeys(t.entry_id for t in inc.triggers)))


def _filter_cues(inc: Incident, cues: list[Mention]) -> tuple[list[Mention], set[str], bool]:
    """Triggers left after blocking cues, the cue types that blocked, and whether a generic cue
    was waived for a non-violent activity."""
    kept: list[Mention] = []
    blocked_by: set[str] = set()
    habitual = False
    for t in inc.triggers:
        types = {c.value.type for c in blocking_cues(cues, t.start, t.end)}
        if not types:
            kept.append(t)
        elif types == {"generic"} and t.value.cls not in _VIOLENT_CLASSES:
            kept.append(t)
            habitual = True
        else:
            blocked_by |= types
    return kept, blocked_by, habitual


def _has_agent(roles: Any, lexicons: LexiconSet | None) -> bool:
    return roles.actor1 is not None and actor_kind(roles.actor1.value.entry_id, lexicons) in ARMED_KINDS


def code_document(doc: Document, mentions: Mentions, lexicons: LexiconSet | None = None, *,
                  timestamp: int = 0) -> CodingResult:
    """Code every incident of one document."""
    result = CodingResult()
    rules = class_rules(lexicons)
    incidents = group_incidents(doc, mentions.triggers, mentions.places)
    context: dict[str, Any] = {"place": {}, "agent": {}}
    for inc in incidents:
        triggers, blocked_by, habitual = _filter_cues(inc, mentions.cues)
        if not triggers:
            result.rejected.append(_reject(doc, inc, "cue:" + "+".join(sorted(blocked_by))))
            continue
        inc.triggers = triggers
        para = inc.sentence.paragraph
        # place: own, else the last place of the paragraph
        if inc.place is None:
            inc.place = context["place"].get(para)
            if inc.place is not None:
                inc.context["place"] = "paragraph"
        roles = assign_roles(doc, inc, mentions.actors, mentions.quantities, lexicons)
        if roles.actor1 is None and context["agent"].get(para) is not None:
            roles.actor1 = context["agent"][para]
            roles.rules["actor1"] = "role.context-paragraph"
        if all(t.value.strength == "weak" for t in triggers):
            inc_start, inc_end = inc.start, inc.end
            killed = [q for q in mentions.quantities if inc_start <= q.start < inc_end and q.value.category == "killed"]
            if not (killed and _has_agent(roles, lexicons)):
                result.rejected.append(_reject(doc, inc, "weak-trigger-only"))
                continue
        if inc.place is None:
            result.rejected.append(_reject(doc, inc, "no-location"))
            continue
        decision = classify(inc, roles, rules, lexicons)
        if decision is None:
            result.rejected.append(_reject(doc, inc, "no-event-type"))
            continue
        date_m = pick_event_date(doc, mentions.dates, inc.start, inc.end)
        if date_m is not None and (set(date_m.value.flags) & _NEVER_EVENT_FLAGS or date_m.value.date is None):
            reason = "date:" + "+".join(sorted(set(date_m.value.flags) & _NEVER_EVENT_FLAGS) or ["unresolved"])
            result.rejected.append(_reject(doc, inc, reason))
            if date_m.value.date is None:
                result.problems.append(f"{doc.article.id}: could not date an event "
                                       f"({doc.original_text(date_m.start, date_m.end)!r} needs a publication date)")
            continue
        if date_m is None and doc.published is None:
            result.rejected.append(_reject(doc, inc, "undated"))
            result.problems.append(f"{doc.article.id}: could not date an event (no date in the text and no "
                                   f"publication date): {doc.original_text(inc.sentence.start, inc.sentence.end)[:80]!r}")
            continue
        fatalities, fat_mentions, fat_rule = count_fatalities(doc, mentions.quantities, inc.start, inc.end)
        draft = EventDraft(doc=doc, incident=inc, roles=roles, decision=decision, date=date_m,
                           habitual=habitual, fatalities=fatalities, fatality_mentions=fat_mentions,
                           fatality_rule=fat_rule, timestamp=timestamp)
        event, reason = build_event(draft, lexicons)
        if event is None:
            result.rejected.append(_reject(doc, inc, reason))
            continue
        result.events.append(event)
        context["place"][para] = inc.place
        if roles.actor1 is not None:
            context["agent"][para] = roles.actor1
    return result


def event_date_of(date_m: Mention | None, published: dt.date | None) -> tuple[dt.date, int, str]:
    """(date, precision, rule) of an event from its date mention or the publication date."""
    if date_m is not None:
        return date_m.value.date, int(date_m.value.precision), str(date_m.value.rule)
    assert published is not None
    return published, 1, "date.publication"


def actor_ref(m: Mention | None) -> ActorRef | None:
    return None if m is None else m.value
