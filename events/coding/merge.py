"""The last safety net of one event per incident, day and location within an article (ACLED 3.5).

The reports of one incident are merged before events are built (``threads.py``), where the
words of every report are still known.  What can still reach this step are events that came out
identical in date, location, precision and pair of actors from reports the coder kept apart (two
coordinated places coded to the same town, for instance): they are merged here.  The merged
event takes the highest type in ACLED's hierarchy, the evidence of all, and the lowest credible
death toll (the lowest positive figure: a sentence that gives no figure does not lower it).

Each group is merged in one step from all its members, so the work is linear in the number of
events (an article repeating one incident a thousand times costs a thousand, not a million).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .. import taxonomy as tx
from ..model import Event

__all__ = ["merge_events"]


def _actors(ev: Event) -> frozenset[str]:
    return frozenset(a for a in (ev.actor1, ev.actor2) if a)


def _refatality(notes: str, fatalities: int) -> str:
    tail = " No fatalities reported."
    if notes.endswith(tail):
        notes = notes[: -len(tail)]
    idx = notes.rfind(" Fatalities coded as ")
    if idx >= 0:
        notes = notes[:idx]
    return notes + (f" Fatalities coded as {fatalities}." if fatalities else tail)


def _combine(group: list[Event]) -> Event:
    """One event from several reports of the same incident (in text order)."""
    if len(group) == 1:
        return group[0]
    top = min(group, key=lambda e: tx.hierarchy_rank(e.sub_event_type))  # first of the highest type
    located = min(group, key=lambda e: e.geo_precision)
    positive = [e.fatalities for e in group if e.fatalities > 0]
    fatalities = min(positive) if positive else 0
    evidence, seen_ev = [], set()
    provenance: dict[str, list] = {}
    seen_prov: dict[str, set[str]] = {}
    assoc1: dict[str, None] = {}
    for ev in [top] + [e for e in group if e is not top]:
        for item in ev.evidence:
            if (item.start, item.end) not in seen_ev:
                seen_ev.add((item.start, item.end))
                evidence.append(item)
        for key, items in ev.provenance.items():
            bucket = provenance.setdefault(key, [])
            seen = seen_prov.setdefault(key, set())
            for item in items:
                sig = json.dumps(item.model_dump(), sort_keys=True)
                if sig not in seen:
                    seen.add(sig)
                    bucket.append(item)
        for name in ev.assoc_actor_1.split("; "):
            if name:
                assoc1[name] = None
    evidence.sort(key=lambda e: e.start)
    data = top.model_dump()
    for fld in ("country", "iso", "region", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                "geo_precision"):
        data[fld] = getattr(located, fld)
    if located is not top:
        data["notes"] = top.notes.replace(f"in {top.location}", f"in {located.location}", 1)
    if fatalities != top.fatalities:
        data["notes"] = _refatality(data["notes"], fatalities)
    same_day = all(e.event_date == top.event_date for e in group)
    data.update(
        fatalities=fatalities,
        evidence=evidence,
        provenance=provenance,
        confidence=max(e.confidence for e in group),
        assoc_actor_1="; ".join(assoc1),
        time_precision=min(e.time_precision for e in group) if same_day else top.time_precision,
    )
    return Event.model_validate(data)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge the events of one article that came out as the same incident."""
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        groups.setdefault((ev.event_date, _actors(ev), ev.location, ev.geo_precision), []).append(ev)
    return [_combine(g) for g in groups.values()]
