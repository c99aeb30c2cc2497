"""Consolidation: turn the reports stored by a build into dataset events, incrementally.

Only what changed is recomputed.  A build marks *dirty* every group whose reports changed.
Consolidation takes the first dirty group (by date, country, key), collects its *component* —
every group reachable through compatible signatures (``merge.compatible``), plus the other
members of the events those groups belonged to — clusters that component
(``merge.cluster_signatures``), recomputes each cluster's record from all its reports, and
writes the result.  Clustering never crosses components, so recomputing one component gives
exactly what recomputing the whole dataset would give: the dataset is a function of its
reports, whatever order they came in.

Identity: a cluster keeps the id of the oldest event it overlaps (ties: the one sharing the
most articles), so ids survive new reports; a cluster with no earlier event gets the next
number of its country prefix.  An event whose reports all moved into another event is retired
(``merged_into`` names the survivor) and its id is never used again.  ``timestamp`` changes only
when the content of a record changes.

Work is committed every few thousand groups, always at component boundaries, so an interrupted
consolidation resumes and ends with the same dataset.

The work is split so that it can use every core: this process finds the components (it reads
groups only), hands each batch of components to ``submit`` — the build's worker processes, which
read the reports and make the merged records (``merge_groups``) — and, in the order the
components were found, assigns ids and writes the results.  Ids are therefore allocated in the
same order whatever the number of workers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from ..model import Event
from .ids import country_prefix
from .merge import MergedRecord, MergeSettings, Signature, cluster_signatures, compatible, merge_reports
from .store import EventChange, GroupRow, ReportSummary, Store, open_store

__all__ = ["consolidate", "ConsolidationReport", "MergeTask", "MergeResult", "merge_groups", "merge_task"]

GROUPS_PER_TASK = 64  # small components travel together to a worker
PAGE = 256  # dirty groups read at a time


@dataclass
class ConsolidationReport:
    components: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0


class MergeTask(NamedTuple):
    """Components to merge: for each, the signatures of its groups that still have reports."""

    path: str  # the dataset (a worker opens it to read)
    settings: MergeSettings
    components: tuple[tuple[Signature, ...], ...]


class MergeResult(NamedTuple):
    """A merged component: its clusters' records, and the number of articles of each group."""

    records: list[MergedRecord]
    weights: dict[str, int]


class Pending(Protocol):
    def get(self) -> list[MergeResult]: ...


Submit = Callable[[MergeTask], Pending]


# --------------------------------------------------------------------------- finding components
def _window(sig: Signature, settings: MergeSettings) -> tuple[str, str]:
    delta = dt.timedelta(days=settings.days)
    return (sig.date - delta).isoformat(), (sig.date + delta).isoformat()


def _component(store: Store, start: GroupRow, settings: MergeSettings) -> dict[str, GroupRow]:
    comp = {start.key: start}
    queue = [start]
    windows: dict[tuple[str, str], list[GroupRow]] = {}
    events_seen: set[int] = set()
    while queue:
        group = queue.pop()
        sig = group.signature
        wkey = (sig.country, sig.event_date)
        if wkey not in windows:
            windows[wkey] = store.groups_in_window(sig.country, *_window(sig, settings))
        found = [g for g in windows[wkey] if g.key not in comp and compatible(sig, g.signature, settings)]
        if group.event_seq is not None and group.event_seq not in events_seen:
            events_seen.add(group.event_seq)
            found.extend(g for g in store.groups_of_events([group.event_seq]) if g.key not in comp)
        for g in found:
            if g.key not in comp:
                comp[g.key] = g
                queue.append(g)
    return comp


def _components(store: Store, settings: MergeSettings, inflight: set[str]) -> Iterator[dict[str, GroupRow]]:
    """Components in the order of their first dirty group (date, country, key).  ``inflight``
    holds the groups of components found but not written yet (written groups are not dirty)."""
    after: tuple[str, str, str] | None = None
    while page := store.next_dirty_groups(after, PAGE):
        last = page[-1]
        after = (last.signature.event_date, last.signature.country, last.key)
        # groups in flight now may be written (and leave ``inflight``) while this page is used
        seen = {g.key for g in page if g.key in inflight}
        for group in page:
            if group.key not in seen:
                comp = _component(store, group, settings)
                inflight.update(comp)
                seen.update(comp)
                yield comp


# --------------------------------------------------------------------------- merging (any process)
def _merge_inputs(reports: list[ReportSummary], signatures: dict[str, Signature]) -> list[dict[str, Any]]:
    """The ``merge.MERGE_FIELDS`` of stored reports (the coding fields come from their signature)."""
    out = []
    for rep in reports:
        sig = signatures[rep.group_key]
        out.append({"_row": rep.row, "article_id": rep.article_id, "event_uid": rep.event_uid,
                    "actor1": sig.actor1, "actor2": sig.actor2, "geo_precision": sig.geo_precision,
                    "time_precision": sig.time_precision, "sub_event_type": sig.sub_event_type,
                    "confidence": rep.confidence, "fatalities": rep.fatalities, "source": rep.source,
                    "source_scale": rep.source_scale, "evidence": json.loads(rep.evidence)})
    return out


def _valid_record(merged: dict[str, Any]) -> dict[str, Any]:
    """The merged record checked against the model.  The per-report evidence list (one item per
    report, built by the merge from validated evidence) is set aside while the model checks the
    rest: with thousands of reports it would be most of the work."""
    provenance = dict(merged.get("provenance") or {})
    items = provenance.pop("reports", None)
    record = Event.model_validate({**merged, "provenance": provenance}).model_dump(mode="json")
    if items is not None:
        record["provenance"]["reports"] = items
    return record


def merge_groups(store: Store, live: Sequence[Signature], settings: MergeSettings) -> MergeResult:
    """Cluster the groups of one component (those with reports) and merge each cluster."""
    signatures = {sig.key: sig for sig in live}
    articles = store.group_articles(signatures)
    records = []
    for members in cluster_signatures(live, articles, settings):
        keys = tuple(sorted(s.key for s in members))
        merged = merge_reports(_merge_inputs(store.group_reports(keys), signatures),
                               lambda r: store.report_record(r["_row"]))
        records.append(MergedRecord.of(keys, _valid_record(merged)))
    return MergeResult(records, {k: len(v) for k, v in articles.items()})


_READERS: dict[str, Store] = {}


def merge_task(task: MergeTask) -> list[MergeResult]:
    """Run in a worker process: merge the components of a task, reading the dataset."""
    store = _READERS.get(task.path)
    if store is None:
        store = _READERS[task.path] = open_store(task.path)
    return [merge_groups(store, live, task.settings) for live in task.components]


class _Done:
    def __init__(self, value: list[MergeResult]) -> None:
        self.value = value

    def get(self) -> list[MergeResult]:
        return self.value


# --------------------------------------------------------------------------- ids and writing
def _assign(clusters: list[tuple[str, ...]], comp: dict[str, GroupRow], weights: dict[str, int],
            active: set[int]) -> tuple[dict[int, int], dict[int, int]]:
    """Which cluster inherits which old event (cluster index -> seq), and where each old event
    went (seq -> cluster index with the largest share)."""
    overlap: dict[tuple[int, int], int] = {}
    for idx, keys in enumerate(clusters):
        for key in keys:
            seq = comp[key].event_seq
            if seq is not None and seq in active:
                overlap[idx, seq] = overlap.get((idx, seq), 0) + weights.get(key, 0)
    ranked = [pair for pair, _ in sorted(overlap.items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0]))]
    inherit: dict[int, int] = {}
    taken: set[int] = set()
    for idx, seq in ranked:
        if idx not in inherit and seq not in taken:
            inherit[idx] = seq
            taken.add(seq)
    went: dict[int, int] = {}
    for idx, seq in ranked:
        went.setdefault(seq, idx)
    return inherit, went


def _write_component(store: Store, comp: dict[str, GroupRow], merged: MergeResult, timestamp: int,
                     report: ConsolidationReport) -> None:
    old = store.events_by_seq(g.event_seq for g in comp.values() if g.event_seq is not None)
    active = {seq for seq, ev in old.items() if ev.status == "active"}
    inherit, went = _assign([m.keys for m in merged.records], comp, merged.weights, active)
    changes: list[EventChange] = []
    ids: dict[int, str] = {}
    for idx, rec in enumerate(merged.records):
        seq = inherit.get(idx)
        changed = True
        if seq is not None:
            prior = old[seq]
            ids[idx] = prior.event_id_cnty
            if prior.content_hash == rec.digest:
                stamp, changed = prior.timestamp, False
                report.unchanged += 1
            else:
                stamp = timestamp
                report.updated += 1
        else:
            ids[idx] = store.allocate_id(country_prefix(rec.iso, rec.country))
            stamp = timestamp
            report.new += 1
        changes.append(EventChange(seq, ids[idx], rec, stamp, changed))
    retired = {seq: ids.get(went[seq], "") if seq in went else "" for seq in sorted(active - set(inherit.values()))}
    report.retired += len(retired)
    report.components += 1
    store.save_events(changes, retired, comp.keys())


def _tasks(store: Store, settings: MergeSettings, inflight: set[str]
           ) -> Iterator[tuple[MergeTask, list[dict[str, GroupRow]]]]:
    batch: list[dict[str, GroupRow]] = []
    size = 0
    for comp in _components(store, settings, inflight):
        batch.append(comp)
        size += len(comp)
        if size >= GROUPS_PER_TASK:
            yield _task(store, settings, batch), batch
            batch, size = [], 0
    if batch:
        yield _task(store, settings, batch), batch


def _task(store: Store, settings: MergeSettings, batch: list[dict[str, GroupRow]]) -> MergeTask:
    return MergeTask(store.path, settings, tuple(tuple(g.signature for g in comp.values() if g.live)
                                                 for comp in batch))


def consolidate(store: Store, settings: MergeSettings, timestamp: int, *, groups_per_commit: int = 2000,
                progress: Callable[[int], object] | None = None, submit: Submit | None = None,
                tasks_in_flight: int = 4) -> ConsolidationReport:
    """Bring the dataset events up to date with the stored reports.

    ``submit(task)`` merges a ``MergeTask`` elsewhere (``merge_task`` in a worker process) and
    returns a handle whose ``get()`` gives the results; up to ``tasks_in_flight`` tasks are then
    merged at once.  By default the merge runs here.  ``progress(n)`` is called after each
    component with the number of groups it held.
    """
    report = ConsolidationReport()
    if submit is None:
        tasks_in_flight = 1

        def submit(task: MergeTask) -> Pending:
            return _Done([merge_groups(store, live, task.settings) for live in task.components])

    inflight: set[str] = set()
    queue: deque[tuple[Pending, list[dict[str, GroupRow]]]] = deque()
    tasks = _tasks(store, settings, inflight)
    more = True
    while more or queue:
        with store.transaction():  # one commit every groups_per_commit groups
            staged = 0
            while staged < groups_per_commit:
                while more and len(queue) < tasks_in_flight:
                    item = next(tasks, None)
                    if item is None:
                        more = False
                    else:
                        queue.append((submit(item[0]), item[1]))
                if not queue:
                    break
                pending, comps = queue.popleft()
                for comp, merged in zip(comps, pending.get(), strict=True):
                    _write_component(store, comp, merged, timestamp, report)
                    inflight.difference_update(comp)
                    staged += len(comp)
                    if progress is not None:
                        progress(len(comp))
    return report
