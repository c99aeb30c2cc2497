"""The evaluation: matching by date and distance, P/R/F1, field accuracy, negatives."""

from __future__ import annotations

import json

import pytest

from events.cli import main
from events.evaluation import evaluate, haversine_km


def ev(art, date, sub, lat, lon, **kw):
    base = {"article_id": art, "event_date": date, "sub_event_type": sub, "event_type": "Battles",
            "latitude": lat, "longitude": lon, "actor1": "A", "actor2": "B", "location": "X", "admin1": "Y",
            "admin2": "", "geo_precision": 1, "time_precision": 1, "fatalities": 0, "civilian_targeting": "",
            "assoc_actor_1": "", "assoc_actor_2": "", "evidence": [{"text": kw.pop("evidence", "")}]}
    base.update(kw)
    return base


def test_haversine_known_distance():
    # Aleppo to Damascus is about 310 km
    assert 300 < haversine_km(36.2012, 37.1612, 33.5102, 36.2913) < 320


def test_perfect_match():
    g = [ev("a", "2023-01-01", "Armed clash", 35, 40)]
    r = evaluate(g, g)
    assert r.detection["f1"] == 1.0 and r.typed["f1"] == 1.0
    assert all(v["accuracy"] == 1.0 for v in r.fields.values())


@pytest.mark.parametrize("pred_date, pred_lat, matched", [
    ("2023-01-02", 35.0, True),     # one day off: still the same event
    ("2023-01-03", 35.0, False),    # two days off
    ("2023-01-01", 35.3, True),     # ~33 km
    ("2023-01-01", 35.6, False),    # ~67 km
])
def test_tolerances(pred_date, pred_lat, matched):
    r = evaluate([ev("a", "2023-01-01", "Armed clash", 35.0, 40.0)], [ev("a", pred_date, "Armed clash", pred_lat, 40.0)])
    assert r.detection["tp"] == int(matched)


def test_type_correct_and_field_errors():
    g = [ev("a", "2023-01-01", "Armed clash", 35, 40, fatalities=3)]
    p = [ev("a", "2023-01-01", "Attack", 35, 40.05, fatalities=2)]
    r = evaluate(g, p)
    assert r.detection["f1"] == 1.0 and r.typed["f1"] == 0.0
    assert r.fields["fatalities"]["accuracy"] == 0.0 and r.fields["location_10km"]["accuracy"] == 1.0


def test_events_of_other_articles_never_match():
    r = evaluate([ev("a", "2023-01-01", "Armed clash", 35, 40)], [ev("b", "2023-01-01", "Armed clash", 35, 40)])
    assert r.detection["tp"] == 0 and r.detection["precision"] == 0.0


def test_negative_triggered_by_spurious_event_only():
    negs = [{"article_id": "a", "text": "نفت قسد الاتهامات", "why": "denial"}]
    g = [ev("a", "2023-01-01", "Armed clash", 35, 40)]
    p_ok = [ev("a", "2023-01-01", "Armed clash", 35, 40, evidence="اشتباكات. نفت قسد الاتهامات")]
    assert evaluate(g, p_ok, negs).negatives_triggered == []
    p_bad = p_ok + [ev("a", "2023-03-01", "Armed clash", 35, 40, evidence="وقد نفت قسد الاتهامات أمس")]
    assert len(evaluate(g, p_bad, negs).negatives_triggered) == 1


def test_cli_evaluate(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(ev("a", "2023-01-01", "Armed clash", 35, 40)) + "\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(gold), "--details"]) == 0
    assert "F1 1.000" in capsys.readouterr().out
