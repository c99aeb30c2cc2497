"""The ``evaluate`` command."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError

__all__ = ["register"]

HELP = """\
Compare coded events with hand-coded gold events, article by article.

examples:
  conflict-events extract corpus/articles.jsonl -o out/pred.jsonl
  conflict-events evaluate --gold corpus/gold.jsonl --pred out/pred.jsonl --negatives corpus/negatives.jsonl
  conflict-events evaluate --gold gold.jsonl --pred pred.jsonl --details --json > report.json

Events match within an article when their dates are at most --max-days apart and their places
at most --max-km apart.  Prints detection and type-correct precision/recall/F1, the accuracy of
each field on matched events, and which negative statements produced an event; --details adds
the missed and spurious events of each article.
"""


def _run(args: argparse.Namespace) -> int:
    from . import evaluate, read_jsonl

    try:
        gold = read_jsonl(args.gold)
        pred = read_jsonl(args.pred)
        negatives = read_jsonl(args.negatives) if args.negatives else []
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the evaluation files: {exc}") from exc
    report = evaluate(gold, pred, negatives, max_days=args.max_days, max_km=args.max_km)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.render(details=args.details))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="compare events with gold events", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gold", required=True, metavar="JSONL", help="gold events (one JSON object a line)")
    p.add_argument("--pred", required=True, metavar="JSONL", help="predicted events (extract --format jsonl)")
    p.add_argument("--negatives", metavar="JSONL", help="statements that must not yield events")
    p.add_argument("--max-days", type=int, default=1, help="date tolerance for a match (default 1)")
    p.add_argument("--max-km", type=float, default=50.0, help="distance tolerance for a match (default 50)")
    p.add_argument("--details", action="store_true", help="list missed and spurious events per article")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=_run)
