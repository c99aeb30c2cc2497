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
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Event
from .ids import country_prefix
from .merge import MergeSettings, Signature, cluster_signatures, compatible, content_hash, merge_reports
from .store import EventChange, GroupRow, ReportSummary, Store

__all__ = ["consolidate", "ConsolidationReport"]


@dataclass
class ConsolidationReport:
    components: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0


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


def _merge_inputs(reports: list[ReportSummary], comp: dict[str, GroupRow]) -> list[dict[str, Any]]:
    """The ``merge.MERGE_FIELDS`` of stored reports (the coding fields come from their signature)."""
    out = []
    for rep in reports:
        sig = comp[rep.group_key].signature
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


def _merge_component(store: Store, comp: dict[str, GroupRow], settings: MergeSettings
                     ) -> tuple[list[tuple[tuple[str, ...], dict[str, Any], str]], dict[str, int]]:
    """The clusters of a component: (group keys, merged record, content hash) each, and the number
    of articles of each group."""
    live = [g for g in comp.values() if g.live]
    articles = store.group_articles(g.key for g in live)
    out = []
    for members in cluster_signatures((g.signature for g in live), articles, settings):
        keys = tuple(sorted(s.key for s in members))
        merged = merge_reports(_merge_inputs(store.group_reports(keys), comp),
                               lambda r: store.report_record(r["_row"]))
        record = _valid_record(merged)
        out.append((keys, record, content_hash(record)))
    return out, {k: len(v) for k, v in articles.items()}


def _consolidate_component(store: Store, comp: dict[str, GroupRow], settings: MergeSettings, timestamp: int,
                           report: ConsolidationReport) -> None:
    clusters, weights = _merge_component(store, comp, settings)
    old = store.events_by_seq(g.event_seq for g in comp.values() if g.event_seq is not None)
    active = {seq for seq, ev in old.items() if ev.status == "active"}
    inherit, went = _assign([keys for keys, _, _ in clusters], comp, weights, active)
    changes: list[EventChange] = []
    ids: dict[int, str] = {}
    for idx, (keys, record, digest) in enumerate(clusters):
        seq = inherit.get(idx)
        changed = True
        if seq is not None:
            prior = old[seq]
            ids[idx] = prior.event_id_cnty
            if prior.content_hash == digest:
                stamp, changed = prior.timestamp, False
                report.unchanged += 1
            else:
                stamp = timestamp
                report.updated += 1
        else:
            ids[idx] = store.allocate_id(country_prefix(record["iso"], record["country"]))
            stamp = timestamp
            report.new += 1
        record.update(event_id_cnty=ids[idx], timestamp=stamp)
        changes.append(EventChange(seq, ids[idx], record, digest, stamp, keys, changed))
    retired = {seq: ids.get(went[seq], "") if seq in went else "" for seq in sorted(active - set(inherit.values()))}
    report.retired += len(retired)
    report.components += 1
    store.save_events(changes, retired, comp.keys())


def consolidate(store: Store, settings: MergeSettings, timestamp: int, *, groups_per_commit: int = 2000,
                progress: Callable[[int], object] | None = None) -> ConsolidationReport:
    """Bring the dataset events up to date with the stored reports; ``progress(n)`` is called
    after each component with the number of groups it held."""
    report = ConsolidationReport()
    while True:
        with store.transaction():
            staged = 0
            start = store.first_dirty_group()
            while start is not None:
                comp = _component(store, start, settings)
                _consolidate_component(store, comp, settings, timestamp, report)
                staged += len(comp)
                if progress is not None:
                    progress(len(comp))
                if staged >= groups_per_commit:
                    break
                start = store.first_dirty_group()
        if start is None:
            return report
