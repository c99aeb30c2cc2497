"""The ``gazetteer`` command: search, info, import.  A thin layer over ``events.geo``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import GazetteerError

__all__ = ["register"]

_SEARCH = """example:
  conflict-events gazetteer search 'مخيم الهول'
  conflict-events gazetteer search Sinjar --country SY --limit 3 --json

Ranked candidates for a place name (Arabic or English, any spelling): name, feature type,
lat, lon, admin1-3 in ACLED spelling, source layer and why it matched."""

_INFO = """example:
  conflict-events gazetteer info --json

Layers, place and name counts, the cache file and the fingerprint of the sources."""

_IMPORT = """example:
  conflict-events gazetteer import geonames SY.txt alternateNamesV2.txt admin1CodesASCII.txt admin2Codes.txt
  conflict-events gazetteer import ocha syr_gazetteer.csv
  conflict-events gazetteer import overlay my_places.csv

Converts a user-downloaded gazetteer into a layer stored under the user data dir; every later
load uses it.  For geonames, the files after the dump are recognised by name
(alternateNames*, admin1Codes*, admin2Codes*).  Bad rows are listed with file, row and field."""

_MAIN = """example:
  conflict-events gazetteer search 'حقل العمر'

The embedded offline gazetteer: search it, describe it, or import a bigger one."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command and its sub-commands to a CLI's subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter
    p = subparsers.add_parser("gazetteer", help="search, describe or extend the gazetteer", description=_MAIN,
                              formatter_class=fmt)
    sub = p.add_subparsers(dest="gazetteer_command", metavar="{search,info,import}")
    p.set_defaults(func=lambda args: _usage(p))

    s = sub.add_parser("search", help="ranked candidates for a place name", description=_SEARCH, formatter_class=fmt)
    s.add_argument("query", help="a place name, e.g. 'Deir ez-Zor' or 'دير الزور'")
    s.add_argument("--country", help="ISO2 code or country name to restrict to, e.g. SY")
    s.add_argument("--limit", type=int, default=10, help="number of candidates (default 10)")
    s.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    s.add_argument("--online", action="store_true", help="ask Nominatim when nothing is found offline")
    _common(s)
    s.set_defaults(func=_search)

    i = sub.add_parser("info", help="layers, counts, cache path", description=_INFO, formatter_class=fmt)
    i.add_argument("--json", action="store_true", help="print JSON")
    _common(i)
    i.set_defaults(func=_info)

    m = sub.add_parser("import", help="import a GeoNames dump, an OCHA table or an overlay CSV",
                       description=_IMPORT, formatter_class=fmt)
    m.add_argument("kind", choices=["geonames", "ocha", "overlay"], help="what the file is")
    m.add_argument("paths", nargs="+", type=Path, help="the file(s) to import")
    m.add_argument("--country", action="append", help="geonames: keep only these ISO2 countries (repeatable); "
                                                      "ocha: the table's country")
    m.add_argument("--name", help="layer name (default: from the file name)")
    m.add_argument("--out", type=Path, help="write the layer here instead of the user data dir")
    m.set_defaults(func=_import)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layer", action="append", type=Path, default=[], help="extra layer CSV (repeatable)")
    p.add_argument("--cache-dir", type=Path, help="cache directory (default: $CONFLICT_EVENTS_CACHE or the user "
                                                  "cache dir)")


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return 2


def _load(args: argparse.Namespace, online: bool = False):
    from . import Gazetteer

    return Gazetteer.load(layers=args.layer, cache_dir=args.cache_dir, online=online)


def _search(args: argparse.Namespace) -> int:
    try:
        gz = _load(args, online=args.online)
        hits = gz.search(args.query, country=args.country, limit=args.limit)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        for h in hits:
            print(json.dumps(h.to_dict(), ensure_ascii=False))
    else:
        for n, h in enumerate(hits, 1):
            p = h.place
            admin = " / ".join(x for x in (p.admin1, p.admin2, p.admin3) if x) or "-"
            print(f"{n:2}. {p.name} [{p.feature}] {p.lat:.4f}, {p.lon:.4f}  {p.country}: {admin}  "
                  f"({p.layer}; {h.reason} '{h.matched}'; {p.id})")
    if not hits:
        print(f"no place found for {args.query!r}", file=sys.stderr)
        return 1
    return 0


def _info(args: argparse.Namespace) -> int:
    try:
        info = _load(args).info()
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=1))
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importers.geonames import import_geonames
    from .importers.ocha import import_ocha
    from .importers.overlay import import_overlay

    try:
        if args.kind == "geonames":
            extra = {"alternates": None, "admin1_codes": None, "admin2_codes": None}
            for p in args.paths[1:]:
                low = p.name.lower()
                key = ("alternates" if low.startswith("alternatenames") else "admin1_codes"
                       if low.startswith("admin1codes") else "admin2_codes" if low.startswith("admin2codes") else None)
                if key is None:
                    print(f"error: {p}: not an alternateNames, admin1Codes or admin2Codes file", file=sys.stderr)
                    return 2
                extra[key] = p
            result = import_geonames(args.paths[0], countries=set(args.country or []) or None, out=args.out,
                                     name=args.name, **extra)
        elif args.kind == "ocha":
            result = import_ocha(args.paths[0], country=(args.country or [""])[0], out=args.out, name=args.name)
        else:
            result = import_overlay(args.paths[0], out=args.out, name=args.name)
    except (GazetteerError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    print(result.summary())
    return 0 if result.rows else 1
