"""Gazetteer fixtures: one index built per test session in a temporary cache, no user layers."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.geo import Gazetteer
from events.mentions.base import prepare
from events.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "geo"


@pytest.fixture(scope="session")
def geo_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return tmp_path_factory.mktemp("geo-cache"), tmp_path_factory.mktemp("geo-data")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(geo_dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cache, data = geo_dirs
    monkeypatch.setenv("CONFLICT_EVENTS_CACHE", str(cache))
    monkeypatch.setenv("CONFLICT_EVENTS_DATA", str(data))


@pytest.fixture(scope="session")
def gazetteer(geo_dirs: tuple[Path, Path]) -> Gazetteer:
    cache, _data = geo_dirs
    return Gazetteer.load(cache_dir=cache, user_layers=False)


def doc_of(text: str, language: str = ""):
    return prepare(Article(id="t", text=text, language=language))
