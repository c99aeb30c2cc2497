"""The pipeline: article -> document -> mentions -> incidents -> events.

``Resources`` holds what is loaded once (lexicons, the gazetteer) and is shared by every
article; each stage is a function of its input plus these resources, so it can be run and
tested alone.  ``extract_article`` runs all stages on one article and returns the events, the
incidents it refused (with reasons) and the problems worth telling the user.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .coding.coder import CodingResult, Mentions, Rejected, code_document
from .coding.merge import merge_events
from .lexicon import LexiconSet, default_lexicons
from .mentions.actors import find_actors
from .mentions.base import Document, prepare
from .mentions.cues import find_cues
from .mentions.dates import find_dates
from .mentions.lexmatch import lexicon_matcher
from .mentions.lexscan import atom_matcher
from .mentions.quantities import find_quantities
from .mentions.triggers import find_triggers
from .model import Article, Event
from .text.matcher import JointMatcher

__all__ = ["Resources", "Extraction", "find_mentions", "extract_article", "extract_articles", "default_timestamp",
           "segments", "SEGMENT_CHARS"]


def default_timestamp() -> int:
    """Record time: ``SOURCE_DATE_EPOCH`` when set (reproducible outputs), else now."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed and fixed.strip().isdigit():
        return int(fixed)
    return int(time.time())


class Resources:
    """Lexicons and gazetteer, loaded once and shared by every article."""

    def __init__(self, *, lexicon_dirs: Sequence[str | Path] = (), gazetteer_layers: Sequence[str | Path] = (),
                 lexicons: LexiconSet | None = None, gazetteer: Any | None = None, online: bool = False) -> None:
        if lexicons is None:
            lexicons = LexiconSet(lexicon_dirs) if lexicon_dirs else default_lexicons()
        self.lexicons = lexicons
        self._gazetteer = gazetteer
        self._gazetteer_layers = tuple(Path(p) for p in gazetteer_layers)
        self._online = online

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from .geo import Gazetteer

            self._gazetteer = Gazetteer.load(layers=self._gazetteer_layers, online=self._online)
        return self._gazetteer


_DEFAULT: Resources | None = None


def default_resources() -> Resources:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Resources()
    return _DEFAULT


@dataclass
class Extraction:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    document: Document | None = None
    mentions: Mentions | None = None


def _joint_matcher(lexicons: LexiconSet) -> JointMatcher:
    """The lexicon matchers the finders use, scanned together (built once per lexicon set)."""

    def build(lex: LexiconSet) -> JointMatcher:
        from .geo.cues import place_cues

        return JointMatcher([lexicon_matcher(lex), place_cues(lex).matcher,
                             *(atom_matcher(lex, name) for name in ("calendar", "numbers", "casualties", "cues"))])

    return lexicons.compiled("joint-matcher", build)


def find_mentions(doc: Document, resources: Resources) -> Mentions:
    """Run every mention finder on a prepared document."""
    from .geo import locate_places

    lex = resources.lexicons
    _joint_matcher(lex).prime(doc.key)  # one pass of one automaton for every lexicon's words
    return Mentions(
        actors=find_actors(doc, lex),
        triggers=find_triggers(doc, lex),
        places=locate_places(doc, resources.gazetteer, lex),
        dates=find_dates(doc, lex),
        quantities=find_quantities(doc, lex),
        cues=find_cues(doc, lex),
    )


SEGMENT_CHARS = 100_000
"""Texts longer than this are coded segment by segment (cut at a line break, else at the end of
a sentence, else at a space), so the work stays linear in the length of what comes in: a news
article is far shorter, and a longer text is a page dump or a concatenation of articles.  Events
of all segments are merged as one article's; offsets stay those of the whole text."""


def segments(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans that cover ``text``, each at most ``size`` characters."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = text.rfind("\n", lo, hi)
        if cut < 0:
            cut = max(text.rfind(mark, lo, hi + 1) for mark in (". ", "? ", "! ", "؟ ", "، "))
        if cut < 0:
            cut = text.rfind(" ", lo, hi)
        end = hi if cut < 0 else cut + 1
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _shifted(extraction: Extraction, offset: int) -> Extraction:
    """An extraction of a segment, its offsets moved to those of the whole text."""
    if offset == 0:
        return extraction
    events = []
    for ev in extraction.events:
        data = ev.model_dump()
        for item in data["evidence"]:
            item["start"] += offset
            item["end"] += offset
        for items in data["provenance"].values():
            for item in items:
                if item.get("start") is not None:
                    item["start"] += offset
                    item["end"] += offset
        events.append(Event.model_validate(data))
    rejected = [dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in extraction.rejected]
    return Extraction(extraction.article, events, rejected, extraction.problems)


def extract_article(article: Article, resources: Resources | None = None, *, timestamp: int | None = None,
                    keep_document: bool = False) -> Extraction:
    """Code the events of one article (a text over ``SEGMENT_CHARS`` segment by segment, unless
    ``keep_document`` asks for the document and mentions of the whole text)."""
    resources = resources or default_resources()
    timestamp = default_timestamp() if timestamp is None else timestamp
    if len(article.text) > SEGMENT_CHARS and not keep_document:
        parts = [_shifted(_extract_one(article.model_copy(update={"text": article.text[s:e]}), resources,
                                       timestamp, False), s)
                 for s, e in segments(article.text)]
        return Extraction(article, merge_events([ev for p in parts for ev in p.events]),
                          [r for p in parts for r in p.rejected], [x for p in parts for x in p.problems])
    return _extract_one(article, resources, timestamp, keep_document)


def _extract_one(article: Article, resources: Resources, timestamp: int, keep_document: bool) -> Extraction:
    doc = prepare(article)
    mentions = find_mentions(doc, resources)
    result: CodingResult = code_document(doc, mentions, resources.lexicons, timestamp=timestamp)
    out = Extraction(article, merge_events(result.events), result.rejected, result.problems)
    if keep_document:
        out.document, out.mentions = doc, mentions
    return out


def extract_articles(articles: Iterable[Article], resources: Resources | None = None, *,
                     timestamp: int | None = None) -> Iterator[Extraction]:
    resources = resources or default_resources()
    for article in articles:
        yield extract_article(article, resources, timestamp=timestamp)
