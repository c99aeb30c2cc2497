"""The coder: from a document's mentions to ACLED-coded events, with the reason for every refusal.

For each incident (``incidents.py``) the coder

1. drops triggers inside the scope of a blocking cue (negation, denial, question, future, condition,
   generic statement, reference to an earlier event); a generic cue on non-violent activity
   (training, deployments) does not block it but makes its date week-precise (ACLED codes an
   ongoing activity at the time of the report);
2. drops a definite event word that refers back to an incident already coded ('the clashes
   erupted after the SDF detained ...': the new event is the detention);
3. takes the place, or borrows it: from the last incident of the paragraph; from the last
   incident of the article when the sentence refers back to it ('الهجوم', 'في المدينة', 'the
   attack', 'the victims') and does not announce a separate incident ('وفي حادثة منفصلة'); or,
   for a lead that names no place, from the next incident of the same day;
4. assigns roles (``roles.py``), borrowing a missing perpetrator from the same context, or for an
   unattributed strike from the article's headline ('تفاصيل القصف التركي على سنجار');
5. refuses incidents with only weak triggers ("killed", a bare "bombardment", an aircraft) unless a
   death count and a perpetrator are there;
6. chooses the sub-event type (``classify.py``) and dates the incident
   (``mentions.dates.pick_event_date``; else the publication date);
7. merges the reports of one incident (``threads.py``), counts fatalities over all of them
   (``mentions.fatalities``; split evenly when one report names several places) and builds the
   ``Event`` (``build.py``).

Refused incidents are kept as ``Rejected`` records with their reason (``explain`` shows them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from ..lexicon import LexiconSet
from ..mentions.actors import ActorRef, actor_kind
from ..mentions.base import Document, Mention
from ..mentions.cues import blocking_cues
from ..mentions.dates import pick_event_date
from ..mentions.fatalities import count_fatalities_in
from ..mentions.lexmatch import entry_index, lexicon_matches
from ..mentions.triggers import class_rules
from .build import EventDraft, build_event
from .classify import classify
from .incidents import Incident, group_incidents, is_heading, spot_name
from .roles import ARMED_KINDS, assign_roles, in_sentence
from .threads import Draft, family, merge_drafts

__all__ = ["Mentions", "Rejected", "CodingResult", "code_document"]

_VIOLENT_CLASSES = frozenset({"clash", "attack", "raid", "shooting", "killing", "air", "bombardment", "shelling", "ied",
                              "grenade", "suicide", "chemical", "abduction", "sexual", "mob", "territory"})
_NEVER_EVENT_FLAGS = frozenset({"future", "month-only", "year-only", "since", "cumulative"})
_REMOTE_CLASSES = frozenset({"air", "shelling", "bombardment"})
_JOINING_CLASSES = frozenset({"raid", "air"})  # weak words that can open an incident told in the next sentences
_SELF_REPORTED = frozenset({"arrest", "territory", "activity", "interception", "defusal", "transfer", "agreement",
                            "clash", "raid"})
_CLOCK = regex.compile(r"\s*\d{1,2}:\d{2}")
_POST_STAMP = regex.compile(r"pic\.twitter\.com|\(@\w+\)")


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
    first_after: dict[int, int] = {}  # a past reference governs the first event word after it only
    for c in cues:
        if c.value.type == "past-reference":
            after = [t.start for t in inc.triggers if c.value.scope[0] <= t.start < c.value.scope[1]]
            if after:
                first_after[id(c)] = min(after)
    for t in inc.triggers:
        types = {c.value.type for c in blocking_cues(cues, t.start, t.end)
                 if c.value.type != "past-reference" or first_after.get(id(c)) == t.start}
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


class _Discourse:
    """What one sentence says about the sentences around it (anaphors, new-incident markers)."""

    def __init__(self, doc: Document, lexicons: LexiconSet | None) -> None:
        self.doc = doc
        index = entry_index("coding", lexicons)
        self.by_kind: dict[str, list[Any]] = {}
        self.place_anaphors: set[int] = set()
        for m in lexicon_matches(doc, lexicons).get("discourse", []):
            for payload in m.payloads:
                entry = index[str(payload)]
                self.by_kind.setdefault(str(entry.get("discourse", "")), []).append(m)
                if entry.get("refers") == "place":
                    self.place_anaphors.add(id(m))

    def _in(self, kind: str, sent_index: int) -> list[Any]:
        return in_sentence(self.doc, self.by_kind.get(kind, []), sent_index, f"discourse:{kind}")

    def refers_back(self, sent_index: int, before: int | None = None) -> bool:
        """The sentence points back to an earlier incident before it tells anything new (an
        anaphor after a fresh event word points inside its own sentence: 'غارة جوية ... كما أسفر
        القصف عن أضرار')."""
        anaphors = [a for a in self._in("anaphor", sent_index)
                    if before is None or a.token_start < before or id(a) in self.place_anaphors]
        return bool(anaphors) and not self._in("new-incident", sent_index)

    def new_incident(self, sent_index: int) -> bool:
        return bool(self._in("new-incident", sent_index))

    def anaphoric_trigger(self, t: Mention) -> bool:
        """A definite event word pointing back ('الهجوم', 'the clashes', 'this attack')."""
        sent = self.doc.sentence_at(t.start)
        if sent is None:
            return False
        return any(a.token_start <= t.start - len(t.prefix) and t.end <= a.end + 3
                   for a in self._in("anaphor", sent.index))


def _usable_dates(doc: Document, dates: list[Mention]) -> list[Mention]:
    """Dates minus publication stamps: 'الجمعة 26 سبتمبر 2025 09:24 صباحاً' in a byline, the date that
    closes an embedded social-media post ('— Kurdistan 24 (@K24English) January 16, 2024')."""
    out = []
    for m in dates:
        v = m.value
        if v.date is not None and v.date == doc.published and _CLOCK.match(doc.key, m.end):
            continue
        sent = doc.sentence_at(m.start)
        if sent is not None and _POST_STAMP.search(doc.key, sent.start, sent.end):
            continue
        out.append(m)
    return out


def _topic_agent(doc: Document, actors: list[Mention], lexicons: LexiconSet | None) -> Mention | None:
    """The armed actor named in the headline(s) before the body of the article."""
    for sent in doc.sentences:
        if not is_heading(doc, sent):
            return None
        for a in in_sentence(doc, actors, sent.index, "actors"):
            if actor_kind(a.value.entry_id, lexicons) in ARMED_KINDS - {"unidentified"}:
                return a
    return None


def code_document(doc: Document, mentions: Mentions, lexicons: LexiconSet | None = None, *,
                  timestamp: int = 0) -> CodingResult:
    """Code every incident of one document."""
    result = CodingResult()
    rules = class_rules(lexicons)
    discourse = _Discourse(doc, lexicons)
    dates = _usable_dates(doc, mentions.dates)
    topic = _topic_agent(doc, mentions.actors, lexicons)
    incidents = group_incidents(doc, mentions.triggers, mentions.places, mentions.actors,
                                discourse.by_kind.get("not-event-place", []))
    drafts: list[Draft] = []
    pending: list[tuple[Incident, Any, bool, bool]] = []  # incidents waiting for a place from a later one
    para_ctx: dict[int, Draft] = {}
    told: set[str] = set()
    body = [s for s in doc.sentences if not is_heading(doc, s)]
    lead_para = body[0].paragraph if body else -1
    for order, inc in enumerate(incidents):
        line = (doc.key.rfind("\n", 0, inc.sentence.start) + 1, doc.key.find("\n", inc.sentence.end))
        if _POST_STAMP.search(doc.key, line[0], line[1] if line[1] >= 0 else len(doc.key)):
            # an embedded social-media post quotes what the article reports in its own words
            result.rejected.append(_reject(doc, inc, "social-media-post"))
            continue
        sent_cues = in_sentence(doc, mentions.cues, inc.sentence.index, "cues")
        sent_quantities = in_sentence(doc, mentions.quantities, inc.sentence.index, "quantities")
        triggers, blocked_by, habitual = _filter_cues(inc, sent_cues)
        if not triggers:
            result.rejected.append(_reject(doc, inc, "cue:" + "+".join(sorted(blocked_by))))
            continue
        anaphoric_triggers = [t for t in triggers if discourse.anaphoric_trigger(t)]
        fresh = [t for t in triggers if t not in anaphoric_triggers and t.value.strength == "strong"]
        back = {family_of(t, rules) for t in anaphoric_triggers}
        new_kinds = {family_of(t, rules) for t in fresh} - back
        strong = sorted((t for t in triggers if t.value.strength == "strong"), key=lambda t: t.start)
        continues = bool(anaphoric_triggers) and not new_kinds and bool(strong) and strong[0] in anaphoric_triggers
        if anaphoric_triggers and new_kinds and back <= told:  # told: the type families coded so far
            # 'the clashes erupted after the SDF detained X': the clashes are told already, the arrest is new
            triggers = [t for t in triggers if t not in anaphoric_triggers]
        claims = [c.value.scope for c in sent_cues if c.value.type == "claim"
                  and inc.sentence.start <= c.value.scope[0] < inc.sentence.end]
        asserted = [t for t in triggers if not any(s <= t.start < e for s, e in claims)]
        if asserted and len(asserted) < len(triggers):
            triggers = asserted  # 'أعلنت السيطرة على القرية، زاعمة أنها اعتقلت أربعة': the claim is not coded
        else:
            claims = []
        triggers = [t for t in triggers if not _idle_aircraft(doc, t, triggers)] or triggers
        inc.triggers = triggers
        first_fresh = min((t.start - len(t.prefix) for t in fresh), default=None)
        refers_back = discourse.refers_back(inc.sentence.index, first_fresh) or len(anaphoric_triggers) == len(triggers)
        if discourse.new_incident(inc.sentence.index):
            refers_back = False
        previous = drafts[-1] if drafts else None
        para = inc.sentence.paragraph
        # the date nearest the event words (a clause may hold the funeral's day and the killing's night)
        date_m = pick_event_date(doc, dates, min(t.start for t in triggers), max(t.end for t in triggers))
        own_date = date_m is not None and inc.sentence.start <= date_m.start < inc.sentence.end
        if refers_back and not own_date and previous is not None and previous.date is not None:
            date_m = previous.date  # 'the IRGC claimed responsibility for the assault': the day of the assault
        if inc.place is None:
            source = para_ctx.get(para) or _same_spot(doc, inc, drafts)
            if source is not None:
                inc.place, inc.context["place"] = source.place, "paragraph"
                inc.unnamed_spot = source.incident.unnamed_spot
            elif refers_back and previous is not None and not (
                    own_date and date_m.value.date != previous.date_key(doc.published)):
                # 'the attack' with a date of its own ('On Aug. 6, ... were killed in the attack') is another one
                inc.place, inc.context["place"] = previous.place, "previous incident"
                inc.unnamed_spot = previous.incident.unnamed_spot
        actors = [a for a in mentions.actors if not any(s <= a.start < e for s, e in claims)] if claims \
            else mentions.actors
        hedged = [c.value.scope for c in sent_cues if c.value.type == "hedge"]
        roles = assign_roles(doc, inc, actors, mentions.quantities, lexicons, mentions.triggers, hedged)
        if roles.actor1 is None:
            source = para_ctx.get(para) or (previous if refers_back else None)
            if source is not None and source.roles.actor1 is not None and (
                    source.roles.actor1.value.entry_id != (roles.actor2.value.entry_id if roles.actor2 else "")):
                roles.actor1 = source.roles.actor1
                roles.rules["actor1"] = "role.context-paragraph" if para_ctx.get(para) is source \
                    else "role.context-continuation"
            elif topic is not None and {t.value.cls for t in triggers} & _REMOTE_CLASSES:
                roles.actor1, roles.rules["actor1"] = topic, "role.context-topic"
            elif roles.speakers and _has_agent(_Speaker(roles.speakers[0]), lexicons) and \
                    {t.value.cls for t in triggers} <= _SELF_REPORTED:
                # 'أعلنت قوات سوريا الديمقراطية السيطرة على القرية': a force reporting its own operation
                roles.actor1, roles.rules["actor1"] = roles.speakers[0], "role.speaker-fallback"
        if any(t.value.responds for t in triggers) and previous is not None and \
                previous.incident.sentence is not inc.sentence and previous.roles.actor1 is not None:
            # 'القوات ... ردت على مصادر النيران': those who answer were the target of the attack told before
            attacker = previous.roles.actor1
            responders = [m for m in (roles.actor1, roles.actor2, *roles.assoc2) if m is not None
                          and m.value.entry_id != attacker.value.entry_id]
            responders.sort(key=lambda m: actor_kind(m.value.entry_id, lexicons) not in ("state", "police"))
            if responders:
                roles.actor1, roles.actor2, roles.assoc2 = attacker, responders[0], responders[1:]
                roles.rules.update(actor1="role.context-response", actor2="role.responder")
                roles.victims = [responders[0]]
                refers_back = continues = True
                if inc.place is None:
                    inc.place, inc.context["place"] = previous.place, "previous incident"
        weak = False
        if all(t.value.strength == "weak" for t in triggers):
            killed = [q for q in sent_quantities if inc.start <= q.start < inc.end and q.value.category == "killed"]
            if not (killed and _has_agent(roles, lexicons)):
                if inc.place is None or not {t.value.cls for t in triggers} & _JOINING_CLASSES:
                    result.rejected.append(_reject(doc, inc, "weak-trigger-only"))
                    continue
                # a raid or an aircraft alone is no event, but it may be the start of one told next
                # ('نفذت قوات التحالف عملية إنزال ... أسفرت العملية عن اعتقال ...'): kept until the merge
                weak = True
        victims = any(any(sp[0] <= q.start < sp[1] for sp in inc.spans) and q.value.category in
                      ("killed", "wounded", "casualties") and not q.value.explicit_zero for q in sent_quantities)
        decision = classify(inc, roles, rules, lexicons, victims=victims or weak)
        if decision is None:
            result.rejected.append(_reject(doc, inc, "no-event-type"))
            continue
        if date_m is not None and (set(date_m.value.flags) & _NEVER_EVENT_FLAGS or date_m.value.date is None):
            reason = "date:" + "+".join(sorted(set(date_m.value.flags) & _NEVER_EVENT_FLAGS) or ["unresolved"])
            result.rejected.append(_reject(doc, inc, reason))
            if date_m.value.date is None:
                why = "needs a publication date" if doc.published is None else "names no day it can be resolved to"
                result.problems.append(f"{doc.article.id}: could not date an event "
                                       f"({doc.original_text(date_m.start, date_m.end)!r} {why})")
            continue
        if roles.actor2 is None and roles.actor1 is not None and decision.sub_event_type in _BATTLES:
            other = _other_side(roles.actor1, drafts, lexicons)
            if other is not None:
                roles.actor2, roles.rules["actor2"] = other, "role.context-dyad"
                roles.victims.insert(0, other)
        if date_m is None and doc.published is None:
            result.rejected.append(_reject(doc, inc, "undated"))
            result.problems.append(f"{doc.article.id}: could not date an event (no date in the text and no "
                                   f"publication date): {doc.original_text(inc.sentence.start, inc.sentence.end)[:80]!r}")
            continue
        draft = Draft(inc, roles, decision, date_m, order, habitual, weak=weak, anaphoric=refers_back,
                      lead=inc.sentence.paragraph == lead_para, victims=victims,
                      separate=discourse.new_incident(inc.sentence.index),
                      antecedent=drafts[-1].order if drafts else -1,
                      antecedent_place=drafts[-1].place.place.id if drafts else "",
                      continues=continues)
        if inc.place is None:
            pending.append((inc, draft, refers_back, False))
            continue
        drafts.append(draft)
        told.add(family(decision.sub_event_type))
        para_ctx[para] = draft
    for inc, draft, _refers_back, _ in pending:
        source = _later_source(doc, draft, drafts) if inc.sentence.paragraph == lead_para else None
        if source is None:
            result.rejected.append(_reject(doc, inc, "no-location"))
            continue
        inc.place, inc.context["place"] = source.place, "next incident"
        inc.unnamed_spot = source.incident.unnamed_spot
        drafts.append(draft)
    merged = merge_drafts(drafts, doc.published, rules, lexicons)
    for d in [d for d in merged if all(m.weak for m in (d.members or [d]))]:
        result.rejected.append(_reject(doc, d.incident, "weak-trigger-only"))
    merged = [d for d in merged if not all(m.weak for m in (d.members or [d]))]
    for d in sorted(merged, key=lambda x: x.order):
        event, reason = _build(doc, d, mentions, lexicons, timestamp)
        if event is None:
            result.rejected.append(_reject(doc, d.incident, reason))
            continue
        result.events.append(event)
    seen: set[tuple[str, int]] = set()
    result.rejected = [r for r in result.rejected if (r.reason, r.start) not in seen and not seen.add((r.reason, r.start))]
    return result


def _idle_aircraft(doc: Document, t: Mention, triggers: list[Mention]) -> bool:
    """An aircraft word that says nothing was struck with it: not an instrument ('بطائرة مسيرة'),
    not next to another event word in its phrase ('استهدفت طائرة مسيرة') — 'ورافقها تحليق مكثف
    للطيران، وأسفرت عن مقتل' is an overflight beside a killing."""
    if t.value.cls != "air" or t.value.strength != "weak":
        return False
    if t.prefix.replace("و", "", 1).startswith("ب"):
        return False
    for o in triggers:
        if o is t or o.value.cls == "air":
            continue
        a, b = sorted((o, t), key=lambda m: m.start)
        if b.start - a.end <= 30 and not any(c in doc.key[a.end:b.start] for c in ",،."):
            return False
    return True


def _same_spot(doc: Document, inc: Incident, drafts: list[Draft]) -> Draft | None:
    """An earlier incident at an unknown spot this sentence names again ('بلدة كويا')."""
    text = " " + doc.key[inc.sentence.start:inc.sentence.end] + " "
    for d in reversed(drafts[-20:]):
        name = spot_name(doc, d.place)
        if name and regex.search(r"(?<!\w)" + regex.escape(name) + r"(?!\w)", text):
            return d
    return None


_BATTLES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})


def _other_side(actor1: Mention, drafts: list[Draft], lexicons: LexiconSet | None) -> Mention | None:
    """The opponent of ``actor1`` in the last fight told before: an article follows one conflict
    ('مقاتلو العشائر هاجموا حاجزاً' after fighting between the tribes and the SDF)."""
    me = actor1.value.entry_id
    for d in reversed(drafts[-40:]):
        pair = [d.roles.actor1, d.roles.actor2]
        ids = [m.value.entry_id if m is not None else "" for m in pair]
        if me in ids:
            other = pair[1 - ids.index(me)]
            if other is not None and actor_kind(other.value.entry_id, lexicons) in ARMED_KINDS - {"unidentified"}:
                return other
    return None


class _Speaker:
    """A speaker mention seen as roles with only an actor1 (for ``_has_agent``)."""

    def __init__(self, m: Mention) -> None:
        self.actor1 = m


def family_of(t: Mention, rules: dict[str, dict]) -> str:
    rule = rules.get(t.value.cls, {})
    if "sub_event_type" in rule:
        return family(str(rule["sub_event_type"]))
    return "violence" if t.value.cls in _VIOLENT_CLASSES else t.value.cls


def _later_source(doc: Document, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """A lead without a place takes the place of the next incident of the same day (within
    three sentences) whose type family matches."""
    sent = draft.incident.sentence.index
    for d in sorted(drafts, key=lambda x: x.order):
        if d.order <= draft.order:
            continue
        if d.incident.sentence.index - sent > 3:
            break
        if d.date_key(doc.published) == draft.date_key(doc.published) and \
                family(d.decision.sub_event_type) == family(draft.decision.sub_event_type):
            return d
    return None


def _build(doc: Document, d: Draft, mentions: Mentions, lexicons: LexiconSet | None, timestamp: int
           ) -> tuple[Any, str]:
    inc = d.incident
    two_sided = d.decision.sub_event_type in ("Armed clash", "Government regains territory",
                                              "Non-state actor overtakes territory")
    sentences = sorted({sent.index for s, _e in inc.spans if (sent := doc.sentence_at(s)) is not None})
    quantities = [q for i in sentences for q in in_sentence(doc, mentions.quantities, i, "quantities")]
    fatalities, fat_mentions, fat_rule = count_fatalities_in(doc, quantities, inc.spans, two_sided=two_sided)
    split_note = ""
    index, count = inc.split
    if count > 1 and fatalities:
        share = fatalities // count + (fatalities % count if index == 0 else 0)
        split_note = (f"{fatalities} fatalities split across {count} events, {share} fatalities coded to this "
                      f"event.")
        fatalities, fat_rule = share, fat_rule + "+split"
    draft = EventDraft(doc=doc, incident=inc, roles=d.roles, decision=d.decision, date=d.date,
                       habitual=d.habitual, fatalities=fatalities, fatality_mentions=fat_mentions,
                       fatality_rule=fat_rule, timestamp=timestamp, fatality_note=split_note,
                       quantities=mentions.quantities)
    return build_event(draft, lexicons)


def event_date_of(date_m: Mention | None, published: dt.date | None) -> tuple[dt.date, int, str]:
    """(date, precision, rule) of an event from its date mention or the publication date."""
    if date_m is not None:
        return date_m.value.date, int(date_m.value.precision), str(date_m.value.rule)
    assert published is not None
    return published, 1, "date.publication"


def actor_ref(m: Mention | None) -> ActorRef | None:
    return None if m is None else m.value
