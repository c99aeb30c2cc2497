"""Roles: who did it (actor1) and to whom (actor2), from the structure of the sentence.

Each actor mention in an incident's clauses gets a role from the words around it, using the
role markers of ``coding.yaml``:

* agent markers before it ("من قبل X", "نفذه X", "برصاص X", "by X") make it the perpetrator;
* target markers ("على X", "ضد X", "تابعة لـ X", "against X") or a victim group ("مقتل 5 من
  عناصر X", "من مقاتليها") make it the target;
* civilians are always the target (ACLED: the victims of violence against civilians are actor2);
* otherwise position decides: the first unmarked actor is the agent, the next the target
  ("اشتباكات بين X و Y", "X attacked Y", Arabic verb-subject-object "استهدفت X Y").

An actor joined to the agent by "و"/"and" right after it is an associated actor of actor1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import LexiconSet
from ..mentions.actors import ActorRef, actor_kind
from ..mentions.base import Document, Mention
from ..mentions.lexmatch import entry_index, lexicon_matches
from ..text import Match
from .incidents import Incident

__all__ = ["Roles", "assign_roles", "ARMED_KINDS"]

ARMED_KINDS = frozenset({"state", "police", "coalition", "rebel", "jihadist", "militia", "tribe", "unidentified"})


@dataclass
class Roles:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)
    partners: list[Mention] = field(default_factory=list)  # "with X": allies or opponents, by type
    target: str = "none"  # 'armed' | 'civilian' | 'none'
    target_words: list[Match] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # 'actor1' -> rule id, 'actor2' -> rule id


def _entry_of(m: Mention) -> str:
    ref: ActorRef = m.value
    return ref.entry_id


def _gap_is_glue(key: str, start: int, end: int) -> bool:
    """Only punctuation, spaces or a detached one-letter proclitic (ل ب و) between two spans."""
    gap = key[start:end]
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in gap).split() if w]
    return all(len(w) == 1 for w in words) and len(words) <= 1


def _marker_before(doc: Document, m: Mention, markers: list[Match]) -> Match | None:
    token_start = m.start - len(m.prefix)
    best = None
    for mk in markers:
        if mk.end <= token_start and token_start - mk.end <= 4 and _gap_is_glue(doc.key, mk.end, token_start):
            best = mk
    return best


def _role_markers(doc: Document, lexicons: LexiconSet | None) -> dict[str, list[Match]]:
    """Role markers of the document by role (computed once per document)."""
    memo = doc.__dict__.setdefault("_role_markers", {})
    key = id(lexicons)
    if key not in memo:
        index = entry_index("coding", lexicons)
        out: dict[str, list[Match]] = {"agent": [], "target": [], "victim-group": [], "partner": []}
        for mk in lexicon_matches(doc, lexicons).get("role", []):
            role = index[str(mk.payloads[0])].get("role", "")
            out.setdefault(role, []).append(mk)
        memo[key] = out
    return memo[key]


def in_sentence(doc: Document, items: list, sentence_index: int, name: str) -> list:
    """The items (mentions or matches) of one sentence; items are bucketed once per document."""
    memo = doc.__dict__.setdefault("_by_sentence", {})
    if name not in memo or memo[name][0] is not items:
        buckets: dict[int, list] = {}
        for item in items:
            sent = doc.sentence_at(item.start)
            if sent is not None:
                buckets.setdefault(sent.index, []).append(item)
        memo[name] = (items, buckets)
    return memo[name][1].get(sentence_index, [])


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def assign_roles(doc: Document, incident: Incident, actors: list[Mention],
                 quantities: list[Mention], lexicons: LexiconSet | None = None) -> Roles:
    """Actor roles of one incident (actors borrowed from context are added by the caller)."""
    roles = Roles()
    sent = incident.sentence
    sent_actors = in_sentence(doc, actors, sent.index, "actors")
    local = [a for a in sent_actors if _in_spans(a.start, incident.spans)]
    if len({_entry_of(a) for a in local}) < 2:
        local = sent_actors
    all_markers = _role_markers(doc, lexicons)
    markers = {role: in_sentence(doc, items, sent.index, f"role:{role}") for role, items in all_markers.items()}
    victim_spans = [q.value.group for q in in_sentence(doc, quantities, sent.index, "quantities")
                    if q.value.group and q.value.category in ("killed", "wounded", "casualties")]
    first_trigger = min(t.start for t in incident.triggers)
    agents: list[tuple[int, Mention, str]] = []
    targets: list[tuple[int, Mention, str]] = []
    unmarked: list[Mention] = []
    for a in local:
        kind = actor_kind(_entry_of(a), lexicons)
        if _marker_before(doc, a, markers.get("agent", [])):
            agents.append((3, a, "role.agent-marker"))
        elif kind == "civilians":
            targets.append((3, a, "role.civilian-victim"))
        elif _marker_before(doc, a, markers.get("victim-group", [])) or any(
            gs <= a.start < ge for gs, ge in victim_spans
        ):
            targets.append((3, a, "role.victim-group"))
        elif _marker_before(doc, a, markers.get("target", [])):
            targets.append((2, a, "role.target-marker"))
        elif _marker_before(doc, a, markers.get("partner", [])):
            roles.partners.append(a)
            targets.append((1, a, "role.partner"))
        elif a.prefix.endswith("ل") and a.start > first_trigger:
            targets.append((1, a, "role.possessive-after-trigger"))
        else:
            unmarked.append(a)
    # position: the first unmarked actor is the agent unless an agent is marked already
    for a in unmarked:
        if not agents:
            agents.append((1, a, "role.first-position"))
        else:
            targets.append((0, a, "role.later-position"))
    agents.sort(key=lambda x: (-x[0], x[1].start))
    targets.sort(key=lambda x: (-x[0], x[1].start))
    if agents:
        roles.actor1 = agents[0][1]
        roles.rules["actor1"] = agents[0][2]
    for _score, t, rule in targets:
        if roles.actor1 is None or _entry_of(t) != _entry_of(roles.actor1):
            roles.actor2 = t
            roles.rules["actor2"] = rule
            break
    if roles.actor1 is None and roles.actor2 is None and targets:
        roles.actor2 = targets[0][1]
        roles.rules["actor2"] = targets[0][2]
    roles.assoc1 = _coordinated(doc, roles.actor1, local, {roles.actor2})
    targets_in_sentence = in_sentence(doc, lexicon_matches(doc, lexicons).get("target", []), sent.index, "targets")
    roles.target_words = [m for m in targets_in_sentence if _in_spans(m.start, incident.spans)]
    roles.target = _target_kind(roles, lexicons)
    return roles


def _coordinated(doc: Document, head: Mention | None, local: list[Mention], exclude: set) -> list[Mention]:
    """Actors joined to ``head`` by 'و' / 'and' / ',' right after it."""
    if head is None:
        return []
    out: list[Mention] = []
    last_end = head.end
    for a in sorted(local, key=lambda x: x.start):
        if a.start <= head.start or a in exclude or _entry_of(a) == _entry_of(head):
            continue
        gap = doc.key[last_end:a.start - len(a.prefix)].strip()
        joined = (a.prefix.startswith("و") and gap in ("", ",")) or gap in ("و", "and", ",", ", and")
        if not joined:
            break
        out.append(a)
        last_end = a.end
    return out


def _target_kind(roles: Roles, lexicons: LexiconSet | None) -> str:
    if roles.actor2 is not None:
        kind = actor_kind(_entry_of(roles.actor2), lexicons)
        if kind == "civilians":
            return "civilian"
        if kind in ARMED_KINDS:
            return "armed"
    index = entry_index("coding", lexicons)
    kinds = [index[str(m.payloads[0])].get("target") for m in roles.target_words]
    if "armed" in kinds:
        return "armed"
    if "civilian" in kinds:
        return "civilian"
    return "none"
