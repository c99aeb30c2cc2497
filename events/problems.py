"""A problem found in an input, an output or a data file, located as ``file:line: field: message``.

Readers, validators and importers never stop at the first problem: they collect ``Problem``
objects and go on, so a user sees every problem at once and loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem"]


@dataclass(frozen=True)
class Problem:
    """Something wrong at a place in a file (``line`` and ``field`` when they are known)."""

    path: str
    message: str
    line: int | None = None
    field: str = ""
    severity: str = "error"  # 'error' | 'warning'

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line is not None else "")
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"
