"""Every example of every entry of the language lexicons runs as a test.

calendar.yaml, numbers.yaml, casualties.yaml and cues.yaml document their example format at the
top of each file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events.lexicon import default_lexicons
from events.mentions.cues import find_cues
from events.mentions.dates import find_dates
from events.mentions.numbers import find_numbers
from events.mentions.quantities import count_fatalities, find_quantities
from events.text import match_key

from .helpers import DEFAULT_PUBLISHED, doc_of

_HELPER_TYPES = {"glue", "duration", "name_head", "trap", "range"}  # not always cited by the mention


def _cases(name: str) -> list[Any]:
    cases = []
    for entry in default_lexicons().entries(name):
        for i, ex in enumerate(entry.get("examples") or []):
            cases.append(pytest.param(entry, ex, id=f"{entry['id']}#{i + 1}"))
    return cases


def test_every_entry_has_id_lang_forms_and_examples():
    for name in ("calendar", "numbers", "casualties", "cues"):
        for entry in default_lexicons().entries(name):
            assert entry.get("lang") in ("ar", "en"), entry["id"]
            assert entry.get("forms"), entry["id"]
            assert entry.get("examples"), entry["id"]
            assert entry.get("type"), entry["id"]
            assert all(isinstance(f, str) for f in entry["forms"]), entry["id"]  # YAML reads `on` as True


@pytest.mark.parametrize(("entry", "ex"), _cases("calendar"))
def test_calendar_example(entry, ex):
    published = ex.get("published", DEFAULT_PUBLISHED)
    doc = doc_of(ex["text"], published)
    dates = find_dates(doc)
    if ex.get("no_date"):
        assert not [m for m in dates if entry["id"] in m.value.entries and m.value.date is not None], dates
        return
    expected = ex["date"]
    if isinstance(expected, str):
        expected = dt.date.fromisoformat(expected)
    found = [m for m in dates if m.value.date == expected]
    if entry["type"] not in _HELPER_TYPES:
        found = [m for m in found if entry["id"] in m.value.entries]
    assert found, [(doc.key[m.start : m.end], m.value) for m in dates]
    m = found[0]
    if "precision" in ex:
        assert m.value.precision == ex["precision"]
    for flag in ex.get("flags", []):
        assert flag in m.value.flags, m.value
    if "approx" in ex:
        assert m.value.approx_days == ex["approx"]


@pytest.mark.parametrize(("entry", "ex"), _cases("numbers"))
def test_numbers_example(entry, ex):
    key = match_key(ex["text"])
    nums = find_numbers(key)
    if ex.get("no_number"):
        assert not [n for n in nums if entry["id"] in n.entries], nums
        return
    found = [n for n in nums if n.value == ex["value"]]
    if entry["type"] != "range" or "و" not in ex["text"]:  # 'و15' is a prefix, not a range word
        found = [n for n in found if entry["id"] in n.entries]
    assert found, nums
    if "qualifier" in ex:
        assert found[0].qualifier == ex["qualifier"], found


@pytest.mark.parametrize(("entry", "ex"), _cases("casualties"))
def test_casualties_example(entry, ex):
    doc = doc_of(ex["text"])
    qs = find_quantities(doc)
    if ex.get("no_quantity"):
        assert not [q for q in qs if q.value.value > 0 and entry["id"] in q.value.entries], qs
    if "value" in ex:
        found = [q for q in qs if q.value.value == ex["value"]]
        if "category" in ex:
            found = [q for q in found if q.value.category == ex["category"]]
        assert found, [(doc.key[q.start : q.end], q.value) for q in qs]
        q = found[0]
        for flag in ("running_total", "explicit_zero"):
            if flag in ex:
                assert getattr(q.value, flag) == ex[flag]
        if "qualifier" in ex:
            assert q.value.qualifier == ex["qualifier"]
        if "group" in ex:
            assert q.value.group is not None
            assert doc.key[q.value.group[0] : q.value.group[1]] == match_key(ex["group"])
    if "fatalities" in ex:
        assert count_fatalities(doc, qs, 0, len(doc.key))[0] == ex["fatalities"], qs


@pytest.mark.parametrize(("entry", "ex"), _cases("cues"))
def test_cues_example(entry, ex):
    doc = doc_of(ex["text"])
    cues = find_cues(doc)
    if ex.get("no_cue"):
        assert not [c for c in cues if c.value.blocks], [(doc.key[c.start : c.end], c.value) for c in cues]
        return
    found = [c for c in cues if c.value.type == ex["cue"] and c.entry_id in (entry["id"], "cue.question.mark")]
    assert found, [(doc.key[c.start : c.end], c.value) for c in cues]
    c = found[0]
    if "blocks" in ex:
        assert c.value.blocks == ex["blocks"]
    if "covers" in ex:
        frag = match_key(ex["covers"])
        i = doc.key.find(frag)
        assert i >= 0
        assert any(x.value.scope[0] <= i and i + len(frag) <= x.value.scope[1] for x in found), c.value
    if "outside" in ex:
        frag = match_key(ex["outside"])
        i = doc.key.find(frag)
        assert not (c.value.scope[0] <= i < c.value.scope[1])


@pytest.mark.parametrize("name", ["calendar", "numbers", "casualties", "cues"])
def test_no_form_twice_after_normalisation(name):
    """Normalise, don't enumerate: a spelling that folds to a listed form is redundant, and a
    form claimed by two entries would make the first one win silently."""
    from events.mentions.lexscan import _surface_forms

    owner: dict[str, str] = {}
    problems = []
    for entry in default_lexicons().entries(name):
        seen: set[str] = set()
        for form in entry.get("forms") or []:
            k = match_key(str(form))
            if k in seen:
                problems.append(f"{entry['id']}: {form!r} twice")
            seen.add(k)
        for form in _surface_forms(entry):
            k = match_key(form)
            if owner.setdefault(k, entry["id"]) != entry["id"]:
                problems.append(f"{form!r} in {owner[k]} and {entry['id']}")
    assert problems == []
