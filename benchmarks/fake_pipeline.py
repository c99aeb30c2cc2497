"""A cheap stand-in for the NLP pipeline, used only to develop and smoke-test the benchmark
(``bench_build.py --extractor fake``).  Its figures measure the dataset layer alone; the real
figures come from ``--extractor real``.

Every sentence with a violence word becomes an event whose place, actors and type are drawn from
a hash of the sentence, so the same sentence gives the same incident in every article that
carries it, and the builder has to merge them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from events import taxonomy as tx
from events.model import Article, Event
from events.pipeline import Extraction

WORDS = ("قتل", "مقتل", "استهداف", "اشتباك", "قصف", "غارة", "هجوم", "killed", "clash", "strike", "attack", "shelling")
PLACES = [("Dhiban", "Deir ez Zor", 35.0150, 40.5103), ("Hajin", "Deir ez Zor", 34.6951, 40.8314),
          ("Aleppo", "Aleppo", 36.2012, 37.1612), ("Daraa", "Dara", 32.6189, 36.1021),
          ("Idlib", "Idleb", 35.9306, 36.6339), ("Qamishli", "Al Hasakeh", 37.0522, 41.2314)]
PAIRS = [("Islamic State (Syria)", "Rebel group", "QSD: Syrian Democratic Forces", "Rebel group", "Armed clash"),
         ("Military Forces of Turkey (2016-)", "External/Other forces", "", "", "Shelling/artillery/missile attack"),
         ("Unidentified Armed Group (Syria)", "Political militia", "Civilians (Syria)", "Civilians", "Attack")]


def fake_extract(article: Article) -> Extraction:
    events = []
    pos = 0
    published = article.published or dt.date(2024, 1, 1)
    for sentence in article.text.replace("\n", " ").split(". "):
        start = article.text.find(sentence[:40], pos) if sentence else -1
        if start >= 0:
            pos = start
        if not any(w in sentence for w in WORDS):
            continue
        h = hashlib.sha256(sentence.encode("utf-8")).digest()
        place, admin1, lat, lon = PLACES[h[0] % len(PLACES)]
        a1, i1, a2, i2, sub = PAIRS[h[1] % len(PAIRS)]
        date = published - dt.timedelta(days=h[2] % 2)
        etype = tx.SUB_EVENT_PARENT[sub]
        killed = h[3] % 4
        uid = hashlib.sha256(f"{article.id}\x1f{sentence}".encode()).hexdigest()[:16]
        events.append(Event.model_validate({
            "event_date": date, "year": date.year, "time_precision": 1, "disorder_type": tx.SUB_EVENT_DISORDER[sub],
            "event_type": etype, "sub_event_type": sub, "actor1": a1, "inter1": i1, "actor2": a2, "inter2": i2,
            "interaction": tx.interaction_for(i1, i2),
            "civilian_targeting": tx.CIVILIAN_TARGETING if etype == "Violence against civilians" else "",
            "iso": 760, "region": "Middle East", "country": "Syria", "admin1": admin1, "location": place,
            "latitude": lat, "longitude": lon, "geo_precision": 1, "source": article.outlet,
            "source_scale": article.source_scale, "fatalities": killed, "timestamp": 0,
            "notes": f"On {date.isoformat()}, {sub} in {place}." + (f" Fatalities coded as {killed}." if killed
                                                                     else " No fatalities reported."),
            "event_uid": uid, "article_id": article.id, "language": article.language,
            "evidence": [{"text": sentence[:200], "start": max(start, 0), "end": max(start, 0) + len(sentence[:200])}],
            "confidence": 0.5,
        }))
    return Extraction(article, events)
