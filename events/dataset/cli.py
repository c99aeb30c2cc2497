"""The ``build``, ``export`` and ``stats`` commands (registered by ``events.cli``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import ConflictEventsError
from ..io.readers import ArticleDefaults

__all__ = ["register"]

BUILD_HELP = """\
Code corpora into one deduplicated dataset (an SQLite file), with stable ACLED-style ids.

examples:
  conflict-events build ../shared/corpus/dev/articles.jsonl --db data/events.db
  conflict-events build archive/ more.jsonl --db data/events.db --workers 2
  conflict-events export --db data/events.db -o out/events.csv

Inputs are read like `extract` reads them (.txt files, .jsonl archives, folders, - for stdin).
Run it again with more articles and the dataset is updated: unchanged articles are skipped,
changed ones are coded again, new events get new ids and known events keep theirs.  An
interrupted build (Ctrl-C, a crash, kill -9) resumes where it stopped when run again.

The same incident reported by several articles becomes one event: same country, dates at most
--merge-days apart, the same place or places at most --merge-km apart, compatible event types
(Battles, Explosions/Remote violence and Violence against civilians together; Protests with
Riots; a Strategic development with the same sub-type) and compatible actors (an empty actor or
an 'Unidentified Armed Group' matches any; different named actors never merge).  Its source
lists the outlets ('; '), fatalities take the lowest figure reported, and its provenance keeps
every article's evidence.
"""

EXPORT_HELP = """\
Write a dataset's events as CSV (ACLED's column order), GeoJSON, JSONL or Parquet.

examples:
  conflict-events export --db data/events.db -o out/events.csv
  conflict-events export --db data/events.db --format geojson --country Syria --since 2024-01-01 -o out/syria.geojson
  conflict-events export --db data/events.db --event-type Battles --acled-only > battles.csv
  conflict-events export --db data/events.db -o out/events.parquet      # needs pyarrow

The columns and schema are those of `extract` (files validate with `conflict-events validate`).
Events come sorted by date, country and id.  An existing file is kept unless --force.
"""

STATS_HELP = """\
Count a dataset's events by event type, month and admin1, with its articles and problems.

examples:
  conflict-events stats --db data/events.db
  conflict-events stats --db data/events.db --country Iraq --json
"""


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32, width=100)


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (combined; repeat an option to allow several values)")
    g.add_argument("--country", action="append", metavar="NAME", help="ACLED country name, e.g. Syria")
    g.add_argument("--admin1", action="append", metavar="NAME", help="admin1 name, e.g. 'Deir ez Zor'")
    g.add_argument("--event-type", action="append", metavar="TYPE", help="event type, e.g. Battles")
    g.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    g.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")


def _filters(args: argparse.Namespace) -> Any:
    from .export import make_filters

    return make_filters(country=args.country, admin1=args.admin1, event_type=args.event_type, since=args.since,
                        until=args.until)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _non_negative(kind: type) -> Any:
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value < 0:
            raise argparse.ArgumentTypeError("must be 0 or more")
        return value

    return parse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``build``, ``export`` and ``stats`` to the main parser."""
    from ..cli import _add_metadata_options, _add_resource_options

    p = subparsers.add_parser("build", help="code corpora into a deduplicated dataset", description=BUILD_HELP,
                              formatter_class=_formatter)
    p.add_argument("inputs", nargs="+", metavar="CORPUS", help=".txt file, .jsonl archive, folder, or - for stdin")
    p.add_argument("--db", required=True, metavar="FILE", help="the dataset file (created when missing)")
    p.add_argument("--workers", type=_positive, metavar="N", help="processes coding articles (default: every core)")
    p.add_argument("--merge-days", type=_non_negative(int), metavar="N",
                   help="merge reports at most N days apart (default 1; kept in the dataset once given)")
    p.add_argument("--merge-km", type=_non_negative(float), metavar="X",
                   help="merge reports at most X km apart (default 5; kept in the dataset once given)")
    p.add_argument("--reprocess", action="store_true",
                   help="code unchanged articles again (after a lexicon or gazetteer update)")
    p.add_argument("--batch-size", type=_positive, default=64, metavar="N", help="articles per batch (default 64)")
    p.add_argument("--force", action="store_true", help="replace a file at --db that is not a dataset")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    _add_metadata_options(p)
    _add_resource_options(p)
    p.set_defaults(func=_cmd_build)

    p = subparsers.add_parser("export", help="write a dataset as CSV, GeoJSON, JSONL or Parquet",
                              description=EXPORT_HELP, formatter_class=_formatter)
    p.add_argument("--db", required=True, metavar="FILE", help="the dataset file")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    p.add_argument("-f", "--format", choices=["csv", "geojson", "jsonl", "parquet"],
                   help="output format (default: from the suffix of -o, else csv)")
    p.add_argument("--acled-only", action="store_true", help="exactly ACLED's 31 columns")
    p.add_argument("--unsafe-cells", action="store_true",
                   help="do not neutralise CSV cells that a spreadsheet would run as formulas")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    _add_filters(p)
    p.set_defaults(func=_cmd_export)

    p = subparsers.add_parser("stats", help="count a dataset's events by type, month and admin1",
                              description=STATS_HELP, formatter_class=_formatter)
    p.add_argument("--db", required=True, metavar="FILE", help="the dataset file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _add_filters(p)
    p.set_defaults(func=_cmd_stats)


def _settings(args: argparse.Namespace) -> Any:
    from .merge import MergeSettings

    if args.merge_days is None and args.merge_km is None:
        return None
    from .store import open_store

    try:  # an option left out keeps the dataset's value
        with open_store(args.db) as store:
            current = store.stats()["merge_settings"]
    except ConflictEventsError:  # no dataset yet (or one --force will replace)
        current = {}
    base = MergeSettings(**current) if current else MergeSettings()
    return MergeSettings(days=base.days if args.merge_days is None else args.merge_days,
                         km=base.km if args.merge_km is None else args.merge_km)


def _cmd_build(args: argparse.Namespace) -> int:
    from ..api import _check_published
    from .build import BuildOptions, build_dataset

    _check_published(args.published)
    options = BuildOptions(
        workers=args.workers, batch_size=args.batch_size, settings=_settings(args), reprocess=args.reprocess,
        force=args.force, progress=not args.quiet and sys.stderr.isatty(),
        defaults=ArticleDefaults(args.published, args.outlet, args.url, args.language),
        lexicon_dirs=args.lexicon, gazetteer_layers=args.gazetteer_layer, online=args.online,
    )
    try:
        report = build_dataset(args.inputs, args.db, options)
    except KeyboardInterrupt:
        print(f"conflict-events: interrupted; what was coded is saved in {args.db}: run the same command again "
              "to resume", file=sys.stderr)
        return 130
    for problem in report.problems:
        print(f"conflict-events: {problem}", file=sys.stderr)
    if report.failed > len(report.problems):
        print(f"conflict-events: ... and {report.failed - len(report.problems)} more problem(s)", file=sys.stderr)
    if not args.quiet:
        c = report.consolidation
        resumed = " (resumed an interrupted build)" if report.resumed else ""
        print(f"conflict-events: {report.articles} article(s) read{resumed}: {report.coded} coded, "
              f"{report.skipped} unchanged, {report.failed} problem(s); {report.reports} report(s); "
              f"dataset events: {c.new} new, {c.updated} updated, {c.unchanged} unchanged, {c.retired} retired "
              f"-> {args.db}", file=sys.stderr)
    return 1 if report.failed else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .export import export_dataset

    count = export_dataset(args.db, args.output, args.format, filters=_filters(args), acled_only=args.acled_only,
                           safe_cells=not args.unsafe_cells, force=args.force)
    if args.output and args.output != "-":
        print(f"conflict-events: {count} event(s) written to {args.output}", file=sys.stderr)
    return 0


def _table(title: str, rows: list[tuple[str, int]]) -> str:
    if not rows:
        return f"{title}: none\n"
    width = max(len(k) for k, _ in rows)
    return f"{title}:\n" + "".join(f"  {k:<{width}}  {n:>7}\n" for k, n in rows)


def _cmd_stats(args: argparse.Namespace) -> int:
    from .export import dataset_stats

    stats = dataset_stats(args.db, _filters(args))
    if args.json:
        json.dump(stats, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    s = stats
    out = [f"{s['events']} event(s), {s['fatalities']} fatalities; articles: {s['articles_ok']} coded, "
           f"{s['articles_failed']} failed; {s['reports']} report(s); {s['retired_ids']} retired id(s); "
           f"{s['input_problems']} input problem(s)\n"]
    if s["unfinished_run"] or s["pending_groups"]:
        out.append("an unfinished build is pending: run `conflict-events build` again to complete it\n")
    out += [_table("by event type", s["by_event_type"]), _table("by month", s["by_month"]),
            _table("by admin1", s["by_admin1"])]
    sys.stdout.write("".join(out))
    return 0
