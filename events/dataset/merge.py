"""Cross-article merge: which reports describe the same incident, and the one record they make.

A *report* is an event coded from one article (the output of ``extract_article``).  Reports
whose coded content is identical for merging purposes share a *signature* (country, date,
place, types, actors, precisions); the store keeps one *group* per signature.

Two signatures are **compatible** (may be the same incident) when all of these hold:

* same country;
* event dates at most ``MergeSettings.days`` apart (default 1: the same or an adjacent day,
  because outlets resolve 'yesterday' from different publication dates);
* same location name, or coordinates at most ``MergeSettings.km`` apart (default 5 km: one
  outlet names the village, another the nearby town);
* compatible event types: Battles, Explosions/Remote violence and Violence against civilians
  merge with each other (ACLED 3.5: one incident, several forms of violence, typed by the
  hierarchy), Protests with Riots, and a Strategic development only with the same sub-type;
* compatible actors: the unordered pairs (actor1, actor2) match slot by slot, where an empty
  actor or an ``Unidentified Armed Group (...)`` matches anyone (one outlet says 'gunmen',
  another names the group).  Different named actors never merge (ACLED 3.5).

Clustering is *leader* clustering in a canonical order, so the result depends only on the set
of reports, never on the order they arrived in: signatures are sorted by specificity (named
actors first, then the most precise place and date, then ACLED's hierarchy, then the key); each
joins the first cluster whose leader (first signature) it is compatible with and whose
articles it does not share (the per-article merge already decided that two events of one
article differ), else it starts a new cluster.  Since every member is compatible with its
leader there is no chaining (daily fighting in one town does not collapse into one event).

The record of a cluster is recomputed from all its reports:

* the *lead* report (named actors first, then geo precision, time precision, hierarchy,
  confidence, uid) gives the coding, date, place, notes, evidence and ``article_id``;
* ``fatalities``: ACLED's conservative rule, the lowest figure among reports that give one
  (a report coded 0 gives none); the notes' fatality sentence follows;
* ``source``: the outlets, sorted, joined by ``'; '``; ``source_scale``: the outlets' scales,
  one scale or the lowest and highest two joined by a hyphen in ACLED's order (``Local
  partner``, ``Other``, ``New media``, ``Subnational``, ``National``, ``Regional``,
  ``International``), e.g. ``National-International``;
* ``confidence``: the highest; ``provenance['reports']``: one item per report with its article
  id, uid, evidence text and offsets, so every article's evidence is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Any, NamedTuple

from .. import taxonomy as tx

__all__ = ["MERGE_FIELDS", "MergeSettings", "Signature", "signature_of", "compatible", "cluster_signatures", "merge_reports",
           "combine_scales", "content_hash", "MergedRecord", "SCALE_ORDER"]

SCALE_ORDER: tuple[str, ...] = ("Local partner", "Other", "New media", "Subnational", "National", "Regional",
                                "International")
_TYPE_FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
}
_WILDCARD_PREFIX = "Unidentified Armed Group"
# the fields of a report that merging looks at (the lead report is then read whole)
MERGE_FIELDS = ("article_id", "event_uid", "actor1", "actor2", "geo_precision", "time_precision", "sub_event_type",
                "confidence", "fatalities", "source", "source_scale", "evidence")


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the cross-article merge (``--merge-days``, ``--merge-km``)."""

    days: int = 1
    km: float = 5.0

    def __post_init__(self) -> None:
        if self.days < 0 or self.km < 0:
            raise ValueError("merge thresholds must be >= 0")

    def to_json(self) -> str:
        return json.dumps({"days": self.days, "km": self.km}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MergeSettings:
        data = json.loads(text)
        return cls(days=int(data["days"]), km=float(data["km"]))


@dataclass(frozen=True)
class Signature:
    """What the merge looks at in a report; equal signatures are always the same incident."""

    country: str
    event_date: str  # ISO date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    admin1: str
    latitude: float
    longitude: float
    geo_precision: int
    time_precision: int

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(self.canonical_json.encode("utf-8")).hexdigest()[:24]

    @cached_property
    def canonical_json(self) -> str:
        """The signature as canonical JSON (sorted keys): what ``key`` hashes."""
        return json.dumps({f: getattr(self, f) for f in _SIGNATURE_FIELDS}, sort_keys=True, ensure_ascii=False)

    def to_json(self) -> str:
        return self.canonical_json

    @classmethod
    def from_json(cls, text: str) -> Signature:
        return cls(**json.loads(text))

    @cached_property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.event_date)

    @property
    def wildcards(self) -> int:
        return sum(_is_wild(a) for a in (self.actor1, self.actor2))

    def rank(self) -> tuple[Any, ...]:
        """Canonical order of leaders: the most specific first, then the key (a total order)."""
        return (self.wildcards, self.geo_precision, self.time_precision, tx.hierarchy_rank(self.sub_event_type),
                self.event_date, self.key)


_SIGNATURE_FIELDS = tuple(f.name for f in fields(Signature))


def signature_of(record: Mapping[str, Any]) -> Signature:
    """The signature of a report (an event record as ``Event.model_dump(mode='json')``)."""
    return Signature(
        country=record["country"], event_date=str(record["event_date"]), event_type=record["event_type"],
        sub_event_type=record["sub_event_type"], actor1=record["actor1"], actor2=record.get("actor2") or "",
        location=record["location"], admin1=record.get("admin1") or "", latitude=float(record["latitude"]),
        longitude=float(record["longitude"]), geo_precision=int(record["geo_precision"]),
        time_precision=int(record["time_precision"]),
    )


def _is_wild(actor: str) -> bool:
    return not actor or actor.startswith(_WILDCARD_PREFIX)


def _slot(a: str, b: str) -> bool:
    return a == b or _is_wild(a) or _is_wild(b)


def _family(sig: Signature) -> str:
    return _TYPE_FAMILY.get(sig.event_type, f"{sig.event_type}/{sig.sub_event_type}")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def compatible(a: Signature, b: Signature, settings: MergeSettings) -> bool:
    """May a and b report the same incident? (Symmetric; see the module docstring.)"""
    if a.country != b.country or _family(a) != _family(b):
        return False
    if abs((a.date - b.date).days) > settings.days:
        return False
    same_place = a.location == b.location and a.admin1 == b.admin1
    if not same_place and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > settings.km:
        return False
    return (_slot(a.actor1, b.actor1) and _slot(a.actor2, b.actor2)) or (
        _slot(a.actor1, b.actor2) and _slot(a.actor2, b.actor1))


def cluster_signatures(signatures: Iterable[Signature], articles: Mapping[str, frozenset[str]],
                       settings: MergeSettings) -> list[list[Signature]]:
    """Leader clustering in canonical order; ``articles`` maps a signature key to its article ids.

    The result (clusters, each leader first, clusters in order of their leaders) depends only on
    the set of signatures and their articles.
    """
    clusters: list[tuple[Signature, list[Signature], set[str]]] = []
    by_date: dict[tuple[str, dt.date], list[int]] = {}
    for sig in sorted(set(signatures), key=Signature.rank):
        mine = articles.get(sig.key, frozenset())
        candidates: set[int] = set()
        for offset in range(-settings.days, settings.days + 1):
            candidates.update(by_date.get((sig.country, sig.date + dt.timedelta(days=offset)), ()))
        for idx in sorted(candidates):
            leader, members, seen = clusters[idx]
            if compatible(leader, sig, settings) and not (seen & mine):
                members.append(sig)
                seen.update(mine)
                break
        else:
            by_date.setdefault((sig.country, sig.date), []).append(len(clusters))
            clusters.append((sig, [sig], set(mine)))
    return [members for _, members, _ in clusters]


def combine_scales(scales: Iterable[str]) -> str:
    """ACLED's source_scale of several sources: one scale, or the lowest and highest joined by '-'."""
    known = {s for s in scales if s}
    order = sorted(known, key=lambda s: (SCALE_ORDER.index(s) if s in SCALE_ORDER else len(SCALE_ORDER), s))
    if len(order) <= 1:
        return order[0] if order else ""
    return f"{order[0]}-{order[-1]}"


def _lead_key(rec: Mapping[str, Any]) -> tuple[Any, ...]:
    wild = sum(_is_wild(rec.get(a) or "") for a in ("actor1", "actor2"))
    return (wild, rec["geo_precision"], rec["time_precision"], tx.hierarchy_rank(rec["sub_event_type"]),
            -float(rec["confidence"]), rec["event_uid"], rec["article_id"])


def _fatality_notes(notes: str, fatalities: int) -> str:
    for tail in (" No fatalities reported.",):
        if notes.endswith(tail):
            notes = notes[: -len(tail)]
    idx = notes.rfind(" Fatalities coded as ")
    if idx >= 0:
        notes = notes[:idx]
    return notes + (f" Fatalities coded as {fatalities}." if fatalities else " No fatalities reported.")


def merge_reports(reports: Sequence[Mapping[str, Any]],
                  whole: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The dataset record of one cluster (without ``event_id_cnty`` and ``timestamp``).

    ``reports`` need only the ``MERGE_FIELDS``; ``whole(report)`` gives the full record of the
    report that leads (by default the report itself), so a large cluster is merged without
    holding every full record in memory.
    """
    if not reports:
        raise ValueError("a cluster needs at least one report")
    ordered = sorted(reports, key=_lead_key)
    lead = dict(whole(ordered[0]) if whole else ordered[0])
    data = json.loads(json.dumps(lead))  # a deep copy of plain JSON data
    figures = [int(r["fatalities"]) for r in ordered if int(r["fatalities"]) > 0]
    fatalities = min(figures) if figures else 0
    if fatalities != int(lead["fatalities"]):
        data["notes"] = _fatality_notes(lead["notes"], fatalities)
    outlets = sorted({r["source"] for r in ordered if r.get("source")}, key=lambda s: (s.casefold(), s))
    provenance = dict(data.get("provenance") or {})
    if len(ordered) > 1 and figures:
        lowest = sorted({r["article_id"] for r in ordered if int(r["fatalities"]) == fatalities})
        provenance["fatalities"] = list(provenance.get("fatalities", [])) + [
            {"rule": "merge.fatalities.lowest", "entries": lowest, "text": "", "start": None, "end": None}]
    items = []
    for r in sorted(ordered, key=lambda r: (r["article_id"], r["event_uid"])):
        for ev in r.get("evidence") or []:
            items.append({"rule": "merge.report", "entries": [r["article_id"], r["event_uid"]],
                          "text": ev["text"], "start": ev["start"], "end": ev["end"]})
    provenance["reports"] = items
    data.update(
        fatalities=fatalities,
        source="; ".join(outlets),
        source_scale=combine_scales(r.get("source_scale") or "" for r in ordered),
        confidence=max(float(r["confidence"]) for r in ordered),
        provenance=provenance,
        event_id_cnty="",
        timestamp=0,
    )
    return data


def content_hash(record: Mapping[str, Any]) -> str:
    """Hash of a record's content, ignoring its id and timestamp (they are not content)."""
    body = {k: v for k, v in record.items() if k not in ("event_id_cnty", "timestamp")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class MergedRecord(NamedTuple):
    """A merged record ready to store, made where it was merged (possibly another process): its
    JSON without ``event_id_cnty`` and ``timestamp``, which ``text`` puts in, so the process that
    assigns ids never encodes (or decodes) the records again."""

    keys: tuple[str, ...]  # the groups of its reports
    digest: str  # content_hash
    iso: int
    country: str
    event_date: str
    admin1: str
    event_type: str
    head: str  # the JSON members between event_id_cnty and timestamp
    tail: str  # the JSON members after timestamp

    @classmethod
    def of(cls, keys: tuple[str, ...], record: Mapping[str, Any]) -> MergedRecord:
        """``record`` as ``Event.model_dump(mode='json')`` gives it (event_id_cnty first)."""
        names = list(record)
        if names[0] != "event_id_cnty" or "timestamp" not in names:
            raise ValueError("a record starts with event_id_cnty and has a timestamp")
        cut = names.index("timestamp")
        head = json.dumps({k: record[k] for k in names[1:cut]}, ensure_ascii=False)[1:-1]
        tail = json.dumps({k: record[k] for k in names[cut + 1:]}, ensure_ascii=False)[1:-1]
        return cls(keys, content_hash(record), int(record["iso"]), record["country"], str(record["event_date"]),
                   record.get("admin1") or "", record["event_type"], head, tail)

    def text(self, event_id: str, timestamp: int) -> str:
        """The record as JSON, exactly as ``json.dumps`` writes it with this id and timestamp."""
        members = [f'"event_id_cnty": {json.dumps(event_id)}', self.head, f'"timestamp": {int(timestamp)}',
                   self.tail]
        return "{" + ", ".join(m for m in members if m) + "}"
