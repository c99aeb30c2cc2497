"""The build, export and stats commands."""

from __future__ import annotations

import json

import pytest

from events.cli import build_parser, main
from events.io.validate import validate_file

from ..conftest import DEV_DIR
from .fakes import article, line


@pytest.fixture
def db(ds, tmp_path):
    path = tmp_path / "d.db"
    ds.build([ds.corpus([article("a", "2024-01-09", "A", line("0", "Dhiban", "Armed clash", "IS", "SDF", 2)),
                         article("b", "2024-02-09", "B", line("0", "Baghdad", "Armed clash", "IQ", "ISI"))])], path)
    return path


@pytest.mark.parametrize("command", ["build", "export", "stats"])
def test_help_opens_with_an_example(command):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    lines = sub.description.splitlines()
    assert lines[2] == "examples:" and lines[3].strip().startswith(f"conflict-events {command} ")


def test_export_and_stats(db, tmp_path, capsys):
    out = tmp_path / "syria.geojson"
    assert main(["export", "--db", str(db), "--country", "Syria", "-o", str(out)]) == 0
    assert validate_file(out) == []
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1
    assert main(["export", "--db", str(db), "--format", "csv", "--acled-only", "--since", "2024-02-01"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and rows[1].startswith("IRQ1,2024-02-09,")
    assert main(["stats", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "2 event(s)" in text and "2024-01" in text and "Syria / Deir ez Zor" in text
    assert main(["stats", "--db", str(db), "--json", "--event-type", "Battles"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == 2


@pytest.mark.parametrize("argv", [
    ["export", "--db", "{tmp}/missing.db"],
    ["stats", "--db", "{tmp}/missing.db"],
    ["export", "--db", "{db}", "--since", "yesterday"],
    ["export", "--db", "{db}", "-o", "{tmp}/x.txt"],
    ["build", "{tmp}/none.jsonl", "--db", "{tmp}/precious.txt"],
])
def test_user_errors_are_one_line(db, tmp_path, capsys, argv):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    code = main([a.format(tmp=tmp_path, db=db) for a in argv])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("conflict-events: error: ") and err.count("\n") == 1
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


def _pipeline_available() -> bool:
    try:
        from events.geo import Gazetteer  # noqa: F401
        from events.mentions.dates import find_dates  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _pipeline_available(), reason="the gazetteer or the language engine is not in this checkout")
def test_build_the_dev_corpus_with_the_real_pipeline(tmp_path, monkeypatch, capsys):
    corpus = DEV_DIR / "articles.jsonl"
    if not corpus.is_file():
        pytest.skip(f"development corpus not found at {DEV_DIR}")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    db = tmp_path / "dev.db"
    assert main(["build", str(corpus), "--db", str(db), "--workers", "2", "-q"]) in (0, 1)
    first = tmp_path / "first.csv"
    assert main(["export", "--db", str(db), "-o", str(first)]) == 0
    assert validate_file(first) == []
    assert main(["stats", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] > 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert main(["build", str(corpus), "--db", str(db), "--workers", "1", "-q"]) in (0, 1)
    second = tmp_path / "second.csv"
    assert main(["export", "--db", str(db), "-o", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()
