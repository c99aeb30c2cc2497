"""Optional online geocoding through geopy's Nominatim client: off unless asked for.

``Gazetteer.load(online=True)`` (or ``gazetteer search --online``) adds this fallback to
``search``: asked only when the offline gazetteer finds nothing, never from ``locate_places``.
Requests are rate-limited (one a second by default, as the public Nominatim policy asks) and every
answer is cached in ``<cache dir>/gazetteer/online.sqlite``, so a name is asked once.  The server
is ``nominatim.openstreetmap.org`` unless ``$CONFLICT_EVENTS_NOMINATIM`` (host[:port]) and
``$CONFLICT_EVENTS_NOMINATIM_SCHEME`` say otherwise (tests use a server on 127.0.0.1).
Results keep the provider's raw answer in ``Place.source`` terms: ``osm:<type>/<id>``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Candidate, Place

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

__all__ = ["OnlineGeocoder"]

_FEATURES = {
    "city": "city", "town": "town", "village": "village", "hamlet": "village", "suburb": "neighbourhood",
    "neighbourhood": "neighbourhood", "quarter": "neighbourhood", "aerodrome": "airport", "military": "base",
    "prison": "prison", "dam": "dam", "border_control": "crossing", "state": "admin1", "county": "admin2",
    "square": "square", "peak": "natural", "mountain_range": "natural",
}


class OnlineGeocoder:
    """Nominatim, rate-limited and cached on disk."""

    def __init__(self, cache_dir: Path, *, domain: str | None = None, scheme: str | None = None,
                 user_agent: str = "conflict-events (gazetteer fallback)", min_delay: float = 1.0,
                 timeout: float = 10.0) -> None:
        self.domain = domain or os.environ.get("CONFLICT_EVENTS_NOMINATIM", "nominatim.openstreetmap.org")
        self.scheme = scheme or os.environ.get("CONFLICT_EVENTS_NOMINATIM_SCHEME", "https")
        self.user_agent = user_agent
        self.min_delay = min_delay
        self.timeout = timeout
        self.cache_path = Path(cache_dir) / "online.sqlite"
        self._last = 0.0
        self._client: Any = None
        self.requests = 0  # requests actually sent (cache misses)

    # -- cache ----------------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.cache_path)
        db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, raw TEXT, at REAL)")
        return db

    def _cached(self, key: str) -> list[dict] | None:
        with self._db() as db:
            row = db.execute("SELECT raw FROM answers WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def _store(self, key: str, raw: list[dict]) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, json.dumps(raw), time.time()))

    # -- requests -------------------------------------------------------------------------------
    def raw(self, query: str, *, country: str | None = None, limit: int = 5) -> list[dict]:
        """Nominatim's raw answers for a query (from the cache when asked before)."""
        key = f"{self.domain}|{query}|{country or ''}|{limit}"
        cached = self._cached(key)
        if cached is not None:
            return cached
        if self._client is None:
            from geopy.geocoders import Nominatim

            self._client = Nominatim(user_agent=self.user_agent, domain=self.domain, scheme=self.scheme,
                                     timeout=self.timeout)
        wait = self.min_delay - (time.monotonic() - self._last)
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()
        self.requests += 1
        found = self._client.geocode(query, exactly_one=False, limit=limit, addressdetails=True,
                                     country_codes=country.lower() if country else None) or []
        raw = [loc.raw for loc in found]
        self._store(key, raw)
        return raw

    def search(self, query: str, *, country: str | None = None, limit: int = 5,
               gazetteer: Gazetteer | None = None) -> list[Candidate]:
        out = []
        for n, r in enumerate(self.raw(query, country=country, limit=limit)):
            place = self._place(r, gazetteer)
            out.append(Candidate(place, query, "online", 1.0 - 0.01 * n))
        return out

    @staticmethod
    def _place(r: dict, gazetteer: Gazetteer | None) -> Place:
        lat, lon = round(float(r["lat"]), 5), round(float(r["lon"]), 5)
        address = r.get("address") or {}
        cc = str(address.get("country_code", "")).upper()
        kind = r.get("addresstype") or r.get("type") or ""
        feature = _FEATURES.get(kind, "town" if r.get("class") == "place" else "site")
        country, iso, region, a1, a2, a3 = address.get("country", cc), 0, "", "", "", ""
        if gazetteer is not None and cc:
            row = gazetteer.index.country_rows.get(cc)
            if row is not None:
                c = gazetteer.place(row)
                country, iso, region = c.country, c.iso, c.region
                a1, a2, a3 = gazetteer.admin_table.assign(cc, lat, lon)
        name = str(r.get("name") or r.get("display_name", "")).split(",")[0]
        return Place(f"osm:{r.get('osm_type', '')}/{r.get('osm_id', '')}", name, lat, lon, feature, country, cc, iso,
                     region, a1, a2, a3, 0, "nominatim", f"Nominatim (OpenStreetMap) {r.get('display_name', '')}",
                     1.0, "")
