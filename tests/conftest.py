"""Shared fixtures.

Tests that read the development corpus (``../shared/corpus/dev`` beside the checkout) use the
``dev_corpus`` fixture, which skips cleanly where that folder is absent, so the README's test
command passes on any clone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests run a bounded number of examples in CI; `--hypothesis-profile=fuzz` runs a long
# fuzzing session outside CI (README, "Development").
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV_DIR = SHARED / "corpus" / "dev"


@dataclass(frozen=True)
class DevCorpus:
    articles: dict[str, dict]
    gold: list[dict]
    negatives: list[dict]


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_dev_corpus() -> DevCorpus | None:
    if not (DEV_DIR / "articles.jsonl").is_file():
        return None
    articles = {a["id"]: a for a in _read_jsonl(DEV_DIR / "articles.jsonl")}
    return DevCorpus(articles, _read_jsonl(DEV_DIR / "gold.jsonl"), _read_jsonl(DEV_DIR / "negatives.jsonl"))


@pytest.fixture(scope="session")
def dev_corpus() -> DevCorpus:
    corpus = load_dev_corpus()
    if corpus is None:
        pytest.skip(f"development corpus not found at {DEV_DIR}")
    return corpus
