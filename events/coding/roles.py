"""Roles: who did it (actor1) and to whom (actor2), from the structure of the sentence.

Each actor mention in an incident's clauses gets a role from the words around it, using the
role markers of ``coding.yaml``.  Perpetrator evidence, strongest first:

* an agent marker before it ("من قبل X", "نفذه X", "برصاص X", "by X");
* it names the doer of an event noun or verb right before it: 'هجوم لداعش', 'غارة للطيران
  الروسي', 'هاجم التنظيم', 'استهدفت طائرة مسيرة تركية' (Arabic verb-subject order), or it
  stands right before the event word: 'Turkish drone attack', 'ISIS militants attacked';
  words that take their victim first ('اغتيال X', 'استهداف X', 'اعتقال X') make X the victim
  unless a 'لـ Y' names the victim after it ('استهداف قوات النظام لسيارة مدنية');
* otherwise the first unmarked actor of the clause.

Target evidence: civilians (the victims of violence against civilians are always actor2); a
count of dead or wounded that names them ('مقتل 5 من عناصر X', 'four fighters of X'); a victim
marker after a death ('مقتل شخص يشتبه بانتمائه إلى X'); a target marker ('على X', 'ضد X',
'تابعة لـ X', 'against X'); 'لـ X' after a target noun ('نقطة لقسد'); 'with X' (partner).

Partitive words ('عناصر من', 'members of') between a marker and an actor are transparent: 'من
قبل عناصر من حرس فرع حزب البعث' marks the guards as the perpetrator.  The source of a report
('أعلنت قسد أن', 'the SDF said', 'according to the army', 'Iraqi police sources') is not a
participant: it only becomes actor1 when nothing else can ("the army said it killed ...").

Actors of the incident's own clauses are preferred; the rest of the sentence is searched only for
a role still empty.  An actor joined to the agent by "و"/"and" right after it is an associated
actor of actor1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..lexicon import LexiconSet
from ..mentions.actors import ActorRef, actor_kind
from ..mentions.base import Document, Mention
from ..mentions.lexmatch import entry_index, lexicon_matches
from ..text import Match
from .incidents import Incident

__all__ = ["Roles", "assign_roles", "ARMED_KINDS", "speaker_mentions", "in_sentence"]

ARMED_KINDS = frozenset({"state", "police", "coalition", "rebel", "jihadist", "militia", "tribe", "unidentified"})
_WORD = regex.compile(r"\w+")
# adjectives that may stand between an event word and its doer ('عملية إنزال أخرى للتحالف')
_ADJECTIVES = frozenset({"اخري", "اخر", "جديد", "جديده", "مماثل", "مماثله", "مباغت", "مباغته", "مسلح", "مسلحه",
                         "دامي", "داميه", "عنيف", "عنيفه", "another", "new", "fresh", "deadly"})
_ROLES = ("agent", "target", "victim-group", "partner", "partitive", "speaker", "speaker-after")


@dataclass
class Roles:
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)
    partners: list[Mention] = field(default_factory=list)  # "with X": allies or opponents, by type
    victims: list[Mention] = field(default_factory=list)  # every actor read as a target, best first
    speakers: list[Mention] = field(default_factory=list)  # sources of the report, not participants
    civilian_owner: bool = False  # a civilian object named with its owner was hit ('منزل مسؤول')
    target: str = "none"  # 'armed' | 'civilian' | 'none'
    target_words: list[Match] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # 'actor1' -> rule id, 'actor2' -> rule id


def lam(prefix: str) -> bool:
    """Does an Arabic proclitic string hold the preposition لـ ('ل', 'لل', 'ول'), not only the article?"""
    return prefix.endswith("لل") or (prefix.endswith("ل") and not prefix.endswith("ال"))


def _preposition(prefix: str) -> bool:
    """A proclitic preposition بـ or لـ ('ب', 'بال', 'ل', 'لل')."""
    p = prefix[:-2] if prefix.endswith("ال") else prefix
    return lam(prefix) or p.endswith("ب")


def _entry_of(m: Mention) -> str:
    ref: ActorRef = m.value
    return ref.entry_id


def _words(key: str, start: int, end: int) -> list[str]:
    return _WORD.findall(key, start, end) if end > start else []


def _role_markers(doc: Document, lexicons: LexiconSet | None) -> dict[str, list[Match]]:
    """Role markers of the document by role (computed once per document)."""
    memo = doc.__dict__.setdefault("_role_markers", {})
    key = id(lexicons)
    if key not in memo:
        index = entry_index("coding", lexicons)
        out: dict[str, list[Match]] = {r: [] for r in _ROLES}
        for mk in lexicon_matches(doc, lexicons).get("role", []):
            for payload in mk.payloads:
                role = index[str(payload)].get("role", "")
                out.setdefault(role, []).append(mk)
        for items in out.values():
            items.sort(key=lambda m: m.start)
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


class _Sentence:
    """What role assignment needs to know about one sentence."""

    def __init__(self, doc: Document, sent_index: int, actors: list[Mention], triggers: list[Mention],
                 markers: dict[str, list[Match]], targets: list[Match]) -> None:
        self.doc = doc
        self.key = doc.key
        self.actors = actors
        self.triggers = triggers
        self.markers = markers
        self.targets = targets
        self.quantities: list[Mention] = []
        self.hedged: list[tuple[int, int]] = []  # spans of hedges ('يعتقد وجود قائد من X بين القتلى')

    def _glue_to(self, end: int, start: int, max_words: int = 0) -> bool:
        """Only punctuation, partitive words and at most ``max_words`` other words in [end, start)."""
        if start < end or start - end > 60:
            return False
        covered = [(m.token_start, m.end) for m in self.markers.get("partitive", [])
                   if end <= m.token_start and m.end <= start]
        words = [w for w in _WORD.finditer(self.key, end, start)
                 if not any(s <= w.start() and w.end() <= e for s, e in covered)]
        words = [w for w in words if len(w.group()) > 1 and w.group() not in _ADJECTIVES]
        return len(words) <= max_words

    def marker_before(self, m: Mention, role: str) -> Match | None:
        """A marker of ``role`` right before the actor (partitive words may stand between)."""
        token_start = m.start - len(m.prefix)
        best = None
        for mk in self.markers.get(role, []):
            if mk.end <= token_start and self._glue_to(mk.end, token_start):
                best = mk
        return best

    def marker_after(self, m: Mention, role: str, max_words: int = 3) -> Match | None:
        for mk in self.markers.get(role, []):
            if mk.token_start >= m.end and self._glue_to(m.end, mk.token_start, max_words):
                if not any(m.end <= a.start < mk.token_start for a in self.actors if a is not m):
                    return mk
        return None

    def trigger_before(self, m: Mention) -> Mention | None:
        """An event word right before the actor ('هجوم لداعش', 'هاجم التنظيم')."""
        token_start = m.start - len(m.prefix)
        for t in reversed(self.triggers):
            if t.end <= token_start:
                return t if self._glue_to(t.end, token_start) else None
        return None

    def trigger_after(self, m: Mention) -> Mention | None:
        """An event word right after the actor ('Turkish drone attack', 'ISIS militants attacked')."""
        for t in self.triggers:
            if t.start >= m.end:
                written = t.prefix + self.key[t.start:t.start + 3]
                if self.doc.language != "en" and (_preposition(t.prefix) or written.startswith(("ب", "ل"))):
                    return None  # an instrument or a purpose ('بالأسلحة الرشاشة', 'لتفريق'), not a verb
                return t if self._glue_to(m.end, t.start - len(t.prefix)) else None
        return None

    def target_word_before(self, m: Mention) -> Match | None:
        token_start = m.start - len(m.prefix)
        for w in reversed(self.targets):
            if w.end <= token_start:
                return w if self._glue_to(w.end, token_start, 1) else None
        return None

    def object_before(self, pos: int, max_chars: int = 45) -> Match | None:
        """The nearest thing hit named before ``pos`` in its clause ('منزل ... التابع لـ X')."""
        clause = self.doc.clause_at(pos) or (pos, pos)
        for w in reversed(self.targets):
            if w.end <= pos:
                if w.start < clause[0] or pos - w.end > max_chars:
                    return None
                if any(w.end <= a.start < pos for a in self.actors):
                    return None
                return w
        return None

    def event_before(self, mk: Match) -> bool:
        """Does the marker follow an event word it can belong to ('إطلاق نار من قبل X', 'killed by X',
        'برصاص X' holds its own)?  'وسط استنفار من قبل الجيش' names who was on alert, not the attacker."""
        if any(t.start <= mk.start < t.end + 1 for t in self.triggers):
            return True  # the marker is part of an event word ('برصاص')
        before = [t for t in self.triggers if t.end <= mk.token_start]
        if not before:
            return False
        if len(_words(self.key, before[-1].end, mk.token_start)) <= 3:
            return True
        # 'القصف على مواقع ... في ريف تل تمر، من قبل الفصائل': after a comma it goes back to the event
        return self.key[:mk.token_start].rstrip().endswith((",", "،", '"'))

    def counts_between(self, start: int, end: int) -> bool:
        """A count of people starts in [start, end) (not one the actor itself heads)."""
        return any(start <= q.start < end and not any(a.start <= q.start < a.end for a in self.actors)
                   and q.value.category in ("people", "killed", "detained", "missing") and not q.value.additive
                   for q in self.quantities)

    def possessive_after(self, m: Mention) -> bool:
        """Another party introduced by لـ after the actor, in its clause ('استهداف X لـ Y')."""
        clause = self.doc.clause_at(m.start) or (m.start, m.end)
        for a in self.actors:
            if m.end <= a.start < clause[1] and lam(a.prefix):
                return True
        return any(m.end <= w.start < clause[1] and lam(w.prefix) for w in self.targets)


def speaker_mentions(doc: Document, actors: list[Mention], sent_index: int,
                     lexicons: LexiconSet | None = None, triggers: list[Mention] | None = None) -> list[Mention]:
    """Actors of a sentence that are the source of the report, not participants."""
    sent_actors = in_sentence(doc, actors, sent_index, "actors")
    if not sent_actors:
        return []
    all_markers = _role_markers(doc, lexicons)
    markers = {r: in_sentence(doc, items, sent_index, f"role:{r}") for r, items in all_markers.items()}
    ctx = _Sentence(doc, sent_index, sent_actors, sorted(in_sentence(doc, triggers or [], sent_index, "triggers"),
                                                       key=lambda t: t.start), markers, [])
    out: list[Mention] = []
    for a in sent_actors:
        if actor_kind(_entry_of(a), lexicons) in ("civilians", "protesters", "rioters"):
            continue
        if _speaker_before(ctx, a) or ctx.marker_after(a, "speaker-after"):
            out.append(a)
    # an apposition of a speaker ('قوات سوريا الديمقراطية "قسد"') is the same speaker
    for a in sent_actors:
        if a in out:
            continue
        for s in out:
            if _entry_of(s) == _entry_of(a) and 0 <= a.start - s.end <= 6:
                out.append(a)
                break
    return out


def _speaker_before(ctx: _Sentence, a: Mention) -> bool:
    token_start = a.start - len(a.prefix)
    for mk in ctx.markers.get("speaker", []):
        if mk.end <= token_start and ctx._glue_to(mk.end, token_start, 1 if ctx.doc.language != "en" else 2):
            if not any(mk.end <= b.start < a.start for b in ctx.actors) and \
                    not any(mk.end <= t.start < token_start for t in ctx.triggers):
                return True
    return False


def assign_roles(doc: Document, incident: Incident, actors: list[Mention],
                 quantities: list[Mention], lexicons: LexiconSet | None = None,
                 triggers: list[Mention] | None = None, hedged: list[tuple[int, int]] | None = None) -> Roles:
    """Actor roles of one incident (actors borrowed from context are added by the caller)."""
    roles = Roles()
    sent = incident.sentence
    sent_actors = in_sentence(doc, actors, sent.index, "actors")
    all_markers = _role_markers(doc, lexicons)
    markers = {role: in_sentence(doc, items, sent.index, f"role:{role}") for role, items in all_markers.items()}
    sent_triggers = sorted(in_sentence(doc, triggers, sent.index, "triggers") if triggers is not None
                           else incident.triggers, key=lambda t: t.start)
    target_matches = in_sentence(doc, lexicon_matches(doc, lexicons).get("target", []), sent.index, "targets")
    ctx = _Sentence(doc, sent.index, sent_actors, sent_triggers, markers, target_matches)
    ctx.quantities = [q for q in in_sentence(doc, quantities, sent.index, "quantities") if q.value.category != "cumulative"]
    ctx.hedged = hedged or []
    roles.speakers = speaker_mentions(doc, actors, sent.index, lexicons, triggers)
    candidates = [a for a in sent_actors if a not in roles.speakers]
    local = [a for a in candidates if _in_spans(a.start, incident.spans)]
    distant = [a for a in candidates if not _in_spans(a.start, incident.spans)]
    quantities_here = in_sentence(doc, quantities, sent.index, "quantities")
    victim_spans = [q.value.group for q in quantities_here
                    if q.value.group and q.value.category in ("killed", "wounded", "casualties")]
    casualty_points = [q.start for q in quantities_here if q.value.category in ("killed", "wounded", "casualties")]
    casualty_points += [t.start for t in sent_triggers if t.value.cls == "killing"]
    agents, targets = _score(ctx, local, incident, victim_spans, casualty_points, lexicons, roles)
    owned_civilian = list(roles.target_words)
    roles.target_words = []
    if not agents:
        far_agents, _ = _score(ctx, distant, incident, victim_spans, casualty_points, lexicons, Roles())
        agents = [(s, a, r + "+sentence") for s, a, r in far_agents if s >= 2]
    if not targets:
        _, far_targets = _score(ctx, distant, incident, victim_spans, casualty_points, lexicons, Roles())
        targets = [(s, a, r + "+sentence") for s, a, r in far_targets if s >= 2]
    agents.sort(key=lambda x: (-x[0], x[1].start))
    targets.sort(key=lambda x: (-x[0], x[1].start))
    if agents:
        roles.actor1 = agents[0][1]
        roles.rules["actor1"] = agents[0][2]
        # 'القوات التركية والفصائل المتحالفة معها': joined to the agent by 'و', an ally, not a target
        if not _between_before(doc, roles.actor1):  # 'اشتباكات بين X و Y': opponents, not allies
            allies = _coordinated(doc, roles.actor1, local, set())
            targets = [x for x in targets if not (x[1] in allies and x[0] < 2)]
    for _score_value, t, rule in targets:
        if roles.actor1 is None or _entry_of(t) != _entry_of(roles.actor1):
            if roles.actor2 is None:
                roles.actor2 = t
                roles.rules["actor2"] = rule
            roles.victims.append(t)
    if roles.actor1 is not None and roles.actor2 is None:
        # two doers of one incident and no target: they fought each other ('قصفت قسد ذيبان ... حيث أسرت العشائر 7
        # عناصر من قسد')
        other = next((x for x in agents[1:] if _entry_of(x[1]) != _entry_of(roles.actor1)), None)
        if other is not None:
            roles.actor2, roles.rules["actor2"] = other[1], "role.other-agent"
            roles.victims.append(other[1])
    if roles.actor1 is None and roles.actor2 is None and targets:
        roles.actor2 = targets[0][1]
        roles.rules["actor2"] = targets[0][2]
        roles.victims = [t for _, t, _ in targets]
    roles.assoc1 = _coordinated(doc, roles.actor1, local, {roles.actor2})
    roles.assoc2 = _coordinated(doc, roles.actor2, local, {roles.actor1})
    roles.target_words = [m for m in target_matches if _in_spans(m.start, incident.spans)]
    roles.target = _target_kind(roles, lexicons)
    if roles.actor2 is None and any(_target_of(w, lexicons) == "civilian" for w in owned_civilian):
        roles.target, roles.civilian_owner = "civilian", True
    return roles


def _score(ctx: _Sentence, cands: list[Mention], incident: Incident, victim_spans: list[tuple[int, int]],
           casualty_points: list[int], lexicons: LexiconSet | None, roles: Roles
           ) -> tuple[list[tuple[float, Mention, str]], list[tuple[float, Mention, str]]]:
    agents: list[tuple[float, Mention, str]] = []
    targets: list[tuple[float, Mention, str]] = []
    unmarked: list[Mention] = []
    first_trigger = min(t.start for t in incident.triggers)
    for a in cands:
        kind = actor_kind(_entry_of(a), lexicons)
        clause = ctx.doc.clause_at(a.start) or (a.start, a.end)
        before = ctx.trigger_before(a)
        after = ctx.trigger_after(a)
        if (mk := ctx.marker_before(a, "agent")) is not None and ctx.event_before(mk):
            agents.append((4, a, "role.agent-marker"))
        elif kind == "civilians":
            targets.append((3, a, "role.civilian-victim"))
        elif any(gs <= a.start < ge for gs, ge in victim_spans):
            targets.append((4, a, "role.victim-group"))
        elif ctx.marker_before(a, "victim-group") and any(clause[0] <= p < a.start for p in casualty_points):
            targets.append((3.5, a, "role.victim-group"))  # an armed victim beats civilians beside it
        elif (mk := ctx.marker_before(a, "target")) is not None:
            owned = ctx.object_before(mk.token_start) if _owner_marker(ctx.key, mk) else None
            if owned is not None and _target_of(owned, lexicons) == "civilian":
                # the owner of a civilian object ('منزل مسؤول في المجلس التابع لـ X'): civilians were hit
                roles.target_words.append(owned)
                continue
            targets.append((2, a, "role.target-marker"))
        elif lam(a.prefix) and ctx.target_word_before(a) is not None:
            targets.append((2, a, "role.target-possessive"))
        elif ctx.marker_before(a, "partner"):
            roles.partners.append(a)
            targets.append((1, a, "role.partner"))
        elif before is not None and ctx.doc.language == "en":
            targets.append((2, a, "role.object-of-event"))
        elif before is not None and not lam(a.prefix) and _patient_first(before) \
                and not ctx.possessive_after(a) and not _object_follows(ctx, a, victim_spans, casualty_points):
            targets.append((2, a, "role.object-of-event"))
        elif before is not None:
            agents.append((3, a, "role.doer-of-event"))
        elif after is not None and not (ctx.doc.language == "en" and _is_passive_before(ctx, after)):
            head = _chain_head(ctx, a)  # 'القوات التركية والفصائل المتحالفة معها قصفت': the first is the subject
            if head is not a and head in cands:
                agents.append((2, head, "role.subject-of-event"))
                continue
            agents.append((2, a, "role.subject-of-event"))
        elif lam(a.prefix) and a.start > first_trigger:
            targets.append((1, a, "role.possessive-after-trigger"))
        else:
            unmarked.append(a)
    # position: the first unmarked actor is the agent unless an agent is marked already — not in an
    # English passive ('He was detained with some of his supporters from the Arab tribes'): the doer of a
    # passive is named with 'by' or not at all
    strong = [t for t in incident.triggers if t.value.strength == "strong"]
    passive = ctx.doc.language == "en" and bool(strong) and all(_is_passive_before(ctx, t) for t in strong)
    for a in unmarked:
        if any(s <= a.start < e for s, e in ctx.hedged):
            targets.append((0, a, "role.later-position"))  # believed to be among the victims: not the doer
        elif actor_kind(_entry_of(a), lexicons) in ("party", "government"):
            targets.append((0, a, "role.later-position"))  # 'KDP President ... attended': a party is no doer by position
        elif not agents and not passive:
            agents.append((1, a, "role.first-position"))
        else:
            targets.append((0, a, "role.later-position"))
    return agents, targets


_OWNER_WORDS = frozenset({"تابعه", "التابعه", "تابع", "التابع", "تابعين", "التابعين", "belonging", "owned"})


def _owner_marker(key: str, mk: Match) -> bool:
    return any(w in _OWNER_WORDS for w in _words(key, mk.token_start, mk.end))


def _target_of(m: Match, lexicons: LexiconSet | None) -> str:
    index = entry_index("coding", lexicons)
    return str(index[str(m.payloads[0])].get("target", ""))


def _chain_head(ctx: _Sentence, a: Mention) -> Mention:
    """The first actor of a coordination 'X و Y' / 'X and Y' that ends with ``a``."""
    head = a
    for b in reversed([x for x in ctx.actors if x.end <= a.start]):
        gap = ctx.key[b.end:head.start - len(head.prefix)].strip()
        joined = (head.prefix.startswith("و") and gap in ("", ",")) or gap in ("و", "and", ",", ", and")
        if not joined:
            break
        head = b
    return head


def _object_follows(ctx: _Sentence, a: Mention, victim_spans: list[tuple[int, int]], casualty_points: list[int]
                    ) -> bool:
    """Verb-subject-object: 'اختطف تنظيم داعش 20 شخصا' — a victim named after the actor makes the
    actor the subject of the verb, not the victim of a noun ('اختطاف X')."""
    clause = ctx.doc.clause_at(a.start) or (a.start, a.end)
    stop = min((t.start for t in ctx.triggers if t.start >= a.end), default=clause[1])
    stop = min(stop, clause[1], a.end + 25)  # the object follows the subject closely
    if any(q.start <= a.start < q.end for q in ctx.quantities):
        return False  # the actor is counted itself ('قتل جنديان'): a victim
    victims = [b for b in ctx.actors if a.end <= b.start < stop and b is not a
               and actor_kind(_entry_of(b), None) == "civilians"]
    counted = ctx.counts_between(a.end, stop)
    return bool(victims or counted)


def _patient_first(trigger: Mention) -> bool:
    return bool(getattr(trigger.value, "patient_first", False))


def _is_passive_before(ctx: _Sentence, trigger: Mention) -> bool:
    """'four fighters were killed': the actor before a passive English verb is its victim."""
    words = _words(ctx.key, max(0, trigger.start - 12), trigger.start)
    return bool(words) and words[-1] in ("was", "were", "been", "being", "is", "are", "be")


def _between_before(doc: Document, m: Mention) -> bool:
    words = _words(doc.key, max(0, m.start - len(m.prefix) - 25), m.start - len(m.prefix))
    words = [w for w in words if w not in ("the", "ال")]
    return bool(words) and words[-1] in ("بين", "between", "وبين")


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
