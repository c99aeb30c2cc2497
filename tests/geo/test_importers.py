"""Importers on small files in the GeoNames, OCHA and overlay formats; bad rows are reported."""

from __future__ import annotations

import csv

import pytest

from events.errors import GazetteerError
from events.geo import Gazetteer
from events.geo.importers.geonames import import_geonames
from events.geo.importers.ocha import import_ocha
from events.geo.importers.overlay import import_overlay

from .conftest import DATA


def _rows(path):
    with path.open(encoding="utf-8") as fh:
        return {r["id"]: r for r in csv.DictReader(fh)}


def _problems(result):
    return {(p.line, p.field) for p in result.problems}


def test_geonames_import(tmp_path):
    res = import_geonames(DATA / "SY_sample.txt", alternates=DATA / "alternateNamesV2_sample.txt",
                          admin1_codes=DATA / "admin1CodesASCII_sample.txt",
                          admin2_codes=DATA / "admin2Codes_sample.txt", out=tmp_path / "gn.csv")
    rows = _rows(res.path)
    assert set(rows) == {"gn:173797", "gn:990001", "gn:990002", "gn:298117"}  # the river is not a place kind we keep
    assert rows["gn:990002"]["feature"] == "airport"
    assert rows["gn:173797"]["admin1"] == "Al Hasakeh"  # crosswalk SY.01 -> ACLED spelling
    assert rows["gn:298117"]["admin1"] == "Şanlıurfa" and rows["gn:298117"]["admin2"] == "Akçakale"
    assert rows["gn:990001"]["name_ar"] == "تل بيدر"
    assert "Tel Baydar" in rows["gn:990001"]["variants"]
    assert "اسم تاريخي" not in rows["gn:990001"]["variants"]  # historic names skipped
    assert "مخيم الهول" in rows["gn:173797"]["variants"]


def test_geonames_bad_rows_reported(tmp_path):
    res = import_geonames(DATA / "SY_sample.txt", admin1_codes=DATA / "admin1CodesASCII_sample.txt",
                          out=tmp_path / "gn.csv")
    assert _problems(res) == {(5, "latitude"), (6, "latitude"), (7, "admin1 code"), (8, "geonameid"),
                              (10, "longitude")}
    assert all(p.path.endswith("SY_sample.txt") for p in res.problems)
    assert "out of range" in str(next(p for p in res.problems if p.line == 6))
    assert res.rows == 4


def test_ocha_import(tmp_path):
    res = import_ocha(DATA / "ocha_sample.csv", out=tmp_path / "ocha.csv")
    rows = _rows(res.path)
    assert set(rows) == {"ocha:C4519", "ocha:C5184", "ocha:C5183"}
    shaafah = rows["ocha:C5183"]
    assert (shaafah["admin1"], shaafah["admin2"], shaafah["admin3"]) == ("Deir ez Zor", "Abu Kamal", "Susat")
    assert shaafah["name_ar"] == "الشعفة" and shaafah["feature"] == "village"
    assert _problems(res) == {(5, "Longitude"), (6, "Latitude"), (7, "admin1Pcode"), (8, "admin2Pcode")}


def test_ocha_without_coordinates(tmp_path):
    src = tmp_path / "pcodes.csv"
    src.write_text("admin1Name_en,admin1Pcode\nAl-Hasakeh,SY08\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="latitude/longitude"):
        import_ocha(src, out=tmp_path / "x.csv")


def test_ocha_xlsx_needs_openpyxl_or_reads(tmp_path):
    pytest.importorskip("openpyxl")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["admin1Name_en", "admin1Pcode", "admin2Name_en", "admin2Pcode", "Latitude", "Longitude"])
    ws.append(["Deir-ez-Zor", "SY09", "Abu Kamal", "SY0902", 34.45, 40.92])
    wb.save(tmp_path / "t.xlsx")
    res = import_ocha(tmp_path / "t.xlsx", out=tmp_path / "x.csv")
    assert res.rows == 1


def test_overlay_import_and_bad_rows(tmp_path):
    res = import_overlay(DATA / "overlay_sample.csv", out=tmp_path / "ov.csv")
    assert res.rows == 2
    assert _problems(res) == {(4, "lat"), (5, "lat"), (6, "admin1"), (7, "feature"), (8, "lon")}
    msg = str(next(p for p in res.problems if p.line == 6))
    assert "overlay_sample.csv:6" in msg and "admin1" in msg and "unknown admin code" in msg


def test_imported_layer_is_used_by_load(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("CONFLICT_EVENTS_DATA", str(data))
    res = import_overlay(DATA / "overlay_sample.csv")  # stored in the user layers dir
    assert res.path.parent == data / "gazetteer" / "layers"
    gz = Gazetteer.load(cache_dir=tmp_path / "cache")
    hit = gz.search("قاعدة تل بيدر")[0]
    assert hit.place.id == "overlay-overlay_sample:tal-baydar-base" or hit.place.name == "Tal Baydar Base"
    assert hit.place.admin1 == "Al Hasakeh" and hit.place.admin2  # admin2 filled by the nearest seat
    assert any("overlay_sample.csv" in p for p in gz.problems) is False  # the stored layer holds good rows only


def test_geonames_reads_the_zip_geonames_serves(tmp_path):
    import zipfile

    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(DATA / "SY_sample.txt", "SY.txt")
        zf.writestr("readme.txt", "not a table")
    res = import_geonames(z, admin1_codes=DATA / "admin1CodesASCII_sample.txt", out=tmp_path / "gn.csv")
    assert res.rows == 4 and len(res.problems) == 5
