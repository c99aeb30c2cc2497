"""What every mention finder shares: the prepared document and the mention record.

A ``Document`` is an article after the text layer: its match key with the offset map, its
sentences and clauses.  Finders return ``Mention`` objects whose ``start``/``end`` are offsets in
the **match key**; ``Document.evidence`` and ``Document.original_span`` map them back to the
original text for output.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model import Article, Evidence
from ..text import NormalizedText, Sentence, normalize, split_sentences
from ..text.sentences import split_clauses

__all__ = ["Document", "Mention", "DateValue", "QuantityValue", "CueValue", "prepare"]


@dataclass(frozen=True, slots=True)
class Mention:
    """Something found in the text: a date, a quantity, a place, an actor, a trigger or a cue."""

    kind: str  # 'date' | 'quantity' | 'place' | 'actor' | 'trigger' | 'cue' | ...
    start: int  # key offsets
    end: int
    entry_id: str  # id of the lexicon / gazetteer entry or grammar rule that found it
    value: Any = None  # kind-specific: DateValue, QuantityValue, CueValue, an actor entry ...
    prefix: str = ""  # Arabic proclitics glued in front ("ب", "لل" ...), when relevant


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date expression.

    ``date`` is the ACLED event date it supports (the midpoint for a week, the 15th for a month),
    or None when it cannot be resolved (a relative expression and no publication date).
    """

    date: dt.date | None
    precision: int  # ACLED time_precision: 1 day, 2 week/few days, 3 month
    rule: str  # grammar rule id, e.g. 'date.explicit', 'date.relative.yesterday', 'date.weekday'
    entries: tuple[str, ...] = ()  # lexicon entry ids used (month names, weekday ...)
    approx_days: int = 0  # ± days of uncertainty (ليلة الجمعة, Hijri-only: 1)
    part_of_day: str = ""  # 'dawn', 'morning', 'evening', 'night' ...
    flags: frozenset[str] = frozenset()  # 'future', 'since', 'cumulative', 'year-only', 'month-only',
    #                                     'unanchored' (relative but no publication date), 'range'
    end_date: dt.date | None = None  # for ranges


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A count of people, with what happened to them."""

    value: int  # the count as ACLED codes it (lowest credible; vague words by ACLED's table)
    category: str  # 'killed' | 'wounded' | 'missing' | 'detained' | 'casualties' | 'people'
    #                'cumulative' (a toll over a period: 'منذ مطلع العام إلى 150', a statistic)
    qualifier: str = "exact"  # 'exact' | 'at_least' | 'about' | 'at_most' | 'range' | 'vague' | 'dual' | 'one'
    low: int | None = None
    high: int | None = None
    running_total: bool = False  # "the toll rose to N"
    explicit_zero: bool = False  # "no casualties", "دون إصابات"
    group: tuple[int, int] | None = None  # key span naming whose dead they are ("من عناصر قسد")
    entries: tuple[str, ...] = ()
    subset: bool = False  # part of a count given before it ("بينهم 4 أطفال", "including two children")
    additive: bool = False  # adds to a count given before it ("مقاتل آخر", "one other member", "also")


@dataclass(frozen=True, slots=True)
class CueValue:
    """A cue that changes what a statement means, and the key span it governs."""

    type: str  # 'negation' | 'denial' | 'question' | 'future' | 'condition' | 'generic' | 'hedge'
    #            | 'attribution' | 'past-reference' ...
    scope: tuple[int, int]
    blocks: bool = True  # False for cues that only lower confidence (hedge, attribution)


@dataclass
class Document:
    """An article prepared for the mention finders."""

    article: Article
    norm: NormalizedText
    sentences: list[Sentence]
    language: str
    _clauses: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    # results of the finders' shared steps (lexicon scans, numbers), keyed by step and lexicon set
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> str:
        return self.norm.key

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing key offset ``offset`` (None between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        if sentence.index not in self._clauses:
            self._clauses[sentence.index] = split_clauses(self.key, sentence.start, sentence.end)
        return self._clauses[sentence.index]

    def clause_at(self, offset: int) -> tuple[int, int] | None:
        sent = self.sentence_at(offset)
        if sent is None:
            return None
        for s, e in self.clauses(sent):
            if s <= offset < e:
                return s, e
        return sent.start, sent.end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.norm.original[s:e]

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.original_span(start, end)
        return Evidence(text=self.norm.original[s:e], start=s, end=e)


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (empty text: '')."""
    arabic = latin = 0
    for ch in text[:5000]:
        if "\u0600" <= ch <= "\u06ff":
            arabic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if arabic == latin == 0:
        return ""
    return "ar" if arabic >= latin else "en"


def prepare(article: Article) -> Document:
    """Normalise an article and split it into sentences."""
    norm = normalize(article.text)
    sentences = split_sentences(norm.key)
    language = article.language or detect_language(article.text)
    return Document(article=article, norm=norm, sentences=sentences, language=language)
