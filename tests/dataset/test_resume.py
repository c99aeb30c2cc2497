"""An interrupted build (kill -9, Ctrl-C) resumes and ends with the uninterrupted dataset."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from events.dataset import dataset_stats

from .conftest import Helper
from .fakes import article, fake_extract, line

REPO = Path(__file__).resolve().parents[2]
PLACES = ["Dhiban", "Dhiban East", "Hajin", "Aleppo"]


def _corpus() -> list[dict]:
    arts = []
    for i in range(30):
        place = PLACES[i % 4]
        sub, a1, a2 = ("Armed clash", "IS", "SDF") if i % 3 else ("Air/drone strike", "TR", "")
        arts.append(article(f"a{i:02d}", f"2024-01-{10 + i % 5:02d}", f"Outlet {i % 6}",
                            line(str(-(i % 2)), place, sub, a1, a2, i % 4), scale=["National", "Regional"][i % 2]))
    return arts


def _killed_build(db: Path, corpus: Path, mode: str, limit: int) -> None:
    proc = subprocess.run([sys.executable, "-m", "tests.dataset._interrupt", str(db), str(corpus), mode, str(limit)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr


@pytest.mark.parametrize(("mode", "limit"), [("ingest", 3), ("ingest", 19), ("consolidate", 1), ("consolidate", 4)])
def test_resume_after_kill_9_gives_the_uninterrupted_dataset(ds: Helper, tmp_path, mode, limit):
    corpus = ds.corpus(_corpus())
    ds.build([corpus], tmp_path / "clean.db", batch_size=4)
    db = tmp_path / "killed.db"
    _killed_build(db, corpus, mode, limit)
    pending = dataset_stats(db)
    assert pending["unfinished_run"]
    if mode == "ingest":
        # every batch coded before the kill is saved; the batch being coded is not
        assert pending["events"] == 0 and pending["articles_ok"] == 4 * ((limit - 1) // 4)
    report = ds.build([corpus], db, batch_size=4, timestamp=9_999)  # the run's own timestamp is kept
    assert report.resumed
    assert ds.export(db, "csv") == ds.export(tmp_path / "clean.db", "csv")
    assert ds.export(db, "jsonl") == ds.export(tmp_path / "clean.db", "jsonl")
    assert not dataset_stats(db)["unfinished_run"]


def test_ctrl_c_then_resume(ds: Helper, tmp_path):
    corpus = ds.corpus(_corpus())
    ds.build([corpus], tmp_path / "clean.db")
    seen = []

    def impatient(art):
        seen.append(art.id)
        if len(seen) == 11:
            raise KeyboardInterrupt
        return fake_extract(art)

    with pytest.raises(KeyboardInterrupt):
        ds.build([corpus], tmp_path / "d.db", extract=impatient, batch_size=4)
    assert dataset_stats(tmp_path / "d.db")["articles_ok"] == 8  # two whole batches
    report = ds.build([corpus], tmp_path / "d.db")
    assert (report.coded, report.skipped) == (22, 8)
    assert ds.export(tmp_path / "d.db") == ds.export(tmp_path / "clean.db")
