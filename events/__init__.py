"""conflict-events: turn Arabic and English conflict news into coded ACLED-style events.

The public API::

    import events
    evs = events.extract(text, published="2023-11-20", outlet="Al-Mashhad")  # -> list[Event]
    frame = events.to_dataframe(evs)                                           # ACLED columns
    problems = events.validate_file("out/seed.csv")                            # -> list[Problem]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import ExtractOptions, extract, extract_text, read_articles, run_extract, to_dataframe
from .errors import ConflictEventsError, InputError, LexiconError, OutputExistsError
from .io.validate import validate_file
from .io.writers import write_events
from .model import ACLED_COLUMNS, ALL_COLUMNS, Article, Event, Evidence, ProvenanceItem
from .pipeline import Extraction, Resources, extract_article
from .problems import Problem
from .schema import build_schema, load_schema

__all__ = [
    "ACLED_COLUMNS",
    "ALL_COLUMNS",
    "Article",
    "ConflictEventsError",
    "Event",
    "Evidence",
    "ExtractOptions",
    "Extraction",
    "InputError",
    "LexiconError",
    "OutputExistsError",
    "Problem",
    "ProvenanceItem",
    "Resources",
    "build_schema",
    "extract",
    "extract_article",
    "extract_text",
    "load_schema",
    "read_articles",
    "run_extract",
    "to_dataframe",
    "validate_file",
    "write_events",
]
