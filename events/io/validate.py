"""Check event files (CSV, JSONL, GeoJSON) against the event schema, reporting every problem.

Each problem is located as ``file:line: field: message``: the CSV line where the row starts,
the JSONL line, or the GeoJSON line where the feature starts.  A file that is not even
well-formed (broken CSV quoting, invalid JSON) is reported with its line too; nothing crashes.

A CSV written with ``--acled-only`` (no extension columns at all) is checked against the ACLED
part of the schema: the extension fields are then not required.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from ..model import ACLED_COLUMNS, EXTENSION_COLUMNS
from ..problems import Problem
from ..schema import load_schema

__all__ = ["validate_file", "validate_record", "sniff_format"]

_INT_FIELDS = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"}
_FLOAT_FIELDS = {"latitude", "longitude", "confidence"}
_JSON_FIELDS = {"evidence", "provenance"}
_MAX_CELL = 1 << 30  # characters in one CSV cell (the csv module's default is 131,072)


@lru_cache(maxsize=2)
def _validator(acled_only: bool) -> Draft202012Validator:
    schema = dict(load_schema())
    if acled_only:
        schema["required"] = [f for f in schema.get("required", []) if f in ACLED_COLUMNS]
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _field_of(error: Any) -> str:
    if error.validator == "required" and error.path == error.relative_path:
        # "'event_date' is a required property"
        msg = error.message
        if msg.startswith("'") and "'" in msg[1:]:
            return msg[1 : msg.index("'", 1)]
    parts = [str(p) for p in error.absolute_path]
    return ".".join(parts) if parts else "-"


def validate_record(record: dict[str, Any], *, acled_only: bool = False) -> list[tuple[str, str]]:
    """(field, message) for every schema problem of one event record."""
    out = []
    for error in sorted(_validator(acled_only).iter_errors(record), key=lambda e: list(map(str, e.absolute_path))):
        if error.validator in ("allOf", "if"):
            continue
        out.append((_field_of(error), error.message))
    return out


def sniff_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".geojson", ".json"):
        return "geojson"
    return "unknown"


def _coerce_csv(row: dict[str, str]) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for key, value in row.items():
        if key is None:
            continue
        if value is None:
            value = ""
        if value.startswith("'") and len(value) > 1 and value[1] in "=+-@\t\r":
            value = value[1:]  # a neutralised formula cell
        if key in _INT_FIELDS and value != "":
            try:
                rec[key] = int(value)
                continue
            except ValueError:
                pass
        if key in _FLOAT_FIELDS and value != "":
            try:
                rec[key] = float(value)
                continue
            except ValueError:
                pass
        if key in _JSON_FIELDS and value != "":
            try:
                rec[key] = json.loads(value)
                continue
            except json.JSONDecodeError:
                pass
        if key in _INT_FIELDS | _FLOAT_FIELDS and value == "":
            continue  # an empty number cell is a missing value
        rec[key] = value
    return rec


def _validate_csv(path: Path) -> Iterator[Problem]:
    name = str(path)
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield Problem(name, f"cannot be read: {exc.strerror or exc}")
        return
    # a merged dataset event keeps every report's evidence: its provenance cell can be megabytes
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_CELL))
    with fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield Problem(name, "is empty (no header row)", 1)
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Problem(name, f"not a readable CSV header: {exc}", 1)
            return
        unknown = [c for c in header if c not in ACLED_COLUMNS + EXTENSION_COLUMNS]
        for col in unknown:
            yield Problem(name, f"unknown column {col!r}", 1, col)
        acled_only = not any(c in EXTENSION_COLUMNS for c in header)
        line = 2
        while True:
            start = line
            try:
                values = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                yield Problem(name, f"broken CSV row: {exc}", reader.line_num)
                break
            line = reader.line_num + 1
            if not values or all(v == "" for v in values):
                continue
            if len(values) != len(header):
                yield Problem(name, f"row has {len(values)} cells, the header has {len(header)}", start)
                continue
            rec = _coerce_csv(dict(zip(header, values, strict=True)))
            for fld, msg in validate_record(rec, acled_only=acled_only):
                yield Problem(name, msg, start, fld)


def _validate_jsonl(path: Path) -> Iterator[Problem]:
    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Problem(name, f"cannot be read: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Problem(name, f"not valid JSON: {exc}", lineno)
                continue
            if not isinstance(rec, dict):
                yield Problem(name, "a line must hold one JSON object (an event)", lineno)
                continue
            for fld, msg in validate_record(rec):
                yield Problem(name, msg, lineno, fld)


def _feature_lines(text: str) -> list[int]:
    """Line numbers where each feature object starts (best effort, for messages)."""
    lines = []
    decoder = json.JSONDecoder()
    idx = text.find('"features"')
    if idx < 0:
        return lines
    idx = text.find("[", idx)
    pos = idx + 1
    while pos > 0:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            break
        lines.append(text.count("\n", 0, pos) + 1)
        try:
            _, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
    return lines


def _validate_geojson(path: Path) -> Iterator[Problem]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield Problem(name, f"cannot be read as UTF-8: {exc}")
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(name, f"not valid JSON: {exc.msg}", exc.lineno)
        return
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        yield Problem(name, "must be a GeoJSON FeatureCollection with a 'features' list", 1, "type")
        return
    starts = _feature_lines(text)
    for i, feat in enumerate(doc["features"]):
        line = starts[i] if i < len(starts) else None
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            yield Problem(name, "not a GeoJSON Feature", line)
            continue
        props = feat.get("properties")
        if not isinstance(props, dict):
            yield Problem(name, "feature has no properties object", line, "properties")
            continue
        geom = feat.get("geometry") or {}
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if not (isinstance(geom, dict) and geom.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2):
            yield Problem(name, "geometry must be a Point [longitude, latitude]", line, "geometry")
        elif (coords[0], coords[1]) != (props.get("longitude"), props.get("latitude")):
            yield Problem(name, "Point coordinates differ from the longitude/latitude properties", line, "geometry")
        for fld, msg in validate_record(props):
            yield Problem(name, msg, line, fld)


def validate_file(path: str | Path) -> list[Problem]:
    """Every problem in one event file (empty list: the file is valid)."""
    p = Path(path)
    if not p.is_file():
        return [Problem(str(p), "no such file")]
    fmt = sniff_format(p)
    if fmt == "csv":
        return list(_validate_csv(p))
    if fmt == "jsonl":
        return list(_validate_jsonl(p))
    if fmt == "geojson":
        return list(_validate_geojson(p))
    return [Problem(str(p), "unknown file type: expected .csv, .jsonl or .geojson")]
