"""Datasets: many corpora in, one deduplicated ACLED-style dataset out, with stable ids.

>>> from events.dataset import build_dataset, BuildOptions, load_dataframe   # doctest: +SKIP
>>> build_dataset(["archive/2024-01.jsonl"], "syria.db", BuildOptions(workers=2))  # doctest: +SKIP
>>> frame = load_dataframe("syria.db", country="Syria", since="2024-01-01")  # doctest: +SKIP

Modules: ``build`` (streaming, multiprocess ingestion), ``store``/``sqlite`` (the store
interface and its SQLite file), ``merge`` (which reports are one incident, and the merged
record), ``consolidate`` (incremental merge, ids, timestamps), ``export`` (files, pandas,
counts), ``cli`` (the ``build``, ``export`` and ``stats`` commands).
"""

from __future__ import annotations

from .build import BuildOptions, BuildReport, build_dataset
from .consolidate import ConsolidationReport, consolidate
from .export import (
    EXPORT_FORMATS,
    MissingDependencyError,
    dataset_stats,
    export_dataset,
    iter_dataset,
    load_dataframe,
    make_filters,
)
from .merge import MergeSettings
from .store import EventFilters, Store, open_store

__all__ = [
    "BuildOptions",
    "BuildReport",
    "ConsolidationReport",
    "EXPORT_FORMATS",
    "EventFilters",
    "MergeSettings",
    "MissingDependencyError",
    "Store",
    "build_dataset",
    "consolidate",
    "dataset_stats",
    "export_dataset",
    "iter_dataset",
    "load_dataframe",
    "make_filters",
    "open_store",
]
