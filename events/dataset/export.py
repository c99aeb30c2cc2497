"""Read a dataset: export it (CSV, GeoJSON, JSONL, Parquet), count it, load it into pandas.

Exports use the same writers and schema as ``extract`` (``events.io.writers``), so every export
validates with ``conflict-events validate``; files are written atomically and an existing file
is replaced only with ``force``.  Parquet (``pip install 'conflict-events[parquet]'``) has the same
columns: ints for year, time_precision, iso, geo_precision, fatalities and timestamp, floats for
latitude, longitude and confidence, a date for event_date, and JSON text for evidence and
provenance (as in the CSV).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..api import to_dataframe
from ..errors import ConflictEventsError, InputError
from ..io.writers import atomic_writer, format_for_path, write_events
from ..model import ACLED_COLUMNS, ALL_COLUMNS, Event
from .store import EventFilters, open_store

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXPORT_FORMATS", "make_filters", "iter_dataset", "export_dataset", "load_dataframe", "dataset_stats",
           "MissingDependencyError"]

EXPORT_FORMATS = ("csv", "geojson", "jsonl", "parquet")
_INT = ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp")
_FLOAT = ("latitude", "longitude", "confidence")
_JSON = ("evidence", "provenance")


class MissingDependencyError(ConflictEventsError, ImportError):
    """An optional dependency is needed for what was asked."""


def _tuple(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{name} {value!r} is not a date", hint="write it as YYYY-MM-DD") from exc


def make_filters(*, country: str | Sequence[str] | None = None, admin1: str | Sequence[str] | None = None,
                 event_type: str | Sequence[str] | None = None, since: str | dt.date | None = None,
                 until: str | dt.date | None = None) -> EventFilters:
    """Filters from plain values (a name or a list of names; dates as YYYY-MM-DD)."""
    return EventFilters(country=_tuple(country), admin1=_tuple(admin1), event_type=_tuple(event_type),
                        since=_date(since, "--since"), until=_date(until, "--until"))


def iter_dataset(db: str | Path, filters: EventFilters | None = None) -> Iterator[Event]:
    """The dataset's active events, in a fixed order (date, country, id)."""
    with open_store(db) as store:
        yield from store.iter_events(filters)


def _format(output: str | Path | None, fmt: str | None) -> str:
    if fmt == "parquet" or (fmt is None and output and Path(output).suffix.lower() == ".parquet"):
        return "parquet"
    return format_for_path(output, fmt)


def export_dataset(db: str | Path, output: str | Path | None, fmt: str | None = None, *,
                   filters: EventFilters | None = None, acled_only: bool = False, safe_cells: bool = True,
                   force: bool = False, stream: IO[str] | None = None) -> int:
    """Write the dataset's events to ``output`` (or ``stream`` / stdout); returns the count."""
    fmt = _format(output, fmt)
    with open_store(db) as store:
        events = store.iter_events(filters)
        if fmt == "parquet":
            if output is None or str(output) == "-":
                raise InputError("Parquet cannot go to standard output", hint="give a file with -o FILE.parquet")
            return _write_parquet(events, output, acled_only=acled_only, force=force)
        return write_events(events, output, fmt, acled_only=acled_only, safe_cells=safe_cells, force=force,
                            stream=stream)


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingDependencyError("Parquet export needs pyarrow, which is not installed",
                                     hint="pip install 'conflict-events[parquet]', or export csv/jsonl") from exc
    return pyarrow


def _arrow_schema(pa: Any, columns: Sequence[str]) -> Any:
    def kind(col: str) -> Any:
        if col in _INT:
            return pa.int64()
        if col in _FLOAT:
            return pa.float64()
        if col == "event_date":
            return pa.date32()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in columns])


def _columns(events: Sequence[Event], columns: Sequence[str]) -> dict[str, list[Any]]:
    rows = [ev.model_dump(mode="json") for ev in events]
    out: dict[str, list[Any]] = {}
    for col in columns:
        values = [r[col] for r in rows]
        if col == "event_date":
            values = [dt.date.fromisoformat(v) for v in values]
        elif col in _JSON:
            values = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values]
        out[col] = values
    return out


def _write_parquet(events: Iterable[Event], output: str | Path, *, acled_only: bool, force: bool,
                   chunk: int = 5000) -> int:
    pa = _arrow()
    import pyarrow.parquet as pq

    columns = list(ACLED_COLUMNS if acled_only else ALL_COLUMNS)
    schema = _arrow_schema(pa, columns)
    count = 0
    it = iter(events)
    with atomic_writer(output, force=force) as fh:
        writer = pq.ParquetWriter(fh.buffer, schema)
        try:
            while part := list(islice(it, chunk)):
                writer.write_table(pa.table(_columns(part, columns), schema=schema))
                count += len(part)
            if count == 0:
                writer.write_table(schema.empty_table())
        finally:
            writer.close()
    return count


def load_dataframe(db: str | Path, *, acled_only: bool = False, country: str | Sequence[str] | None = None,
                   admin1: str | Sequence[str] | None = None, event_type: str | Sequence[str] | None = None,
                   since: str | dt.date | None = None, until: str | dt.date | None = None) -> pd.DataFrame:
    """The dataset as a pandas DataFrame with ACLED's columns (then ours) and ACLED's dtypes."""
    filters = make_filters(country=country, admin1=admin1, event_type=event_type, since=since, until=until)
    with open_store(db) as store:
        return to_dataframe(store.iter_events(filters), acled_only=acled_only)


def dataset_stats(db: str | Path, filters: EventFilters | None = None) -> dict[str, Any]:
    """Counts of the dataset: events by type, month and admin1, articles, reports, ids, problems."""
    with open_store(db) as store:
        return store.stats(filters)
