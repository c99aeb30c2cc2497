"""Finding place phrases: a toponym with the cue words around it and the admin context after it.

A place phrase is ``[relation cue] [feature or admin cue] TOPONYM [after-cues] [tail]``:

* cues *before* the toponym ("بالقرب من قرية", "بريف", "near the town of") are read backwards from
  the toponym across spaces and quotes only;
* cues *after* it are English type words ("Hasakah province", "Qamishli city", "the Idlib
  countryside") and Arabic direction adjectives ("الشرقي", "النفطي");
* a *tail* is the next phrase when only connectors separate them ("ذيبان بريف دير الزور",
  "حقل العمر النفطي شمال دير الزور", "Dhiban, in the Deir ez-Zor countryside"): the resolver
  uses it to pick the toponym's candidate and, when they agree, absorbs it into the phrase.

Everything here works on match-key offsets of the document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..mentions.base import Document
from ..text import Match
from ..text.normalize import is_arabic_letter
from .cues import Cue, PlaceCues

__all__ = ["Phrase", "find_phrases"]

_GAP_CHARS = frozenset(" \"'(«»")


@dataclass
class Phrase:
    match: Match
    rows: tuple[int, ...]
    lang: str
    name_start: int
    name_end: int
    start: int
    end: int
    before: list[Cue] = field(default_factory=list)  # nearest first
    after: list[Cue] = field(default_factory=list)
    tail: Phrase | None = None
    preposition: bool = False  # a preposition or connector right before (for weak ambiguous names)
    org: bool = False  # part of an organisation's name

    @property
    def key(self) -> str:
        return self.match.pattern


def _skip_back(key: str, pos: int, allow_the: bool) -> int:
    while pos > 0 and key[pos - 1] in _GAP_CHARS:
        pos -= 1
    if allow_the and key[max(0, pos - 4):pos] == " the" or (allow_the and key[max(0, pos - 3):pos] == "the"
                                                              and (pos == 3 or key[pos - 4] in _GAP_CHARS)):
        pos -= 3
        while pos > 0 and key[pos - 1] in _GAP_CHARS:
            pos -= 1
    return pos


def _skip_fwd(key: str, pos: int) -> int:
    n = len(key)
    while pos < n and key[pos] in _GAP_CHARS:
        pos += 1
    return pos


def find_phrases(doc: Document, matches: list[Match], cues: PlaceCues) -> list[Phrase]:
    """Build a phrase around every place match (overlapping cue matches are ignored)."""
    key = doc.key
    all_cues = cues.matcher.find(key, ["cue"])
    # a cue word is never a toponym: drop names lying inside a cue ("Of" in "the countryside of")
    cue_index = _CueIndex(all_cues)
    matches = [m for m in matches if not cue_index.contains(m)]
    # "كـ" means "like": "كحلب" compares with Aleppo, it does not place anything there ("كامل" is not ك + آمل)
    matches = [m for m in matches if "ك" not in m.prefix]
    cue_matches = _not_overlapping(all_cues, [(m.token_start, m.end) for m in matches])
    by_end: dict[int, Match] = {}
    by_start: dict[int, Match] = {}
    for c in cue_matches:
        by_end.setdefault(c.end, c)
        by_start.setdefault(c.token_start, c)
    phrases: list[Phrase] = []
    for m in matches:
        lang = "ar" if is_arabic_letter(key[m.start]) else "en"
        name_start = m.start - 2 if m.pattern.startswith("ال") and m.prefix.endswith("ال") else m.start
        ph = Phrase(m, tuple(m.payloads), lang, name_start, m.end, m.token_start, m.end)
        ph.preposition = _has_preposition(m.prefix)
        _read_before(ph, key, by_end, cues)
        _read_after(ph, key, by_start, cues)
        phrases.append(ph)
    _link_tails(phrases, key, cues)
    return phrases


def _has_preposition(prefix: str) -> bool:
    """Whether Arabic proclitics glued to a word hold ب or ل ("بالحسكة", "للرقة"; not "الباب")."""
    bare = prefix[:-2] if prefix.endswith("ال") else prefix
    return "ب" in bare or "ل" in bare


class _CueIndex:
    """Cues sorted by where their written word starts, to find those that can contain a span."""

    def __init__(self, cues: list[Match]) -> None:
        self.cues = sorted(cues, key=lambda c: c.token_start)
        self.starts = [c.token_start for c in self.cues]
        self.longest = max((c.end - c.token_start for c in self.cues), default=0)

    def contains(self, m: Match) -> bool:
        """Is ``m`` inside a longer cue (or the very same span as one)?"""
        lo = bisect.bisect_left(self.starts, m.token_start - self.longest)
        hi = bisect.bisect_right(self.starts, m.token_start)
        return any(m.end <= c.end and (c.end - c.token_start > m.end - m.token_start
                                       or (c.start, c.end) == (m.start, m.end))
                   for c in self.cues[lo:hi])


def _not_overlapping(all_cues: list[Match], spans: list[tuple[int, int]]) -> list[Match]:
    """Cues that overlap none of ``spans`` (sort + prefix maximum: O((C + S) log S))."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    max_end: list[int] = []
    best = -1
    for _, e in spans:
        best = max(best, e)
        max_end.append(best)
    out = []
    for c in all_cues:
        i = bisect.bisect_left(starts, c.end)  # spans starting before the cue ends
        if i and max_end[i - 1] > c.token_start:
            continue
        out.append(c)
    return out


def _read_before(ph: Phrase, key: str, by_end: dict[int, Match], cues: PlaceCues) -> None:
    pos = ph.start
    for _ in range(3):
        q = _skip_back(key, pos, ph.lang == "en")
        c = by_end.get(q)
        if c is None:
            break
        cue = cues.cues[c.payloads[0]]
        if cue.kind == "org-before":
            ph.org = True
            break
        if cue.position != "before" or cue.kind not in ("feature-cue", "admin-cue", "relation"):
            break
        ph.before.append(cue)
        pos = c.token_start
        ph.start = pos
        if _has_preposition(c.prefix):
            ph.preposition = True
    word_start = _skip_back(key, ph.start, False)
    prev = key[max(0, word_start - 12):word_start].split()
    if prev and prev[-1] in cues.prepositions.get(ph.lang, ()):
        ph.preposition = True


def _read_after(ph: Phrase, key: str, by_start: dict[int, Match], cues: PlaceCues) -> None:
    pos = ph.end
    for _ in range(3):
        q = _skip_fwd(key, pos)
        c = by_start.get(q)
        if c is None:
            break
        cue = cues.cues[c.payloads[0]]
        if cue.kind == "org-after":
            ph.org = True
            break
        if cue.position != "after" and cue.kind != "direction-adjective":
            break
        ph.after.append(cue)
        pos = c.end
        ph.end = pos


def _link_tails(phrases: list[Phrase], key: str, cues: PlaceCues) -> None:
    """Link each phrase to the next one when only connectors (and punctuation) stand between."""
    for a, b in zip(phrases, phrases[1:], strict=False):
        gap = key[a.end:b.start]
        if "\n" in gap or len(gap) > 24:
            continue
        words = gap.replace(",", " , ").split()
        conn = cues.connectors.get(a.lang, frozenset()) | cues.connectors.get(b.lang, frozenset())
        if b.match.prefix[:1] in ("و", "ف") or (b.before and _starts_with_and(key, b)) or "and" in words:
            if not b.before and a.before and not words and b.match.prefix[:1] == "و":
                b.before = list(a.before)  # "محافظات الرقة والحسكة": coordinated names share the head noun
            continue  # "X وY", "X and Y": a second place, not X's context
        if all(w in conn or w in ("-", "the") for w in words):
            a.tail = b


def _starts_with_and(key: str, ph: Phrase) -> bool:
    return key[ph.start:ph.start + 1] in ("و", "ف") and not key[ph.start:ph.start + 2] == "وس"
