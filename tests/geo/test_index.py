"""The compiled index: cached on disk, keyed by its sources, rebuilt when one changes."""

from __future__ import annotations

import shutil

import pytest

from events.errors import GazetteerError
from events.geo import Gazetteer, index
from events.geo.admin import AdminTable, distance_km
from events.geo.index import fingerprint, name_variants
from events.geo.sources import load_admin, load_countries
from events.paths import data_path

from .conftest import DATA


def test_warm_load_reads_the_cache(gazetteer, monkeypatch):
    assert gazetteer.cache_path is not None and gazetteer.cache_path.is_file()

    def boom(*a, **k):
        raise AssertionError("rebuilt although the cache is valid")

    monkeypatch.setattr(index, "build_index", boom)
    monkeypatch.setattr("events.geo.gazetteer.build_index", boom)
    again = Gazetteer.load(cache_dir=gazetteer.cache_path.parents[1], user_layers=False)
    assert again.index.fingerprint == gazetteer.index.fingerprint
    assert len(again) == len(gazetteer)


def test_fingerprint_follows_layers(tmp_path):
    layer = tmp_path / "mine.csv"
    shutil.copy(DATA / "overlay_sample.csv", layer)
    before = fingerprint([layer])
    assert before == fingerprint([layer])
    layer.write_text(layer.read_text(encoding="utf-8") + "x2,X Two,town,SY,,,,35.0,40.0,0,test\n", encoding="utf-8")
    assert fingerprint([layer]) != before
    assert fingerprint() != before


def test_layer_with_bad_rows_still_loads(tmp_path, gazetteer):
    gz = Gazetteer.load(layers=[DATA / "overlay_sample.csv"], cache_dir=tmp_path, user_layers=False)
    assert "overlay_sample:tal-baydar-base" in gz
    problems = gz.problems
    assert len(problems) == 5
    assert any("overlay_sample.csv:4: lat: missing value" in p for p in problems)
    assert gz.index.fingerprint != gazetteer.index.fingerprint


def test_missing_layer_file(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load(layers=[tmp_path / "nope.csv"], cache_dir=tmp_path)


def test_info(gazetteer):
    info = gazetteer.info()
    assert info["places"] > 40_000 and info["layers"]["curated"] >= 100 and info["layers"]["admin"] >= 400
    assert info["fingerprint"] == gazetteer.index.fingerprint


@pytest.mark.parametrize(
    ("name", "variant"),
    [("Deir ez-Zor", "Deir ez Zor"), ("Al Bab", "Al-Bab"), ("مركز الحسكة", "الحسكة")],
)
def test_name_variants(name, variant):
    assert variant in name_variants(name)


@pytest.fixture(scope="module")
def table():
    countries = load_countries(data_path("gazetteer", "countries.csv"))
    return AdminTable(load_admin(data_path("gazetteer", "admin.csv"), []), countries)


@pytest.mark.parametrize(
    ("country", "lat", "lon", "admin1", "expected"),
    [
        ("SY", 35.01498, 40.51028, "Deir ez Zor", ("Deir ez Zor", "Al Mayadin", "Thiban")),  # Dhiban
        ("SY", 37.029, 41.54596, "Al Hasakeh", ("Al Hasakeh", "Quamishli", "Qahtaniyyeh")),  # Al Qahtaniyah
        ("SY", 35.6483, 36.67693, "Idleb", ("Idleb", "Al Mara", "Al Mara")),  # Maarat al Numan
        ("SY", 32.99125, 36.06093, "", ("Dara", "Izra", "Jasim")),  # admin1 from the nearest seat
        ("IQ", 36.3209, 41.87656, "Ninewa", ("Ninewa", "", "")),  # Iraqi admin2 not coded
    ],
)
def test_nearest_seat(table, country, lat, lon, admin1, expected):
    assert table.assign(country, lat, lon, admin1) == expected


def test_crosswalk(table):
    assert table.admin1_for_code("SY", "08") == "Rural Damascus"
    assert table.admin1_for_code("SY", "01") == "Al Hasakeh"
    assert table.admin1_for_code("IQ", "19") == "Al Sulaymaniyah"


def test_distance():
    assert 300 < distance_km(33.5102, 36.29128, 36.20124, 37.16117) < 320  # Damascus-Aleppo, great circle
