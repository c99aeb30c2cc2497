"""Reading the gazetteer's CSV layers strictly, reporting every bad row with file, row and field.

Three tables ship in ``gazetteer/`` (see ``gazetteer/README.md`` for their columns):

* ``countries.csv``: ACLED country name, ISO codes, ACLED region, Arabic names;
* ``admin.csv``: admin units (Syria's governorates, districts and sub-districts with OCHA P-codes,
  Iraq's governorates and districts) with the GeoNames admin1 crosswalk and each unit's seat;
* ``sites.csv`` and any user overlay: one place a row in the *places format* below.

Places format (``sites.csv``, overlays, and what the importers write)::

    id,name,feature,country,admin1,parent,name_ar,variants,lat,lon,approx_km,source
    [optional: admin2, admin3, population]

``country`` is an ISO2 code, ``variants`` are ``|``-separated names in any script, ``parent`` is
the GeoNames id (or place id) of the town a site or neighbourhood belongs to.  A row with a
missing or out-of-range coordinate, an unknown feature, an unparsable number or an admin1 that
is not a known ACLED admin1 of its country becomes a ``GazetteerError`` in the problem list and
is skipped; the other rows still load.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GazetteerError
from .model import FEATURES

__all__ = [
    "Country",
    "AdminUnit",
    "Entry",
    "read_table",
    "utf8_lines",
    "load_countries",
    "load_admin",
    "load_places",
    "PLACES_COLUMNS",
    "PLACES_REQUIRED",
]

PLACES_REQUIRED = ("id", "name", "feature", "country", "lat", "lon", "source")
PLACES_COLUMNS = ("id", "name", "feature", "country", "admin1", "admin2", "admin3", "parent", "name_ar",
                  "variants", "lat", "lon", "population", "approx_km", "source")


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    iso3: str
    isonum: int
    region: str
    name_ar: str
    variants: tuple[str, ...]
    capital_geonameid: str
    base_layer: str
    admin2_in_records: bool
    arabic_names: str = "all"  # 'all' | 'large': keep GeoNames Arabic-script names of every place or of big ones
    focus: bool = False  # a country the tool is built for: wins ties when an article names no country


@dataclass
class AdminUnit:
    id: str
    pcode: str
    country: str
    level: int
    parent: str
    name: str
    name_ocha: str
    name_ar: str
    variants: tuple[str, ...]
    geonames_admin1: tuple[str, ...]
    seat: str
    seat_geonameid: str
    lat: float
    lon: float
    approx_km: float
    source: str


@dataclass
class Entry:
    """A place on its way into the index (admin fields may still be filled in)."""

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country_code: str
    layer: str
    source: str
    names: list[str] = field(default_factory=list)
    name_ar: str = ""
    admin1: str = ""
    admin1_code: str = ""  # GeoNames admin1 code, when the layer has one
    admin2: str = ""
    admin3: str = ""
    population: int = 0
    approx_km: float = 0.0
    parent: str = ""


def utf8_lines(lines: Iterable[bytes], path: Path, problems: list[GazetteerError] | None) -> Iterator[str]:
    """Lines of a file as UTF-8 text (a BOM at the start is dropped).

    A line holding bytes that are not UTF-8 is reported in ``problems`` with its line number and
    read as an empty line (a CSV reader skips it), so the other rows still load; with
    ``problems=None`` such a line is an error for the whole file.
    """
    for i, raw in enumerate(lines, start=1):
        try:
            yield raw.decode("utf-8-sig" if i == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            err = GazetteerError(f"line is not UTF-8 ({exc.reason} at byte {exc.start}); row skipped",
                                 path=str(path), line=i, hint="save the file as UTF-8")
            if problems is None:
                raise err from None
            problems.append(err)
            yield "\n"


def read_table(path: Path, required: tuple[str, ...], problems: list[GazetteerError] | None = None
               ) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a UTF-8 CSV with a header, numbered as a spreadsheet shows them (header = row 1).

    Lines that are not UTF-8 go to ``problems`` (see ``utf8_lines``); without a problem list they
    are an error.
    """
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise GazetteerError(f"cannot read: {exc}", path=str(path)) from exc
    with fh:
        reader = csv.DictReader(utf8_lines(fh, path, problems))
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            raise GazetteerError(f"broken CSV header ({exc})", path=str(path), line=1) from None
        missing = [c for c in required if c not in header]
        if missing:
            raise GazetteerError(f"missing column(s) {', '.join(missing)}", path=str(path), line=1,
                                 hint=f"header is {','.join(header)}")
        try:
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        except csv.Error as exc:
            raise GazetteerError(f"broken CSV ({exc}); the rows after this line were not read", path=str(path),
                                 line=reader.line_num + 1) from None


def split_names(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split("|") if x.strip())


def parse_float(value: str, *, path: Path, line: int, fld: str, lo: float, hi: float) -> float:
    if value == "":
        raise GazetteerError("missing value", path=str(path), line=line, field=fld)
    try:
        x = float(value)
    except ValueError:
        raise GazetteerError(f"not a number: {value!r}", path=str(path), line=line, field=fld) from None
    if not (lo <= x <= hi) or x != x:
        raise GazetteerError(f"{x} is out of range [{lo}, {hi}]", path=str(path), line=line, field=fld)
    return x


def parse_int(value: str, *, path: Path, line: int, fld: str) -> int:
    if value == "":
        return 0
    try:
        return int(float(value))
    except ValueError:
        raise GazetteerError(f"not a number: {value!r}", path=str(path), line=line, field=fld) from None


def load_countries(path: Path) -> dict[str, Country]:
    """``countries.csv`` keyed by ISO2 code.  Any bad row is an error: this table must be right."""
    out: dict[str, Country] = {}
    req = ("country", "iso2", "iso3", "isonum", "region", "name_ar", "variants", "capital_geonameid",
           "base_layer", "arabic_names", "admin2_in_records", "focus", "source")
    for line, row in read_table(path, req):
        iso2 = row["iso2"].upper()
        if len(iso2) != 2:
            raise GazetteerError(f"bad ISO2 code {iso2!r}", path=str(path), line=line, field="iso2")
        out[iso2] = Country(
            name=row["country"], iso2=iso2, iso3=row["iso3"], region=row["region"], name_ar=row["name_ar"],
            isonum=parse_int(row["isonum"], path=path, line=line, fld="isonum"),
            variants=split_names(row["variants"]), capital_geonameid=row["capital_geonameid"],
            base_layer=row["base_layer"], admin2_in_records=row["admin2_in_records"] == "1",
            arabic_names=row["arabic_names"] or "all", focus=row["focus"] == "1",
        )
    return out


def load_admin(path: Path, problems: list[GazetteerError]) -> list[AdminUnit]:
    """``admin.csv``: admin units; bad rows go to ``problems``, the rest load."""
    req = ("id", "pcode", "country", "level", "parent", "name", "name_ocha", "name_ar", "variants",
           "geonames_admin1", "seat", "seat_geonameid", "lat", "lon", "approx_km", "source")
    units: list[AdminUnit] = []
    seen: set[str] = set()
    for line, row in read_table(path, req, problems):
        try:
            if row["id"] in seen:
                raise GazetteerError(f"duplicate id {row['id']!r}", path=str(path), line=line, field="id")
            level = parse_int(row["level"], path=path, line=line, fld="level")
            if level not in (1, 2, 3):
                raise GazetteerError(f"level must be 1, 2 or 3, not {level}", path=str(path), line=line,
                                     field="level")
            if level > 1 and row["parent"] not in seen:
                raise GazetteerError(f"unknown admin code {row['parent']!r} (parents must come first)",
                                     path=str(path), line=line, field="parent")
            units.append(AdminUnit(
                id=row["id"], pcode=row["pcode"], country=row["country"].upper(), level=level,
                parent=row["parent"], name=row["name"], name_ocha=row["name_ocha"], name_ar=row["name_ar"],
                variants=split_names(row["variants"]), geonames_admin1=split_names(row["geonames_admin1"]),
                seat=row["seat"] or row["name"], seat_geonameid=row["seat_geonameid"],
                lat=parse_float(row["lat"], path=path, line=line, fld="lat", lo=-90, hi=90),
                lon=parse_float(row["lon"], path=path, line=line, fld="lon", lo=-180, hi=180),
                approx_km=float(parse_int(row["approx_km"], path=path, line=line, fld="approx_km")),
                source=row["source"],
            ))
            seen.add(row["id"])
        except GazetteerError as exc:
            problems.append(exc)
    return units


def load_places(path: Path, layer: str, known_admin1: dict[str, set[str]],
                problems: list[GazetteerError], id_prefix: str = "") -> list[Entry]:
    """A table in the places format (sites, overlays, imported layers)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for line, row in read_table(path, PLACES_REQUIRED, problems):
        try:
            entries.append(_place_row(row, path, line, layer, known_admin1, id_prefix, seen))
        except GazetteerError as exc:
            problems.append(exc)
    return entries


def _place_row(row: dict[str, str], path: Path, line: int, layer: str, known_admin1: dict[str, set[str]],
               id_prefix: str, seen: set[str]) -> Entry:
    def err(fld: str, msg: str) -> GazetteerError:
        return GazetteerError(msg, path=str(path), line=line, field=fld)

    ident = row["id"]
    if not ident:
        raise err("id", "missing value")
    if ident in seen:
        raise err("id", f"duplicate id {ident!r}")
    if not row["name"]:
        raise err("name", "missing value")
    feature = row["feature"].lower()
    if feature not in FEATURES:
        raise err("feature", f"unknown feature {feature!r} (one of {', '.join(sorted(FEATURES))})")
    cc = row["country"].upper()
    if len(cc) != 2 or not cc.isalpha():
        raise err("country", f"not an ISO2 country code: {row['country']!r}")
    lat = parse_float(row["lat"], path=path, line=line, fld="lat", lo=-90, hi=90)
    lon = parse_float(row["lon"], path=path, line=line, fld="lon", lo=-180, hi=180)
    admin1 = row.get("admin1", "")
    if admin1 and cc in known_admin1 and admin1 not in known_admin1[cc]:
        raise err("admin1", f"unknown admin code {admin1!r} for {cc} (not an ACLED admin1 in admin.csv)")
    approx = parse_float(row.get("approx_km") or "0", path=path, line=line, fld="approx_km", lo=0, hi=1000)
    seen.add(ident)
    names = [row["name"], *split_names(row.get("variants", ""))]
    if row.get("name_ar"):
        names.insert(1, row["name_ar"])
    return Entry(
        id=ident if ":" in ident else f"{id_prefix}{ident}", name=row["name"], lat=round(lat, 5),
        lon=round(lon, 5), feature=feature, country_code=cc, layer=layer, source=row["source"],
        names=names, name_ar=row.get("name_ar", ""), admin1=admin1, admin2=row.get("admin2", ""),
        admin3=row.get("admin3", ""), population=parse_int(row.get("population", ""), path=path, line=line,
                                                           fld="population"),
        approx_km=approx, parent=row.get("parent", ""),
    )
