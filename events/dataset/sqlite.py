"""The SQLite implementation of ``Store``: one file, WAL journal, one transaction per batch.

A file is recognised as a dataset by its ``meta`` table (``format = conflict-events dataset``);
any other existing file is refused unless ``force=True`` (then it is replaced).  Nested fields
are JSON text; the columns the filters and the merge use are indexed.  A report's whole record
(kilobytes of JSON) is its last column, so reading the columns the merge needs never reads it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, OutputExistsError
from ..model import Event
from ..problems import Problem
from .ids import split_id
from .merge import MergeSettings, Signature
from .store import (
    DATASET_FORMAT,
    ArticleRecord,
    ArticleState,
    DatasetBusyError,
    EventChange,
    EventFilters,
    GroupRow,
    ReportSummary,
    RunInfo,
    Store,
    StoredEvent,
)

__all__ = ["SQLiteStore", "SCHEMA_VERSION"]

SCHEMA_VERSION = 2
_CHUNK = 500

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
  run_id INTEGER PRIMARY KEY, status TEXT NOT NULL, timestamp INTEGER NOT NULL, settings TEXT NOT NULL,
  reprocess INTEGER NOT NULL, inputs TEXT NOT NULL, started REAL NOT NULL, finished REAL, counts TEXT);
CREATE TABLE articles (
  article_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, status TEXT NOT NULL, error TEXT NOT NULL,
  outlet TEXT, url TEXT, published TEXT, language TEXT, source_scale TEXT,
  reports INTEGER NOT NULL, rejected INTEGER NOT NULL, run_id INTEGER NOT NULL,
  position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE problems (
  id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, path TEXT NOT NULL, line INTEGER, field TEXT,
  message TEXT NOT NULL);
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, event_uid TEXT NOT NULL, group_key TEXT NOT NULL,
  fatalities INTEGER NOT NULL DEFAULT 0, confidence REAL NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',
  source_scale TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '[]', record TEXT NOT NULL);
CREATE INDEX reports_article ON reports (article_id);
CREATE INDEX reports_group ON reports (group_key, article_id);
CREATE TABLE groups (
  group_key TEXT PRIMARY KEY, country TEXT NOT NULL, event_date TEXT NOT NULL, signature TEXT NOT NULL,
  event_seq INTEGER, dirty INTEGER NOT NULL);
CREATE INDEX groups_window ON groups (country, event_date);
CREATE INDEX groups_dirty ON groups (dirty, event_date, country, group_key);
CREATE INDEX groups_event ON groups (event_seq);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id_cnty TEXT NOT NULL UNIQUE, id_prefix TEXT NOT NULL,
  id_number INTEGER NOT NULL, status TEXT NOT NULL, merged_into TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL, timestamp INTEGER NOT NULL, event_date TEXT NOT NULL, country TEXT NOT NULL,
  admin1 TEXT NOT NULL, event_type TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX events_order ON events (status, event_date, country, id_prefix, id_number);
CREATE TABLE id_counters (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);
"""

# from version N to N + 1; run by the first writer that opens an older dataset (readers need none)
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE articles ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE reports ADD COLUMN fatalities INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE reports ADD COLUMN confidence REAL NOT NULL DEFAULT 0",
        "ALTER TABLE reports ADD COLUMN source TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reports ADD COLUMN source_scale TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE reports ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'",
        "UPDATE reports SET fatalities = COALESCE(json_extract(record, '$.fatalities'), 0), "
        "confidence = COALESCE(json_extract(record, '$.confidence'), 0), "
        "source = COALESCE(json_extract(record, '$.source'), ''), "
        "source_scale = COALESCE(json_extract(record, '$.source_scale'), ''), "
        "evidence = COALESCE(json_extract(record, '$.evidence'), '[]')",
        "DROP INDEX reports_group",
        "CREATE INDEX reports_group ON reports (group_key, article_id)"),
}

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class SQLiteStore(Store):
    """A dataset in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = False, force: bool = False, writer: bool = False) -> None:
        self.path = str(path)
        self._db = None  # type: ignore[assignment]
        self._lock_file: IO[str] | None = None
        target = Path(path)
        if target.is_dir():
            raise InputError("is a folder, not a dataset file", path=self.path, hint="give a file name, e.g. data.db")
        exists = target.exists() and target.stat().st_size > 0
        foreign = exists and not _is_dataset(target)
        if foreign:
            if not force:
                raise OutputExistsError("exists and is not a conflict-events dataset; not overwritten",
                                        path=self.path, hint="choose another --db file, or pass --force to replace it")
        if not exists and not create:
            raise InputError("no dataset here", path=self.path,
                             hint="make one with `conflict-events build CORPUS --db FILE`")
        target.parent.mkdir(parents=True, exist_ok=True)
        if writer:
            self._lock_writer()
        try:
            self._open(foreign, exists, writer)
        except BaseException:
            self.close()
            raise

    def _open(self, foreign: bool, exists: bool, writer: bool) -> None:
        if foreign:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(self.path + suffix).unlink(missing_ok=True)
            exists = False
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        if not exists:  # reports are kilobytes of JSON each: large pages hold them with less waste
            self._db.execute("PRAGMA page_size=16384")
        self._db.execute("PRAGMA journal_mode=WAL")
        # a commit is durable at the next checkpoint; a crash loses at most the last batches, which a
        # resumed build codes again (every batch is one transaction, so none is half written)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA temp_store=MEMORY")
        self._db.execute("PRAGMA journal_size_limit=67108864")  # the WAL file shrinks back to 64 MB
        self._in_tx = False
        if not exists:
            with self.transaction():
                for stmt in _DDL.split(";"):
                    if stmt.strip():
                        self._db.execute(stmt)
                self._db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("format", DATASET_FORMAT), ("schema_version", str(SCHEMA_VERSION)),
                    ("merge_settings", MergeSettings().to_json())])
        version = int(self._meta("schema_version") or 0)
        if version > SCHEMA_VERSION:
            raise InputError(f"dataset format version {version} is newer than this program's ({SCHEMA_VERSION})",
                             path=self.path, hint="upgrade conflict-events")
        if writer and version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        with self.transaction():
            for step in range(version, SCHEMA_VERSION):
                for stmt in _MIGRATIONS[step]:
                    self._db.execute(stmt)
            self._set_meta("schema_version", str(SCHEMA_VERSION))

    # -- plumbing ------------------------------------------------------------------------
    def _lock_writer(self) -> None:
        """One writer at a time: an advisory lock on FILE.lock (released by the OS if we die)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock
            return
        handle = open(self.path + ".lock", "a+", encoding="utf-8")  # held until close()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise DatasetBusyError("another build is writing to this dataset", path=self.path,
                                   hint="wait for it to finish, then run this one") from None
        self._lock_file = handle

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_tx:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._in_tx = True
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._in_tx = False

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, value))

    # -- runs ----------------------------------------------------------------------------
    def begin_run(self, *, timestamp: int, settings: MergeSettings | None, reprocess: bool,
                  inputs: Sequence[str]) -> RunInfo:
        with self.transaction():
            current = MergeSettings.from_json(self._meta("merge_settings") or MergeSettings().to_json())
            if settings is not None and settings != current:
                # new thresholds: every group is clustered again at the end of this run
                self._set_meta("merge_settings", settings.to_json())
                self._db.execute("UPDATE groups SET dirty = 1")
                current = settings
            row = self._db.execute("SELECT run_id, timestamp, reprocess FROM runs WHERE status = 'running' "
                                   "ORDER BY run_id DESC LIMIT 1").fetchone()
            if row:
                run_id, stamp, was_reprocess = row
                reprocess = reprocess or bool(was_reprocess)
                self._db.execute("UPDATE runs SET reprocess = ?, settings = ? WHERE run_id = ?",
                                 (int(reprocess), current.to_json(), run_id))
                return RunInfo(run_id, stamp, current, reprocess, resumed=True)
            cur = self._db.execute(
                "INSERT INTO runs (status, timestamp, settings, reprocess, inputs, started) VALUES (?,?,?,?,?,?)",
                ("running", timestamp, current.to_json(), int(reprocess), json.dumps(list(inputs)), time.time()))
            return RunInfo(int(cur.lastrowid or 0), timestamp, current, reprocess, resumed=False)

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        with self.transaction():
            self._db.execute("UPDATE runs SET status = 'done', finished = ?, counts = ? WHERE run_id = ?",
                             (time.time(), json.dumps(dict(counts), sort_keys=True), run_id))
        # everything into the main file, so that the file alone is the whole dataset
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- ingestion -----------------------------------------------------------------------
    def article_states(self, article_ids: Sequence[str]) -> dict[str, ArticleState]:
        out: dict[str, ArticleState] = {}
        ids = list(dict.fromkeys(article_ids))
        for part in _chunks(ids):
            sql = ("SELECT article_id, content_hash, status, run_id, position FROM articles "
                   f"WHERE article_id IN ({_marks(len(part))})")
            for aid, h, status, run, position in self._db.execute(sql, tuple(part)):
                out[aid] = ArticleState(h, status, run, position)
        return out

    def record_batch(self, run_id: int, results: Sequence[ArticleRecord], problems: Sequence[Problem]) -> None:
        db = self._db
        ids = [res.article_id for res in results]
        reports = [(res.article_id, rep.event_uid, rep.group_key, rep.record, rep.fatalities, rep.confidence,
                    rep.source, rep.source_scale, rep.evidence) for res in results for rep in res.reports]
        groups = {rep.group_key: (rep.group_key, rep.country, rep.event_date, rep.signature)
                  for res in results for rep in res.reports}
        with self.transaction():
            for part in _chunks(ids):  # an article coded again: its old groups change, its old reports go
                marks = _marks(len(part))
                db.execute("UPDATE groups SET dirty = 1 WHERE dirty = 0 AND group_key IN "
                           f"(SELECT group_key FROM reports WHERE article_id IN ({marks}))", tuple(part))
                db.execute(f"DELETE FROM reports WHERE article_id IN ({marks})", tuple(part))
            db.executemany("INSERT INTO reports (article_id, event_uid, group_key, record, fatalities, confidence, "
                           "source, source_scale, evidence) VALUES (?,?,?,?,?,?,?,?,?)", reports)
            db.executemany("INSERT INTO groups (group_key, country, event_date, signature, event_seq, dirty) "
                           "VALUES (?,?,?,?,NULL,1) ON CONFLICT(group_key) DO UPDATE SET dirty = 1 WHERE dirty = 0",
                           list(groups.values()))
            db.executemany(
                "INSERT OR REPLACE INTO articles (article_id, content_hash, status, error, outlet, url, published, "
                "language, source_scale, reports, rejected, run_id, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
                    (res.article_id, res.content_hash, res.status, res.error, res.outlet, res.url, res.published,
                     res.language, res.source_scale, len(res.reports), res.rejected, run_id, res.position)
                    for res in results])
            db.executemany("INSERT INTO problems (run_id, path, line, field, message) VALUES (?,?,?,?,?)",
                           [(run_id, p.path, p.line, p.field, p.message) for p in problems])

    # -- consolidation -------------------------------------------------------------------
    _GROUP_COLS = ("group_key, signature, event_seq, "
                   "EXISTS (SELECT 1 FROM reports r WHERE r.group_key = g.group_key)")

    @staticmethod
    def _group(row: tuple[Any, ...]) -> GroupRow:
        return GroupRow(row[0], Signature.from_json(row[1]), row[2], bool(row[3]))

    def dirty_groups(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM groups WHERE dirty = 1").fetchone()[0])

    def next_dirty_groups(self, after: tuple[str, str, str] | None, limit: int) -> list[GroupRow]:
        where, args = "dirty = 1", [limit]
        if after is not None:
            where += " AND (event_date, country, group_key) > (?, ?, ?)"
            args = [*after, limit]
        rows = self._db.execute(f"SELECT {self._GROUP_COLS} FROM groups g WHERE {where} "
                                "ORDER BY event_date, country, group_key LIMIT ?", args)
        return [self._group(r) for r in rows]

    def groups_in_window(self, country: str, first: str, last: str) -> list[GroupRow]:
        rows = self._db.execute(f"SELECT {self._GROUP_COLS} FROM groups g WHERE country = ? "
                                "AND event_date BETWEEN ? AND ?", (country, first, last))
        return [self._group(r) for r in rows]

    def groups_of_events(self, seqs: Iterable[int]) -> list[GroupRow]:
        out: list[GroupRow] = []
        for part in _chunks(sorted(set(seqs))):
            rows = self._db.execute(f"SELECT {self._GROUP_COLS} FROM groups g WHERE event_seq IN "
                                    f"({_marks(len(part))})", tuple(part))
            out.extend(self._group(r) for r in rows)
        return out

    def group_articles(self, keys: Iterable[str]) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for part in _chunks(sorted(set(keys))):
            sql = f"SELECT group_key, article_id FROM reports WHERE group_key IN ({_marks(len(part))})"
            for key, aid in self._db.execute(sql, tuple(part)):
                found.setdefault(key, set()).add(aid)
        return {k: frozenset(v) for k, v in found.items()}

    def group_reports(self, keys: Iterable[str]) -> list[ReportSummary]:
        out: list[ReportSummary] = []
        for part in _chunks(sorted(set(keys))):
            sql = ("SELECT id, group_key, article_id, event_uid, fatalities, confidence, source, source_scale, "
                   f"evidence FROM reports WHERE group_key IN ({_marks(len(part))})")
            out.extend(map(ReportSummary._make, self._db.execute(sql, tuple(part))))
        out.sort()
        return out

    def report_record(self, row: int) -> dict[str, Any]:
        (record,) = self._db.execute("SELECT record FROM reports WHERE id = ?", (row,)).fetchone()
        return json.loads(record)

    def events_by_seq(self, seqs: Iterable[int]) -> dict[int, StoredEvent]:
        out: dict[int, StoredEvent] = {}
        for part in _chunks(sorted(set(seqs))):
            sql = ("SELECT seq, event_id_cnty, status, content_hash, timestamp FROM events "
                   f"WHERE seq IN ({_marks(len(part))})")
            for row in self._db.execute(sql, tuple(part)):
                out[row[0]] = StoredEvent(*row)
        return out

    def allocate_id(self, prefix: str) -> str:
        (last,) = self._db.execute(
            "INSERT INTO id_counters VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET last = last + 1 RETURNING last",
            (prefix,)).fetchone()
        return f"{prefix}{last}"

    def save_events(self, changes: Sequence[EventChange], retired: Mapping[int, str],
                    processed_groups: Iterable[str]) -> None:
        db = self._db
        with self.transaction():
            for ch in changes:
                m = ch.merged
                if ch.seq is not None and not ch.changed:  # the stored record is this one
                    seq = ch.seq
                else:
                    values = (m.digest, ch.timestamp, m.event_date, m.country, m.admin1, m.event_type,
                              m.text(ch.event_id_cnty, ch.timestamp))
                    if ch.seq is None:
                        prefix, number = split_id(ch.event_id_cnty)
                        cur = db.execute(
                            "INSERT INTO events (event_id_cnty, id_prefix, id_number, status, content_hash, "
                            "timestamp, event_date, country, admin1, event_type, record) "
                            "VALUES (?,?,?,'active',?,?,?,?,?,?,?)", (ch.event_id_cnty, prefix, number, *values))
                        seq = int(cur.lastrowid or 0)
                    else:
                        seq = ch.seq
                        db.execute("UPDATE events SET status = 'active', merged_into = '', content_hash = ?, "
                                   "timestamp = ?, event_date = ?, country = ?, admin1 = ?, event_type = ?, "
                                   "record = ? WHERE seq = ?", (*values, seq))
                for part in _chunks(list(m.keys)):
                    db.execute(f"UPDATE groups SET event_seq = ? WHERE group_key IN ({_marks(len(part))})",
                               (seq, *part))
            for seq, into in retired.items():
                db.execute("UPDATE events SET status = 'retired', merged_into = ? WHERE seq = ?", (into, seq))
            for part in _chunks(sorted(set(processed_groups))):
                marks = _marks(len(part))
                db.execute(f"UPDATE groups SET dirty = 0 WHERE group_key IN ({marks})", tuple(part))
                db.execute(f"DELETE FROM groups WHERE group_key IN ({marks}) AND NOT EXISTS "
                           "(SELECT 1 FROM reports r WHERE r.group_key = groups.group_key)", tuple(part))

    # -- reading -------------------------------------------------------------------------
    @staticmethod
    def _where(filters: EventFilters | None) -> tuple[str, list[Any]]:
        clauses, args = ["status = 'active'"], []
        f = filters or EventFilters()
        for col, values in (("country", f.country), ("admin1", f.admin1), ("event_type", f.event_type)):
            if values:
                clauses.append(f"lower({col}) IN ({_marks(len(values))})")
                args.extend(v.lower() for v in values)
        if f.since:
            clauses.append("event_date >= ?")
            args.append(f.since.isoformat())
        if f.until:
            clauses.append("event_date <= ?")
            args.append(f.until.isoformat())
        return " AND ".join(clauses), args

    def iter_events(self, filters: EventFilters | None = None) -> Iterator[Event]:
        where, args = self._where(filters)
        cur = self._db.execute(f"SELECT record FROM events WHERE {where} "
                               "ORDER BY event_date, country, id_prefix, id_number", args)
        while rows := cur.fetchmany(1000):
            for (record,) in rows:
                yield Event.model_validate_json(record)

    def stats(self, filters: EventFilters | None = None) -> dict[str, Any]:
        where, args = self._where(filters)
        db = self._db

        def counts(expr: str) -> list[tuple[str, int]]:
            sql = f"SELECT {expr} AS k, COUNT(*) FROM events WHERE {where} GROUP BY k ORDER BY k"
            return [(str(k), n) for k, n in db.execute(sql, args)]

        total, deaths = db.execute(f"SELECT COUNT(*), COALESCE(SUM(json_extract(record, '$.fatalities')), 0) "
                                   f"FROM events WHERE {where}", args).fetchone()
        article_status = dict(db.execute("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall())
        return {
            "events": total,
            "fatalities": deaths,
            "by_event_type": counts("event_type"),
            "by_month": counts("substr(event_date, 1, 7)"),
            "by_admin1": counts("country || ' / ' || CASE admin1 WHEN '' THEN '(none)' ELSE admin1 END"),
            "articles_ok": article_status.get("ok", 0),
            "articles_failed": article_status.get("failed", 0),
            "reports": db.execute("SELECT COUNT(*) FROM reports").fetchone()[0],
            "retired_ids": db.execute("SELECT COUNT(*) FROM events WHERE status = 'retired'").fetchone()[0],
            "pending_groups": db.execute("SELECT COUNT(*) FROM groups WHERE dirty = 1").fetchone()[0],
            "unfinished_run": db.execute("SELECT COUNT(*) FROM runs WHERE status = 'running'").fetchone()[0] > 0,
            "input_problems": db.execute("SELECT COUNT(*) FROM problems").fetchone()[0],
            "merge_settings": json.loads(self._meta("merge_settings") or "{}"),
        }


def _is_dataset(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            if fh.read(16) != _SQLITE_MAGIC:
                return False
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        finally:
            db.close()
    except (OSError, sqlite3.DatabaseError):
        return False
    return bool(row) and row[0] == DATASET_FORMAT
