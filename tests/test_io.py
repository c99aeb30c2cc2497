"""Readers and writers: inputs of every kind, safe and atomic outputs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from events.errors import OutputExistsError
from events.io.readers import ArticleDefaults, iter_articles
from events.io.writers import atomic_writer, write_events
from events.model import ACLED_COLUMNS, ALL_COLUMNS, Article, Event
from events.problems import Problem

from .records import GOOD


def _event(**change) -> Event:
    rec = dict(GOOD)
    rec.update(change)
    return Event.model_validate(rec)


# ----------------------------------------------------------------------------- readers
def test_text_file_with_sidecar_and_override(tmp_path):
    (tmp_path / "a.txt").write_text("نص الخبر", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2023-11-20", "outlet": "X"}), encoding="utf-8")
    [art] = list(iter_articles([tmp_path / "a.txt"]))
    assert art.id == "a" and str(art.published) == "2023-11-20" and art.outlet == "X"
    [art] = list(iter_articles([tmp_path / "a.txt"], ArticleDefaults(published="2024-01-01")))
    assert str(art.published) == "2024-01-01" and art.outlet == "X"


def test_jsonl_broken_line_is_reported_and_rest_read(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "1", "text": "a"}\n{broken\n\n{"id": "3", "text": "c", "published": "2023-13-45"}\n'
                    '{"id": "4", "text": "d"}\n[1, 2]\n{"id": "6"}\n', encoding="utf-8")
    items = list(iter_articles([path]))
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, Problem)]
    assert [a.id for a in arts] == ["1", "4"]
    assert [(p.line, p.field) for p in probs] == [(2, ""), (4, "published"), (6, ""), (7, "text")]
    assert "2023-13-45" in probs[1].message


def test_folder_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "a"}\n', encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x", encoding="utf-8")
    ids = [a.id for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["x", "b"]


def test_stdin_text_and_jsonl():
    [art] = list(iter_articles(["-"], stdin=io.BytesIO("قصف على المدينة".encode())))
    assert art.id == "stdin" and art.text == "قصف على المدينة"
    items = list(iter_articles(["-"], stdin=io.BytesIO(b'{"id": "j", "text": "t"}\n')))
    assert [a.id for a in items] == ["j"]


@pytest.mark.parametrize("data, expected", [
    ("خبر".encode("utf-8-sig"), "خبر"),
    ("خبر".encode("utf-16"), "خبر"),
    ("قتل شاب في المدينة".encode("cp1256"), "قتل شاب في المدينة"),
    (b"line1\r\nline2\r", "line1\nline2\n"),
])
def test_encodings(tmp_path, data, expected):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    [art] = [a for a in iter_articles([path]) if isinstance(a, Article)]
    assert art.text == expected


def test_binary_and_missing_files_are_problems(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    items = list(iter_articles([path, tmp_path / "missing.txt"]))
    assert all(isinstance(i, Problem) for i in items) and len(items) == 2
    assert "binary" in items[0].message and "no such file" in items[1].message


# ----------------------------------------------------------------------------- writers
def test_csv_columns_and_acled_only(tmp_path):
    out = tmp_path / "e.csv"
    write_events([_event()], out)
    with out.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == ALL_COLUMNS
    out2 = tmp_path / "a.csv"
    write_events([_event()], out2, acled_only=True)
    with out2.open(encoding="utf-8") as fh:
        assert tuple(next(csv.reader(fh))) == ACLED_COLUMNS


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_formula_cells_are_neutralised(tmp_path):
    out = tmp_path / "e.csv"
    write_events([_event(notes="=HYPERLINK(\"http://x\")", source="@cmd")], out)
    rows = _rows(out)
    assert rows[0]["notes"].startswith("'=") and rows[0]["source"] == "'@cmd"
    out2 = tmp_path / "u.csv"
    write_events([_event(notes="=1+1")], out2, safe_cells=False)
    assert _rows(out2)[0]["notes"] == "=1+1"


def test_existing_file_is_not_overwritten(tmp_path):
    out = tmp_path / "e.jsonl"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_events([_event()], out)
    assert out.read_text(encoding="utf-8") == "keep"
    write_events([_event()], out, force=True)
    assert json.loads(out.read_text(encoding="utf-8"))["event_uid"] == GOOD["event_uid"]


def test_interrupted_write_leaves_previous_file(tmp_path):
    out = tmp_path / "e.csv"
    out.write_text("previous", encoding="utf-8")

    def events():
        yield _event()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_events(events(), out, force=True)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["e.csv"]


def test_atomic_writer_new_file_absent_on_failure(tmp_path):
    out = tmp_path / "new.csv"
    with pytest.raises(RuntimeError), atomic_writer(out) as fh:
        fh.write("partial")
        raise RuntimeError("boom")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_geojson_is_rfc7946_and_loads_in_pyogrio(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    out = tmp_path / "e.geojson"
    write_events([_event(), _event(event_uid="fedcba9876543210", latitude=35.0, longitude=40.0)], out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert doc["features"][1]["geometry"] == {"type": "Point", "coordinates": [40.0, 35.0]}
    meta, _, geometry, fields = pyogrio.raw.read(Path(out))
    assert len(geometry) == 2 and "event_uid" in list(meta["fields"])
