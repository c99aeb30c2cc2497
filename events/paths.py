"""Where the shipped data lives: inside the wheel (``events/_data``) or beside the package.

A wheel carries ``schema/`` and ``gazetteer/`` as ``events/_data/schema`` and
``events/_data/gazetteer``; an editable install (``pip install -e .``) reads them from the
checkout's top-level folders.  Code asks ``data_path("gazetteer", "admin1.csv")`` and never
cares which.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_path", "PACKAGE_DIR"]

PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a shipped data file or folder, e.g. ``data_path("schema", "event.schema.json")``."""
    inside = PACKAGE_DIR.joinpath("_data", *parts)
    if inside.exists():
        return inside
    return PACKAGE_DIR.parent.joinpath(*parts)
