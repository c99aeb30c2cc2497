"""The committed schema is what the code generates, and it encodes ACLED's rules."""

from __future__ import annotations

import copy
import json

import pytest

from events import taxonomy as tx
from events.io.validate import validate_record
from events.model import ACLED_COLUMNS, Event
from events.schema import build_schema, dump_schema, schema_path

from .records import GOOD


def test_committed_schema_matches_the_code():
    committed = schema_path().read_text(encoding="utf-8")
    assert committed == dump_schema(build_schema()), "run `conflict-events schema --write` and commit the result"


def test_acled_columns_in_acled_order():
    assert ACLED_COLUMNS == (
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
        "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    )


def test_taxonomy_sizes():
    assert len(tx.EVENT_TYPES) == 6
    assert len(tx.SUB_EVENT_TYPES) == 25
    assert len(tx.INTER_LABELS) == 8


def test_good_record_is_valid_for_schema_and_model():
    assert validate_record(GOOD) == []
    Event.model_validate(GOOD)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"sub_event_type": "Air/drone strike"}, "sub_event_type"),  # belongs to Explosions/Remote violence
        ({"disorder_type": "Demonstrations"}, "disorder_type"),
        ({"latitude": 95}, "latitude"),
        ({"longitude": -181}, "longitude"),
        ({"time_precision": 4}, "time_precision"),
        ({"geo_precision": 0}, "geo_precision"),
        ({"interaction": "Rebel group only"}, "interaction"),
        ({"inter1": "Militia"}, "inter1"),
        ({"event_date": "14/02/2023"}, "event_date"),
        ({"event_date": "2023-02-30"}, "event_date"),
        ({"fatalities": -1}, "fatalities"),
        ({"civilian_targeting": "Civilians targeted"}, "civilian_targeting"),
        ({"actor2": "", "inter2": "", "interaction": "Rebel group only"}, "actor2"),  # Battles need actor2
        ({"event_uid": "xyz"}, "event_uid"),
        ({"confidence": 1.5}, "confidence"),
    ],
)
def test_schema_rejects(change, field):
    rec = copy.deepcopy(GOOD)
    rec.update(change)
    fields = [f for f, _ in validate_record(rec)]
    assert field in fields, fields


def test_missing_field_is_named():
    rec = copy.deepcopy(GOOD)
    del rec["event_date"]
    assert ("event_date", "'event_date' is a required property") in validate_record(rec)


def test_violence_against_civilians_needs_civilian_victims():
    rec = copy.deepcopy(GOOD)
    rec.update(event_type="Violence against civilians", sub_event_type="Attack")
    fields = [f for f, _ in validate_record(rec)]
    assert "inter2" in fields and "civilian_targeting" in fields


def test_model_rejects_what_the_schema_rejects():
    rec = copy.deepcopy(GOOD)
    rec["sub_event_type"] = "Peaceful protest"
    with pytest.raises(ValueError):
        Event.model_validate(rec)


def test_schema_is_draft_2020_12():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"])[:31] == list(ACLED_COLUMNS)
