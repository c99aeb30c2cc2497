"""ACLED-style English notes: 'On 14 February 2023, <who> <did what> in <place> (<admin2>, <admin1>).'

Templates per sub-event type live in ``coding.yaml`` (entries of kind ``note``).  The date opens
with 'On' for an exact day and 'Around' for a week-precision date; an approximate placement
says 'in X, coded to Y'; the notes end with ACLED's fatality sentence.
"""

from __future__ import annotations

import datetime as dt

from ..lexicon import LexiconSet, default_lexicons, load_entries

__all__ = ["format_date", "render_notes", "short_actor_name"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def format_date(date: dt.date) -> str:
    """'14 February 2023' (ACLED's notes: day, full month name, year)."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def short_actor_name(name: str) -> str:
    """A readable name for notes: 'QSD: Syrian Democratic Forces' -> 'Syrian Democratic Forces'."""
    if ": " in name:
        name = name.split(": ", 1)[1]
    return name


def _templates(lexicons: LexiconSet) -> dict[str, tuple[str, str]]:
    return {e["sub_event_type"]: (e["id"], e["template"]) for e in load_entries("coding", lexicons)
            if e.get("kind") == "note"}


def _place_phrase(location: str, admin2: str, admin1: str, written: str, coded_to: bool) -> str:
    admins = ", ".join(a for a in (admin2, admin1) if a)
    bracket = f" ({admins})" if admins else ""
    if coded_to and written and written != location:
        return f"in {written}, coded to {location}{bracket}"
    return f"in {location}{bracket}"


def render_notes(*, date: dt.date, precision: int, sub_event_type: str, actor1: str, actor2: str,
                 location: str, admin1: str, admin2: str, written: str = "", coded_to: bool = False,
                 fatalities: int = 0, fatality_note: str = "", extra: str = "",
                 lexicons: LexiconSet | None = None) -> tuple[str, str]:
    """The notes text and the id of the template used."""
    lexicons = lexicons or default_lexicons()
    rule_id, template = _templates(lexicons).get(sub_event_type, ("note.default", "{actor1} was involved in an event"))
    a1 = short_actor_name(actor1) if actor1 else "unidentified actors"
    a2 = short_actor_name(actor2) if actor2 else ""
    fill = {
        "actor1": a1,
        "actor2": a2,
        "with_actor2": f" with {a2}" if a2 else "",
        "on_actor2": f" on {a2}" if a2 else "",
        "at_actor2": f" at {a2}" if a2 else "",
        "against_actor2": f" against {a2}" if a2 else "",
        "by_actor2": f" by {a2}" if a2 else "",
        "from_actor2": f" from {a2}" if a2 else "",
        "of_actor2": f" of {a2}" if a2 else "",
        "actor2_or_people": f" {a2}" if a2 else " people",
        "actor2_or_area": f" {a2}" if a2 else " the area",
        "actor2_or_rebels": f" {a2}" if a2 else " armed groups",
        "actor2_or_protesters": f" {a2}" if a2 else " protesters",
    }
    label = ""
    head, sep, rest = template.partition(": ")
    if sep and "{" not in head:  # Strategic developments notes open with a label ("Arrests: ")
        label, template = head + ": ", rest
    body = template.format(**fill)
    opener = ("On " if precision == 1 else "Around ") + format_date(date) + ", "
    place = _place_phrase(location, admin2, admin1, written, coded_to)
    text = f"{label}{opener}{body} {place}."
    text = text[0].upper() + text[1:]
    if extra:
        text += " " + extra.strip()
    if fatality_note:
        text += " " + fatality_note
    elif fatalities:
        text += f" Fatalities coded as {fatalities}."
    else:
        text += " No fatalities reported."
    return text, rule_id
