"""Turn the bytes of an input file into text, or say clearly why that is impossible.

Detected: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, Windows-1256 and
ISO-8859-6 Arabic.  A file with NUL bytes and no BOM is treated as binary and refused.  Line
endings are unified to ``\\n`` (the original text of an article is the decoded, line-fixed text;
every offset we write refers to it).
"""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode_bytes", "fix_line_endings"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def fix_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _score_arabic(text: str) -> float:
    """How plausible a decoding is as (mostly Arabic) news text."""
    arabic = sum(1 for ch in text if "\u0621" <= ch <= "\u064a")
    bad = sum(1 for ch in text if ("\u00c0" <= ch <= "\u00ff") or (ord(ch) < 32 and ch not in "\n\r\t"))
    return arabic - 3 * bad


def decode_bytes(data: bytes, path: str = "<input>") -> str:
    """Decode a file's bytes; raise ``InputError`` naming the file when it is not text."""
    if not data:
        return ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return fix_line_endings(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {codec} byte-order mark but does not decode as {codec}: {exc}",
                                 path=path) from exc
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("looks like a binary file (NUL bytes, no text byte-order mark); skipped", path=path,
                         hint="give a UTF-8, UTF-16 or Windows-1256 text file")
    try:
        return fix_line_endings(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for codec in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_score_arabic(text), codec, text))
    if candidates:
        score, codec, text = max(candidates)
        if score > 0:
            return fix_line_endings(text)
    raise InputError("is not UTF-8, UTF-16 or Arabic Windows-1256/ISO-8859-6 text; skipped", path=path,
                     hint="re-encode the file as UTF-8")
