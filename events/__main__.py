"""``python -m events`` runs the command line."""

from .cli import main

raise SystemExit(main())
