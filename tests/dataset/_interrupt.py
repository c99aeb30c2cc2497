"""Run a build that kills itself (SIGKILL, as ``kill -9`` would) at a chosen point.

    python -m tests.dataset._interrupt DB CORPUS ingest N       # while coding the N-th article
    python -m tests.dataset._interrupt DB CORPUS consolidate N  # at the N-th consolidation commit

The point is chosen by count, not by time, so the test is deterministic.
"""

from __future__ import annotations

import functools
import os
import signal
import sys

from events.dataset import BuildOptions, build_dataset
from events.dataset import build as build_module
from events.dataset.consolidate import consolidate
from events.dataset.sqlite import SQLiteStore

from .fakes import fake_extract

_count = 0


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _extract_then_die(limit: int):
    def extract(article):
        global _count
        _count += 1
        if _count == limit:
            _die()
        return fake_extract(article)

    return extract


def main(db: str, corpus: str, mode: str, limit: int) -> None:
    extract = fake_extract
    if mode == "ingest":
        extract = _extract_then_die(limit)
    else:
        original = SQLiteStore.save_events

        def save_then_die(self, *args, **kwargs):
            global _count
            _count += 1
            if _count == limit:
                _die()
            return original(self, *args, **kwargs)

        SQLiteStore.save_events = save_then_die  # type: ignore[method-assign]
        build_module.consolidate = functools.partial(consolidate, groups_per_commit=1)  # type: ignore[assignment]
    build_dataset([corpus], db, BuildOptions(workers=1, batch_size=4, extract=extract, timestamp=1_000))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
