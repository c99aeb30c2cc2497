"""``locate_places``: every place phrase of a document, resolved in context, with ACLED precision.

1. **Find.** Gazetteer names are matched on the document's match key by the shared clitic-aware
   matcher (never inside a longer word); cue words from ``places.yaml`` around each name make a
   phrase (``phrases.py``).  Names on the ambiguity lists ("الباب", "الحراك", "Hit") need a cue,
   an admin context after them or, for the weak ones, a preposition; English names must be
   capitalised as written; a name inside an organisation's name ("Deir ez-Zor Military
   Council", "مجلس دير الزور العسكري") is skipped.
2. **Context.** Countries and admin1 units that the unambiguous phrases of the article point to
   (country names, names with candidates in one country only) form the article's context.
3. **Rank.** Each phrase's candidates are scored by prior (feature, population, curation), cue
   compatibility (مخيم → camp, محافظة → governorate, ريف → a town), agreement with the phrase's
   admin tail ("ذيبان بريف دير الزور"), the article's countries and admin1 units, and closeness
   to the other places of the article.  Small places outside the article's countries need a cue.
4. **Code.** ACLED's geo_precision rules (acled-format.md 3.4) give the relation, precision and
   the place coded: the named place (1); near X, the countryside of X, an area, a district (2,
   coded to X or the district seat); a governorate only (3, coded to its capital).  Country
   names are returned with relation 'country' and precision 0 (never coded); a place in a
   dateline ("دمشق - سانا", "ERBIL (Kurdistan 24) –") gets relation 'dateline', precision 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from ..lexicon import LexiconSet
from ..mentions.base import Document
from .admin import distance_km
from .cues import PlaceCues, place_cues
from .gazetteer import Gazetteer, prior
from .model import ADMIN_FEATURES, SETTLEMENTS, LocatedPlace, Place
from .phrases import Phrase, find_phrases

__all__ = ["locate_places"]

_DATELINE_AFTER = frozenset("-(,/")
_ARTICLE_EN = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ath|adh|ed|es|ez|er)[-\s]", re.IGNORECASE)


@dataclass
class _Choice:
    row: int
    place: Place
    score: float
    n: int


def locate_places(doc: Document, gazetteer: Gazetteer, lexicons: LexiconSet | None = None) -> list[LocatedPlace]:
    """Every place phrase of ``doc`` (key offsets), resolved and coded; see the module docstring."""
    cues = place_cues(lexicons)
    matches = gazetteer.matcher.find(doc.key, ["place"])
    phrases = [p for p in find_phrases(doc, matches, cues) if _admissible(p, doc, cues, gazetteer)]
    countries, admin1s, anchors = _context(phrases, gazetteer)
    near_memo: dict[str, bool] = {}
    choices: dict[int, _Choice] = {}
    for ph in phrases:
        choice = _choose(ph, gazetteer, countries, admin1s, anchors, near_memo)
        if choice is not None:
            choices[id(ph)] = choice
    out: list[LocatedPlace] = []
    absorbed: set[int] = set()
    for ph in phrases:
        if id(ph) in absorbed or id(ph) not in choices:
            continue
        tail = ph.tail if ph.tail is not None and id(ph.tail) in choices else None
        located = _code(ph, choices[id(ph)], doc, gazetteer, cues)
        if tail is not None and _agrees(choices[id(ph)].place, choices[id(tail)].place):
            located = _absorb(located, tail, choices[id(tail)], doc)
            absorbed.add(id(tail))
        out.append(located)
    return out


# -- admissibility --------------------------------------------------------------------------------
def _admissible(ph: Phrase, doc: Document, cues: PlaceCues, gz: Gazetteer) -> bool:
    if ph.org:
        return False
    if ph.lang == "en":
        written = _ARTICLE_EN.sub("", doc.original_text(ph.name_start, ph.name_end))
        if not written[:1].isupper():
            return False
    amb = cues.ambiguity(ph.key)
    if amb is None:
        return True
    _entry, weak = amb
    has_cue = bool(ph.before) or any(c.kind in ("admin-cue", "feature-cue") for c in ph.after)
    if has_cue:
        return True
    if ph.tail is not None and _tail_agrees(ph, gz):
        return True
    if weak and ph.preposition:
        return not (ph.lang == "en" and _sentence_initial(doc, ph.name_start))
    return False


def _tail_agrees(ph: Phrase, gz: Gazetteer) -> bool:
    assert ph.tail is not None
    mine = {(p.country_code, p.admin1) for p in (gz.place(r) for r in ph.rows)}
    return any((p.country_code, p.admin1) in mine for p in (gz.place(r) for r in ph.tail.rows))


def _sentence_initial(doc: Document, pos: int) -> bool:
    s = doc.sentence_at(pos)
    return s is not None and s.start == pos


# -- context --------------------------------------------------------------------------------------
def _context(phrases: list[Phrase], gz: Gazetteer) -> tuple[Counter[str], Counter[str], list[Place]]:
    """Countries and admin1 units the unambiguous phrases point to, and their places."""
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    anchors: list[Place] = []  # one per distinct place
    seen: set[str] = set()
    for ph in phrases:
        places = [gz.place(r) for r in ph.rows]
        ccs = {p.country_code for p in places}
        if len(ccs) != 1:
            continue
        cc = ccs.pop()
        countries[cc] += _vote(places)
        a1 = {p.admin1 for p in places if p.feature != "country"}
        if len(a1) == 1 and "" not in a1:
            admin1s[f"{cc}:{a1.pop()}"] += 1
            settled = [p for p in places if p.feature != "country"]
            anchor = max(settled, key=prior)
            if anchor.id not in seen:
                seen.add(anchor.id)
                anchors.append(anchor)
    return countries, admin1s, anchors


def _vote(places: list[Place]) -> float:
    """How much a phrase whose candidates all lie in one country says about the article's country."""
    if any(p.feature == "country" for p in places):
        return 3.0
    if any(p.layer != "geonames" for p in places):
        return 2.0
    if any(p.population >= 100_000 for p in places):
        return 1.0
    return 0.3


def _country_share(countries: Counter[str], cc: str) -> float:
    total = sum(countries.values())
    return countries[cc] / total if total else 0.0


def _choose(ph: Phrase, gz: Gazetteer, countries: Counter[str], admin1s: Counter[str],
            anchors: list[Place], near_memo: dict[str, bool]) -> _Choice | None:
    relation = _cue_relation(ph)
    features: set[str] = set()
    for c in (*ph.before, *ph.after):
        features |= c.features
    tail_a1 = {f"{p.country_code}:{p.admin1}" for p in (gz.place(r) for r in ph.tail.rows)} if ph.tail else set()
    total = sum(countries.values())  # _country_share's denominator, once per phrase
    best: _Choice | None = None
    for row in ph.rows:
        p = gz.place(row)
        s = prior(p)
        if features:
            s += 3.0 if p.feature in features else (-1.0 if p.feature in ADMIN_FEATURES else 0.0)
        if relation == "governorate":
            s += 4.0 if p.feature == "admin1" else -1.0
        elif relation == "district":
            s += 3.0 if p.feature in ("admin2", "admin3") else 0.0
        elif relation in ("countryside", "area", "near"):
            s += 1.5 if p.feature in SETTLEMENTS else 0.0
        elif p.feature in ("admin2", "admin3"):
            s -= 1.0
        a1 = f"{p.country_code}:{p.admin1}"
        if a1 in tail_a1:
            s += 3.0
        share = countries[p.country_code] / total if total else 0.0  # _country_share
        s += 3.0 * share
        if p.country_code in gz.focus_countries:
            s += 2.0 if not countries else 0.25
        if countries and share < 0.1 and not _prominent(p, gz):
            s -= 4.0
        if admin1s[a1]:
            s += 1.0 + 0.2 * min(admin1s[a1], 5)
        if anchors and p.feature not in ("country", "admin1"):
            s += 1.5 if _near_anchor(p, anchors, near_memo) else 0.0
        if best is None or s > best.score:
            best = _Choice(row, p, s, len(ph.rows))
    if best is not None and countries and _country_share(countries, best.place.country_code) < 0.1 \
            and not _prominent(best.place, gz) and f"{best.place.country_code}:{best.place.admin1}" not in tail_a1:
        return None  # a place in a country the article is not about, and neither a capital nor a big city
    return best


def _near_anchor(p: Place, anchors: list[Place], memo: dict[str, bool]) -> bool:
    """Is another anchor place of the article within 100 km of ``p``?  (memoised per place)"""
    hit = memo.get(p.id)
    if hit is None:
        hit = memo[p.id] = any(a.id != p.id and distance_km(p.lat, p.lon, a.lat, a.lon) < 100 for a in anchors)
    return hit


def _prominent(p: Place, gz: Gazetteer) -> bool:
    """Country names, capitals and cities of a million: named in any story, whatever its country."""
    if p.feature == "country":
        return True
    if not p.region:  # a country outside countries.csv: only named in stories about it
        return False
    return p.population >= 1_000_000 or gz.is_capital(p)


def _supported(ph: Phrase, p: Place) -> bool:
    """Whether a cue around the phrase supports reading it as ``p`` (a base cue does not make a town)."""
    for c in (*ph.before, *ph.after):
        if c.kind in ("admin-cue", "relation"):
            return True
        if c.kind == "feature-cue" and p.feature in c.features:
            return True
    return False


def _cue_relation(ph: Phrase) -> str:
    for c in (*ph.after, *ph.before):
        if c.kind == "admin-cue" and c.relation:
            return c.relation
    for c in ph.before:
        if c.kind == "relation" and c.relation:
            return c.relation
    return ""


# -- coding ---------------------------------------------------------------------------------------
def _code(ph: Phrase, ch: _Choice, doc: Document, gz: Gazetteer, cues: PlaceCues) -> LocatedPlace:
    named = ch.place
    relation = _cue_relation(ph)
    cue_ids = tuple(c.id for c in (*ph.before, *ph.after))
    place, precision, rel = named, 1, "in"
    if named.feature == "country":
        place, precision, rel = named, 0, "country"
    elif relation == "governorate" or named.feature == "admin1":
        place, precision, rel = _governorate_seat(named, gz), 3, "governorate"
    elif named.feature in ("admin2", "admin3"):
        place, precision, rel = _seat(ch.row, gz), 2, relation if relation in ("near", "countryside") else "district"
    elif relation in ("near", "countryside", "area", "district"):
        place, precision, rel = named, 2, relation
    elif named.feature in ("region", "natural"):  # a named area, coded to its main town when it has one
        town = gz.parent_row(ch.row)
        if town is not None:
            place, precision, rel = gz.place(town), 2, "region"
        else:  # one wider than ~50 km is province-sized
            place, precision, rel = named, 3 if named.approx_km > 50 else 2, "region"
    if _is_dateline(ph, doc):
        precision, rel = 0, "dateline"
    coded_to = place.id != named.id
    why = [f"name '{ph.key}'", f"{ch.n} candidate(s), best {named.id} ({named.feature}, {named.admin1 or named.country})"]
    if cue_ids:
        why.append("cues " + ", ".join(cue_ids))
    if coded_to:
        why.append(f"coded to {place.name}")
    entries = (named.id, *((place.id,) if coded_to else ()), *cue_ids)
    return LocatedPlace(
        start=ph.start, end=ph.end, name_start=ph.name_start, name_end=ph.name_end,
        written=written_text(doc, ph.name_start, ph.name_end), place=place, geo_precision=precision,
        relation=rel, coded_to=coded_to, reason="; ".join(why), entries=entries, country=place.country,
        named=named if coded_to else None,
        alternatives=tuple(islice((gz.place(r).id for r in ph.rows if r != ch.row), 5)),
    )


def written_text(doc: Document, start: int, end: int) -> str:
    """The original text of a key span, with the marks (harakat, tatweel) written after its last letter."""
    s, e = doc.original_span(start, end)
    text = doc.norm.original
    while e < len(text) and (unicodedata.combining(text[e]) or text[e] == "\u0640"):
        e += 1
    return text[s:e]


def _seat(row: int, gz: Gazetteer) -> Place:
    seat = gz.seat_row(row)
    return gz.place(seat) if seat is not None else gz.place(row)


def _governorate_seat(named: Place, gz: Gazetteer) -> Place:
    if named.feature == "admin1":
        return _seat(gz.row_of(named.id), gz)
    unit = gz.admin_unit(named.country_code, named.admin1)
    if unit is None:
        return named
    return _seat(gz.row_of(unit.id), gz)


def _is_dateline(ph: Phrase, doc: Document) -> bool:
    sent = doc.sentence_at(ph.name_start)
    if sent is None or sent.paragraph > 1:
        return False
    key = doc.key
    line_start = key.rfind("\n", 0, ph.start) + 1
    before = key[line_start:ph.start].strip()
    if ph.before or (before and not (len(before) <= 40 and before[-1] in "-")):
        return False
    rest = key[ph.name_end:ph.name_end + 3].lstrip(" ")
    if not rest or rest[0] == "\n":
        return bool(before)  # "شفق نيوز- سوريا": a place after the outlet's name
    return rest[0] in _DATELINE_AFTER


def _agrees(a: Place, b: Place) -> bool:
    if b.feature == "country":
        return a.country_code == b.country_code
    if a.country_code != b.country_code:
        return False
    if a.admin1 and a.admin1 == b.admin1:
        return True
    return distance_km(a.lat, a.lon, b.lat, b.lon) < 75


def _absorb(a: LocatedPlace, tail: Phrase, tail_choice: _Choice, doc: Document) -> LocatedPlace:
    end = tail.end
    entries = (*a.entries, tail_choice.place.id, *(c.id for c in (*tail.before, *tail.after)))
    reason = f"{a.reason}; admin context '{doc.key[tail.start:tail.end]}' agrees"
    return LocatedPlace(a.start, end, a.name_start, a.name_end, a.written, a.place, a.geo_precision, a.relation,
                        a.coded_to, reason, entries, a.country, a.named, a.alternatives)
