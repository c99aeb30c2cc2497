"""Code short texts through the whole pipeline (offline gazetteer and the default lexicons)."""

from __future__ import annotations

import datetime as dt

from events.model import Article, Event
from events.pipeline import Extraction, extract_article


def extract(text: str, published: str = "2024-03-12", language: str = "") -> Extraction:
    article = Article(id="t", text=text, published=dt.date.fromisoformat(published), language=language)
    return extract_article(article, timestamp=0)


def code(text: str, published: str = "2024-03-12", language: str = "") -> list[Event]:
    return extract(text, published, language).events


def summary(ev: Event) -> tuple[str, str, str, str]:
    return ev.sub_event_type, ev.actor1, ev.actor2, ev.location
