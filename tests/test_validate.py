"""`validate` reports every problem of CSV, JSONL and GeoJSON files as file:line: field: message."""

from __future__ import annotations

import copy
import csv
import json

from events.cli import main
from events.io.validate import validate_file
from events.io.writers import event_to_row
from events.model import ACLED_COLUMNS, ALL_COLUMNS

from .records import GOOD


def _bad_records():
    a = copy.deepcopy(GOOD)
    a["sub_event_type"] = "Peaceful protest"  # mismatched with Battles
    b = copy.deepcopy(GOOD)
    b["latitude"] = 95
    c = copy.deepcopy(GOOD)
    del c["event_date"]
    return [GOOD, a, b, c]


def _write_csv(path, records, columns=ALL_COLUMNS):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for rec in records:
            w.writerow(event_to_row(rec, columns))


def test_csv_problems_are_named_with_their_lines(tmp_path):
    path = tmp_path / "bad.csv"
    _write_csv(path, _bad_records())
    problems = validate_file(path)
    found = {(p.line, p.field) for p in problems}
    assert (3, "sub_event_type") in found
    assert (4, "latitude") in found
    assert (5, "event_date") in found
    assert all(p.line != 2 for p in problems)
    assert str(problems[0]).startswith(f"{path}:3: ")


def test_jsonl_problems_are_named_with_their_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _bad_records()), encoding="utf-8")
    found = {(p.line, p.field) for p in validate_file(path)}
    assert {(2, "sub_event_type"), (3, "latitude"), (4, "event_date")} <= found
    assert not any(line == 1 for line, _ in found)


def test_geojson_problems_are_named_with_their_lines(tmp_path):
    path = tmp_path / "bad.geojson"
    feats = []
    for rec in _bad_records():
        feats.append(json.dumps({"type": "Feature",
                                 "geometry": {"type": "Point", "coordinates": [rec["longitude"], rec["latitude"]]},
                                 "properties": rec}))
    path.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(feats) + "\n]}\n", encoding="utf-8")
    found = {(p.line, p.field) for p in validate_file(path)}
    assert {(3, "sub_event_type"), (4, "latitude"), (5, "event_date")} <= found


def test_acled_only_csv_is_checked_against_acled_columns(tmp_path):
    path = tmp_path / "acled.csv"
    _write_csv(path, [GOOD], ACLED_COLUMNS)
    assert validate_file(path) == []


def test_broken_csv_is_reported_not_crashed(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(",".join(ALL_COLUMNS) + '\n"unterminated,2023\n', encoding="utf-8")
    problems = validate_file(path)
    assert problems and all(p.line is not None for p in problems)


def test_broken_json_is_reported_not_crashed(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    problems = validate_file(path)
    assert [(p.line) for p in problems] == [2]
    gj = tmp_path / "broken.geojson"
    gj.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    assert validate_file(gj)[0].line == 1


def test_cli_validate_exit_codes(tmp_path, capsys):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    bad.write_text("".join(json.dumps(r) + "\n" for r in _bad_records()), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3: latitude:" in out and f"{bad}:4: event_date:" in out
