"""On the development corpus: the places hand-coded events are coded to are found by locate_places.

Coders often code a village the gazetteer cannot know to a nearby town ("in Abriha, coded to Al
Busayrah"), so not every gold location can be found; this guards the share that can.
"""

from __future__ import annotations

from events.geo import locate_places
from events.geo.admin import distance_km
from events.mentions.base import prepare
from events.model import Article


def test_gold_locations_are_located(dev_corpus, gazetteer):
    found = 0
    located: dict[str, list] = {}
    for ev in dev_corpus.gold:
        art = dev_corpus.articles[ev["article_id"]]
        if art["id"] not in located:
            located[art["id"]] = [lp for lp in locate_places(prepare(Article(id=art["id"], text=art["text"])),
                                                             gazetteer) if lp.relation not in ("country", "dateline")]
        found += any(distance_km(lp.place.lat, lp.place.lon, ev["latitude"], ev["longitude"]) <= 5
                     and lp.place.admin1 == ev["admin1"] for lp in located[art["id"]])
    assert found / len(dev_corpus.gold) >= 0.85


def test_no_place_outside_the_region(dev_corpus, gazetteer):
    """Nothing located in the corpus lies outside the countries ACLED's Middle East/N. Africa covers,
    except capitals (Washington, Ankara ...)."""
    for art in dev_corpus.articles.values():
        for lp in locate_places(prepare(Article(id=art["id"], text=art["text"])), gazetteer):
            if lp.relation in ("country", "dateline"):
                continue
            assert lp.place.region in ("Middle East", "Northern Africa") or gazetteer.is_capital(lp.place), (
                art["id"], lp.written, lp.place.id)
