"""The store: stable article hashes, datasets written by an older version, addresses."""

from __future__ import annotations

import sqlite3

import pytest

from events.dataset import dataset_stats, open_store
from events.dataset.build import article_hash
from events.dataset.sqlite import SCHEMA_VERSION
from events.errors import InputError
from events.model import Article

from .fakes import article, line

CLASH = ("Armed clash", "IS", "SDF")


def test_article_hash_is_stable():
    # stored in every dataset: if it changed, every article would be coded again on the next run
    # (the value is what version 1 of the store computed)
    art = Article(id="x", text="قتل ثلاثة\nthree killed", published="2024-01-09", outlet="Alpha", url="u",
                  language="ar", source_scale="National", published_basis="metadata")
    assert article_hash(art) == "1c4ae2d438a37b1fb81d783c32cb0126"
    assert article_hash(art.model_copy(update={"published_basis": "estimate"})) == article_hash(art)
    for change in ({"text": "x"}, {"published": None}, {"outlet": "B"}, {"url": ""}, {"language": "en"},
                   {"source_scale": "Regional"}):
        assert article_hash(art.model_copy(update=change)) != article_hash(art)


def _downgrade_to_v1(db) -> None:
    """The dataset as version 1 wrote it: reports without their merge columns."""
    con = sqlite3.connect(db)
    for col in ("fatalities", "confidence", "source", "source_scale", "evidence"):
        con.execute(f"ALTER TABLE reports DROP COLUMN {col}")
    con.execute("ALTER TABLE articles DROP COLUMN position")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()


def _version(db) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    finally:
        con.close()


def test_a_version_1_dataset_is_read_then_upgraded_by_the_next_build(ds, tmp_path):
    first = [article("a", "2024-01-09", "Alpha", line("0", "Dhiban", *CLASH, 5), scale="National"),
             article("b", "2024-01-10", "Beta", line("-1", "Dhiban", *CLASH, 3), scale="International")]
    more = [article("c", "2024-01-09", "Gamma", line("0", "Dhiban East", *CLASH, 4), scale="Regional")]
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    ds.build([ds.corpus(first)], old)
    ds.build([ds.corpus(first)], fresh)
    before = ds.export(old)
    _downgrade_to_v1(old)
    assert ds.export(old) == before and dataset_stats(old)["events"] == 1  # readers need no upgrade
    assert _version(old) == 1
    ds.build([ds.corpus(more)], old)
    ds.build([ds.corpus(more)], fresh)
    assert _version(old) == SCHEMA_VERSION
    assert ds.export(old) == ds.export(fresh)
    (merged,) = ds.records(old)
    assert merged["fatalities"] == 3 and merged["source"] == "Alpha; Beta; Gamma"


def test_a_server_address_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="postgresql://"):
        open_store("postgresql://localhost/events")
    with open_store(f"file://{tmp_path}/d.db", create=True) as store:
        assert store.stats()["events"] == 0
    assert (tmp_path / "d.db").is_file()


def test_the_file_alone_is_the_whole_dataset(ds, tmp_path):
    import shutil

    db = tmp_path / "d.db"
    arts = [article(f"a{i}", "2024-01-09", f"Outlet {i}", line("0", "Dhiban", *CLASH, i)) for i in range(20)]
    ds.build([ds.corpus(arts)], db, workers=2, batch_size=3)  # workers read the dataset too
    copy = tmp_path / "copy" / "d.db"
    copy.parent.mkdir()
    shutil.copyfile(db, copy)  # without the -wal file
    assert ds.export(copy) == ds.export(db) and len(ds.records(copy)) == 1
