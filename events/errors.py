"""Exceptions: one root, each also a subclass of the matching built-in (as geopy does).

Every error carries where it happened (a file, a line, a field) so a message can say what to
fix.  The command line prints ``str(error)`` on one line and never a traceback for these.
"""

from __future__ import annotations

__all__ = [
    "ConflictEventsError",
    "InputError",
    "LexiconError",
    "GazetteerError",
    "SchemaError",
    "OutputExistsError",
]


class ConflictEventsError(Exception):
    """Root of every error this package raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 field: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{field}{self.message}{hint}"


class InputError(ConflictEventsError, ValueError):
    """An article or input file cannot be read or has invalid fields."""


class LexiconError(ConflictEventsError, ValueError):
    """A lexicon file or overlay is missing or malformed."""


class GazetteerError(ConflictEventsError, ValueError):
    """A gazetteer source cannot be read or imported."""


class SchemaError(ConflictEventsError, ValueError):
    """An event does not conform to the record schema."""


class OutputExistsError(ConflictEventsError, FileExistsError):
    """An output file exists and ``--force`` was not given."""
