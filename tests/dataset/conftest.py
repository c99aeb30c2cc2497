"""Fixtures of the dataset tests: a corpus writer and a build that uses the fake pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from events.dataset import BuildOptions, build_dataset, export_dataset

from .fakes import fake_extract, write_jsonl


class Helper:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.n = 0

    def corpus(self, articles: list[dict], name: str | None = None) -> Path:
        self.n += 1
        return write_jsonl(self.root / (name or f"corpus{self.n}.jsonl"), articles)

    def build(self, inputs: list[Path], db: Path, **options: object):
        opts = {"workers": 1, "extract": fake_extract, "timestamp": 1_000, **options}
        return build_dataset(inputs, db, BuildOptions(**opts))  # type: ignore[arg-type]

    def export(self, db: Path, fmt: str = "jsonl", **kw: object) -> str:
        self.n += 1
        out = self.root / f"export{self.n}.{fmt}"
        export_dataset(db, out, fmt, **kw)  # type: ignore[arg-type]
        return out.read_text(encoding="utf-8")

    def records(self, db: Path, **kw: object) -> list[dict]:
        return [json.loads(x) for x in self.export(db, "jsonl", **kw).splitlines()]


@pytest.fixture
def ds(tmp_path: Path) -> Helper:
    return Helper(tmp_path)
