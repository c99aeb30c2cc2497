"""One event per incident, day and location within an article (ACLED 3.5).

Sentences often report the same incident twice (a lead and its detail).  Events of one article
are merged when they share the date, the location and the pair of actors: the merged event takes
the highest type in ACLED's hierarchy, the evidence of both, and the lowest credible death toll
(the lowest positive figure: a sentence that gives no figure does not lower it).  An event coded
only to a governorate (geo_precision 3) is folded into an event of the same day, actors and type
placed more precisely inside that governorate.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import taxonomy as tx
from ..model import Event

__all__ = ["merge_events"]


def _actors(ev: Event) -> frozenset[str]:
    return frozenset(a for a in (ev.actor1, ev.actor2) if a)


def _combine(a: Event, b: Event) -> Event:
    """Merge b into a (same incident)."""
    top, other = (a, b) if tx.hierarchy_rank(a.sub_event_type) <= tx.hierarchy_rank(b.sub_event_type) else (b, a)
    if a.geo_precision != b.geo_precision:
        located = a if a.geo_precision < b.geo_precision else b
    else:
        located = top
    positive = [x for x in (a.fatalities, b.fatalities) if x > 0]
    fatalities = min(positive) if positive else 0
    evidence = list(a.evidence)
    for ev in b.evidence:
        if ev not in evidence:
            evidence.append(ev)
    evidence.sort(key=lambda e: e.start)
    provenance = {k: list(v) for k, v in top.provenance.items()}
    for key, items in other.provenance.items():
        merged = provenance.setdefault(key, [])
        merged.extend(i for i in items if i not in merged)
    data = top.model_dump()
    for fld in ("country", "iso", "region", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                "geo_precision"):
        data[fld] = getattr(located, fld)
    if located is not top:
        data["notes"] = top.notes.replace(f"in {top.location}", f"in {located.location}", 1)
    if fatalities != top.fatalities:
        data["notes"] = _refatality(data["notes"], fatalities)
    data.update(
        fatalities=fatalities,
        evidence=evidence,
        provenance=provenance,
        confidence=max(a.confidence, b.confidence),
        assoc_actor_1="; ".join(dict.fromkeys(x for x in (a.assoc_actor_1 + "; " + b.assoc_actor_1).split("; ") if x)),
        time_precision=min(a.time_precision, b.time_precision) if a.event_date == b.event_date else top.time_precision,
    )
    return Event.model_validate(data)


def _refatality(notes: str, fatalities: int) -> str:
    for tail in (" No fatalities reported.",):
        if notes.endswith(tail):
            notes = notes[: -len(tail)]
    idx = notes.rfind(" Fatalities coded as ")
    if idx >= 0:
        notes = notes[:idx]
    return notes + (f" Fatalities coded as {fatalities}." if fatalities else " No fatalities reported.")


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge the events of one article that report the same incident."""
    merged: list[Event] = []
    for ev in events:
        for i, kept in enumerate(merged):
            if kept.event_date == ev.event_date and _actors(kept) == _actors(ev) and kept.location == ev.location:
                merged[i] = _combine(kept, ev)
                break
        else:
            merged.append(ev)
    # fold governorate-level events into a precise one of the same incident
    folded: dict[int, list[Event]] = {}
    skip: set[int] = set()
    for i, ev in enumerate(merged):
        if ev.geo_precision != 3:
            continue
        for j, o in enumerate(merged):
            if (j != i and o.geo_precision < 3 and o.admin1 == ev.admin1 and o.event_date == ev.event_date
                    and _actors(o) == _actors(ev) and o.event_type == ev.event_type):
                folded.setdefault(j, []).append(ev)
                skip.add(i)
                break
    out: list[Event] = []
    for i, ev in enumerate(merged):
        if i in skip:
            continue
        for vague in folded.get(i, []):
            ev = _combine(ev, vague)
        out.append(ev)
    return out
