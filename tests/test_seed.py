"""The seed narrative: what a careful ACLED coder codes from it, and the whole output as a golden file.

Regenerate the golden file deliberately after a change that should alter the output::

    UPDATE_GOLDEN=1 python -m pytest tests/test_seed.py

and review the diff of ``tests/golden/seed.jsonl`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from events.api import ExtractOptions, run_extract
from events.cli import main
from events.io.validate import validate_file

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_0dffa753c4657d22.txt"
GOLDEN = REPO / "tests" / "golden" / "seed.jsonl"


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    report = run_extract([str(SEED)], ExtractOptions(output=str(out), timestamp=0))
    assert report.failed == 0 and report.problems == []
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_metadata_sidecar_is_used(seed_events):
    assert {e["source"] for e in seed_events} == {"Al-Mashhad"}
    assert {e["article_id"] for e in seed_events} == {"000_0dffa753c4657d22"}


def test_exactly_two_events(seed_events):
    assert sorted(e["sub_event_type"] for e in seed_events) == ["Armed clash", "Change to group/activity"]


def test_prison_attack(seed_events):
    [ev] = [e for e in seed_events if e["sub_event_type"] == "Armed clash"]
    assert ev["event_type"] == "Battles" and ev["disorder_type"] == "Political violence"
    assert (ev["actor1"], ev["actor2"]) == ("Islamic State (Syria)", "QSD: Syrian Democratic Forces")
    assert ev["event_date"] == "2023-02-14" and ev["time_precision"] == 1
    assert ev["fatalities"] == 100
    assert (ev["country"], ev["admin1"]) == ("Syria", "Al Hasakeh")
    assert ev["geo_precision"] == 1
    assert "سجن الصناعة" in ev["evidence"][0]["text"]


def test_coalition_training(seed_events):
    [ev] = [e for e in seed_events if e["sub_event_type"] == "Change to group/activity"]
    assert ev["event_type"] == "Strategic developments"
    assert ev["actor1"] == "Global Coalition Against Daesh"
    assert "QSD: Syrian Democratic Forces" in ev["assoc_actor_1"].split("; ")
    assert ev["admin1"] == "Deir ez Zor" and ev["location"] != "Deir ez Zor"  # the oil field, own coordinates
    assert ev["event_date"] == "2023-11-20" and ev["time_precision"] == 2
    assert ev["fatalities"] == 0


def test_evidence_offsets_slice_the_original_text(seed_events):
    text = SEED.read_text(encoding="utf-8")
    for ev in seed_events:
        for item in ev["evidence"]:
            assert text[item["start"]:item["end"]] == item["text"]


def test_whole_output_matches_the_golden_file(seed_events):
    lines = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in seed_events)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(lines, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == lines


def test_readme_commands_round_trip(tmp_path):
    csv_out, geo_out = tmp_path / "seed.csv", tmp_path / "seed.geojson"
    assert main(["extract", str(SEED), "-o", str(csv_out), "-q"]) == 0
    assert main(["extract", str(SEED), "--format", "geojson", "-o", str(geo_out), "-q"]) == 0
    assert validate_file(csv_out) == [] and validate_file(geo_out) == []
    assert main(["validate", str(csv_out), str(geo_out)]) == 0


def test_geojson_loads_in_a_gis_reader(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    geo_out = tmp_path / "seed.geojson"
    assert main(["extract", str(SEED), "-o", str(geo_out), "-q"]) == 0
    meta, _, geometry, fields = pyogrio.raw.read(geo_out)
    names = list(meta["fields"])
    assert len(geometry) == 2
    assert {"event_date", "sub_event_type", "actor1", "latitude", "longitude"} <= set(names)
    assert meta["crs"] in ("EPSG:4326", "OGC:CRS84")
