"""Strict checks of the lexicon files: every problem, with file, entry and field.

What is checked (``conflict-events check-lexicon`` runs this, and so does the test suite):

* every file parses, every entry has a unique id;
* actors: names with valid ``from``/``to`` dates (from before to), an ACLED actor type, a known
  kind, aliases as lists of strings per language; ``by_country`` targets exist; no alias names
  two different actors once normalised;
* triggers: a known class (one defined in ``coding.yaml``), strength strong/weak, phrases; no
  phrase in two classes once normalised;
* coding: class rules name real ACLED sub-event types; note templates use known placeholders;
* every entry of every file: ``examples`` is a list when present.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator
from typing import Any

from .. import taxonomy as tx
from ..text import match_key
from . import LEXICON_FILES, LexiconProblem, LexiconSet, iter_phrases

__all__ = ["check_all"]

ACTOR_KINDS = frozenset({"state", "police", "coalition", "rebel", "jihadist", "militia", "tribe", "unidentified",
                         "civilians", "protesters", "rioters", "party", "government"})
NOTE_FIELDS = frozenset({"actor1", "actor2", "with_actor2", "on_actor2", "at_actor2", "against_actor2", "by_actor2",
                         "from_actor2", "of_actor2", "actor2_or_people", "actor2_or_area", "actor2_or_rebels",
                         "actor2_or_protesters"})


def _p(entry: dict[str, Any], fld: str, msg: str) -> LexiconProblem:
    return LexiconProblem(str(entry.get("_file", "?")), str(entry.get("id", "?")), fld, msg)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _check_phrase_lists(entry: dict[str, Any], fld: str) -> Iterator[LexiconProblem]:
    value = entry.get(fld)
    if value is None:
        return
    lists = value.values() if isinstance(value, dict) else [value]
    for items in lists:
        if not isinstance(items, list) or not all(isinstance(x, (str, int, float)) for x in items):
            yield _p(entry, fld, "must be a list of strings (or a mapping of language to such lists)")
            return
        for x in items:
            if isinstance(x, bool):
                yield _p(entry, fld, f"YAML read a phrase as {x!r}: quote words like 'on', 'no', 'yes'")
                continue
            if not match_key(str(x)):
                yield _p(entry, fld, f"phrase {x!r} is empty once normalised")


def _check_actors(lex: LexiconSet) -> Iterator[LexiconProblem]:
    entries = lex.entries("actors")
    ids = {e["id"] for e in entries}
    owner: dict[str, str] = {}
    for e in entries:
        yield from _check_phrase_lists(e, "aliases")
        if e.get("reference"):
            for kind in e.get("refers_to") or []:
                if kind not in ACTOR_KINDS:
                    yield _p(e, "refers_to", f"unknown actor kind {kind!r}")
            for target in e.get("refers_to_actors") or []:
                if target not in ids:
                    yield _p(e, "refers_to_actors", f"unknown actor id {target!r}")
        elif e.get("by_country"):
            for country, target in (e.get("by_country") or {}).items():
                if target not in ids:
                    yield _p(e, "by_country", f"{country}: unknown actor id {target!r}")
        else:
            for ally in e.get("allies") or []:
                if ally not in ids:
                    yield _p(e, "allies", f"unknown actor id {ally!r}")
            names = e.get("names")
            if not isinstance(names, list) or not names:
                yield _p(e, "names", "an actor needs at least one name")
            for n in names or []:
                if not isinstance(n, dict) or not isinstance(n.get("name"), str) or not n["name"].strip():
                    yield _p(e, "names", "each name is a mapping with a non-empty 'name'")
                    continue
                start, end = n.get("from"), n.get("to")
                if start is not None and _date(start) is None:
                    yield _p(e, "names.from", f"{start!r} is not a YYYY-MM-DD date")
                if end is not None and _date(end) is None:
                    yield _p(e, "names.to", f"{end!r} is not a YYYY-MM-DD date")
                if start is not None and end is not None and _date(start) and _date(end) and _date(start) >= _date(end):
                    yield _p(e, "names", f"period of {n['name']!r} ends before it starts")
            if e.get("type") not in tx.INTER_LABELS:
                yield _p(e, "type", f"{e.get('type')!r} is not an ACLED actor type ({', '.join(tx.INTER_LABELS)})")
            if "abroad_type" in e and e["abroad_type"] not in tx.INTER_LABELS:
                yield _p(e, "abroad_type", f"{e['abroad_type']!r} is not an ACLED actor type")
        if not e.get("reference") and e.get("kind") not in ACTOR_KINDS:
            yield _p(e, "kind", f"{e.get('kind')!r} is not one of {', '.join(sorted(ACTOR_KINDS))}")
        for phrase in iter_phrases(e, "aliases"):
            key = match_key(phrase)
            if key in owner and owner[key] != e["id"]:
                yield _p(e, "aliases", f"alias {phrase!r} also names {owner[key]}")
            owner.setdefault(key, e["id"])


def _check_coding(lex: LexiconSet) -> Iterator[LexiconProblem]:
    for e in lex.entries("coding"):
        kind = e.get("kind")
        if kind == "class":
            subs = []
            if "sub_event_type" in e:
                subs.append(e["sub_event_type"])
            for table in ("by_target", "by_actor"):
                if table in e:
                    if not isinstance(e[table], dict):
                        yield _p(e, table, "must be a mapping")
                        continue
                    subs.extend(e[table].values())
            if not subs:
                yield _p(e, "sub_event_type", "a class needs sub_event_type, by_target or by_actor")
            for sub in subs:
                if sub not in tx.SUB_EVENT_TYPES:
                    yield _p(e, "sub_event_type", f"{sub!r} is not an ACLED sub-event type")
        elif kind == "note":
            if e.get("sub_event_type") not in tx.SUB_EVENT_TYPES:
                yield _p(e, "sub_event_type", f"{e.get('sub_event_type')!r} is not an ACLED sub-event type")
            try:
                names = {f for _, f, _, _ in string.Formatter().parse(str(e.get("template", ""))) if f}
            except ValueError as exc:
                yield _p(e, "template", f"not a valid template: {exc}")
                continue
            for name in names - NOTE_FIELDS:
                yield _p(e, "template", f"unknown placeholder {{{name}}}")
        elif kind in ("role", "target"):
            yield from _check_phrase_lists(e, "phrases")
        elif kind == "crowd":
            if not isinstance(e.get("tag"), str) or not isinstance(e.get("numbers"), list):
                yield _p(e, "tag", "a crowd entry needs a 'tag' and a list of 'numbers' entry ids")
            known = {n["id"] for n in lex.entries("numbers")}
            for n in e.get("numbers") or []:
                if n not in known:
                    yield _p(e, "numbers", f"unknown numbers entry {n!r}")
        elif kind == "discourse":
            yield from _check_phrase_lists(e, "phrases")
            if e.get("discourse") not in ("anaphor", "new-incident", "not-event-place"):
                yield _p(e, "discourse", f"{e.get('discourse')!r} is not one of anaphor, new-incident, not-event-place")
            if e.get("discourse") == "anaphor" and e.get("refers") not in ("place", "event"):
                yield _p(e, "refers", "an anaphor refers to a 'place' or an 'event'")
        else:
            yield _p(e, "kind", f"unknown kind {kind!r} (class, note, role, target, discourse, crowd)")


def _check_triggers(lex: LexiconSet) -> Iterator[LexiconProblem]:
    classes = {e["class"] for e in lex.entries("coding") if e.get("kind") == "class"}
    modifiers = {"intervention", "violent-crowd"}
    owner: dict[str, str] = {}
    for e in lex.entries("triggers"):
        if e.get("class") not in classes | modifiers:
            yield _p(e, "class", f"{e.get('class')!r} has no rule in coding.yaml")
        if e.get("strength", "strong") not in ("strong", "weak"):
            yield _p(e, "strength", "must be 'strong' or 'weak'")
        if not list(iter_phrases(e)):
            yield _p(e, "phrases", "no phrases")
        yield from _check_phrase_lists(e, "phrases")
        for phrase in iter_phrases(e):
            key = match_key(phrase)
            prev = owner.get(key)
            if prev is not None and prev != e["class"]:
                yield _p(e, "phrases", f"phrase {phrase!r} is also a trigger of class {prev!r}")
            owner.setdefault(key, str(e.get("class")))


def check_all(lex: LexiconSet) -> list[LexiconProblem]:
    problems: list[LexiconProblem] = []
    for name in LEXICON_FILES:
        for e in lex.entries(name):
            if "examples" in e and not isinstance(e["examples"], list):
                problems.append(_p(e, "examples", "must be a list"))
    problems.extend(_check_actors(lex))
    problems.extend(_check_triggers(lex))
    problems.extend(_check_coding(lex))
    problems.extend(lex.problems)
    return problems
