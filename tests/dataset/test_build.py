"""Building a dataset: idempotent re-runs, merge across outlets, id stability, bad inputs."""

from __future__ import annotations

import random

import pytest

from events.dataset import MergeSettings, dataset_stats
from events.errors import OutputExistsError

from .fakes import article, line

CLASH = ("Armed clash", "IS", "SDF")


def _wire(n_outlets: int = 3) -> list[dict]:
    """One clash reported by several outlets (one a day later: 'yesterday'), and a strike."""
    outlets = [("Alpha News", "National", 5), ("Beta Wire", "International", 3), ("Gamma", "Regional", 0)]
    arts = []
    for i, (outlet, scale, killed) in enumerate(outlets[:n_outlets]):
        published, offset = ("2024-01-09", "0") if i == 0 else ("2024-01-10", "-1")
        arts.append(article(f"w{i}", published, outlet, line(offset, "Dhiban", *CLASH, killed), scale=scale))
    arts.append(article("s1", "2024-01-12", "Alpha News", line("0", "Aleppo", "Air/drone strike", "TR")))
    return arts


def test_rerun_changes_nothing(ds, tmp_path):
    src = ds.corpus(_wire())
    db = tmp_path / "d.db"
    ds.build([src], db, timestamp=1_000)
    first = ds.export(db, "csv"), ds.export(db, "geojson"), ds.export(db, "jsonl")
    report = ds.build([src], db, timestamp=2_000)  # a later run: timestamps must not move
    assert (report.coded, report.skipped, report.reports) == (0, 4, 0)
    assert (ds.export(db, "csv"), ds.export(db, "geojson"), ds.export(db, "jsonl")) == first
    assert dataset_stats(db)["events"] == 2


def test_same_incident_from_three_outlets_is_one_event(ds, tmp_path):
    db = tmp_path / "d.db"
    ds.build([ds.corpus(_wire())], db)
    clash, strike = ds.records(db)
    assert clash["event_date"] == "2024-01-09"
    assert clash["source"] == "Alpha News; Beta Wire; Gamma"
    assert clash["source_scale"] == "National-International"
    assert clash["fatalities"] == 3 and clash["notes"].endswith("Fatalities coded as 3.")
    reports = clash["provenance"]["reports"]
    assert sorted(r["entries"][0] for r in reports) == ["w0", "w1", "w2"]
    assert all(r["text"].startswith("EVENT|") for r in reports)
    assert strike["source"] == "Alpha News" and strike["source_scale"] == "National"


def test_different_actors_places_and_days_stay_apart(ds, tmp_path):
    db = tmp_path / "d.db"
    arts = [article("a", "2024-01-09", "A", line("0", "Dhiban", *CLASH)),
            article("b", "2024-01-09", "B", line("0", "Dhiban", "Armed clash", "TR", "SDF")),
            article("c", "2024-01-09", "C", line("0", "Dhiban Far", *CLASH)),
            article("d", "2024-01-11", "D", line("0", "Dhiban", *CLASH))]
    ds.build([ds.corpus(arts)], db)
    assert len(ds.records(db)) == 4
    ds.build([ds.corpus(arts)], tmp_path / "wide.db", settings=MergeSettings(days=2, km=10))
    assert len(ds.records(tmp_path / "wide.db")) == 2  # TR vs SDF is never the IS clash


def test_ids_are_assigned_once_and_kept(ds, tmp_path):
    db = tmp_path / "d.db"
    ds.build([ds.corpus(_wire(1))], db, timestamp=1_000)
    before = {r["event_uid"]: r for r in ds.records(db)}
    assert sorted(r["event_id_cnty"] for r in before.values()) == ["SYR1", "SYR2"]
    more = [_wire()[1], article("q", "2024-01-20", "Q", line("0", "Baghdad", "Armed clash", "IQ", "ISI", 2))]
    report = ds.build([ds.corpus(more)], db, timestamp=2_000)
    assert (report.consolidation.new, report.consolidation.updated, report.consolidation.unchanged) == (1, 1, 0)
    after = {r["event_id_cnty"]: r for r in ds.records(db)}
    assert set(after) == {"SYR1", "SYR2", "IRQ1"}
    clash = next(r for r in after.values() if r["event_type"] == "Battles" and r["country"] == "Syria")
    strike = next(r for r in after.values() if r["event_type"] != "Battles")
    assert clash["event_id_cnty"] == next(r["event_id_cnty"] for r in before.values() if r["event_type"] == "Battles")
    assert clash["timestamp"] == 2_000 and clash["source"] == "Alpha News; Beta Wire"  # changed
    assert strike["timestamp"] == 1_000  # untouched
    assert after["IRQ1"]["timestamp"] == 2_000


def test_merged_ids_are_retired_and_never_reused(ds, tmp_path):
    db = tmp_path / "d.db"
    # gunmen 8 km apart: two events; a named report in between makes them one incident
    ds.build([ds.corpus([article("a", "2024-01-09", "A", line("0", "Dhiban", "Armed clash", "UAG", "SDF")),
                         article("b", "2024-01-09", "B", line("0", "Dhiban Far", "Armed clash", "UAG", "SDF"))])], db)
    assert sorted(r["event_id_cnty"] for r in ds.records(db)) == ["SYR1", "SYR2"]
    report = ds.build([ds.corpus([article("c", "2024-01-09", "C", line("0", "Dhiban East", *CLASH))])], db)
    assert report.consolidation.retired == 1
    (merged,) = ds.records(db)
    assert merged["event_id_cnty"] == "SYR1" and merged["source"] == "A; B; C"
    assert merged["location"] == "Dhiban East"  # the named report leads
    ds.build([ds.corpus([article("d", "2024-02-01", "D", line("0", "Hajin", *CLASH))])], db)
    assert sorted(r["event_id_cnty"] for r in ds.records(db)) == ["SYR1", "SYR3"]
    assert dataset_stats(db)["retired_ids"] == 1


def test_a_changed_article_replaces_its_reports(ds, tmp_path):
    db = tmp_path / "d.db"
    ds.build([ds.corpus(_wire())], db)
    ids = {r["event_type"]: r["event_id_cnty"] for r in ds.records(db)}
    changed = _wire()
    changed[0] = article("w0", "2024-01-09", "Alpha News", line("0", "Dhiban", *CLASH, 1), scale="National")
    report = ds.build([ds.corpus(changed)], db)
    assert (report.coded, report.skipped) == (1, 3)
    clash = next(r for r in ds.records(db) if r["event_type"] == "Battles")
    assert clash["fatalities"] == 1 and clash["event_id_cnty"] == ids["Battles"]
    assert dataset_stats(db)["reports"] == 4


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_article_order_does_not_matter(ds, tmp_path, seed):
    arts = _wire() + [article("x", "2024-01-09", "X", line("0", "Dhiban", "Armed clash", "UAG", "SDF", 9)),
                      article("y", "2024-01-10", "Y", line("0", "Dhiban Far", "Armed clash", "UAG", "SDF")),
                      article("z", "2024-01-12", "Z", line("-1", "Aleppo", "Shelling/artillery/missile attack", "TR"))]
    ds.build([ds.corpus(arts)], tmp_path / "ordered.db", batch_size=2)
    shuffled = random.Random(seed).sample(arts, len(arts))
    ds.build([ds.corpus(shuffled)], tmp_path / "shuffled.db", batch_size=3)
    assert ds.export(tmp_path / "ordered.db") == ds.export(tmp_path / "shuffled.db")


def test_incremental_equals_from_scratch_up_to_ids(ds, tmp_path):
    arts = _wire() + [article("x", "2024-01-09", "X", line("0", "Dhiban Far", "Armed clash", "UAG", "SDF", 9)),
                      article("y", "2024-01-09", "Y", line("0", "Dhiban East", "Armed clash", "UAG", "SDF"))]
    ds.build([ds.corpus(arts)], tmp_path / "once.db")
    for i in range(0, len(arts), 2):
        ds.build([ds.corpus(arts[i:i + 2])], tmp_path / "steps.db")

    def content(db):
        return sorted(str({k: v for k, v in r.items() if k not in ("event_id_cnty", "timestamp")})
                      for r in ds.records(db))

    assert content(tmp_path / "once.db") == content(tmp_path / "steps.db")


def test_two_workers_give_the_same_dataset(ds, tmp_path):
    arts = [article(f"a{i}", "2024-01-10", f"Outlet {i % 4}", line(str(-(i % 3)), "Dhiban", *CLASH, i % 5))
            for i in range(40)]
    src = ds.corpus(arts)
    ds.build([src], tmp_path / "one.db", workers=1, batch_size=4)
    ds.build([src], tmp_path / "two.db", workers=2, batch_size=3)
    assert ds.export(tmp_path / "one.db") == ds.export(tmp_path / "two.db")


def test_bad_articles_are_counted_listed_and_skipped(ds, tmp_path):
    src = ds.corpus(_wire() + [{"id": "boom", "published": "2024-01-01", "text": "CRASH"}])
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    report = ds.build([src, tmp_path / "missing.jsonl"], tmp_path / "d.db")
    assert report.failed == 3
    messages = sorted(str(p) for p in report.problems)
    assert any("boom" in m and "RuntimeError" in m for m in messages)
    assert any("broken JSON" in m for m in messages)
    assert any("no such file" in m for m in messages)
    stats = dataset_stats(tmp_path / "d.db")
    assert (stats["events"], stats["articles_failed"], stats["input_problems"]) == (2, 1, 2)


def test_a_reused_id_with_another_text_keeps_the_first(ds, tmp_path):
    one = article("same", "2024-01-09", "A", line("0", "Dhiban", *CLASH))
    two = article("same", "2024-01-09", "B", line("0", "Aleppo", "Air/drone strike", "TR"))
    report = ds.build([ds.corpus([one, two])], tmp_path / "d.db")
    assert report.failed == 1 and "unique id" in str(report.problems[0])
    (rec,) = ds.records(tmp_path / "d.db")
    assert rec["source"] == "A"


@pytest.mark.parametrize(("workers", "batch_size"), [(1, 1), (2, 1), (2, 2)])
def test_the_first_of_a_reused_id_wins_whatever_the_workers(ds, tmp_path, workers, batch_size):
    arts = [article(f"x{i}", "2024-01-09", f"O{i}", line("0", "Hajin", "Air/drone strike", "TR")) for i in range(9)]
    arts[2] = article("same", "2024-01-09", "First", line("0", "Dhiban", *CLASH))
    arts[7] = article("same", "2024-01-09", "Second", line("0", "Aleppo", "Air/drone strike", "TR"))
    db = tmp_path / "d.db"
    report = ds.build([ds.corpus(arts)], db, workers=workers, batch_size=batch_size)
    assert report.failed == 1 and "unique id" in str(report.problems[0])
    assert [r["source"] for r in ds.records(db) if r["location"] != "Hajin"] == ["First"]


def test_a_later_article_stored_first_gives_way():
    """Workers store batches in the order they finish: the first in the input wins all the same."""
    from events.dataset.build import _drop_duplicates
    from events.dataset.store import ArticleRecord, ArticleState

    first, other = ArticleRecord("a", "h1", "ok", position=3), ArticleRecord("a", "h2", "ok", position=3)
    stored_later = {"a": ArticleState("h2", "ok", 7, 9)}  # run 7, stored from position 9
    kept, problems = _drop_duplicates(stored_later, 7, [first])
    assert kept == [first] and len(problems) == 1  # replaces it; the id is reported
    stored_earlier = {"a": ArticleState("h2", "ok", 7, 1)}
    kept, problems = _drop_duplicates(stored_earlier, 7, [first])
    assert kept == [] and len(problems) == 1
    same_later = {"a": ArticleState("h2", "ok", 7, 9)}
    kept, problems = _drop_duplicates(same_later, 7, [other])
    assert kept == [other] and problems == []  # the same text, stored again at its first position
    assert _drop_duplicates({"a": ArticleState("h2", "ok", 6, 1)}, 7, [first]) == ([first], [])  # another run


def test_a_file_that_is_not_a_dataset_is_kept(ds, tmp_path):
    precious = tmp_path / "thesis.db"
    precious.write_text("my thesis", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        ds.build([ds.corpus(_wire())], precious)
    assert precious.read_text(encoding="utf-8") == "my thesis"
    ds.build([ds.corpus(_wire())], precious, force=True)
    assert dataset_stats(precious)["events"] == 2


def test_one_writer_at_a_time(ds, tmp_path):
    from events.dataset.store import DatasetBusyError, open_store

    db = tmp_path / "d.db"
    with open_store(db, create=True, writer=True):
        with pytest.raises(DatasetBusyError):
            ds.build([ds.corpus(_wire())], db)
        with open_store(db) as reader:  # readers are welcome
            assert reader.stats()["events"] == 0
    ds.build([ds.corpus(_wire())], db)
    assert dataset_stats(db)["events"] == 2


def test_reprocess_codes_everything_again_and_changes_nothing(ds, tmp_path):
    db = tmp_path / "d.db"
    src = ds.corpus(_wire())
    ds.build([src], db)
    before = ds.export(db)
    report = ds.build([src], db, reprocess=True, timestamp=5_000)
    assert (report.coded, report.skipped) == (4, 0)
    assert ds.export(db) == before


def test_new_thresholds_recluster_and_are_kept(ds, tmp_path):
    db = tmp_path / "d.db"
    arts = [article("a", "2024-01-09", "A", line("0", "Dhiban", *CLASH)),
            article("c", "2024-01-09", "C", line("0", "Dhiban Far", *CLASH))]
    ds.build([ds.corpus(arts)], db)
    assert len(ds.records(db)) == 2
    ds.build([ds.corpus(arts)], db, settings=MergeSettings(km=10))
    (merged,) = ds.records(db)
    assert merged["event_id_cnty"] == "SYR1" and dataset_stats(db)["retired_ids"] == 1
    ds.build([ds.corpus(arts + [article("z", "2024-03-01", "Z", line("0", "Aleppo", *CLASH))])], db)
    assert dataset_stats(db)["merge_settings"] == {"days": 1, "km": 10.0}
    assert len(ds.records(db)) == 2
