"""Import an OCHA COD gazetteer table (CSV; XLSX needs the optional ``openpyxl`` package).

Expected columns (HDX/COD naming, see gazetteer-sources.md 3): ``admin1Name_en``, ``admin1Name_ar``,
``admin1Pcode`` ... down to ``admin4*`` for communities, plus a latitude and a longitude column
(``Latitude``/``Longitude``, ``lat``/``lon``, ``Y``/``X``, ``Latitude_y``/``Longitude_x``).  Each
row becomes a place at its deepest level: admin4 rows are communities (feature 'village'),
tables that stop at admin3 give sub-district points ('admin3').

Admin names are written in ACLED spelling: a P-code known to ``gazetteer/admin.csv`` takes the
ACLED name; any other takes the OCHA English name with hyphens turned into spaces and apostrophes
dropped (how ACLED's admin1 names relate to OCHA's, gazetteer-sources.md 4).  Reported per row:
missing or out-of-range coordinates, an admin1 P-code unknown for a country ``admin.csv`` covers,
a P-code that does not start with its parent's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...errors import GazetteerError
from ...paths import data_path
from ..sources import load_admin, read_table
from . import ImportResult, layer_path, write_layer

__all__ = ["import_ocha", "read_rows"]

_LAT = ("Latitude", "latitude", "lat", "Lat", "LAT", "Y", "y", "Latitude_y", "latitude_y")
_LON = ("Longitude", "longitude", "lon", "Lon", "LON", "long", "Long", "X", "x", "Longitude_x", "longitude_x")


def read_rows(path: Path, problems: list[GazetteerError]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV or XLSX table with the header on the first row (row numbers as shown); CSV
    lines that are not UTF-8 go to ``problems``."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:
            raise GazetteerError("reading XLSX needs the optional package openpyxl", path=str(path),
                                 hint="pip install 'conflict-events[xlsx]' (openpyxl), or save the sheet as CSV") from None
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = wb.active.iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, [])]
        for i, values in enumerate(rows, start=2):
            yield i, {h: "" if v is None else str(v).strip() for h, v in zip(header, values, strict=False)}
        return
    yield from read_table(path, (), problems)


def _acled_name(name: str) -> str:
    return " ".join(name.replace("-", " ").replace("'", "").replace("’", "").split())


def import_ocha(path: Path, *, country: str = "", out: Path | None = None, name: str | None = None) -> ImportResult:
    """Convert an OCHA COD gazetteer table into a layer; see the module docstring."""
    path = Path(path)
    units = {u.pcode: u for u in load_admin(data_path("gazetteer", "admin.csv"), []) if u.pcode}
    covered = {u.country for u in units.values()}
    problems: list[GazetteerError] = []
    records: list[dict[str, object]] = []
    rows = read_rows(path, problems)
    first = next(rows, None)
    if first is None:
        return ImportResult(layer_path(name or f"ocha-{path.stem}", out), 0, problems)
    header = list(first[1])
    levels = [n for n in range(1, 5) if f"admin{n}Pcode" in header]
    lat_col = next((c for c in _LAT if c in header), None)
    lon_col = next((c for c in _LON if c in header), None)
    if not levels:
        raise GazetteerError("no admin1Pcode ... admin4Pcode column", path=str(path), line=1)
    if lat_col is None or lon_col is None:
        raise GazetteerError("no latitude/longitude columns: a P-code list without coordinates cannot be "
                             "geolocated", path=str(path), line=1, hint="use the COD gazetteer with coordinates")

    def all_rows() -> Iterator[tuple[int, dict[str, str]]]:
        yield first
        yield from rows

    for i, row in all_rows():
        try:
            rec = _record(row, i, path, levels, lat_col, lon_col, units, covered, country)
        except GazetteerError as exc:
            problems.append(exc)
            continue
        records.append(rec)
    out_path = layer_path(name or f"ocha-{path.stem}", out)
    write_layer(out_path, records)
    return ImportResult(out_path, len(records), problems)


def _record(row: dict[str, str], i: int, path: Path, levels: list[int], lat_col: str, lon_col: str,
            units: dict, covered: set[str], country: str) -> dict[str, object]:
    def err(fld: str, msg: str) -> GazetteerError:
        return GazetteerError(msg, path=str(path), line=i, field=fld)

    deepest = max((n for n in levels if row.get(f"admin{n}Pcode")), default=0)
    if not deepest:
        raise err("admin1Pcode", "missing value")
    names: list[str] = []
    parent = ""
    for n in range(1, deepest + 1):
        code = row.get(f"admin{n}Pcode", "")
        if parent and code and not code.startswith(parent) and n < 4:
            raise err(f"admin{n}Pcode", f"{code} does not belong to admin{n - 1}Pcode {parent}")
        parent = code or parent
        unit = units.get(code)
        if n == 1 and unit is None and code[:2].upper() in covered:
            raise err("admin1Pcode", f"unknown admin code {code!r}")
        names.append(unit.name if unit is not None else _acled_name(row.get(f"admin{n}Name_en", "")))
    lat = _coord(row.get(lat_col, ""), -90, 90, err, lat_col)
    lon = _coord(row.get(lon_col, ""), -180, 180, err, lon_col)
    pcode = row[f"admin{deepest}Pcode"]
    en = row.get(f"admin{deepest}Name_en", "") or pcode
    ar = row.get(f"admin{deepest}Name_ar", "")
    cc = (country or row.get("admin0Pcode", "") or row.get("admin1Pcode", "")[:2]).upper()[:2]
    feature = "village" if deepest == 4 else f"admin{deepest}"
    admin = (names + ["", "", ""])[:3]
    return {"id": f"ocha:{pcode}", "name": _acled_name(en), "feature": feature, "country": cc,
            "admin1": admin[0], "admin2": admin[1] if deepest >= 2 else "", "admin3": admin[2] if deepest >= 3 else "",
            "name_ar": ar, "variants": "|".join(v for v in {en, ar.removeprefix("مركز ").strip()} if v and v != en),
            "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "approx_km": 0, "source": f"OCHA COD {pcode} ({path.name})"}


def _coord(value: str, lo: float, hi: float, err, fld: str) -> float:  # noqa: ANN001 - local error factory
    if not value:
        raise err(fld, "missing value")
    try:
        x = float(value)
    except ValueError:
        raise err(fld, f"not a number: {value!r}") from None
    if not lo <= x <= hi:
        raise err(fld, f"{x} is out of range [{lo}, {hi}]")
    return x
