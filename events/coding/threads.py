"""One event per incident, day and location: merge the reports of one incident inside an article.

An article tells an incident several times: a lead, its detail, a quote, a casualty update
("قتل 14 عنصراً ... وأوضح المرصد أن عناصر التنظيم شنوا هجوماً على حافلة ..."), often with
different words for the same actors.  Before the events are built, the coded incidents (drafts)
of one article are merged when they report the same incident:

* the same date, and
* the same place — or one place holds the other (a city and one of its squares, a governorate
  and a town in it: the more precise place is kept), or the later report refers back to the
  earlier one ('the attack', 'الهجوم') inside the same governorate;
* compatible types: political violence (Battles, Explosions/Remote violence, Violence against
  civilians) together, demonstrations (Protests, Riots) together, a strategic development only
  with the same sub-event type;
* compatible actors: the named actors of one report are among those of the other (an
  unidentified armed group, civilians or a crowd name no one in particular); two different named
  perpetrators never merge.

The merged incident has the triggers, clauses and evidence of all its reports and is classified
again (ACLED's hierarchy: air strikes during a clash are the clash; a peaceful protest fired on
is excessive force, one whose crowd turned violent a violent demonstration).  Its actors are the
best supported of all reports (a named perpetrator over an unidentified one, an armed target
over civilians hit beside it), and its fatalities are counted over all its clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import taxonomy as tx
from ..lexicon import LexiconSet
from ..mentions.actors import actor_kind, concrete_entry
from ..mentions.base import Mention
from .classify import TypeDecision, classify
from .incidents import Incident, contains
from .roles import ARMED_KINDS, Roles

__all__ = ["Draft", "merge_drafts", "family", "GENERIC_ACTORS"]

_WINDOW = 40
GENERIC_ACTORS = frozenset({"actor.unidentified-armed-group", "actor.civilians", "actor.protesters", "actor.rioters"})
_RULE_STRENGTH = {"role.agent-marker": 6, "role.doer-of-event": 5, "role.subject-of-event": 4,
                  "role.first-position": 2, "role.context-continuation": 1, "role.context-paragraph": 1,
                  "role.context-topic": 1, "role.speaker-fallback": 0, "role.context-response": 4,
                  # targets
                  "role.victim-group": 6, "role.civilian-victim": 5, "role.target-marker": 4, "role.target-possessive": 4,
                  "role.object-of-event": 4, "role.responder": 4, "role.context-dyad": 2, "role.later-position": 1,
                  "role.possessive-after-trigger": 1, "role.partner": 1, "role.victim": 3}


@dataclass
class Draft:
    """A coded incident before its event is built."""

    incident: Incident
    roles: Roles
    decision: TypeDecision
    date: Mention | None
    order: int
    habitual: bool = False
    weak: bool = False  # only weak words (a raid, an aircraft): an event only if merged with a report of it
    anaphoric: bool = False  # the report refers back to an incident told before ('the attack')
    lead: bool = False  # the report is the article's lead (it sums up what follows)
    victims: bool = False  # dead or wounded are counted
    separate: bool = False  # the report announces a separate incident ('وفي حادثة منفصلة')
    antecedent: int = -1  # order of the report just before it (what 'the attack' points to)
    antecedent_place: str = ""  # and the place id of that report
    continues: bool = False  # its event words themselves point back ('the attack targeted a market in X')
    members: list[Draft] = field(default_factory=list)  # the reports merged into this one

    @property
    def place(self) -> Any:
        return self.incident.place

    def date_key(self, published: Any) -> Any:
        return self.date.value.date if self.date is not None else published


def family(sub_event_type: str) -> str:
    etype = tx.SUB_EVENT_PARENT[sub_event_type]
    if etype in ("Battles", "Explosions/Remote violence", "Violence against civilians") or \
            sub_event_type == "Looting/property destruction":
        return "violence"  # ACLED: the highest type of what one group did there that day
    if etype in ("Protests", "Riots"):
        return "demonstration"
    return sub_event_type


def _entry(m: Mention | None, country: str, lexicons: LexiconSet | None) -> str:
    if m is None:
        return ""
    return concrete_entry(m.value.entry_id, country, lexicons) or ""


def _named(d: Draft, lexicons: LexiconSet | None) -> set[str]:
    country = d.place.place.country
    out = set()
    for m in (d.roles.actor1, d.roles.actor2):
        e = _entry(m, country, lexicons)
        if e and e not in GENERIC_ACTORS:
            out.add(e)
    return out


def _perpetrator(d: Draft, lexicons: LexiconSet | None) -> str:
    e = _entry(d.roles.actor1, d.place.place.country, lexicons)
    return "" if e in GENERIC_ACTORS else e


def _same_place(a: Draft, b: Draft, lexicons: LexiconSet | None) -> bool:
    """The same place, or a wider place that holds the other when the wider report is a summary
    of the precise one: the article's lead, a report that refers back, or a governorate-level
    report of the same event type and actors.  A spot the gazetteer does not know ('قرية الحوايج
    قرب ذيبان') is not the town it is coded to."""
    pa, pb = a.place, b.place
    a_holds, b_holds = contains(pa, pb), contains(pb, pa)
    held = a_holds or b_holds
    wide = a if a_holds else b
    later = a if a.order > b.order else b
    earlier = b if later is a else a
    if held and (wide.lead or _refers_to(later, earlier)):
        return True
    if pa.place.id == pb.place.id:
        if a.incident.unnamed_spot == b.incident.unnamed_spot:
            return True
        vague = a if b.incident.unnamed_spot else b  # the report naming no spot is a summary only as the lead
        return vague.lead
    if not held:
        return False
    return wide.place.geo_precision == 3 and a.decision.sub_event_type == b.decision.sub_event_type and \
        _named(a, lexicons) == _named(b, lexicons)


def _related_place(a: Draft, b: Draft) -> bool:
    """A report that refers back ('the attack', 'الهجوم') may place the incident more precisely."""
    pa, pb = a.place.place, b.place.place
    return bool(pa.admin1) and pa.admin1 == pb.admin1 and pa.country == pb.country


def _compatible(a: Draft, b: Draft, published: Any, lexicons: LexiconSet | None) -> bool:
    """Can two reports be of one incident: same day and type family, not announced as separate?"""
    if a.date_key(published) != b.date_key(published):
        return False
    if family(a.decision.sub_event_type) != family(b.decision.sub_event_type) and not (a.weak or b.weak):
        return False  # a raid is whatever came of it
    if a.incident.split[1] > 1 and b.incident.split[1] > 1 and a.incident.sentence is b.incident.sentence:
        return False  # the places a report names one by one stay apart
    later = a if a.order > b.order else b
    return not later.separate  # 'وفي حادثة منفصلة', 'in a separate incident'


def _actors_fit(d: Draft, cluster: list[Draft], lexicons: LexiconSet | None) -> bool:
    """The named actors of a report are among those of the incident (or the other way round), and
    its perpetrator is no other named group than the incident's ('an unidentified armed group',
    'civilians', 'protesters' name no one in particular)."""
    mine = _named(d, lexicons)
    theirs: set[str] = set()
    for m in cluster:
        theirs |= _named(m, lexicons)
    if not (mine <= theirs or theirs <= mine):
        return False
    perp = _perpetrator(d, lexicons)
    perps = {_perpetrator(m, lexicons) for m in cluster} - {""}
    return not (perp and perps and perp not in perps and perp not in theirs)


def _linked(a: Draft, b: Draft, lexicons: LexiconSet | None) -> bool:
    """Do two compatible reports tell the same incident: the same place (or a summary holding the
    precise one), or a later report referring back to the one just before it ('the attack') in
    the same governorate?"""
    if _same_place(a, b, lexicons):
        return True
    earlier, later = (a, b) if a.order < b.order else (b, a)
    return later.continues and _refers_to(later, earlier) and _related_place(a, b) and \
        a.incident.unnamed_spot == b.incident.unnamed_spot


def _refers_to(later: Draft, earlier: Draft) -> bool:
    """A report that refers back points to the incident told just before it (and so to the
    reports of that incident at the same place)."""
    return later.anaphoric and (earlier.order == later.antecedent or
                                (bool(later.antecedent_place) and earlier.place.place.id == later.antecedent_place))


def merge_drafts(drafts: list[Draft], published: Any, rules: dict[str, dict],
                 lexicons: LexiconSet | None = None) -> list[Draft]:
    """Merge the drafts that report the same incident (clustering in text order: a report joins
    the first incident it is linked to, compatible with every report of it, and placed where that
    incident is placed).

    The reports of one incident stand close together in an article, so a report is compared with
    the last ``_WINDOW`` incidents only, and with the first and last ``_WINDOW`` reports of each: the
    work stays linear in the length of the article (an article repeating one line ten thousand
    times costs ten thousand comparisons of bounded size)."""
    clusters: list[list[Draft]] = []
    for d in sorted(drafts, key=lambda x: x.order):
        for cl in clusters[-_WINDOW:]:
            seen = cl[:1] + cl[1:][-_WINDOW:]
            if all(_compatible(d, m, published, lexicons) for m in seen) and _actors_fit(d, seen, lexicons) \
                    and any(_linked(d, m, lexicons) for m in seen) and _fits(d, _anchor(seen), lexicons):
                cl.append(d)
                break
        else:
            clusters.append([d])
    return [_combine(cl, rules, lexicons) if len(cl) > 1 else cl[0] for cl in clusters]


def _anchor(cluster: list[Draft]) -> Draft:
    """The report whose place the merged incident takes (see ``_combine``): the most precise; a
    report naming the exact spot near that place wins over one naming the place loosely ('قتل 53
    شخصا في مدينة السخنة ... في منطقة الضبيات جنوب مدينة السخنة': near As Sukhnah)."""
    best = min(cluster, key=lambda d: (_specificity(d), -(d.continues and "place" not in d.incident.context), d.order))
    spots = [d for d in cluster if d.incident.unnamed_spot and d.place.place.id == best.place.place.id
             and "place" not in d.incident.context]
    return spots[0] if spots else best


def _fits(d: Draft, anchor: Draft, lexicons: LexiconSet | None) -> bool:
    """Is a report placed where an incident is (its place, a place holding it, or a refinement)?"""
    if d.place.place.id == anchor.place.place.id:
        return True
    return contains(d.place, anchor.place) or contains(anchor.place, d.place) or (
        d.continues and _related_place(d, anchor))


def _specificity(d: Draft) -> tuple[int, int]:
    from .incidents import _specificity as spec

    return spec(d.place), d.place.geo_precision


def _combine(cluster: list[Draft], rules: dict[str, dict], lexicons: LexiconSet | None) -> Draft:
    first = cluster[0]
    # the most precise place; among equals, the one a later report gives in its own words ('the
    # attack targeted a market in X' places what the lead told vaguely)
    located = _anchor(cluster).place
    by_start: dict[int, Mention] = {}
    span_set: set[tuple[int, int]] = set()
    context: dict[str, Any] = {}
    for d in cluster:
        for t in d.incident.triggers:
            by_start.setdefault(t.start, t)
        span_set.update(d.incident.spans)
        context.update(d.incident.context)
    triggers = sorted(by_start.values(), key=lambda t: t.start)
    spans = sorted(span_set)
    incident = Incident(first.incident.sentence, triggers, located, spans, context, first.incident.split,
                        unnamed_spot=any(d.incident.unnamed_spot and d.place is located for d in cluster))
    roles = _merge_roles(cluster, located.place.country, lexicons)
    victims = any(d.victims for d in cluster)
    decision = classify(incident, roles, rules, lexicons, victims=victims) or first.decision
    dated = next((d.date for d in cluster if d.date is not None and d.date.value.precision == 1), first.date)
    return Draft(incident, roles, decision, dated, first.order, habitual=all(d.habitual for d in cluster),
                 anaphoric=first.anaphoric, lead=first.lead, victims=victims, members=cluster,
                 antecedent=first.antecedent, antecedent_place=first.antecedent_place)


def _strength(rule: str) -> int:
    return _RULE_STRENGTH.get(rule.split("+")[0], 3)


def _merge_roles(cluster: list[Draft], country: str, lexicons: LexiconSet | None) -> Roles:
    out = Roles()
    # actor1: the best supported named perpetrator
    best: tuple[int, int, int] | None = None
    for d in cluster:
        m = d.roles.actor1
        if m is None:
            continue
        generic = _entry(m, country, lexicons) in GENERIC_ACTORS
        score = (0 if generic else 1, _strength(d.roles.rules.get("actor1", "")), -d.order)
        if best is None or score > best:
            best = score
            out.actor1, out.rules["actor1"] = m, d.roles.rules.get("actor1", "")
    a1 = _entry(out.actor1, country, lexicons)
    # actor2: an armed target over civilians over an unidentified group
    best2: tuple[int, int, int] | None = None
    for d in cluster:
        cands = [(d.roles.actor2, d.roles.rules.get("actor2", ""))] + [(v, "role.victim") for v in d.roles.victims]
        for m, rule in cands:
            e = _entry(m, country, lexicons)
            if m is None or not e or e == a1:
                continue
            kind = actor_kind(e, lexicons)
            rank = 3 if kind in ARMED_KINDS and e not in GENERIC_ACTORS else 2 if kind == "civilians" else 1
            score = (rank, _strength(rule), -d.order)
            if best2 is None or score > best2:
                best2 = score
                out.actor2, out.rules["actor2"] = m, rule
    a2 = _entry(out.actor2, country, lexicons)
    lists: dict[str, dict[int, Any]] = {k: {} for k in ("victims", "assoc1", "assoc2", "partners", "speakers",
                                                        "target_words")}
    for d in cluster:
        for m in d.roles.victims:
            if m is not out.actor2 and _entry(m, country, lexicons) not in (a1, a2):
                lists["victims"].setdefault(m.start, m)
        for name in ("assoc1", "assoc2", "partners", "speakers", "target_words"):
            for m in getattr(d.roles, name):
                lists[name].setdefault(m.start, m)
    for name, items in lists.items():
        setattr(out, name, list(items.values()))
    if out.actor2 is not None:
        out.victims.insert(0, out.actor2)
    kind2 = actor_kind(_entry(out.actor2, country, lexicons), lexicons) if out.actor2 is not None else ""
    if kind2 == "civilians":
        out.target = "civilian"
    elif kind2 in ARMED_KINDS:
        out.target = "armed"
    else:
        kinds = {d.roles.target for d in cluster}
        out.target = "armed" if "armed" in kinds else "civilian" if "civilian" in kinds else "none"
    return out
