"""Admin hierarchy for any point: admin1 from a code crosswalk, admin2/admin3 from the nearest seat.

No admin polygons can be had offline (see docs/gazetteer-sources.md), so:

* **admin1** comes from the layer when it has it: GeoNames admin1 codes are mapped to ACLED
  spellings through the ``geonames_admin1`` column of ``admin.csv`` (GeoNames ``SY.07`` → "Deir
  ez Zor", ``IQ.19`` Halabja → "Al Sulaymaniyah"); curated rows give the ACLED name directly.
  Only a point with neither falls back to the admin1 of the nearest seat in its country.
* **admin2/admin3** are those of the nearest sub-district seat *within the same admin1* (a
  district without sub-district rows takes part through its own seat).  Seats are the towns
  OCHA/GeoNames name as the unit's centre.  ``benchmarks/bench_gazetteer.py`` measures the
  method by leave-one-out on the seats themselves and on the evaluation places.

Countries whose ACLED admin2 spellings are not verified (``admin2_in_records = 0`` in
``countries.csv``, e.g. Iraq) get admin2/admin3 '' in records, though their districts are still
used to read "X district" in text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .sources import AdminUnit, Country

__all__ = ["AdminTable", "distance_km"]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class _Seat:
    lat: float
    lon: float
    admin1: str
    admin2: str
    admin3: str
    unit: str


class AdminTable:
    """The admin units of ``admin.csv`` arranged for lookups."""

    def __init__(self, units: list[AdminUnit], countries: dict[str, Country]) -> None:
        self.units = {u.id: u for u in units}
        self.countries = countries
        self.crosswalk: dict[tuple[str, str], str] = {}
        self.admin1_names: dict[str, set[str]] = {}
        self._seats: dict[tuple[str, str], list[_Seat]] = {}
        self._country_seats: dict[str, list[_Seat]] = {}
        children: set[str] = {u.parent for u in units if u.level == 3}
        for u in units:
            if u.level == 1:
                self.admin1_names.setdefault(u.country, set()).add(u.name)
                for code in u.geonames_admin1:
                    self.crosswalk[(u.country, code)] = u.name
        for u in units:
            if u.level == 3 or (u.level == 2 and u.id not in children):
                a1, a2, a3 = self.names_of(u)
                seat = _Seat(u.lat, u.lon, a1, a2, a3, u.id)
                self._seats.setdefault((u.country, a1), []).append(seat)
                self._country_seats.setdefault(u.country, []).append(seat)

    def names_of(self, unit: AdminUnit) -> tuple[str, str, str]:
        """(admin1, admin2, admin3) names of a unit (its own name at its level)."""
        names = ["", "", ""]
        u: AdminUnit | None = unit
        while u is not None:
            names[u.level - 1] = u.name
            u = self.units.get(u.parent) if u.parent else None
        return names[0], names[1], names[2]

    def admin1_for_code(self, country: str, code: str) -> str:
        return self.crosswalk.get((country, code), "")

    def assign(self, country: str, lat: float, lon: float, admin1: str = "",
               exclude_unit: str = "") -> tuple[str, str, str]:
        """admin1/admin2/admin3 for a point; ``admin1`` when already known restricts the search."""
        pool = self._seats.get((country, admin1)) if admin1 else self._country_seats.get(country)
        if not pool:
            return admin1, "", ""
        best: _Seat | None = None
        best_d = math.inf
        for s in pool:
            if s.unit == exclude_unit:
                continue
            d = distance_km(lat, lon, s.lat, s.lon)
            if d < best_d:
                best, best_d = s, d
        if best is None:
            return admin1, "", ""
        a1 = admin1 or best.admin1
        if not self.admin2_in_records(country):
            return a1, "", ""
        return a1, best.admin2, best.admin3

    def admin2_in_records(self, country: str) -> bool:
        c = self.countries.get(country)
        return bool(c and c.admin2_in_records)

    def seat_units(self, country: str) -> list[AdminUnit]:
        """Units usable as seats for the leave-one-out measurement."""
        return [u for u in self.units.values() if u.country == country and u.level == 3]
