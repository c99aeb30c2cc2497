"""The JSON Schema of one event, generated from the pydantic model and the ACLED taxonomy.

``build_schema()`` is the generator; ``schema/event.schema.json`` is its committed output.  The
schema adds to what pydantic emits the cross-field rules of the format, as ``if``/``then``
clauses: each event_type allows only its sub-event types, each sub-event type fixes its
disorder_type, interaction follows inter1/inter2, Violence against civilians has Civilians as
actor2 and the civilian-targeting flag.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from . import taxonomy as tx
from .model import Event
from .paths import data_path

__all__ = ["SCHEMA_ID", "build_schema", "schema_path", "load_schema", "validator"]

SCHEMA_ID = "https://conflict-events.github.io/schema/v1/event.schema.json"


def _pairing_rules() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for etype in tx.EVENT_TYPES:
        subs = [s for s in tx.SUB_EVENT_TYPES if tx.SUB_EVENT_PARENT[s] == etype]
        rules.append({
            "if": {"properties": {"event_type": {"const": etype}}, "required": ["event_type"]},
            "then": {"properties": {"sub_event_type": {"enum": subs}}},
        })
    for sub in tx.SUB_EVENT_TYPES:
        rules.append({
            "if": {"properties": {"sub_event_type": {"const": sub}}, "required": ["sub_event_type"]},
            "then": {"properties": {"disorder_type": {"const": tx.SUB_EVENT_DISORDER[sub]}}},
        })
    for inter1 in tx.INTER_LABELS:
        for inter2 in ("",) + tx.INTER_LABELS:
            rules.append({
                "if": {
                    "properties": {"inter1": {"const": inter1}, "inter2": {"const": inter2}},
                    "required": ["inter1", "inter2"],
                },
                "then": {"properties": {"interaction": {"const": tx.interaction_for(inter1, inter2)}}},
            })
    rules.append({
        "if": {"properties": {"actor2": {"const": ""}}, "required": ["actor2"]},
        "then": {"properties": {"inter2": {"const": ""}}},
        "else": {"properties": {"inter2": {"enum": list(tx.INTER_LABELS)}}},
    })
    rules.append({
        "if": {"properties": {"event_type": {"const": "Violence against civilians"}}, "required": ["event_type"]},
        "then": {
            "properties": {"inter2": {"const": "Civilians"}, "civilian_targeting": {"const": tx.CIVILIAN_TARGETING}},
            "required": ["actor2", "inter2"],
        },
    })
    rules.append({
        "if": {"properties": {"event_type": {"const": "Battles"}}, "required": ["event_type"]},
        "then": {"properties": {"actor2": {"minLength": 1}}, "required": ["actor2"]},
    })
    return rules


def build_schema() -> dict[str, Any]:
    """The event schema as generated from the code (what ``schema/event.schema.json`` must hold)."""
    schema = Event.model_json_schema(mode="serialization")
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
    }
    out.update(schema)
    out["title"] = "conflict-events event"
    out["description"] = (
        "One ACLED-style event: ACLED's 31 columns in ACLED's order, then the extension fields "
        "event_uid, article_id, source_url, language, evidence, confidence and provenance. "
        "Generated from events/model.py; do not edit by hand."
    )
    props = out["properties"]
    props["event_date"]["pattern"] = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    out["allOf"] = _pairing_rules()
    return out


def schema_path() -> Path:
    return data_path("schema", "event.schema.json")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The committed schema file."""
    with schema_path().open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    """A jsonschema validator for one event (formats checked)."""
    return Draft202012Validator(load_schema(), format_checker=FormatChecker())


def dump_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
