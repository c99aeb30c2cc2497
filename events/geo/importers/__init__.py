"""Importers: bring a bigger gazetteer without writing code.

Each importer reads a user-downloaded file, converts it to the places format of
``events/geo/sources.py`` and stores it under the user layers dir (``Gazetteer.load`` then uses
it automatically), or writes it where ``out=`` says.  Bad rows (missing or out-of-range
coordinates, unparsable numbers, unknown admin codes, short rows) are reported as
``GazetteerError``s with file, row and field; the other rows are imported.

=============  ==========================================================================
``geonames``    a GeoNames dump: ``SY.txt`` / ``allCountries.txt`` (19 columns), optionally
                ``alternateNamesV2.txt``, ``admin1CodesASCII.txt``, ``admin2Codes.txt``
``ocha``        an OCHA COD gazetteer table (CSV, or XLSX when openpyxl is installed) with
                ``admin1Name_en`` / ``admin1Name_ar`` / ``admin1Pcode`` ... and coordinates
``overlay``     a CSV already in the places format (validated and copied)
=============  ==========================================================================
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import GazetteerError
from ..gazetteer import user_layers_dir
from ..sources import PLACES_COLUMNS

__all__ = ["ImportResult", "write_layer", "layer_path", "IMPORTERS"]

IMPORTERS = ("geonames", "ocha", "overlay")


@dataclass
class ImportResult:
    """What an import wrote and which rows it skipped."""

    path: Path
    rows: int
    problems: list[GazetteerError] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.rows} place(s) written to {self.path}; {len(self.problems)} row(s) skipped"


def layer_path(name: str, out: Path | None = None) -> Path:
    """Where a layer is stored: ``out`` when given, else ``<user layers dir>/<name>.csv``."""
    if out is not None:
        return Path(out)
    return user_layers_dir() / f"{name}.csv"


def write_layer(path: Path, rows: list[dict[str, object]]) -> None:
    """Write rows in the places format (atomically: a failed import leaves the old layer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(PLACES_COLUMNS), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in PLACES_COLUMNS})
    tmp.replace(path)
