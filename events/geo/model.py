"""The records the gazetteer hands out: places, search candidates and located place phrases.

A ``Place`` is one point a mapping tool can trust, already carrying ACLED's country, region and
admin1/admin2/admin3 spellings whichever layer it came from.  ``Candidate`` is one ranked answer
of ``Gazetteer.search``; ``LocatedPlace`` is one place phrase found in a document with the place
ACLED would code it to and the geo_precision that goes with it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Place", "Candidate", "LocatedPlace", "FEATURES", "SETTLEMENTS", "ADMIN_FEATURES", "SITE_FEATURES"]

SETTLEMENTS = frozenset({"city", "town", "village"})
ADMIN_FEATURES = frozenset({"admin1", "admin2", "admin3"})
SITE_FEATURES = frozenset({
    "neighbourhood", "square", "camp", "prison", "oilfield", "gasfield", "refinery", "base", "airport",
    "dam", "crossing",
})
FEATURES = SETTLEMENTS | ADMIN_FEATURES | SITE_FEATURES | frozenset({"region", "natural", "country", "site"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place with coordinates and its admin hierarchy in ACLED spelling.

    ``id`` is stable across rebuilds: ``gn:<geonameid>`` for GeoNames records, ``adm:<code>`` for
    admin units (OCHA P-code where one exists), ``site:<id>`` for curated sites and
    ``<layer>:<id>`` for imported layers.  ``name`` is the ACLED-style English location name
    ("Al Hasakeh", "Aleppo - Sheikh Maqsoud", "Al Omar Oil Field").  Coordinates are rounded to
    5 decimals.  ``admin1``-``admin3`` are '' when unknown (Iraqi admin2 is left '' on purpose:
    ACLED's Iraqi district spellings are not verified, see ``gazetteer/countries.csv``).
    """

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str
    country_code: str
    iso: int
    region: str
    admin1: str
    admin2: str
    admin3: str
    population: int
    layer: str
    source: str
    approx_km: float = 0.0  # how far the coordinates may be off (0: as the source gives them)
    name_ar: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One answer of ``Gazetteer.search``: a place, the name that matched, how, and a score."""

    place: Place
    matched: str  # the gazetteer name that matched (as written in the gazetteer)
    reason: str  # 'exact name' | 'name without article' | 'name inside the query' | 'name prefix' ...
    score: float

    def to_dict(self) -> dict[str, Any]:
        d = self.place.to_dict()
        d.update(matched=self.matched, reason=self.reason, score=round(self.score, 3))
        return d


@dataclass(frozen=True)
class LocatedPlace:
    """A place phrase in a document and the location ACLED would code for it.

    ``start``/``end`` span the whole phrase in the document's match key (cue words such as
    "بلدة", "بريف", "near" and an absorbed admin context such as "بريف دير الزور الشرقي"
    included); ``name_start``/``name_end`` span the toponym itself.

    ``relation`` says how the text places the event relative to ``place``:

    ======================  =====================================================  =========
    relation                text                                                   precision
    ======================  =====================================================  =========
    ``in``                  the named town, village, site or city neighbourhood    1
    ``near``                "near X", "قرب X", "outskirts of X", "north of X"      2
    ``countryside``         "ريف X", "the countryside of X"                        2
    ``area``                "منطقة X", "the X area"                                2
    ``district``            "قضاء X", "ناحية X", "X district"                      2
    ``region``              a named mountain, plain or desert, coded to its main   2
                            town when ``sites.csv`` names one (3: province-sized)
    ``governorate``         "محافظة X", "X province" (coded to the capital)        3
    ``country``             a country name: never coded (precision 0)              0
    ``dateline``            "دمشق - سانا", "ERBIL (Kurdistan 24) –": where the     0
                            report was filed, not where events happened
    ======================  =====================================================  =========

    ``coded_to`` is True when ``place`` is not the place named (notes then say "in X, coded to
    Y"); ``entries`` cites the gazetteer ids and ``places.yaml`` cue ids used.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    written: str
    place: Place
    geo_precision: int
    relation: str
    coded_to: bool
    reason: str
    entries: tuple[str, ...]
    country: str
    named: Place | None = None  # the place the text names when it differs from ``place``
    alternatives: tuple[str, ...] = ()  # ids of other candidates that were considered

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in ("start", "end", "name_start", "name_end", "written", "geo_precision",
                                           "relation", "coded_to", "reason", "country")}
        d["entries"] = list(self.entries)
        d["place"] = self.place.to_dict()
        d["named"] = self.named.to_dict() if self.named is not None else None
        d["alternatives"] = list(self.alternatives)
        return d
