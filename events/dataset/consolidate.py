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

The work is split so that it can use every core.  This process finds each component and
clusters it (it reads groups and their article ids, never reports), decides which old event
each cluster inherits, and hands the clusters, a few hundred reports at a time, to ``submit``:
the build's worker processes, which read the reports and make the merged records, ready to
store (``merge_cluster``).  It then writes them in the order the components were found,
allocating new ids as it goes, so ids are the same whatever the number of workers; memory
holds the clusters in flight, never all the records of a component.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from ..model import Event
from .ids import country_prefix
from .merge import MergedRecord, MergeSettings, Signature, cluster_signatures, compatible, merge_reports
from .store import EventChange, GroupRow, ReportSummary, Store, StoredEvent, open_store

__all__ = ["consolidate", "ConsolidationReport", "MergeTask", "merge_cluster", "merge_task"]

REPORTS_PER_TASK = 512  # small clusters travel together to a worker
PAGE = 256  # dirty groups read at a time


@dataclass
class ConsolidationReport:
    components: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0


class MergeTask(NamedTuple):
    """Clusters to merge, each given by the signatures of its groups."""

    path: str  # the dataset (a worker opens it to read)
    clusters: tuple[tuple[Signature, ...], ...]


class Pending(Protocol):
    def get(self) -> list[MergedRecord]: ...


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


def merge_cluster(store: Store, members: Sequence[Signature]) -> MergedRecord:
    """The record of one cluster, from all the reports of its groups."""
    signatures = {sig.key: sig for sig in members}
    keys = tuple(sorted(signatures))
    merged = merge_reports(_merge_inputs(store.group_reports(keys), signatures),
                           lambda r: store.report_record(r["_row"]))
    return MergedRecord.of(keys, _valid_record(merged))


_READERS: dict[str, Store] = {}


def merge_task(task: MergeTask) -> list[MergedRecord]:
    """Run in a worker process: merge the clusters of a task, reading the dataset."""
    store = _READERS.get(task.path)
    if store is None:
        store = _READERS[task.path] = open_store(task.path)
    return [merge_cluster(store, members) for members in task.clusters]


class _Done:
    def __init__(self, value: list[MergedRecord]) -> None:
        self.value = value

    def get(self) -> list[MergedRecord]:
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


@dataclass
class _Plan:
    """A component, clustered, with the old events each cluster inherits."""

    comp: dict[str, GroupRow]
    clusters: list[tuple[Signature, ...]]
    sizes: list[int]  # articles per cluster (an estimate of the merge's work)
    old: dict[int, StoredEvent]
    active: set[int]
    inherit: dict[int, int]
    went: dict[int, int]
    ids: dict[int, str] = field(default_factory=dict)


def _plan(store: Store, comp: dict[str, GroupRow], settings: MergeSettings) -> _Plan:
    live = [g.signature for g in comp.values() if g.live]
    articles = store.group_articles(sig.key for sig in live)
    clusters = [tuple(members) for members in cluster_signatures(live, articles, settings)]
    weights = {k: len(v) for k, v in articles.items()}
    old = store.events_by_seq(g.event_seq for g in comp.values() if g.event_seq is not None)
    active = {seq for seq, ev in old.items() if ev.status == "active"}
    inherit, went = _assign([tuple(s.key for s in c) for c in clusters], comp, weights, active)
    sizes = [sum(weights.get(s.key, 0) for s in c) for c in clusters]
    return _Plan(comp, clusters, sizes, old, active, inherit, went)


class _Unit(NamedTuple):
    plan: _Plan
    index: int  # a cluster of the plan; -1: the end of the component


def _units(store: Store, settings: MergeSettings, inflight: set[str]) -> Iterator[_Unit]:
    for comp in _components(store, settings, inflight):
        plan = _plan(store, comp, settings)
        for idx in range(len(plan.clusters)):
            yield _Unit(plan, idx)
        yield _Unit(plan, -1)


def _merged(store: Store, units: Iterator[_Unit], submit: Submit, tasks_in_flight: int
            ) -> Iterator[tuple[_Unit, MergedRecord | None]]:
    """Each unit with its merged record, in order; the merging runs ahead in up to
    ``tasks_in_flight`` tasks of about REPORTS_PER_TASK reports."""
    queue: deque[tuple[Pending, list[_Unit]]] = deque()
    more = True
    while True:
        while more and len(queue) < tasks_in_flight:
            batch: list[_Unit] = []
            work = 0
            while work < REPORTS_PER_TASK and (unit := next(units, None)) is not None:
                batch.append(unit)
                if unit.index >= 0:
                    work += max(1, unit.plan.sizes[unit.index])
            if not batch:
                more = False
                break
            clusters = tuple(u.plan.clusters[u.index] for u in batch if u.index >= 0)
            queue.append((submit(MergeTask(store.path, clusters)) if clusters else _Done([]), batch))
        if not queue:
            return
        pending, batch = queue.popleft()
        records = iter(pending.get())
        for unit in batch:
            yield unit, (next(records) if unit.index >= 0 else None)


def _write_cluster(store: Store, plan: _Plan, idx: int, rec: MergedRecord, timestamp: int,
                   report: ConsolidationReport) -> None:
    seq = plan.inherit.get(idx)
    changed = True
    if seq is not None:
        prior = plan.old[seq]
        event_id = prior.event_id_cnty
        if prior.content_hash == rec.digest:
            stamp, changed = prior.timestamp, False
            report.unchanged += 1
        else:
            stamp = timestamp
            report.updated += 1
    else:
        event_id = store.allocate_id(country_prefix(rec.iso, rec.country))
        stamp = timestamp
        report.new += 1
    plan.ids[idx] = event_id
    store.save_events([EventChange(seq, event_id, rec, stamp, changed)], {}, ())


def _finish_component(store: Store, plan: _Plan, report: ConsolidationReport) -> None:
    gone = sorted(plan.active - set(plan.inherit.values()))
    retired = {seq: plan.ids.get(plan.went[seq], "") if seq in plan.went else "" for seq in gone}
    report.retired += len(retired)
    report.components += 1
    store.save_events([], retired, plan.comp.keys())


def consolidate(store: Store, settings: MergeSettings, timestamp: int, *, groups_per_commit: int = 2000,
                progress: Callable[[int], object] | None = None, submit: Submit | None = None,
                tasks_in_flight: int = 4) -> ConsolidationReport:
    """Bring the dataset events up to date with the stored reports.

    ``submit(task)`` merges a ``MergeTask`` elsewhere (``merge_task`` in a worker process) and
    returns a handle whose ``get()`` gives the records; up to ``tasks_in_flight`` tasks are then
    merged at once.  By default the merge runs here.  ``progress(n)`` is called after each
    component with the number of groups it held.  Memory holds a few clusters at a time, never
    a whole component's records.
    """
    report = ConsolidationReport()
    if submit is None:
        tasks_in_flight = 1

        def submit(task: MergeTask) -> Pending:
            return _Done([merge_cluster(store, members) for members in task.clusters])

    inflight: set[str] = set()
    results = _merged(store, _units(store, settings, inflight), submit, tasks_in_flight)
    done = False
    while not done:
        with store.transaction():  # committed every groups_per_commit groups, between components
            staged = 0
            for unit, rec in results:
                plan = unit.plan
                if rec is not None:
                    _write_cluster(store, plan, unit.index, rec, timestamp, report)
                    continue
                _finish_component(store, plan, report)
                inflight.difference_update(plan.comp)
                staged += len(plan.comp)
                if progress is not None:
                    progress(len(plan.comp))
                if staged >= groups_per_commit:
                    break
            else:
                done = True
    return report
