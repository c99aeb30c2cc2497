"""Regression floor on the development corpus (skips where ../shared is absent).

The figures reached when this floor was set: dates 71/71 (1.000), fatalities 70/71 (0.986);
the floor sits a little below so that a regression fails and an honest change of rule does not.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_language", ROOT / "benchmarks" / "eval_language.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_dev_corpus_dates_and_fatalities(dev_corpus):
    res = _eval_module().evaluate()
    assert res.dates_total == len(dev_corpus.gold)
    assert res.date_share >= 0.93, res.failures
    assert res.fatality_share >= 0.90, res.failures
    assert res.gold_blocked <= 2, res.failures
