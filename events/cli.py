"""Temporary command line for the gazetteer branch (the lead owns the real ``events/cli.py``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .geo.cli import register


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="conflict-events")
    sub = parser.add_subparsers(dest="command")
    register(sub)
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    return int(args.func(args))
