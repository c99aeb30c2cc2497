"""The gazetteer command: every parser opens its description with an example; handlers return codes."""

from __future__ import annotations

import argparse
import json

import pytest

from events.geo.cli import register

from .conftest import DATA


def _parser():
    p = argparse.ArgumentParser(prog="conflict-events")
    register(p.add_subparsers(dest="command"))
    return p


def _run(argv, capsys):
    args = _parser().parse_args(argv)
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("argv", [["gazetteer"], ["gazetteer", "search", "x"], ["gazetteer", "info"],
                                  ["gazetteer", "import", "overlay", "x.csv"]])
def test_descriptions_open_with_example(argv):
    parser = _parser()
    sub = parser._subparsers._group_actions[0].choices["gazetteer"]
    target = sub
    if len(argv) > 1:
        target = sub._subparsers._group_actions[0].choices[argv[1]]
    assert target.description.startswith("example:\n  conflict-events gazetteer")
    assert isinstance(target.formatter_class, type) and issubclass(target.formatter_class,
                                                                   argparse.RawDescriptionHelpFormatter)


@pytest.mark.parametrize(("query", "expected"), [("سجن الصناعة", "Al Sinaa Prison"), ("حقل العمر", "Al Omar Oil Field"),
                                                 ("مخيم الهول", "Al Hol Camp"), ("Ain al-Asad", "Ain al-Asad Air Base")])
def test_search_first_line(gazetteer, capsys, query, expected):
    code, out, _ = _run(["gazetteer", "search", query, "--cache-dir", str(gazetteer.cache_path.parents[1])], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith(f" 1. {expected} [")


def test_search_json(gazetteer, capsys):
    code, out, _ = _run(["gazetteer", "search", "Sinjar", "--country", "SY", "--limit", "1", "--json",
                         "--cache-dir", str(gazetteer.cache_path.parents[1])], capsys)
    rec = json.loads(out.splitlines()[0])
    assert code == 0 and rec["id"] == "gn:164094" and rec["admin1"] == "Idleb" and rec["reason"] == "exact name"
    assert {"lat", "lon", "feature", "admin2", "admin3", "layer"} <= set(rec)


def test_search_nothing(gazetteer, capsys):
    code, _, err = _run(["gazetteer", "search", "Zzyzxqw", "--cache-dir", str(gazetteer.cache_path.parents[1])], capsys)
    assert code == 1 and "no place found" in err


def test_info(gazetteer, capsys):
    code, out, _ = _run(["gazetteer", "info", "--json", "--cache-dir", str(gazetteer.cache_path.parents[1])], capsys)
    info = json.loads(out)
    assert code == 0 and info["fingerprint"] == gazetteer.index.fingerprint and info["cache"].endswith(".pkl")


def test_import_reports_bad_rows(tmp_path, capsys):
    code, out, err = _run(["gazetteer", "import", "overlay", str(DATA / "overlay_sample.csv"), "--out",
                           str(tmp_path / "o.csv")], capsys)
    assert code == 0 and "2 place(s) written" in out
    assert "overlay_sample.csv:4: lat: missing value" in err


def test_import_geonames_sniffs_files(tmp_path, capsys):
    code, out, _ = _run(["gazetteer", "import", "geonames", str(DATA / "SY_sample.txt"),
                         str(DATA / "alternateNamesV2_sample.txt"), str(DATA / "admin1CodesASCII_sample.txt"),
                         "--out", str(tmp_path / "g.csv")], capsys)
    assert code == 0 and "4 place(s) written" in out


def test_import_missing_file(tmp_path, capsys):
    code, _, err = _run(["gazetteer", "import", "overlay", str(tmp_path / "none.csv")], capsys)
    assert code == 2 and err.startswith("error:")
