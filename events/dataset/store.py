"""The dataset store: one small interface, so a server database can be added beside SQLite.

The builder, the merge and the exports talk to a ``Store`` and nothing else.  A store keeps:

* **articles**: id, content hash, metadata, status (``ok`` / ``failed`` with the error), the run
  that coded them;
* **reports**: the events coded from each article (full records, evidence and provenance
  included), each filed under the *group* of its merge signature;
* **groups**: one row per distinct signature, pointing at the dataset event it belongs to and
  flagged *dirty* when its reports changed since the last consolidation;
* **events**: the dataset: one merged record per incident, with its ACLED-style id, the hash of
  its content and the time it last changed; retired ids stay, marked, and are never reused;
* **runs** and **problems**: what each build did, and the inputs it could not read.

``open_store(path)`` picks the implementation (an SQLite file for now).
"""

from __future__ import annotations

import datetime as dt
import re
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import ConflictEventsError, InputError
from ..model import Event
from ..problems import Problem
from .merge import MergedRecord, MergeSettings, Signature

__all__ = ["DatasetBusyError", "Store", "RunInfo", "ArticleState", "ArticleRecord", "ReportRow", "ReportSummary",
           "GroupRow", "StoredEvent", "EventChange", "EventFilters", "open_store", "DATASET_FORMAT"]

DATASET_FORMAT = "conflict-events dataset"


class DatasetBusyError(ConflictEventsError, RuntimeError):
    """Another build holds the dataset."""


@dataclass(frozen=True)
class RunInfo:
    """A build run: new, or an unfinished one being resumed."""

    run_id: int
    timestamp: int
    settings: MergeSettings
    reprocess: bool
    resumed: bool


@dataclass(frozen=True)
class ArticleState:
    content_hash: str
    status: str
    run_id: int
    position: int  # where the article came in the input of that run


class ReportRow(NamedTuple):
    """One event coded from one article, as stored: plain values, cheap to send between processes.

    ``signature`` is the ``merge.Signature`` as JSON and ``group_key`` its key; ``fatalities`` to
    ``evidence`` are what the merge reads of every report (``evidence`` as JSON text); ``record``
    is the whole event as JSON text (read only for the report that leads a merged event).
    """

    event_uid: str
    group_key: str
    country: str
    event_date: str
    signature: str
    fatalities: int
    confidence: float
    source: str
    source_scale: str
    evidence: str
    record: str


class ArticleRecord(NamedTuple):
    """What coding one article gave: its reports, or the error that stopped it."""

    article_id: str
    content_hash: str
    status: str  # 'ok' | 'failed'
    outlet: str = ""
    url: str = ""
    published: str = ""
    language: str = ""
    source_scale: str = ""
    reports: tuple[ReportRow, ...] = ()
    error: str = ""
    rejected: int = 0
    warnings: tuple[str, ...] = ()
    position: int = 0  # where the article came in this run's input (the first of one id wins)


class ReportSummary(NamedTuple):
    """What the merge reads of a stored report (``evidence`` as JSON text)."""

    row: int
    group_key: str
    article_id: str
    event_uid: str
    fatalities: int
    confidence: float
    source: str
    source_scale: str
    evidence: str


@dataclass(frozen=True)
class GroupRow:
    key: str  # the signature's key
    signature: Signature
    event_seq: int | None
    live: bool  # has at least one report


@dataclass(frozen=True)
class StoredEvent:
    seq: int
    event_id_cnty: str
    status: str  # 'active' | 'retired'
    content_hash: str
    timestamp: int


@dataclass(frozen=True)
class EventChange:
    """The consolidated state of one dataset event (a new one when ``seq`` is None)."""

    seq: int | None
    event_id_cnty: str
    merged: MergedRecord  # its record, content hash and groups
    timestamp: int
    changed: bool = True  # False: the stored record is already this one (only its groups are written)


@dataclass(frozen=True)
class EventFilters:
    """Filters of ``export``, ``stats`` and ``load_dataframe`` (all optional, combined with AND)."""

    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None


class Store(AbstractContextManager):
    """Access to a dataset.  Writes happen inside ``transaction()`` blocks (all or nothing).

    One process writes (the build); worker processes open the same dataset again with
    ``open_store(store.path)`` to read reports while merging, so a server backend must allow
    readers beside its one writer.
    """

    path: str  # where the dataset is: what open_store() was given

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A block whose writes are committed together, or not at all."""

    # -- runs ----------------------------------------------------------------------------
    @abstractmethod
    def begin_run(self, *, timestamp: int, settings: MergeSettings | None, reprocess: bool,
                  inputs: Sequence[str]) -> RunInfo:
        """Resume the unfinished run if there is one, else start a new run."""

    @abstractmethod
    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None: ...

    # -- ingestion -----------------------------------------------------------------------
    @abstractmethod
    def article_states(self, article_ids: Sequence[str]) -> dict[str, ArticleState]: ...

    @abstractmethod
    def record_batch(self, run_id: int, results: Sequence[ArticleRecord], problems: Sequence[Problem]) -> None:
        """Store a batch of coded articles (replacing their earlier reports) in one transaction.
        Worker processes call it too, each with its own store: it must allow several writers, one
        transaction at a time."""

    # -- consolidation (call inside a transaction) ---------------------------------------
    @abstractmethod
    def dirty_groups(self) -> int:
        """How many groups wait for consolidation."""

    @abstractmethod
    def next_dirty_groups(self, after: tuple[str, str, str] | None, limit: int) -> list[GroupRow]:
        """Dirty groups in (date, country, key) order, from just after the position ``after``."""

    @abstractmethod
    def groups_in_window(self, country: str, first: str, last: str) -> list[GroupRow]:
        """Groups of a country with event dates in [first, last] (ISO dates)."""

    @abstractmethod
    def groups_of_events(self, seqs: Iterable[int]) -> list[GroupRow]: ...

    @abstractmethod
    def group_articles(self, keys: Iterable[str]) -> dict[str, frozenset[str]]: ...

    @abstractmethod
    def group_reports(self, keys: Iterable[str]) -> list[ReportSummary]:
        """The reports of groups, in the order they were stored."""

    @abstractmethod
    def report_record(self, row: int) -> dict[str, Any]:
        """The full record of one report (by its ``_row``)."""

    @abstractmethod
    def events_by_seq(self, seqs: Iterable[int]) -> dict[int, StoredEvent]: ...

    @abstractmethod
    def allocate_id(self, prefix: str) -> str:
        """The next unused id of a prefix (``SYR`` -> ``SYR13``)."""

    @abstractmethod
    def save_events(self, changes: Sequence[EventChange], retired: Mapping[int, str],
                    processed_groups: Iterable[str]) -> None:
        """Write consolidated events, retire events (seq -> id merged into, or ''), clear the
        dirty flag of the processed groups and drop groups that have no report left."""

    # -- reading -------------------------------------------------------------------------
    @abstractmethod
    def iter_events(self, filters: EventFilters | None = None) -> Iterator[Event]:
        """Active events in a fixed order: date, country, id number."""

    @abstractmethod
    def stats(self, filters: EventFilters | None = None) -> dict[str, Any]: ...


def open_store(path: str | Path, *, create: bool = False, force: bool = False, writer: bool = False) -> Store:
    """Open a dataset (an SQLite file).  ``create`` makes a new one where there is no file;
    ``force`` also replaces a file that is not a dataset; ``writer`` takes the one writer's lock
    (a second build on the same dataset is refused while the first runs)."""
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", str(path))
    if match and match.group(1).lower() != "file":  # where a server backend would be chosen
        raise InputError(f"no dataset store for {match.group(1)}:// addresses; a dataset is an SQLite file",
                         path=str(path), hint="give a file name, e.g. --db data/events.db")
    from .sqlite import SQLiteStore

    if match:
        path = str(path)[len("file://"):]
    return SQLiteStore(path, create=create, force=force, writer=writer)
