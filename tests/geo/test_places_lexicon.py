"""Every example in events/lexicon/places.yaml runs here, plus the file's structure."""

from __future__ import annotations

import pytest

from events.geo import locate_places
from events.geo.cues import CUE_KINDS, build_place_cues
from events.lexicon import LexiconSet, load_entries

from .conftest import doc_of

ENTRIES = load_entries("places")
EXAMPLES = [(e["id"], ex) for e in ENTRIES for ex in e.get("examples", [])]


def test_every_entry_has_examples_and_known_kind():
    assert ENTRIES
    for e in ENTRIES:
        assert e["kind"] in CUE_KINDS | {"connector", "ambiguous", "preposition"}, e["id"]
        assert e.get("examples"), f"{e['id']} has no examples"
        assert e["lang"] in ("ar", "en"), e["id"]


def test_ids_unique():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))


def test_compiles():
    cues = build_place_cues(LexiconSet())
    assert cues.cues and cues.ambiguous and cues.connectors["ar"]


@pytest.mark.parametrize(("entry_id", "example"), EXAMPLES, ids=[f"{i}-{n}" for n, (i, _) in enumerate(EXAMPLES)])
def test_example(gazetteer, entry_id, example):
    located = locate_places(doc_of(example["text"]), gazetteer)
    if "none" in example:
        assert all(lp.written != example["none"] for lp in located), (entry_id, [lp.written for lp in located])
        return
    hits = [lp for lp in located if lp.place.id == example["place"] or (lp.named and lp.named.id == example["place"])]
    assert hits, (entry_id, [(lp.written, lp.place.id) for lp in located])
    lp = hits[0]
    assert (lp.relation, lp.geo_precision) == (example["relation"], example["precision"]), (entry_id, lp.reason)
