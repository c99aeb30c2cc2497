"""Event type: from the trigger classes of an incident to one ACLED sub-event type.

Every trigger class has a rule in ``coding.yaml``: a fixed sub-event type, or a choice by the
target (armed -> Battles, civilian -> Violence against civilians) or by the actor (state ->
Arrests, non-state -> Abduction).  When an incident has several classes, the one with the
lowest rank wins (ranks follow ACLED's hierarchy: a clash with air strikes is one Battles event,
a drone strike that kills is an Air/drone strike).  Protests are then adjusted by their
modifiers: force used on protesters, protesters using violence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..lexicon import LexiconSet
from ..mentions.actors import actor_entry
from .incidents import Incident
from .roles import Roles

__all__ = ["TypeDecision", "classify"]

_REMOTE = frozenset({"air", "shelling", "bombardment", "suicide", "chemical"})
_STATE_KINDS = frozenset({"state", "police", "coalition"})


@dataclass(frozen=True)
class TypeDecision:
    sub_event_type: str
    rule: str  # id of the coding rule used
    trigger_ids: tuple[str, ...]  # the trigger entries behind the decision
    classes: frozenset[str]
    one_sided: bool = False  # the event has no actor2 (coding.yaml `one_sided`)


def _actor_is_state(roles: Roles, lexicons: LexiconSet | None, authority: bool = False) -> bool:
    """State forces; with ``authority``, also a de facto authority that arrests people where it
    governs (the SDF: its arrests are Arrests, its conquests still a non-state actor's)."""
    if roles.actor1 is None:
        return False
    entry = actor_entry(roles.actor1.value.entry_id, lexicons)
    return entry.get("kind") in _STATE_KINDS or (authority and bool(entry.get("authority")))


def classify(incident: Incident, roles: Roles, rules: dict[str, dict], lexicons: LexiconSet | None = None,
             *, victims: bool = False) -> TypeDecision | None:
    """The sub-event type of an incident, or None when its triggers cannot make an event.

    Weak words (an aircraft, 'killed') type an incident only in a clause where a strong word
    reports it, unless the incident has no strong word at all.  ``victims``: the incident counts
    dead or wounded (a class whose rule has ``none_needs_victims`` makes no event without them or
    a target: 'سمعت رشقات رشاشة' is no attack)."""
    main = [t for t in incident.triggers if not t.value.modifies and t.value.cls in rules]
    spans = sorted(incident.spans)
    starts = [s for s, _ in spans]

    def span_of(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < spans[i][1] else -1

    strong_spans = {span_of(t.start) for t in main if t.value.strength == "strong"} - {-1}
    if strong_spans:
        main = [t for t in main if t.value.strength == "strong" or span_of(t.start) in strong_spans]
    remote = {t.value.cls for t in main} & _REMOTE
    if remote and all(t.value.repels for t in main if t.value.cls == "clash"):
        # air defences repelling a strike ('التصدي لهجوم إسرائيلي جوي') fight no one on the ground
        main = [t for t in main if t.value.cls != "clash"]
    kept = set(map(id, main))
    classes = {t.value.cls for t in incident.triggers if id(t) in kept or t.value.modifies}
    modifiers = {t.value.cls for t in incident.triggers if t.value.modifies}
    if not main:
        return None
    ranked = sorted(main, key=lambda t: (rules[t.value.cls].get("rank", 99), t.start))
    # a bare bombardment word takes the air strike reading when aircraft are in the incident
    best = ranked[0]
    rule = rules[best.value.cls]
    trigger_ids = tuple(dict.fromkeys(t.entry_id for t in ranked))
    if "sub_event_type" in rule:
        sub = str(rule["sub_event_type"])
    elif "by_target" in rule:
        if roles.target == "none" and rule.get("none_needs_victims") and not victims:
            return None
        sub = str(rule["by_target"].get(roles.target, rule["by_target"].get("none")))
    else:
        state = _actor_is_state(roles, lexicons, authority=bool(rule.get("authority_counts")))
        sub = str(rule["by_actor"]["state" if state else "nonstate"])
    rule_id = str(rule["id"])
    if sub == "Abduction/forced disappearance" and "killing" in classes and victims:
        # abducted, then killed: ACLED codes the killing (an attack on the captive)
        sub, rule_id = ("Armed clash" if roles.target == "armed" else "Attack"), "rule.abduction-then-killing"
    if sub == "Peaceful protest" or "protest" in classes:
        sub, rule_id = _protest_type(sub, rule_id, classes, modifiers, roles, lexicons)
    return TypeDecision(sub, rule_id, trigger_ids, frozenset(classes), bool(rule.get("one_sided", False)))


def _protest_type(sub: str, rule_id: str, classes: set[str], modifiers: set[str], roles: Roles,
                  lexicons: LexiconSet | None) -> tuple[str, str]:
    """Adjust a protest by what happened to it (ACLED: violence by or against the crowd)."""
    violent_force = classes & {"shooting", "killing", "air", "shelling", "bombardment", "ied", "grenade"}
    if sub in ("Armed clash", "Attack") and "protest" in classes:
        sub = "Peaceful protest"
    if sub != "Peaceful protest":
        return sub, rule_id
    if "violent-crowd" in modifiers or "clash" in classes:
        return "Violent demonstration", "rule.protest.violent-crowd"
    if violent_force:
        return "Excessive force against protesters", "rule.protest.lethal-force"
    if "intervention" in modifiers:
        return "Protest with intervention", "rule.protest.intervention"
    return sub, rule_id
