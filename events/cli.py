"""The command line: a thin layer over the Python API (``events.api``).

Every command's ``--help`` opens with an example you can run.  User mistakes end with one
clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .errors import ConflictEventsError

__all__ = ["main", "build_parser"]

Handler = Callable[[argparse.Namespace], int]


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32, width=100)


EXTRACT_HELP = """\
Code the events of news articles into ACLED-style records.

examples:
  conflict-events extract seeds/000_0dffa753c4657d22.txt -o out/seed.csv
  conflict-events extract seeds/000_0dffa753c4657d22.txt --format geojson -o out/seed.geojson
  conflict-events extract articles/ --published 2024-01-09 -o out/events.jsonl
  cat archive.jsonl | conflict-events extract - --format jsonl > events.jsonl

inputs:
  NAME.txt     one article; metadata from --published/--outlet/--url/--language or from a
               sidecar NAME.meta.json ({"published": "2023-11-20", "outlet": "...", "url": "..."})
  FILE.jsonl   one article a line: {"id", "text", "published", "outlet", "url", "language"}
  FOLDER       every .txt and .jsonl file below it
  -            standard input (JSONL when it starts with '{', else one text)

The output format follows the suffix of -o (.csv, .geojson, .jsonl) unless --format is given;
without -o, CSV goes to standard output.  An existing output file is kept unless --force.
Relative dates ('yesterday', 'on Tuesday') need the publication date; events that cannot be
dated are reported, never guessed from the clock.
"""

VALIDATE_HELP = """\
Check event files (CSV, JSONL, GeoJSON) against the event schema.

examples:
  conflict-events validate out/seed.csv out/seed.geojson
  conflict-events validate data/*.jsonl

Prints every problem as FILE:LINE: FIELD: MESSAGE and exits 1 when any file has a problem,
0 when all are valid.  A CSV without extension columns (written with --acled-only) is checked
against ACLED's 31 columns only.
"""

SCHEMA_HELP = """\
Print the JSON Schema of one event (JSON Schema 2020-12).

examples:
  conflict-events schema > event.schema.json
  conflict-events schema --check      # does the committed schema match the code?
"""

CHECK_LEXICON_HELP = """\
Validate the lexicon files (and your overlay folders): ids, duplicates, event types, dates.

examples:
  conflict-events check-lexicon
  conflict-events check-lexicon --lexicon my-lexicon/
"""

EXPLAIN_HELP = """\
Show how each event of an article was coded: the words and lexicon entries behind every field,
and the incidents that were not coded, with the reason.

examples:
  conflict-events explain seeds/000_0dffa753c4657d22.txt
  conflict-events explain corpus.jsonl --article dev-ar-001 --json
"""


def _add_metadata_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("article metadata (for .txt inputs; JSONL lines carry their own)")
    g.add_argument("--published", metavar="YYYY-MM-DD", help="publication date: the anchor of relative dates")
    g.add_argument("--outlet", help="outlet name, written to the event's source")
    g.add_argument("--url", help="address of the article")
    g.add_argument("--language", choices=["ar", "en"], help="language (detected from the text when left out)")


def _add_resource_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("lexicons and gazetteer")
    g.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                   help="a folder of lexicon files that extend or override the defaults (repeatable)")
    g.add_argument("--gazetteer-layer", action="append", default=[], metavar="CSV",
                   help="an extra gazetteer layer (overlay CSV, see `gazetteer import --help`)")
    g.add_argument("--online", action="store_true",
                   help="let the gazetteer ask an online geocoder (Nominatim) for unknown places; off by default")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflict-events",
        formatter_class=_formatter,
        description=(
            "Turn Arabic and English conflict news into coded, geolocated ACLED-style events.\n\n"
            "example:\n  conflict-events extract seeds/000_0dffa753c4657d22.txt -o out/seed.csv\n"
        ),
        epilog="Run `conflict-events COMMAND --help` for the options and examples of each command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="code the events of articles", description=EXTRACT_HELP,
                       formatter_class=_formatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file, .jsonl archive, folder, or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    p.add_argument("-f", "--format", choices=["csv", "geojson", "jsonl"], help="output format")
    p.add_argument("--acled-only", action="store_true", help="CSV with exactly ACLED's 31 columns")
    p.add_argument("--unsafe-cells", action="store_true",
                   help="do not neutralise CSV cells that a spreadsheet would run as formulas")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("-v", "--verbose", action="store_true", help="also list the incidents that were not coded")
    _add_metadata_options(p)
    _add_resource_options(p)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("validate", help="check event files against the schema", description=VALIDATE_HELP,
                       formatter_class=_formatter)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("schema", help="print the event JSON Schema", description=SCHEMA_HELP,
                       formatter_class=_formatter)
    p.add_argument("--check", action="store_true", help="exit 1 if the committed schema differs from the code")
    p.add_argument("--write", action="store_true", help="(developers) regenerate schema/event.schema.json")
    p.set_defaults(func=_cmd_schema)

    p = sub.add_parser("check-lexicon", help="validate lexicon files", description=CHECK_LEXICON_HELP,
                       formatter_class=_formatter)
    p.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="overlay folder to check too")
    p.set_defaults(func=_cmd_check_lexicon)

    p = sub.add_parser("explain", help="show how events were coded", description=EXPLAIN_HELP,
                       formatter_class=_formatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--article", metavar="ID", help="only this article (for archives)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _add_metadata_options(p)
    _add_resource_options(p)
    p.set_defaults(func=_cmd_explain)

    for register in _plugin_registrars():
        register(sub)
    return parser


def _plugin_registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Commands defined beside their subsystems (gazetteer, dataset, evaluation)."""
    out = []
    for module in ("events.geo.cli", "events.dataset.cli", "events.evaluation.cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue
            raise
        out.append(mod.register)
    return out


# -------------------------------------------------------------------------------- commands
def _cmd_extract(args: argparse.Namespace) -> int:
    from .api import ExtractOptions, run_extract

    options = ExtractOptions(
        output=args.output, format=args.format, acled_only=args.acled_only, safe_cells=not args.unsafe_cells,
        force=args.force, published=args.published, outlet=args.outlet, url=args.url, language=args.language,
        lexicon_dirs=args.lexicon, gazetteer_layers=args.gazetteer_layer, online=args.online,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    report = run_extract(args.inputs, options)
    for problem in report.problems:
        print(f"conflict-events: {problem}", file=sys.stderr)
    for warning in report.warnings:
        print(f"conflict-events: warning: {warning}", file=sys.stderr)
    if args.verbose:
        for rej in report.rejected:
            print(f"conflict-events: not coded ({rej.reason}) in {rej.article_id}: {rej.text[:100]!r}",
                  file=sys.stderr)
    if not args.quiet:
        where = f" to {args.output}" if args.output else ""
        print(f"conflict-events: {report.articles} article(s), {report.events} event(s) written{where}; "
              f"{report.failed} input problem(s)", file=sys.stderr)
    return 1 if report.failed else 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .io.validate import validate_file

    bad = 0
    for path in args.files:
        problems = validate_file(path)
        for problem in problems:
            print(problem)
        bad += bool(problems)
    print(f"{len(args.files) - bad} of {len(args.files)} file(s) valid", file=sys.stderr)
    return 1 if bad else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import build_schema, dump_schema, schema_path

    text = dump_schema(build_schema())
    if args.write:
        schema_path().write_text(text, encoding="utf-8")
        print(f"wrote {schema_path()}", file=sys.stderr)
        return 0
    if args.check:
        same = schema_path().read_text(encoding="utf-8") == text
        print("schema matches the code" if same else
              f"{schema_path()} differs from the code: run `conflict-events schema --write`", file=sys.stderr)
        return 0 if same else 1
    sys.stdout.write(text)
    return 0


def _cmd_check_lexicon(args: argparse.Namespace) -> int:
    from .lexicon import LexiconSet, check_lexicons

    problems = check_lexicons(LexiconSet(args.lexicon))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from .api import explain_inputs

    reports = explain_inputs(args.inputs, article_id=args.article, published=args.published, outlet=args.outlet,
                             url=args.url, language=args.language, lexicon_dirs=args.lexicon,
                             gazetteer_layers=args.gazetteer_layer, online=args.online)
    if args.json:
        json.dump(reports, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from .explain import render_explanation

    for report in reports:
        sys.stdout.write(render_explanation(report))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    handler: Handler = args.func
    try:
        return handler(args)
    except ConflictEventsError as exc:
        print(f"conflict-events: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("conflict-events: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
