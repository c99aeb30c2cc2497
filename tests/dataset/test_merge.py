"""The merge rules, on signatures and records (no store)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.dataset.merge import (
    MergeSettings,
    Signature,
    cluster_signatures,
    combine_scales,
    compatible,
    distance_km,
    merge_reports,
)

from .fakes import ACTORS, PLACES


def sig(date="2024-01-09", place="Dhiban", sub="Armed clash", a1="IS", a2="SDF", etype=None, gp=1) -> Signature:
    from events import taxonomy as tx

    country, _, _, admin1, _, lat, lon = PLACES[place]
    return Signature(country=country, event_date=date, event_type=etype or tx.SUB_EVENT_PARENT[sub],
                     sub_event_type=sub, actor1=ACTORS[a1][0] if a1 else "", actor2=ACTORS[a2][0] if a2 else "",
                     location=place, admin1=admin1, latitude=lat, longitude=lon, geo_precision=gp, time_precision=1)


def test_fake_places_are_where_the_tests_assume():
    d = PLACES["Dhiban"]
    assert 3.5 < distance_km(d[5], d[6], *PLACES["Dhiban East"][5:]) < 4.5
    assert 7.5 < distance_km(d[5], d[6], *PLACES["Dhiban Far"][5:]) < 8.5


@pytest.mark.parametrize(("a", "b", "same"), [
    (sig(), sig(), True),
    (sig(), sig(a1="SDF", a2="IS"), True),                          # actor order carries no meaning
    (sig(), sig(date="2024-01-10"), True),                          # adjacent day
    (sig(), sig(date="2024-01-11"), False),                         # two days apart
    (sig(), sig(place="Dhiban East"), True),                        # 4 km
    (sig(), sig(place="Dhiban Far"), False),                        # 8 km
    (sig(), sig(a1="UAG"), True),                                   # 'gunmen' vs a named group
    (sig(), sig(a1="TR"), False),                                   # different named actors
    (sig(), sig(sub="Air/drone strike", a2=""), True),              # one incident, several forms
    (sig(), sig(sub="Peaceful protest", a1="IS", a2=""), False),    # different families
    (sig(sub="Arrests", a2=""), sig(sub="Looting/property destruction", a2=""), False),
    (sig(place="Baghdad", a1="IQ", a2="ISI"), sig(a1="IQ", a2="ISI"), False),  # other country
])
def test_compatible(a, b, same):
    s = MergeSettings()
    assert compatible(a, b, s) is same
    assert compatible(b, a, s) is same


def test_thresholds_are_options():
    assert compatible(sig(), sig(date="2024-01-11"), MergeSettings(days=2))
    assert compatible(sig(), sig(place="Dhiban Far"), MergeSettings(km=10))
    assert not compatible(sig(), sig(date="2024-01-10"), MergeSettings(days=0))


@pytest.mark.parametrize(("scales", "expected"), [
    (["National"], "National"),
    (["National", "National"], "National"),
    (["International", "National"], "National-International"),
    (["National", "New media"], "New media-National"),
    (["Other", "Local partner"], "Local partner-Other"),
    (["Subnational", "National", "International"], "Subnational-International"),
    (["", "Regional"], "Regional"),
    ([], ""),
])
def test_combine_scales(scales, expected):
    assert combine_scales(scales) == expected


def test_no_chaining_through_daily_fighting():
    days = [sig(date=f"2024-01-{d:02d}") for d in range(1, 8)]
    clusters = cluster_signatures(days, {}, MergeSettings())
    # each member is within a day of its leader: 7 days make 4 events, not one
    assert len(clusters) == 4
    for members in clusters:
        assert all(abs((m.date - members[0].date).days) <= 1 for m in members)


def test_named_leader_absorbs_gunmen_but_not_other_groups():
    clusters = cluster_signatures([sig(a1="UAG"), sig(a1="TR"), sig()], {}, MergeSettings())
    leaders = [c[0].actor1 for c in clusters]
    assert len(clusters) == 2 and ACTORS["UAG"][0] not in leaders


def test_two_events_of_one_article_never_merge():
    a, b = sig(), sig(place="Dhiban East")
    articles = {a.key: frozenset({"art1"}), b.key: frozenset({"art1"})}
    assert len(cluster_signatures([a, b], articles, MergeSettings())) == 2
    assert len(cluster_signatures([a, b], {}, MergeSettings())) == 1


_sigs = st.builds(sig, date=st.sampled_from(["2024-01-08", "2024-01-09", "2024-01-10", "2024-01-12"]),
                  place=st.sampled_from(["Dhiban", "Dhiban East", "Dhiban Far", "Hajin"]),
                  a1=st.sampled_from(["IS", "UAG", "TR"]), a2=st.sampled_from(["SDF", ""]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_sigs, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_clustering_ignores_arrival_order(signatures, rnd):
    shuffled = list(signatures)
    rnd.shuffle(shuffled)
    first = cluster_signatures(signatures, {}, MergeSettings())
    second = cluster_signatures(shuffled, {}, MergeSettings())
    assert first == second
    for members in first:  # no chaining: every member may be the leader's incident
        assert all(compatible(members[0], m, MergeSettings()) for m in members)


def _report(article_id, outlet, killed, scale="National", a1="Islamic State (Syria)", uid="0" * 16):
    return {"event_id_cnty": "", "event_date": "2024-01-09", "year": 2024, "time_precision": 1,
            "sub_event_type": "Armed clash", "event_type": "Battles", "actor1": a1, "actor2": "X",
            "geo_precision": 1, "confidence": 0.5, "event_uid": uid, "article_id": article_id, "source": outlet,
            "source_scale": scale, "fatalities": killed, "timestamp": 0,
            "notes": "On 9 January 2024, a clash." + (f" Fatalities coded as {killed}." if killed else
                                                       " No fatalities reported."),
            "evidence": [{"text": f"from {article_id}", "start": 0, "end": 9}], "provenance": {}}


def test_merged_record_follows_acled():
    reports = [_report("a", "Beta", 7, "International", uid="a" * 16), _report("b", "alpha", 0, uid="b" * 16),
               _report("c", "Gamma", 4, a1="Unidentified Armed Group (Syria)", uid="c" * 16)]
    rec = merge_reports(reports)
    assert rec["fatalities"] == 4  # the lowest figure among reports that give one
    assert rec["notes"].endswith("Fatalities coded as 4.")
    assert rec["source"] == "alpha; Beta; Gamma"
    assert rec["source_scale"] == "National-International"
    assert rec["actor1"] == "Islamic State (Syria)"  # a named actor leads
    assert [i["entries"][0] for i in rec["provenance"]["reports"]] == ["a", "b", "c"]
    assert rec["provenance"]["fatalities"][-1]["entries"] == ["c"]
    for _ in range(5):
        shuffled = random.Random(_).sample(reports, len(reports))
        assert merge_reports(shuffled) == rec


def test_no_figure_means_zero_not_lowest():
    rec = merge_reports([_report("a", "A", 0), _report("b", "B", 0)])
    assert rec["fatalities"] == 0 and rec["notes"].endswith("No fatalities reported.")
