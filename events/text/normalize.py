"""One normaliser for text, lexicons, gazetteer names and patterns.

The *match key* of a text is made only by deleting characters and by replacing one character
with one character, so every position in the key maps back to exactly one position in the
original text (see ``NormalizedText.to_original``).  What the key does:

* deletes Arabic harakat, dagger alef, Quranic marks, tatweel, combining marks of any script,
  bidi and zero-width controls, soft hyphens and NUL bytes;
* folds alef forms (أ إ آ ٱ → ا), alef maksura (ى → ي), teh marbuta (ة → ه), hamza carriers
  (ؤ → و, ئ → ي), Persian look-alikes (ی ک ە ھ ۀ);
* maps Arabic-Indic and Persian digits to ASCII, Arabic punctuation to ASCII (، ؛ ؟ ٫ ٬ ٪),
  every quotation mark to ``"`` or ``'``, every dash to ``-``, odd spaces to a space;
* folds Latin case and strips Latin diacritics (é → e) for English.

The same function, ``match_key``, normalises lexicon entries, so a pattern and the text it must
match always agree.  Normalising a key again changes nothing (tested with hypothesis).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import regex

__all__ = ["NormalizedText", "normalize", "match_key", "is_arabic_letter", "is_word_char"]

# Characters removed from the key.  Combining marks (category Mn/Me) are handled by the
# translation table; this class lists the rest, for finding deletion positions quickly.
_DELETE_CLASS = (
    "\u0000"
    "\u00ad"  # soft hyphen
    "\u0610-\u061a"  # Arabic signs above/below
    "\u061c"  # Arabic letter mark
    "\u0640"  # tatweel
    "\u064b-\u065f"  # harakat, hamza/maddah marks
    "\u0670"  # dagger alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic marks
    "\u200b-\u200f"  # zero-width and LRM/RLM
    "\u202a-\u202e"  # embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # isolates
    "\ufeff"  # BOM / ZWNBSP
    "\\p{Mn}\\p{Me}"
)
_DELETE_RE = regex.compile(f"[{_DELETE_CLASS}]")

_FIXED_FOLDS: dict[str, str] = {
    # Arabic letters
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    # Persian/Urdu look-alikes
    "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك", "ە": "ه", "ھ": "ه", "ۀ": "ه", "ہ": "ه", "ۃ": "ه",
    # Arabic punctuation
    "،": ",", "؛": ";", "؟": "?", "۔": ".", "٫": ".", "٬": ",", "٪": "%", "٭": "*",
    # quotation marks
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‹": '"', "›": '"',
    "〝": '"', "〞": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'", "＇": "'",
    # dashes and minus signs
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹘": "-", "﹣": "-", "－": "-",
    # odd spaces (line breaks are kept: they separate sentences)
    "\u00a0": " ", "\u1680": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ", "\u000b": " ",
    "\u000c": " ", "\u0085": "\n", "\u2028": "\n", "\u2029": "\n", "\r": "\n",
    # ellipsis keeps one character
    "…": ".",
}
for _d in range(10):
    _FIXED_FOLDS[chr(0x0660 + _d)] = str(_d)
    _FIXED_FOLDS[chr(0x06F0 + _d)] = str(_d)
    _FIXED_FOLDS[chr(0x07C0 + _d)] = str(_d)  # N'Ko digits rarely appear; harmless
for _c in range(0x2000, 0x200B):
    _FIXED_FOLDS[chr(_c)] = " "


class _FoldTable(dict):
    """A ``str.translate`` table that computes and caches the fold of each code point."""

    def __missing__(self, code: int) -> int | str | None:
        ch = chr(code)
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me") or _DELETE_RE.match(ch):
            value: int | str | None = None
        elif ch in _FIXED_FOLDS:
            value = _FIXED_FOLDS[ch]
        elif "\uFB50" <= ch <= "\uFDFF" or "\uFE70" <= ch <= "\uFEFF":
            # Arabic presentation forms: take the base letter when it is a single letter.
            nf = unicodedata.normalize("NFKC", ch)
            value = _fold_single(nf) if len(nf) == 1 else _fold_single(nf[0]) if nf else None
        else:
            value = _fold_single(ch)
        self[code] = value
        return value


def _fold_single(ch: str) -> str:
    if ch in _FIXED_FOLDS:
        return _FIXED_FOLDS[ch]
    if ch.isascii():
        return ch.lower()
    low = ch.lower()
    if len(low) != 1:
        low = ch
    # strip Latin/Greek/Cyrillic diacritics: é → e, İ → i
    decomposed = unicodedata.normalize("NFD", low)
    base = decomposed[0]
    if len(decomposed) > 1 and unicodedata.category(base).startswith("L") and not is_arabic_letter(base):
        return base.lower() if len(base.lower()) == 1 else base
    if low.isdecimal() and not low.isascii():
        return str(unicodedata.decimal(low))
    return low


_TABLE = _FoldTable()


def _translate(text: str) -> str:
    return text.translate(_TABLE)


@dataclass(frozen=True)
class NormalizedText:
    """A text and its match key, with the map from key offsets back to the original."""

    original: str
    key: str
    # key offset -> original offset: orig = i + bisect_right(_shifted, i) on the deletion path,
    # or an explicit table where the text had to be composed first (rare).
    _shifted: tuple[int, ...] = field(default=(), repr=False)
    _table: tuple[int, ...] | None = field(default=None, repr=False)

    def to_original(self, i: int) -> int:
        """Map a key offset (0..len(key)) to the matching offset in the original text."""
        if self._table is not None:
            return self._table[i]
        if not self._shifted:
            return i
        return i + bisect.bisect_right(self._shifted, i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a key span [start, end) to the original span that covers exactly its characters."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.span_to_original(start, end)
        return self.original[s:e]


def _deleted_positions(text: str) -> list[int]:
    """Offsets of the characters ``_DELETE_RE`` matches (the same list as its ``finditer``).

    Only characters outside plain ASCII (NUL excepted) and the common Arabic letters can match, so
    those are located first with a fast class and each distinct one is tested once."""
    out = []
    for m in _MAYBE_DELETED.finditer(text):
        ch = m.group()
        hit = _IS_DELETED.get(ch)
        if hit is None:
            hit = _IS_DELETED[ch] = _DELETE_RE.match(ch) is not None
        if hit:
            out.append(m.start())
    return out


# ASCII (but NUL) and the Arabic letters U+0621-U+063A, U+0641-U+064A are neither marks nor in
# _DELETE_CLASS: every character _DELETE_RE can match is outside this class.
_MAYBE_DELETED = re.compile("[^\x01-\x7f\u0621-\u063a\u0641-\u064a]")
_IS_DELETED: dict[str, bool] = {}


def normalize(text: str) -> NormalizedText:
    """Build the match key of ``text`` with an exact offset map back to it."""
    if unicodedata.is_normalized("NFC", text) or not _has_composable(text):
        deleted = _deleted_positions(text)
        key = _translate(text)
        if len(key) + len(deleted) != len(text):  # a code point folded to nothing unexpectedly
            return _normalize_slow(text)
        shifted = tuple(p - k for k, p in enumerate(deleted))
        return NormalizedText(text, key, shifted, None)
    return _normalize_slow(text)


_COMPOSABLE_RE = regex.compile("[\u0653-\u0655\u0300-\u036f]")


def _has_composable(text: str) -> bool:
    return _COMPOSABLE_RE.search(text) is not None


def _normalize_slow(text: str) -> NormalizedText:
    """Compose base+mark clusters (NFC) one cluster at a time, keeping an explicit offset table."""
    key_chars: list[str] = []
    table: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        for off, ch in enumerate(cluster):
            folded = _TABLE[ord(ch)]
            if folded:
                key_chars.append(folded)
                table.append(min(i + off, j - 1))
        i = j
    table.append(n)
    return NormalizedText(text, "".join(key_chars), (), tuple(table))


def match_key(text: str) -> str:
    """The match key of a lexicon entry, gazetteer name or pattern (whitespace collapsed)."""
    return " ".join(normalize(text).key.split())


_ARABIC_RANGES = (("\u0620", "\u064a"), ("\u066e", "\u06d3"), ("\u06fa", "\u06ff"), ("\u0750", "\u077f"),
                  ("\u08a0", "\u08ff"))


def is_arabic_letter(ch: str) -> bool:
    if "\u0620" <= ch <= "\u064a":  # the common case first
        return True
    return any(lo <= ch <= hi for lo, hi in _ARABIC_RANGES)


def is_word_char(ch: str) -> bool:
    """Letters and digits of any script count as word characters; punctuation does not."""
    return ch.isalnum() or ch == "_"
