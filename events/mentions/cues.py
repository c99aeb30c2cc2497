"""Cues that decide whether a statement is an event: negation, denial, question, future/threat,
condition, generic/habitual, past reference (they block), hedge, claim and attribution (they only
lower confidence).

Words and scope rules live in ``lexicon/cues.yaml``.  Each cue becomes a ``Mention`` of kind
'cue' whose ``CueValue.scope`` is the key span it governs:

* ``phrase``: from the cue to the next punctuation mark or the clause end (negation: 'لم تقصف
  الطائرات البلدة', so 'قتل ثلاثة، ولم ...' leaves the killing outside);
* ``rest``: from the cue to the end of its clause (future, threat, hedge);
* ``clause``: the whole clause (generic/habitual: 'وتواصل استهداف قادتها');
* ``sentence``: the whole sentence (denial, question, condition, attribution);
* ``next``: the noun phrase after the cue, up to five words (past reference: 'بعد مقتل X').

A sentence ending in '?' (or '؟') is a question.  Entries of type ``none`` are traps that win
over a shorter cue by the longest-match rule and yield nothing ('ما لا يقل عن', 'لا سيما',
'لا يزال', 'غير أن', explicit zeros such as 'لم تسفر عن إصابات', side facts such as
'لم يتم التعرف على هوياتهم').

``blocking_cues(cues, start, end)`` answers the coder's question: which blocking cues govern a
trigger at key span [start, end)?
"""

from __future__ import annotations

import bisect

import regex

from ..lexicon import LexiconSet
from .base import CueValue, Document, Mention
from .lexscan import Atom, lexicons_or_default, scan_doc

__all__ = ["find_cues", "blocking_cues"]

LEXICON = "cues"
_PUNCT = regex.compile(r"[,;:.!?\n]")
_WORD = regex.compile(r"\w+")


def _scope(doc: Document, atom: Atom, rule: str) -> tuple[int, int]:
    key = doc.key
    sent = doc.sentence_at(atom.start)
    s_start, s_end = (sent.start, sent.end) if sent else (0, len(key))
    clause = doc.clause_at(atom.start) or (s_start, s_end)
    if rule == "sentence":
        return s_start, s_end
    if rule == "clause":
        return clause
    if rule == "rest":
        return atom.token_start, clause[1]
    if rule == "next":
        end = atom.end
        for i, m in enumerate(_WORD.finditer(key, atom.end, clause[1])):
            if i >= 5 or _PUNCT.search(key, end, m.start()):
                break
            end = m.end()
        return atom.token_start, end
    m = _PUNCT.search(key, atom.end, clause[1])  # phrase
    return atom.token_start, m.start() if m else clause[1]


def _next_word(key: str, pos: int) -> str:
    m = _WORD.search(key, pos, min(len(key), pos + 40))
    return m.group() if m else ""


def find_cues(doc: Document, lexicons: LexiconSet | None = None) -> list[Mention]:
    """Every cue of the document with the span it governs."""
    lex = lexicons_or_default(lexicons)
    key = doc.key
    out: list[Mention] = []
    for atom in scan_doc(doc, lex, LEXICON):
        entry = atom.entry
        kind = str(entry.get("type", ""))
        if kind == "none":
            continue
        letters = entry.get("next_prefix")
        if letters and not _next_word(key, atom.end).startswith(tuple(str(x) for x in letters)):
            continue
        scope = _scope(doc, atom, str(entry.get("scope", "phrase")))
        value = CueValue(kind, scope, bool(entry.get("blocks", True)))
        out.append(Mention("cue", atom.token_start, atom.end, atom.id, value, atom.prefix))
    for sent in doc.sentences:
        text = key[sent.start : sent.end].rstrip(' "\')]')
        if text.endswith("?"):
            q = sent.start + len(text) - 1
            out.append(Mention("cue", q, q + 1, "cue.question.mark", CueValue("question", (sent.start, sent.end), True)))
    out.sort(key=lambda m: m.start)
    return out


def blocking_cues(cues: list[Mention], start: int, end: int) -> list[Mention]:
    """The blocking cues whose scope contains the trigger at key span [start, end)."""
    pos = start if end <= start else start
    if len(cues) < _INDEXED:
        return [c for c in cues if c.value.blocks and c.value.scope[0] <= pos < c.value.scope[1]]
    idx = _LAST_INDEX[0]
    if idx is None or idx.cues is not cues or idx.size != len(cues):
        idx = _LAST_INDEX[0] = _BlockingIndex(cues)
    return idx.at(pos)


# A long document has many cues and the coder asks about every trigger: from this many cues on, the
# blocking cues are indexed by scope start once per cue list (the last list's index is kept).
_INDEXED = 32


class _BlockingIndex:
    def __init__(self, cues: list[Mention]) -> None:
        self.cues = cues
        self.size = len(cues)
        self.items = sorted(((c.value.scope[0], i, c) for i, c in enumerate(cues) if c.value.blocks),
                            key=lambda x: (x[0], x[1]))
        self.starts = [s for s, _, _ in self.items]
        self.longest = max((c.value.scope[1] - s for s, _, c in self.items), default=0)

    def at(self, pos: int) -> list[Mention]:
        """Same as the plain scan: a scope [s, e) holds pos only if pos - longest < s <= pos."""
        lo = bisect.bisect_left(self.starts, pos - self.longest + 1)
        hi = bisect.bisect_right(self.starts, pos)
        found = sorted((i, c) for _s, i, c in self.items[lo:hi] if pos < c.value.scope[1])
        return [c for _i, c in found]


_LAST_INDEX: list[_BlockingIndex | None] = [None]
