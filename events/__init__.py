"""conflict-events: turn Arabic and English conflict news into coded ACLED-style events."""

__version__ = "0.1.0"
