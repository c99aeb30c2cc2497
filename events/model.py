"""The record format: pydantic models of an article and of one ACLED-style event.

These models are the single source of truth: ``events.schema.build_schema()`` generates
``schema/event.schema.json`` from ``Event`` plus the ACLED taxonomy, and a test fails if the
committed file and the code drift apart (regenerate with ``conflict-events schema --write``).

Field order is ACLED's 31 columns in ACLED's order, then our extension fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import taxonomy as tx

__all__ = [
    "Article",
    "Evidence",
    "ProvenanceItem",
    "Event",
    "ACLED_COLUMNS",
    "EXTENSION_COLUMNS",
    "ALL_COLUMNS",
]

EventType = Literal[tx.EVENT_TYPES]  # type: ignore[valid-type]
SubEventType = Literal[tx.SUB_EVENT_TYPES]  # type: ignore[valid-type]
DisorderType = Literal[tx.DISORDER_TYPES]  # type: ignore[valid-type]
InterLabel = Literal[tx.INTER_LABELS]  # type: ignore[valid-type]
Interaction = Literal[tx.INTERACTIONS]  # type: ignore[valid-type]
Precision = Literal[1, 2, 3]
ActorName = Annotated[str, Field(max_length=300)]


class Article(BaseModel):
    """One news article: the unit of input."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str = Field(description="Identifier of the article, unique in a corpus.")
    text: str = Field(description="The article text as received (headline first when there is one).")
    published: dt.date | None = Field(
        default=None, description="Publication date: the anchor for relative dates ('yesterday')."
    )
    outlet: str = Field(default="", description="Name of the outlet, written to the event's `source`.")
    url: str = Field(default="", description="Address of the article.")
    language: str = Field(default="", description="'ar', 'en' or empty to detect from the text.")
    source_scale: str = Field(default="", description="ACLED source scale of the outlet, if known.")
    published_basis: str = Field(default="", description="How the publication date is known (metadata, estimate ...).")

    @field_validator("published", mode="before")
    @classmethod
    def _parse_published(cls, value: object) -> object:
        if value in (None, ""):
            return None
        if isinstance(value, str):
            text = value.strip()
            try:
                return dt.date.fromisoformat(text[:10])
            except ValueError as exc:
                raise ValueError(f"published date {value!r} is not a valid YYYY-MM-DD date") from exc
        return value


class Evidence(BaseModel):
    """A sentence (or part of one) that supports an event, with its offsets in the original text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The exact substring of the article text.")
    start: int = Field(ge=0, description="Start offset (characters) in the original article text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the original article text.")

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end is before its start")
        return self


class ProvenanceItem(BaseModel):
    """Why a field has its value: the rule that decided it and the lexicon entries it used."""

    model_config = ConfigDict(extra="forbid")

    rule: str = Field(description="Id of the rule that set the value, e.g. 'date.explicit'.")
    entries: list[str] = Field(default_factory=list, description="Ids of the lexicon / gazetteer entries used.")
    text: str = Field(default="", description="The words of the article that produced the value.")
    start: int | None = Field(default=None, ge=0, description="Offset of those words in the original text.")
    end: int | None = Field(default=None, ge=0)


class Event(BaseModel):
    """One coded event: ACLED's 31 columns, then our extension fields."""

    model_config = ConfigDict(extra="forbid", title="conflict-events event")

    # --- ACLED columns, in ACLED's order ---------------------------------------------------
    event_id_cnty: str = Field(
        default="", pattern=r"^([A-Z]{2,4}[0-9]+)?$",
        description="ACLED-style id (country prefix + number); assigned by `build`, empty from `extract`.",
    )
    event_date: dt.date = Field(description="Day the event happened (ISO 8601).")
    year: int = Field(ge=1900, le=2200, description="Year of event_date.")
    time_precision: Precision = Field(description="1 exact day, 2 within a week (midpoint), 3 within a month.")
    disorder_type: DisorderType
    event_type: EventType
    sub_event_type: SubEventType
    actor1: ActorName = Field(min_length=1)
    assoc_actor_1: ActorName = ""
    inter1: InterLabel
    actor2: ActorName = ""
    assoc_actor_2: ActorName = ""
    inter2: InterLabel | Literal[""] = ""
    interaction: Interaction
    civilian_targeting: Literal["Civilian targeting", ""] = ""
    iso: int = Field(ge=0, le=999, description="ISO 3166-1 numeric code of the country.")
    region: str = Field(min_length=1)
    country: str = Field(min_length=1)
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = Field(min_length=1)
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: Precision = Field(description="1 the named place, 2 near it / a small area, 3 a larger region.")
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = Field(ge=0, description="Reported deaths, lowest credible figure; 0 when unknown.")
    tags: str = ""
    timestamp: int = Field(ge=0, description="Unix time the record was made or last changed.")
    # --- extension fields ------------------------------------------------------------------
    event_uid: str = Field(pattern=r"^[0-9a-f]{16}$", description="Stable content hash of the event.")
    article_id: str = Field(min_length=1, description="Id of the article the event was coded from.")
    source_url: str = ""
    language: str = ""
    evidence: list[Evidence] = Field(min_length=1, description="Sentences that support the event.")
    confidence: float = Field(ge=0, le=1, description="How sure the coder is (0-1).")
    provenance: dict[str, list[ProvenanceItem]] = Field(
        default_factory=dict, description="Per coded field: the rules and lexicon entries that produced it."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        problems = consistency_problems(self.model_dump())
        if problems:
            raise ValueError("; ".join(f"{f}: {m}" for f, m in problems))
        return self


def consistency_problems(rec: dict) -> list[tuple[str, str]]:
    """Cross-field rules of the format (the same rules the JSON Schema encodes)."""
    out: list[tuple[str, str]] = []
    sub, etype = rec.get("sub_event_type"), rec.get("event_type")
    if sub in tx.SUB_EVENT_PARENT and tx.SUB_EVENT_PARENT[sub] != etype:
        out.append(("sub_event_type", f"{sub!r} belongs to event_type {tx.SUB_EVENT_PARENT[sub]!r}, not {etype!r}"))
    if sub in tx.SUB_EVENT_DISORDER and rec.get("disorder_type") != tx.SUB_EVENT_DISORDER[sub]:
        out.append(("disorder_type", f"must be {tx.SUB_EVENT_DISORDER[sub]!r} for {sub!r}"))
    date = rec.get("event_date")
    if isinstance(date, dt.date) and rec.get("year") != date.year:
        out.append(("year", f"must be {date.year}, the year of event_date"))
    inter1, inter2 = rec.get("inter1"), rec.get("inter2") or ""
    if bool(rec.get("actor2")) != bool(inter2):
        out.append(("inter2", "must be empty exactly when actor2 is empty"))
    if inter1 in tx.INTER_NUMBER and (inter2 == "" or inter2 in tx.INTER_NUMBER):
        expected = tx.interaction_for(inter1, inter2)
        if rec.get("interaction") != expected:
            out.append(("interaction", f"must be {expected!r} for inter1={inter1!r}, inter2={inter2!r}"))
    if etype == "Violence against civilians":
        if inter2 != "Civilians":
            out.append(("inter2", "the victims of Violence against civilians (actor2) must be Civilians"))
        if rec.get("civilian_targeting") != tx.CIVILIAN_TARGETING:
            out.append(("civilian_targeting", "must be 'Civilian targeting' for Violence against civilians"))
    if etype == "Battles" and not rec.get("actor2"):
        out.append(("actor2", "Battles need two actors"))
    return out


ACLED_COLUMNS: tuple[str, ...] = tuple(list(Event.model_fields)[:31])
EXTENSION_COLUMNS: tuple[str, ...] = tuple(list(Event.model_fields)[31:])
ALL_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTENSION_COLUMNS
