"""Exports validate against the schema, round-trip, filter; pandas and Parquet keep ACLED's dtypes."""

from __future__ import annotations

import json
import sys

import pytest

from events.dataset import MissingDependencyError, dataset_stats, export_dataset, iter_dataset, load_dataframe
from events.dataset.export import make_filters
from events.errors import InputError, OutputExistsError
from events.io.validate import validate_file
from events.model import ACLED_COLUMNS, ALL_COLUMNS, Event

from .fakes import article, line


@pytest.fixture
def db(ds, tmp_path):
    arts = [
        article("a", "2024-01-09", "=Formula Outlet", line("0", "Dhiban", "Armed clash", "IS", "SDF", 2)),
        article("b", "2024-01-31", "B", line("0", "Aleppo", "Air/drone strike", "TR", "", 1)),
        article("c", "2024-02-02", "C", line("0", "Hajin", "Attack", "IS", "CIV", 4)),
        article("d", "2024-02-03", "D", line("0", "Baghdad", "Armed clash", "IQ", "ISI", 0)),
    ]
    path = tmp_path / "d.db"
    ds.build([ds.corpus(arts)], path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "geojson", "jsonl"])
def test_exports_validate(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert export_dataset(db, out) == 4
    assert validate_file(out) == []


def test_acled_only_csv_validates_and_has_31_columns(db, tmp_path):
    out = tmp_path / "acled.csv"
    export_dataset(db, out, acled_only=True)
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(ACLED_COLUMNS)
    assert validate_file(out) == []


def test_jsonl_round_trip(db, tmp_path):
    out = tmp_path / "events.jsonl"
    export_dataset(db, out)
    back = [Event.model_validate(json.loads(x)) for x in out.read_text(encoding="utf-8").splitlines()]
    assert back == list(iter_dataset(db))
    assert [e.event_date.isoformat() for e in back] == sorted(e.event_date.isoformat() for e in back)


def test_csv_and_geojson_round_trip(db, tmp_path):
    """Read back with the validator's own parsing, every event comes back whole."""
    import csv

    from events.io.validate import _coerce_csv

    stored = list(iter_dataset(db))
    out = tmp_path / "events.csv"
    export_dataset(db, out)
    with out.open(encoding="utf-8", newline="") as fh:
        back = [Event.model_validate(_coerce_csv(row)) for row in csv.DictReader(fh)]
    assert back == stored
    out = tmp_path / "events.geojson"
    export_dataset(db, out)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [Event.model_validate(f["properties"]) for f in features] == stored
    assert [f["geometry"]["coordinates"] for f in features] == [[e.longitude, e.latitude] for e in stored]


def test_a_merged_event_with_a_huge_provenance_validates(ds, tmp_path):
    # every report's evidence stays in the provenance: with enough outlets a CSV cell passes the
    # csv module's default limit of 131,072 characters
    arts = [article(f"w{i:04d}", "2024-01-09", f"Outlet {i}", line("0", "Dhiban", "Armed clash", "IS", "SDF", 3))
            for i in range(1200)]
    db = tmp_path / "big.db"
    ds.build([ds.corpus(arts)], db)
    out = tmp_path / "big.csv"
    assert export_dataset(db, out) == 1
    (event,) = iter_dataset(db)
    provenance = event.model_dump(mode="json")["provenance"]
    assert len(json.dumps(provenance, ensure_ascii=False, separators=(",", ":"))) > 131_072  # the CSV cell
    assert validate_file(out) == []


def test_csv_cells_are_neutralised(db, tmp_path):
    out = tmp_path / "events.csv"
    export_dataset(db, out)
    assert "'=Formula Outlet" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("filters", "locations"), [
    ({"country": "syria"}, ["Dhiban", "Aleppo", "Hajin"]),
    ({"country": ["Iraq", "Syria"], "admin1": "Deir ez Zor"}, ["Dhiban", "Hajin"]),
    ({"since": "2024-01-31", "until": "2024-02-02"}, ["Aleppo", "Hajin"]),
    ({"event_type": "Battles"}, ["Dhiban", "Baghdad"]),
    ({"event_type": ["Violence against civilians"], "country": "Iraq"}, []),
])
def test_filters(db, filters, locations):
    assert [e.location for e in iter_dataset(db, make_filters(**filters))] == locations
    assert dataset_stats(db, make_filters(**filters))["events"] == len(locations)


def test_bad_filter_date_is_a_user_error():
    with pytest.raises(InputError, match="since"):
        make_filters(since="31/01/2024")


def test_existing_output_is_kept(db, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        export_dataset(db, out)
    assert out.read_text(encoding="utf-8") == "mine"
    export_dataset(db, out, force=True)
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,")


def test_missing_dataset_is_a_user_error(tmp_path):
    with pytest.raises(InputError, match="no dataset"):
        export_dataset(tmp_path / "nope.db", tmp_path / "x.csv")
    assert not (tmp_path / "nope.db").exists()


def test_stats(db):
    s = dataset_stats(db)
    assert s["events"] == 4 and s["fatalities"] == 7
    assert dict(s["by_event_type"]) == {"Battles": 2, "Explosions/Remote violence": 1, "Violence against civilians": 1}
    assert s["by_month"] == [("2024-01", 2), ("2024-02", 2)]
    assert dict(s["by_admin1"])["Syria / Deir ez Zor"] == 2


def test_load_dataframe_has_acled_dtypes(db):
    frame = load_dataframe(db, country="Syria")
    assert list(frame.columns) == list(ALL_COLUMNS) and len(frame) == 3
    for col in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        assert str(frame[col].dtype) == "int64", col
    assert str(frame["latitude"].dtype) == "float64" and str(frame["longitude"].dtype) == "float64"
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert list(load_dataframe(db, acled_only=True).columns) == list(ACLED_COLUMNS)


def test_empty_dataframe_keeps_dtypes(db):
    frame = load_dataframe(db, country="Nowhere")
    assert len(frame) == 0 and str(frame["fatalities"].dtype) == "int64"
    assert str(frame["event_date"].dtype).startswith("datetime64")


def test_parquet_round_trip(db, tmp_path):
    pytest.importorskip("pyarrow")
    import pandas as pd

    out = tmp_path / "events.parquet"
    assert export_dataset(db, out) == 4
    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(ALL_COLUMNS)
    assert str(frame["fatalities"].dtype) == "int64" and str(frame["latitude"].dtype) == "float64"
    expected = load_dataframe(db)
    assert frame["event_id_cnty"].tolist() == expected["event_id_cnty"].tolist()
    assert [json.loads(p) for p in frame["provenance"]] == expected["provenance"].tolist()
    assert pd.to_datetime(frame["event_date"]).tolist() == expected["event_date"].tolist()
    empty = tmp_path / "empty.parquet"
    assert export_dataset(db, empty, filters=make_filters(country="Nowhere")) == 0
    assert len(pd.read_parquet(empty)) == 0


def test_parquet_without_pyarrow_says_how_to_fix(db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingDependencyError, match="pyarrow") as err:
        export_dataset(db, tmp_path / "events.parquet")
    assert "conflict-events[parquet]" in str(err.value)
    assert not (tmp_path / "events.parquet").exists()
