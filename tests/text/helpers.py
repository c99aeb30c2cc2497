"""Small builders shared by the text-layer tests."""

from __future__ import annotations

import datetime as dt

from events.mentions.base import Document, prepare
from events.model import Article

DEFAULT_PUBLISHED = dt.date(2024, 3, 20)  # a Wednesday


def doc_of(text: str, published: dt.date | str | None = DEFAULT_PUBLISHED, language: str = "") -> Document:
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return prepare(Article(id="test", text=text, published=published, language=language))


def key_span(doc: Document, fragment: str) -> tuple[int, int]:
    """The key span of the first occurrence of ``fragment`` (normalised like the text)."""
    from events.text import match_key

    frag = match_key(fragment)
    i = doc.key.find(frag)
    assert i >= 0, f"{fragment!r} not found in {doc.key!r}"
    return i, i + len(frag)
