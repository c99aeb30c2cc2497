"""Gazetteer.search: the done-when queries and ranking by name, country and feature."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("query", "country", "expected_id", "feature"),
    [
        ("سجن الصناعة", None, "site:sy-prison-sinaa", "prison"),
        ("حقل العمر", None, "site:sy-oil-omar", "oilfield"),
        ("مخيم الهول", None, "site:sy-camp-hol", "camp"),
        ("Ain al-Asad", None, "site:iq-base-ainasad", "base"),
        ("قاعدة عين الأسد", None, "site:iq-base-ainasad", "base"),
        ("al-Hol camp", None, "site:sy-camp-hol", "camp"),
        ("Ghwayran prison", None, "site:sy-prison-sinaa", "prison"),
        ("حقل العمر النفطي", None, "site:sy-oil-omar", "oilfield"),
        ("دير الزور", None, "gn:170794", "city"),
        ("Deir ez-Zor", None, "gn:170794", "city"),
        ("Deir al-Zour", None, "gn:170794", "city"),
        ("حسكة", None, "gn:173811", "city"),  # article-insensitive
        ("Qamishlo", None, "gn:173377", "city"),
        ("Kobani", None, "gn:172256", "town"),
        ("Sinjar", "IQ", "gn:448149", "town"),
        ("Sinjar", "SY", "gn:164094", "town"),
        ("سنجار", "Syria", "gn:164094", "town"),
        ("Hasakah governorate", None, "adm:SY08", "admin1"),
        ("محافظة دير الزور", None, "adm:SY09", "admin1"),
        ("Ninewa", None, "adm:IQ-NI", "admin1"),
        ("Tayaran Square", None, "site:iq-sq-baghdad-tayaran", "square"),
        ("الشيخ مقصود", None, "site:sy-nb-aleppo-sheikhmaqsoud", "neighbourhood"),
    ],
)
def test_search_top_hit(gazetteer, query, country, expected_id, feature):
    hits = gazetteer.search(query, country=country)
    assert hits, query
    assert hits[0].place.id == expected_id
    assert hits[0].place.feature == feature


def test_search_reports_reason_and_respects_limit(gazetteer):
    hits = gazetteer.search("دير الزور", limit=3)
    assert len(hits) == 3
    assert hits[0].reason == "exact name"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_name_inside_longer_query(gazetteer):
    hits = gazetteer.search("حقل كونيكو للغاز قرب دير الزور")
    reasons = {h.place.id: h.reason for h in hits}
    assert reasons.get("site:sy-gas-conoco") in ("exact name", "name inside the query")


def test_prefix_search(gazetteer):
    assert gazetteer.search("Raqq")[0].place.id == "gn:172955"


@pytest.mark.parametrize("query", ["", "   ", "xqzxqzxqz"])
def test_search_nothing(gazetteer, query):
    assert gazetteer.search(query) == []


@pytest.mark.parametrize(
    ("country", "admin1", "admin2", "expected"),
    [
        ("SY", "Deir ez Zor", "", "gn:170794"),
        ("Syria", "Al Hasakeh", "", "gn:173811"),
        ("SY", "Idleb", "Al Mara", "gn:167611"),
        ("SY", "Al Hasakeh", "Quamishli", "gn:173377"),
        ("IQ", "Kirkuk", "", "gn:94787"),
        ("IQ", "Diyala", "", "gn:97990"),
        ("Iraq", "Ninewa", "", "gn:99072"),
    ],
)
def test_seat(gazetteer, country, admin1, admin2, expected):
    seat = gazetteer.seat(country, admin1, admin2)
    assert seat is not None and seat.id == expected


def test_seat_unknown_unit(gazetteer):
    assert gazetteer.seat("SY", "Atlantis") is None


def test_get_and_missing(gazetteer):
    assert gazetteer.get("site:sy-camp-hol").admin1 == "Al Hasakeh"
    with pytest.raises(KeyError):
        gazetteer.get("gn:0")


@pytest.mark.parametrize(("query", "expected"), [("Kanaker", "gn:168579"), ("Maaret al-Nouman", "gn:167611"),
                                                 ("Qamishly", "gn:173377")])
def test_similar_spelling(gazetteer, query, expected):
    hit = gazetteer.search(query)[0]
    assert hit.place.id == expected and hit.reason == "similar spelling"


@pytest.mark.parametrize(("a", "b"), [("kanaker", "kanakir"), ("nassiriya", "nasiriyah"), ("al-mayadeen", "mayadin")])
def test_skeleton(a, b):
    from events.geo.gazetteer import skeleton

    assert skeleton(a) == skeleton(b)
