"""Write events as CSV (ACLED column order), GeoJSON (RFC 7946) or JSONL — safely.

* CSV: ACLED's 31 columns in ACLED's order, then the extension columns (``acled_only=True``
  writes exactly the 31).  Nested extension fields (evidence, provenance) are JSON in their cell.
  Cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return) are neutralised with a leading apostrophe unless ``safe_cells=False``.
* GeoJSON: a FeatureCollection of Points ``[longitude, latitude]`` with every field in
  ``properties``.
* JSONL: one event a line, every field.

Every file is written atomically (a temporary file in the same folder, then a rename), so an
interrupted run leaves either no file or the previous one; an existing file is never replaced
unless ``force=True``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, OutputExistsError
from ..model import ACLED_COLUMNS, ALL_COLUMNS, Event

__all__ = ["FORMATS", "format_for_path", "write_events", "event_to_row", "atomic_writer", "render_events"]

FORMATS = ("csv", "geojson", "jsonl")
_SUFFIX_FORMAT = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_for_path(path: str | Path | None, explicit: str | None = None) -> str:
    """The output format: the explicit one, else from the file suffix, else CSV."""
    if explicit:
        if explicit not in FORMATS:
            raise InputError(f"unknown format {explicit!r}; choose one of {', '.join(FORMATS)}")
        return explicit
    if path is None or str(path) == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIX_FORMAT:
        raise InputError(f"cannot tell the format from the suffix {suffix!r}; add --format csv|geojson|jsonl",
                         path=str(path))
    return _SUFFIX_FORMAT[suffix]


def _cell(value: Any, safe: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    if safe and text.startswith(_FORMULA_START) and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def event_to_row(event: Event | dict[str, Any], columns: Iterable[str] = ALL_COLUMNS,
                 *, safe_cells: bool = True) -> list[str]:
    data = event.model_dump(mode="json") if isinstance(event, Event) else event
    return [_cell(data.get(col), safe_cells) for col in columns]


def _csv_lines(events: Iterable[Event], acled_only: bool, safe_cells: bool) -> Iterator[str]:
    columns = ACLED_COLUMNS if acled_only else ALL_COLUMNS
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    yield buf.getvalue()
    for ev in events:
        buf.seek(0)
        buf.truncate()
        writer.writerow(event_to_row(ev, columns, safe_cells=safe_cells))
        yield buf.getvalue()


def _feature(ev: Event) -> dict[str, Any]:
    props = ev.model_dump(mode="json")
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [props["longitude"], props["latitude"]]},
        "properties": props,
    }


def _geojson_chunks(events: Iterable[Event]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    first = True
    for ev in events:
        yield ("" if first else ",\n") + json.dumps(_feature(ev), ensure_ascii=False)
        first = False
    yield "\n]}\n"


def _jsonl_lines(events: Iterable[Event]) -> Iterator[str]:
    for ev in events:
        yield json.dumps(ev.model_dump(mode="json"), ensure_ascii=False) + "\n"


def render_events(events: Iterable[Event], fmt: str, *, acled_only: bool = False,
                  safe_cells: bool = True) -> Iterator[str]:
    """The text of an output, chunk by chunk (streamed: constant memory)."""
    if fmt == "csv":
        return _csv_lines(events, acled_only, safe_cells)
    if fmt == "geojson":
        return _geojson_chunks(events)
    if fmt == "jsonl":
        return _jsonl_lines(events)
    raise InputError(f"unknown format {fmt!r}")


@contextmanager
def atomic_writer(path: str | Path, *, force: bool = False, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only when the block succeeds."""
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError("exists; not overwritten", path=str(target), hint="pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_events(events: Iterable[Event], path: str | Path | None, fmt: str | None = None, *,
                 acled_only: bool = False, safe_cells: bool = True, force: bool = False,
                 stream: IO[str] | None = None) -> int:
    """Write events to ``path`` (atomically) or to ``stream`` when path is None or '-'.

    Returns the number of events written.
    """
    fmt = format_for_path(path, fmt)
    count = 0

    def counted() -> Iterator[Event]:
        nonlocal count
        for ev in events:
            count += 1
            yield ev

    chunks = render_events(counted(), fmt, acled_only=acled_only, safe_cells=safe_cells)
    if path is None or str(path) == "-":
        import sys

        out = stream or sys.stdout
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        return count
    with atomic_writer(path, force=force) as fh:
        for chunk in chunks:
            fh.write(chunk)
    return count
