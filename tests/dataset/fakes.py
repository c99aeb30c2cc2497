"""A stand-in for the NLP pipeline, so the dataset tests do not depend on it.

An article's text holds one event per line, written as

    EVENT|DATE|PLACE|SUB_EVENT_TYPE|ACTOR1|ACTOR2|FATALITIES

DATE is YYYY-MM-DD or an offset in days from the publication date ('0', '-1'); actors are keys
of ``ACTORS`` (ACTOR2 may be empty).  Other lines are ignored; a line 'CRASH' makes the
extractor fail, as a pipeline bug would.  Fictional places are laid out so that 'Dhiban East'
is about 4 km from Dhiban and 'Dhiban Far' about 8 km (the default merge radius is 5 km).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from events import taxonomy as tx
from events.model import Article, Event
from events.pipeline import Extraction

# name: (country, iso, region, admin1, admin2, lat, lon)
PLACES = {
    "Dhiban": ("Syria", 760, "Middle East", "Deir ez Zor", "Al Mayadin", 35.0150, 40.5103),
    "Dhiban East": ("Syria", 760, "Middle East", "Deir ez Zor", "Al Mayadin", 35.0150, 40.5542),
    "Dhiban Far": ("Syria", 760, "Middle East", "Deir ez Zor", "Al Mayadin", 35.0150, 40.5981),
    "Hajin": ("Syria", 760, "Middle East", "Deir ez Zor", "Abu Kamal", 34.6951, 40.8314),
    "Aleppo": ("Syria", 760, "Middle East", "Aleppo", "Jebel Saman", 36.2012, 37.1612),
    "Baghdad": ("Iraq", 368, "Middle East", "Baghdad", "", 33.3406, 44.4009),
}
ACTORS = {
    "IS": ("Islamic State (Syria)", "Rebel group"),
    "SDF": ("QSD: Syrian Democratic Forces", "Rebel group"),
    "UAG": ("Unidentified Armed Group (Syria)", "Political militia"),
    "TR": ("Military Forces of Turkey (2016-)", "External/Other forces"),
    "SY": ("Military Forces of Syria (2024-)", "State forces"),
    "IQ": ("Military Forces of Iraq (2022-)", "State forces"),
    "ISI": ("Islamic State (Iraq)", "Rebel group"),
    "CIV": ("Civilians (Syria)", "Civilians"),
}


def line(date: str, place: str, sub: str, a1: str, a2: str = "", killed: int = 0) -> str:
    return f"EVENT|{date}|{place}|{sub}|{a1}|{a2}|{killed}"


def _event(article: Article, text: str, start: int, fields: list[str]) -> Event:
    date_s, place, sub, a1, a2, killed = fields
    date = (article.published + dt.timedelta(days=int(date_s))) if date_s.lstrip("-").isdigit() \
        else dt.date.fromisoformat(date_s)
    country, iso, region, admin1, admin2, lat, lon = PLACES[place]
    name1, inter1 = ACTORS[a1]
    name2, inter2 = ACTORS[a2] if a2 else ("", "")
    etype = tx.SUB_EVENT_PARENT[sub]
    n = int(killed)
    uid = hashlib.sha256("\x1f".join([article.id, date.isoformat(), place, sub, name1, name2]).encode()).hexdigest()
    notes = (f"On {date.day} {date:%B} {date.year}, {name1} ({sub}) in {place} ({admin2}, {admin1})."
             + (f" Fatalities coded as {n}." if n else " No fatalities reported."))
    return Event.model_validate({
        "event_date": date, "year": date.year, "time_precision": 1, "disorder_type": tx.SUB_EVENT_DISORDER[sub],
        "event_type": etype, "sub_event_type": sub, "actor1": name1, "inter1": inter1, "actor2": name2,
        "inter2": inter2, "interaction": tx.interaction_for(inter1, inter2),
        "civilian_targeting": tx.CIVILIAN_TARGETING if etype == "Violence against civilians" else "",
        "iso": iso, "region": region, "country": country, "admin1": admin1, "admin2": admin2, "location": place,
        "latitude": lat, "longitude": lon, "geo_precision": 1, "source": article.outlet,
        "source_scale": article.source_scale, "notes": notes, "fatalities": n, "timestamp": 0,
        "event_uid": uid[:16], "article_id": article.id, "source_url": article.url,
        "language": article.language or "en", "evidence": [{"text": text, "start": start, "end": start + len(text)}],
        "confidence": 0.8, "provenance": {"event_date": [{"rule": "fake.date"}]},
    })


def fake_extract(article: Article) -> Extraction:
    """The events written in the article (see the module docstring)."""
    events = []
    pos = 0
    for raw in article.text.split("\n"):
        if raw.strip() == "CRASH":
            raise RuntimeError("the fake pipeline was told to fail")
        if raw.startswith("EVENT|"):
            events.append(_event(article, raw, pos, raw.split("|")[1:]))
        pos += len(raw) + 1
    return Extraction(article, events)


def article(aid: str, published: str, outlet: str, *lines: str, scale: str = "National", url: str = "") -> dict:
    return {"id": aid, "published": published, "outlet": outlet, "source_scale": scale, "url": url,
            "language": "en", "text": "Headline\n" + "\n".join(lines)}


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path
