"""Import a user overlay CSV already in the places format (see ``events/geo/sources.py``).

Columns: ``id,name,feature,country,lat,lon,source`` required; ``admin1,admin2,admin3,parent,
name_ar,variants,population,approx_km`` optional.  Rows are validated exactly as the gazetteer
validates its own tables (bad rows are reported with file, row and field and left out); the good
rows are stored as a layer.  Ids without a ``prefix:`` get ``<layer>:``; an id such as
``gn:170794`` replaces that record of the base layer.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import GazetteerError
from ...paths import data_path
from ..sources import load_admin, load_places
from . import ImportResult, layer_path, write_layer

__all__ = ["import_overlay"]


def import_overlay(path: Path, *, out: Path | None = None, name: str | None = None) -> ImportResult:
    path = Path(path)
    known: dict[str, set[str]] = {}
    for u in load_admin(data_path("gazetteer", "admin.csv"), []):
        if u.level == 1:
            known.setdefault(u.country, set()).add(u.name)
    problems: list[GazetteerError] = []
    entries = load_places(path, "overlay", known, problems)
    rows = [{
        "id": e.id, "name": e.name, "feature": e.feature, "country": e.country_code, "admin1": e.admin1,
        "admin2": e.admin2, "admin3": e.admin3, "parent": e.parent, "name_ar": e.name_ar,
        "variants": "|".join(n for n in e.names if n not in (e.name, e.name_ar)), "lat": f"{e.lat:.5f}",
        "lon": f"{e.lon:.5f}", "population": e.population, "approx_km": e.approx_km, "source": e.source,
    } for e in entries]
    out_path = layer_path(name or f"overlay-{path.stem}", out)
    write_layer(out_path, rows)
    return ImportResult(out_path, len(rows), problems)
