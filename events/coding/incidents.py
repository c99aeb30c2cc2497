"""Assemble incidents: group the triggers of a sentence by the place they happened at.

ACLED codes one event per incident, day and location.  In a sentence, each trigger takes the
place phrase that governs it:

1. the nearest place after it in the same clause ("هجوم ... في بلدة X");
2. else the nearest place before it in the same clause ("شهدت X اشتباكات");
3. else the place of the previous trigger of the sentence (a consequence: "وأسفر الهجوم عن");
4. else the nearest place after it, then before it, anywhere in the sentence;
5. else none: the place may come from the context later (see ``coder.py``).

Triggers that share a place form one incident.  Before that, the places of a sentence are
cleaned up:

* a place that only locates the one before it ("سجن الصناعة في الحسكة", "Qamishli city in
  Hasakah province") is folded into it;
* a place inside an actor's name ("الفصائل الموالية لأنقرة", "حكومة دمشق") is not a place;
* a wider place that holds another place of the sentence (a governorate, a countryside, a region,
  a city around one of its sites) is that place's context, not a second location: triggers it
  would govern go to the place it holds ("قصف على بلدات في ريف إدلب ... قرية في جبل الزاوية");
* the plural countryside ("أرياف إدلب") names no place;
* places coordinated with the chosen one ("في بلدتي المزرعة والغارية", "in Nassiriya, Kerbala
  and Amara") each get an incident with the same triggers (ACLED: one event per location; the
  coder splits the dead between them) — unless "between" joins them ("بين بلدتي X وY", "between
  Kifri and Tuz Khurmatu": one place between two, coded to the first).

Headings (headlines, captions, datelines) never start an incident; they give context only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from ..geo.admin import distance_km
from ..mentions.base import Document, Mention
from ..text import Sentence

__all__ = ["Incident", "group_incidents", "codable_places", "contains", "is_heading", "spot_name"]

_CHAIN_GLUE = frozenset({"", "في", "من", "in", "near", "of", "ريف", "قرب", "مدينه", "محافظه", "بلده", "قريه",
                         "منطقه", "ناحيه", "قضاء", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
                         "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الاوسط", "province", "city", "countryside",
                         "the", "at", "on", "town", "village", "district", "governorate", "area", "region",
                         "eastern", "western", "northern", "southern", "north", "south", "east", "west", "ضمن",
                         "التابعه", "التابع", "within"})
_COORD_GLUE = _CHAIN_GLUE | frozenset({"و", "and", "including", "بينها", "منها", "كذلك", "ايضا"})
_BETWEEN = frozenset({"بين", "between"})
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "north", "south", "east",
                         "west", "northeast", "northwest", "southeast", "southwest"})
_WORD = regex.compile(r"\w+")
_CLITICS = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ب", "ف", "ل")
_SITE_FEATURES = frozenset({"neighbourhood", "square", "camp", "prison", "oilfield", "gasfield", "refinery", "base",
                            "airport", "dam", "crossing", "site", "zone"})


@dataclass
class Incident:
    """Triggers of one sentence that share a place, with what the coder attaches to them."""

    sentence: Sentence
    triggers: list[Mention]
    place: Any | None  # a LocatedPlace, or None when the sentence names no codable place
    spans: list[tuple[int, int]] = field(default_factory=list)  # clauses holding the triggers
    context: dict[str, Any] = field(default_factory=dict)  # what was borrowed from other sentences
    split: tuple[int, int] = (0, 1)  # (index, count) when one report names several places
    unnamed_spot: bool = False  # the place locates a spot the gazetteer does not know ('قرية X قرب Y')

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


def codable_places(places: list[Any]) -> list[Any]:
    """Places an event can be coded to: not datelines, not whole countries."""
    return [p for p in places if getattr(p, "relation", "in") not in ("dateline", "country")]


def _base(word: str) -> str:
    for c in _CLITICS:
        if word.startswith(c) and len(word) - len(c) >= 2 and word[len(c):] in _COORD_GLUE:
            return word[len(c):]
    return word


def _glue_words(key: str, start: int, end: int) -> list[str]:
    return [_base(w) for w in _WORD.findall(key, start, end)] if end > start else []


def fold_place_chains(doc: Document, places: list[Any]) -> list[Any]:
    """Drop a place that only locates the place just before it (same admin1, less precise)."""
    kept: list[Any] = []
    for p in sorted(places, key=lambda x: x.start):
        if kept:
            prev = kept[-1]
            glue = _glue_words(doc.key, prev.end, p.start)
            if (
                len(glue) <= 4
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


_SPECIFICITY = {"in": 0, "near": 1, "area": 2, "region": 2, "district": 3, "countryside": 4, "governorate": 5}


def _specificity(p: Any) -> int:
    named = getattr(p, "named", None) or p.place
    rank = _SPECIFICITY.get(p.relation, 0)
    if named.feature in ("admin1",):
        rank = max(rank, 5)
    elif named.feature in ("admin2", "admin3"):
        rank = max(rank, 3)
    elif named.feature in ("region", "natural"):
        rank = max(rank, 2)
    return rank


def contains(outer: Any, inner: Any) -> bool:
    """Does the located place ``outer`` hold ``inner`` (so that it is only its context)?

    A governorate, a countryside, a district, a region or an area holds a more precise place of
    the same governorate; a city holds its own sites and neighbourhoods."""
    if outer is inner or outer.place.country != inner.place.country:
        return False
    op, ip = outer.place, inner.place
    if _specificity(outer) >= 2:
        return bool(op.admin1) and op.admin1 == ip.admin1 and _specificity(inner) < _specificity(outer)
    inner_named = getattr(inner, "named", None) or ip
    if inner_named.feature in _SITE_FEATURES and op.feature in ("city", "town"):
        return op.admin1 == ip.admin1 and distance_km(op.lat, op.lon, ip.lat, ip.lon) < 15
    return False


def _clause_of(doc: Document, sent: Sentence, offset: int) -> tuple[int, int]:
    for s, e in doc.clauses(sent):
        if s <= offset < e:
            return s, e
    return sent.start, sent.end


def _inside_actor(p: Any, actors: list[Mention], starts: list[int] | None = None) -> bool:
    """Is the toponym part of an actor's name ('الفصائل الموالية لأنقرة')?  ``starts``: the actors'
    start offsets, sorted with them (the check is a bisection)."""
    if starts is None:
        return any(a.start - len(a.prefix) <= p.name_start and p.name_end <= a.end for a in actors)
    i = bisect.bisect_right(starts, p.name_start + 4)
    return any(a.start - len(a.prefix) <= p.name_start and p.name_end <= a.end for a in actors[max(0, i - 3):i])


_ROAD = regex.compile(r"(?:طريق|الطريق|اوتوستراد|road|highway)\s+(?:\w+\s+)?(?:بين\s+)?[(\s]*$")


def _drop_road_ends(doc: Document, places: list[Any]) -> list[Any]:
    """'على الطريق الرئيسي (بغداد – داقوق)، جنوبي كركوك': the towns a road links are not where it
    happened when the sentence places it otherwise."""
    first = [p for p in places if _ROAD.search(doc.key, max(0, p.start - 40), p.start)]
    ends = {id(p) for p in first}
    for p in places:  # the second end of 'طريق X - Y', 'الطريق بين X و Y'
        if any(0 <= p.start - q.end <= 5 and doc.key[q.end:p.start].strip() in ("-", "–", "و", "and", "")
               for q in first):
            ends.add(id(p))
    if not ends:
        return places
    placed: set[int] = set()  # sentences that name a place other than a road's ends
    for q in places:
        sent = doc.sentence_at(q.start)
        if id(q) not in ends and sent is not None:
            placed.add(sent.index)
    out = []
    for p in places:
        sent = doc.sentence_at(p.start)
        if id(p) in ends and sent is not None and sent.index in placed:
            continue
        out.append(p)
    return out


def _dateline_like(doc: Document, p: Any) -> bool:
    """'إيلاف من دمشق: ...', 'Beirut, Aug. 30, (dpa) –': where the report was filed, at the head of a
    paragraph, closed by a colon or a dash."""
    line_start = doc.key.rfind("\n", 0, p.start) + 1
    head = doc.key[line_start:p.start]
    if len(head) > 25 or len(_WORD.findall(head)) > 3:
        return False
    rest = doc.key[p.end:p.end + 40].lstrip()
    return rest[:1] in (":", "–", "-") or bool(regex.match(r",\s*\w{3,5}\.? \d{1,2},?\s*\([^)]{0,25}\)\s*[–-]", rest))


def _orphan_district(p: Any, cities: dict[str, int]) -> bool:
    """A neighbourhood or square of a city the article never names as a place ('حي الميدان' in a
    report on Aleppo is not Damascus's Al Midan): too doubtful to code.  ``cities``: how many
    places of the article name each city (itself or one of its districts)."""
    named = getattr(p, "named", None) or p.place
    if named.feature not in ("neighbourhood", "square") or " - " not in named.name or "admin context" in p.reason:
        return False
    return cities.get(named.name.split(" - ")[0], 0) < 2


def _plural_countryside(doc: Document, p: Any) -> bool:
    return "ارياف" in doc.key[p.start:p.name_start]


_FEATURE_NOUNS = frozenset({"بلده", "قريه", "مدينه", "منطقه", "حي", "بلدتي", "قريتي", "مزرعه", "ناحيه", "village",
                            "town", "city", "area", "neighbourhood", "district", "مخيم", "camp"})


def spot_name(doc: Document, p: Any) -> str:
    """The name of the unknown spot a wide place locates ('بلدة كويا الواقعة في منطقة حوض اليرموك'
    -> 'كويا'), or ''."""
    if not _locates_unnamed(doc, p):
        return ""
    words = _WORD.findall(doc.key, max(0, p.start - 60), p.start)
    for i in range(len(words) - 1, -1, -1):
        if _base(words[i]) in _FEATURE_NOUNS:
            name = [w for w in words[i + 1:i + 3] if w not in ("of", "the", "في", "in") and _base(w) not in _COORD_GLUE]
            return " ".join(name[:1])
    return ""


def _locates_unnamed(doc: Document, p: Any) -> bool:
    """'بلدة أبريهة بريف دير الزور', 'the village of Al-Harija in the countryside of Deir al-Zour':
    the wide place locates a named spot the gazetteer does not know; it stands for that spot."""
    words = _WORD.findall(doc.key, max(0, p.start - 40), p.start)[-4:]
    words = words[:-1] if words and words[-1] in ("الواقعه", "الواقع", "located", "situated") else words
    if any(w in _BETWEEN or w.startswith("بين") for w in words):
        return False  # 'بين بلدتي سحم الجولان والشجرة': one place between two
    words = [_base(w) for w in words if w not in ("of", "the", "في", "in")]
    return len(words) >= 2 and any(w in _FEATURE_NOUNS for w in words[-3:-1])


def _representatives(doc: Document, places: list[Any]) -> dict[int, Any]:
    """For each place of a sentence, the place an incident there is coded to (itself, or the
    more precise place it holds)."""
    rep: dict[int, Any] = {}
    for p in places:
        if _locates_unnamed(doc, p):
            rep[id(p)] = p
            continue
        held = [q for q in places if q is not p and contains(p, q) and not contains(q, p)]
        if held:
            best = min(held, key=lambda q: (q.geo_precision, abs(q.start - p.start)))
            rep[id(p)] = best
        else:
            rep[id(p)] = p
    # follow chains (a governorate holds a countryside that holds a town)
    for k, v in list(rep.items()):
        seen = {k}
        while rep.get(id(v)) is not None and rep[id(v)] is not v and id(v) not in seen:
            seen.add(id(v))
            v = rep[id(v)]
        rep[k] = v
    return rep


def _coordinated_after(doc: Document, p: Any, places: list[Any], clause: tuple[int, int],
                       blockers: list[int], spots: frozenset[int] = frozenset()) -> list[Any]:
    """Places joined to ``p`` by 'و' / ',' / 'and' in its clause, in order."""
    out: list[Any] = []
    last = p
    for q in sorted(places, key=lambda x: x.start):
        if q.start < last.end or not (clause[0] <= q.start < clause[1]):
            continue
        if any(last.end <= b < q.start for b in blockers):
            break
        words = _glue_words(doc.key, last.end, q.start)
        gap = doc.key[last.end:q.start]
        has_coord = any(w in ("و", "and") for w in words) or "," in gap or any(
            w.startswith("و") and len(w) > 1 for w in _WORD.findall(doc.key, q.start, q.name_start + 1))
        others = [w for w in words if w not in _COORD_GLUE]
        raw = _WORD.findall(doc.key, last.end, q.start)
        bearing = any(w.lstrip("و") in _DIRECTIONS for w in raw)  # 'شمال العاصمة' (not 'الريف الغربي')
        if not has_coord or len(others) > 3 or len(gap) > 80 or bearing:
            break  # 'في محافظة كركوك، شمال العاصمة بغداد': a bearing from another place, not a second place
        if contains(q, last) or (contains(last, q) and id(last) not in spots) or contains(q, p) or \
                (contains(p, q) and id(p) not in spots):
            continue  # an admin context, not another place ('بريف إدلب' after a village of Idlib)
        out.append(q)
        last = q
    return out


def _between(doc: Document, p: Any) -> bool:
    """'بين بلدتي سحم الجولان والشجرة', 'between Kifri and Tuz': the place is one end of a 'between'
    (not 'اشتباكات بين الطرفين في بلدة ذيبان')."""
    words = _WORD.findall(doc.key, max(0, p.start - 45), p.name_start)[-6:]
    idx = [i for i, w in enumerate(words) if w in _BETWEEN or w in ("وبين", "ببين")]
    if not idx:
        return False
    after = words[idx[-1] + 1:]
    return len(after) <= 4 and not any(w in ("في", "in", "على", "at", "on") for w in after)


def _after_marker(doc: Document, p: Any, markers: list[Any]) -> bool:
    for m in markers:
        # the distance first: counting the words between is dear when the marker is far away
        if m.end <= p.name_start and p.name_start - m.end <= 25 \
                and len(_WORD.findall(doc.key, m.end, p.name_start)) <= 1:
            return True
    return False


def not_event_places(doc: Document, places: list[Any], markers: list[Any]) -> list[Any]:
    """Places right after a not-event-place marker ('نقلوا إلى مشفى X', 'tensions between X and
    Y'), with the places coordinated with them."""
    out: list[Any] = []
    for p in sorted(places, key=lambda x: x.start):
        if _after_marker(doc, p, markers):
            out.append(p)
        elif out and 0 <= p.start - out[-1].end <= 8 and set(_glue_words(doc.key, out[-1].end, p.start)) <= {"و", "and"}:
            out.append(p)
    return out


_BODY_OPENERS = frozenset({"moreover", "meanwhile", "however", "also", "furthermore", "additionally", "separately",
                           "earlier", "later", "وفي", "وقال", "وقالت", "واضاف", "واضافت", "وافاد", "وافادت", "وكان",
                           "وكانت", "كما", "كذلك", "ومساء", "وصباح", "ويوم", "واوضح", "واوضحت", "واشار", "واشارت"})


def is_heading(doc: Document, sent: Sentence) -> bool:
    """A headline, caption or dateline (context only) — not a line that merely lost its final
    full stop: one opening with a connective ('Moreover, ...', 'وفي ...') continues the body."""
    if not sent.is_heading:
        return False
    first = _WORD.search(doc.key, sent.start, sent.end)
    return first is None or first.group() not in _BODY_OPENERS


def group_incidents(doc: Document, triggers: list[Mention], places: list[Any],
                    actors: list[Mention] | None = None, not_place_markers: list[Any] | None = None
                    ) -> list[Incident]:
    """Incidents of every non-heading sentence that has a trigger, in text order."""
    places = fold_place_chains(doc, codable_places(places))
    actors = actors or []
    excluded = {id(p) for p in not_event_places(doc, places, not_place_markers or [])}
    actors = sorted(actors, key=lambda a: a.start)
    starts = [a.start for a in actors]
    places = [p for p in places if not _inside_actor(p, actors, starts) and not _plural_countryside(doc, p)
              and id(p) not in excluded]
    places = [p for p in places if not _dateline_like(doc, p)]
    places = _drop_road_ends(doc, places)
    cities: dict[str, int] = {}
    for q in places:
        city = q.place.name.split(" - ")[0]
        cities[city] = cities.get(city, 0) + 1
    places = [p for p in places if not _orphan_district(p, cities)]
    by_sentence: dict[int, list[Mention]] = {}
    for t in triggers:
        sent = doc.sentence_at(t.start)
        if sent is not None and not is_heading(doc, sent):
            by_sentence.setdefault(sent.index, []).append(t)
    places_by_sentence: dict[int, list[Any]] = {}
    for p in places:
        s = doc.sentence_at(p.start)
        if s is not None:
            places_by_sentence.setdefault(s.index, []).append(p)
    incidents: list[Incident] = []
    for idx in sorted(by_sentence):
        sent = doc.sentences[idx]
        trigs = sorted(by_sentence[idx], key=lambda m: m.start)
        sent_places = places_by_sentence.get(idx, [])
        rep = _representatives(doc, sent_places)
        assigned: list[tuple[Mention, Any | None, tuple[int, int]]] = []
        prev_place: Any | None = None
        for t in trigs:
            clause = _clause_of(doc, sent, t.start)
            place = _place_for(t, clause, sent_places, prev_place, assigned)
            if place is not None:
                place = rep.get(id(place), place)
            assigned.append((t, place, clause))
            if place is not None:
                prev_place = place
        groups: dict[int, Incident] = {}
        order: list[int] = []
        for t, place, clause in assigned:
            key = id(place) if place is not None else -1
            if key not in groups:
                groups[key] = Incident(sent, [], place, unnamed_spot=place is not None and _locates_unnamed(doc, place))
                order.append(key)
            inc = groups[key]
            inc.triggers.append(t)
            if clause not in inc.spans:
                inc.spans.append(clause)
        blockers = [t.start for t in trigs]
        for k in order:
            inc = groups[k]
            incidents.append(inc)
            if inc.place is None:
                continue
            if _between(doc, inc.place):
                # 'بين بلدتي X وY', 'between Kifri and Tuz Khurmatu': a spot near the first town (ACLED: near X)
                if inc.place.geo_precision == 1:
                    inc.place = replace(inc.place, geo_precision=2, relation="near")
                continue
            clause = _clause_of(doc, sent, inc.place.start)
            used = {id(i.place) for i in groups.values()}
            spots = frozenset(id(q) for q in sent_places if _locates_unnamed(doc, q))
            extra = [q for q in _coordinated_after(doc, inc.place, sent_places, clause, blockers, spots)
                     if id(q) not in used and rep.get(id(q), q) is q]
            if extra:
                n = len(extra) + 1
                inc.split = (0, n)
                for i, q in enumerate(extra, 1):
                    incidents.append(Incident(sent, list(inc.triggers), q, list(inc.spans), split=(i, n)))
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
