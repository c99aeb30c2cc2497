"""Import a GeoNames dump (``SY.txt``, ``IQ.txt``, ``allCountries.txt``; see gazetteer-sources.md 2).

Dumps are read as ``.txt`` or straight from the ``.zip`` GeoNames serves.  Rows are read with quoting disabled (GeoNames files are tab-separated, 19 columns, no header).
Kept: populated places (class P) and the conflict-relevant features listed in ``FEATURE_MAP``
(bases, airports, prisons, camps, oil and gas fields, dams, border posts, mountains, regions).
Admin1 is mapped to ACLED spelling through the crosswalk of ``gazetteer/admin.csv``; for countries
outside it, the name from ``admin1CodesASCII.txt`` (and ``admin2Codes.txt``) is used when given.
A code found in neither is reported as an unknown admin code.  Alternate names come from the
dump's own column and, when given, from ``alternateNamesV2.txt`` (Arabic, English and untagged
names; links, postal and airport codes and historic names are skipped).  Ids are ``gn:<id>``, so
an imported record replaces the base layer's record of the same place.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from ...errors import GazetteerError
from ...paths import data_path
from ..admin import AdminTable
from ..base import display_name, usable_names
from ..sources import load_admin, load_countries, utf8_lines
from . import ImportResult, layer_path, write_layer

__all__ = ["import_geonames", "FEATURE_MAP"]

FEATURE_MAP = {
    "PPLX": "neighbourhood", "MILB": "base", "INSM": "base", "BRKS": "base", "FT": "base", "NVB": "base",
    "AIRB": "base", "AIRF": "airport", "AIRP": "airport", "AIRH": "airport", "PRN": "prison", "PRNJ": "prison",
    "CMP": "camp", "CMPRF": "camp", "CMPO": "camp", "OILF": "oilfield", "GASF": "gasfield", "OILR": "refinery",
    "DAM": "dam", "PSTB": "crossing", "PSTC": "crossing", "MT": "natural", "MTS": "natural", "HLL": "natural",
    "HLLS": "natural", "RGN": "region", "AREA": "region", "PLN": "region", "DSRT": "region", "SQR": "square",
}
_SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "fr_1793", "unlc", "tcid"})
_KEEP_LANGS = frozenset({"", "ar", "en", "arz", "apc", "acm", "ajp", "ku", "ckb", "kmr"})


def _rows(path: Path, problems: list[GazetteerError]) -> Iterator[tuple[int, list[str]]]:
    """Tab-separated rows, numbered from 1; a ``.zip`` as GeoNames serves it is read in place.
    Lines that are not UTF-8 are reported in ``problems`` and skipped."""
    with ExitStack() as stack:
        if path.suffix.lower() == ".zip":
            try:
                zf = stack.enter_context(zipfile.ZipFile(path))
            except zipfile.BadZipFile as exc:
                raise GazetteerError(f"not a readable zip file ({exc})", path=str(path)) from None
            inner = next((n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")), None)
            if inner is None:
                raise GazetteerError("no .txt table inside the zip file", path=str(path))
            fh = stack.enter_context(zf.open(inner))
        else:
            fh = stack.enter_context(path.open("rb"))
        # GeoNames tables are unquoted: a row is one line split at tabs
        for i, line in enumerate(utf8_lines(fh, path, problems), start=1):
            row = line.rstrip("\r\n").split("\t")
            if row != [""] and not row[0].startswith("#"):
                yield i, row


def _read_codes(path: Path | None, problems: list[GazetteerError]) -> dict[str, str]:
    if path is None:
        return {}
    return {row[0]: row[1] for _i, row in _rows(path, problems) if len(row) >= 2}


def _read_alternates(path: Path | None, wanted: set[str],
                     problems: list[GazetteerError]) -> dict[str, list[tuple[str, str, bool]]]:
    out: dict[str, list[tuple[str, str, bool]]] = {}
    if path is None:
        return out
    for i, row in _rows(path, problems):
        if len(row) < 4:
            problems.append(GazetteerError(f"expected at least 4 columns, found {len(row)}", path=str(path), line=i,
                                           field="alternateName"))
            continue
        gid, lang, name = row[1], row[2], row[3]
        if gid not in wanted or lang in _SKIP_LANGS or lang not in _KEEP_LANGS:
            continue
        if len(row) > 7 and row[7] == "1":  # isHistoric
            continue
        out.setdefault(gid, []).append((name, lang, len(row) > 4 and row[4] == "1"))
    return out


def import_geonames(dump: Path, *, alternates: Path | None = None, admin1_codes: Path | None = None,
                    admin2_codes: Path | None = None, countries: set[str] | None = None,
                    out: Path | None = None, name: str | None = None) -> ImportResult:
    """Convert a GeoNames dump into a layer; see the module docstring."""
    dump = Path(dump)
    known = load_countries(data_path("gazetteer", "countries.csv"))
    table = AdminTable(load_admin(data_path("gazetteer", "admin.csv"), []), known)
    problems: list[GazetteerError] = []
    a1_names, a2_names = _read_codes(admin1_codes, problems), _read_codes(admin2_codes, problems)
    records: list[dict[str, object]] = []
    for i, row in _rows(dump, problems):
        try:
            rec = _record(row, i, dump, table, a1_names, a2_names, countries)
        except GazetteerError as exc:
            problems.append(exc)
            continue
        if rec is not None:
            records.append(rec)
    alts = _read_alternates(alternates, {str(r["_gid"]) for r in records}, problems)
    for r in records:
        names = list(r.pop("_names"))  # type: ignore[arg-type]
        preferred_ar = ""
        for alt, lang, preferred in alts.get(str(r.pop("_gid")), []):
            if alt not in names:
                names.append(alt)
            if lang == "ar" and (preferred or not preferred_ar):
                preferred_ar = alt
        kept = usable_names(names[0], names[1:])
        r["name_ar"] = preferred_ar or next((n for n in kept if any("\u0600" <= c <= "\u06ff" for c in n)), "")
        r["variants"] = "|".join(n for n in kept[1:] if "|" not in n)
    path = layer_path(name or f"geonames-{dump.stem}", out)
    write_layer(path, records)
    return ImportResult(path, len(records), problems)


def _record(row: list[str], i: int, path: Path, table: AdminTable, a1_names: dict[str, str],
            a2_names: dict[str, str], countries: set[str] | None) -> dict[str, object] | None:
    def err(fld: str, msg: str) -> GazetteerError:
        return GazetteerError(msg, path=str(path), line=i, field=fld)

    if len(row) != 19:
        raise err("geonameid", f"expected 19 tab-separated columns, found {len(row)}")
    gid, name, ascii_name, alt, lat_s, lon_s, fclass, fcode, cc = row[:9]
    a1code, a2code = row[10], row[11]
    if countries and cc not in countries:
        return None
    feature = _feature(fclass, fcode, row[14])
    if feature is None:
        return None
    if not gid.isdigit():
        raise err("geonameid", f"not a number: {gid!r}")
    lat = _coord(lat_s, -90, 90, err, "latitude")
    lon = _coord(lon_s, -180, 180, err, "longitude")
    try:
        population = int(row[14] or 0)
    except ValueError:
        raise err("population", f"not a number: {row[14]!r}") from None
    admin1 = table.admin1_for_code(cc, a1code)
    admin2 = ""
    if not admin1 and a1code and a1code != "00":
        admin1 = a1_names.get(f"{cc}.{a1code}", "")
        if not admin1 and (a1_names or cc in table.admin1_names):
            raise err("admin1 code", f"unknown admin code {cc}.{a1code}")
        admin2 = a2_names.get(f"{cc}.{a1code}.{a2code}", "") if a2code else ""
    names = [name] + ([ascii_name] if ascii_name and ascii_name != name else []) + [a for a in alt.split(",") if a]
    return {"id": f"gn:{gid}", "name": display_name(name), "feature": feature, "country": cc, "admin1": admin1,
            "admin2": admin2, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "population": population,
            "approx_km": 0, "source": f"GeoNames {gid} ({path.name})", "_gid": gid, "_names": names}


def _coord(value: str, lo: float, hi: float, err, fld: str) -> float:  # noqa: ANN001 - local error factory
    if not value.strip():
        raise err(fld, "missing value")
    try:
        x = float(value)
    except ValueError:
        raise err(fld, f"not a number: {value!r}") from None
    if not lo <= x <= hi:
        raise err(fld, f"{x} is out of range [{lo}, {hi}]")
    return x


def _feature(fclass: str, fcode: str, population: str) -> str | None:
    if fcode in FEATURE_MAP:
        return FEATURE_MAP[fcode]
    if fclass == "P":
        try:
            pop = int(population or 0)
        except ValueError:
            pop = 0
        return "city" if pop >= 100_000 else "town" if pop >= 1_000 or fcode.startswith("PPLA") else "village"
    return None
