"""Consolidation shared out to worker processes gives the dataset (ids included) of one process."""

from __future__ import annotations

import importlib
import random

from .fakes import article, line

PLACES = ["Dhiban", "Dhiban East", "Dhiban Far", "Hajin", "Aleppo", "Baghdad"]
KINDS = [("Armed clash", "IS", "SDF"), ("Armed clash", "UAG", "SDF"), ("Air/drone strike", "TR", ""),
         ("Armed clash", "IQ", "ISI")]


def _corpus(n: int, seed: int = 3) -> list[dict]:
    rnd = random.Random(seed)
    arts = []
    for i in range(n):
        sub, a1, a2 = rnd.choice(KINDS)
        place = "Baghdad" if a1 == "IQ" else rnd.choice(PLACES[:-1])
        day = rnd.randint(1, 9)
        arts.append(article(f"a{i:03d}", f"2024-02-{day:02d}", f"Outlet {rnd.randint(1, 5)}",
                            line(str(-rnd.randint(0, 1)), place, sub, a1, a2, rnd.randint(0, 4)),
                            scale=rnd.choice(["National", "Regional", "International"])))
    return arts


def _steps(ds, db, arts):
    """Three runs: a first corpus, more articles, then more and a changed article."""
    changed = dict(arts[0], text=arts[0]["text"] + "\n" + line("0", "Hajin", *KINDS[0], 2))
    reports, exports = [], []
    for part in (arts[:40], arts[40:70], arts[70:] + [changed]):
        reports.append(ds.build([ds.corpus(part)], db, workers=ds.workers, batch_size=7).consolidation)
        exports.append(ds.export(db))
    return reports, exports


def test_parallel_merge_gives_the_same_ids_and_counts(ds, tmp_path, monkeypatch):
    arts = _corpus(90)
    ds.workers = 1
    reference = _steps(ds, tmp_path / "one.db", arts)
    counts = reference[0]
    assert counts[0].components > 10 and counts[1].updated > 0 and sum(c.retired for c in counts) > 0
    # one group per task, two dirty groups per page: components span pages, tasks queue up
    module = importlib.import_module("events.dataset.consolidate")
    monkeypatch.setattr(module, "REPORTS_PER_TASK", 1)
    monkeypatch.setattr(module, "PAGE", 2)
    for workers in (1, 2):
        ds.workers = workers
        assert _steps(ds, tmp_path / f"small-{workers}.db", arts) == reference
