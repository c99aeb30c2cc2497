"""Turn the bytes of an input file into text, or say clearly why that is impossible.

Detected: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, Windows-1256 and
ISO-8859-6 Arabic, Windows-1252 for Western text.  The legacy encodings are told apart by how
plausible the decoded words are (one script per word).  A file with a binary signature (PNG,
ZIP, PDF ...) or many NUL bytes and no BOM is treated as binary and refused.  Line
endings are unified to ``\\n`` (the original text of an article is the decoded, line-fixed text;
every offset we write refers to it).
"""

from __future__ import annotations

import codecs

from ..errors import InputError

__all__ = ["decode_bytes", "decode_with_report", "fix_line_endings"]

# A UTF-8 file with a few broken bytes (a truncated last character, one bad byte from a
# scraper) is read as UTF-8 with the bad bytes replaced, and a warning says how many.
MAX_REPLACED_SHARE = 0.005

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def fix_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"BZh", b"\x7fELF",
          b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf")


def _script(ch: str) -> str:
    if "\u0600" <= ch <= "\u06ff":
        return "arabic"
    if ch.isalpha():
        return "latin"
    return ""


def _plausibility(text: str) -> int:
    """Words written in one script count for a decoding, words mixing scripts and control
    characters against it ('Cafى' is Latin-1 read as Arabic)."""
    score = 0
    for token in text.split():
        scripts = {_script(ch) for ch in token} - {""}
        if len(scripts) == 1:
            score += 1
        elif len(scripts) > 1:
            score -= 3
    score -= 3 * sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    return score


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_MAGIC):
        return True
    return head.count(b"\x00") > max(2, len(head) // 200)


def decode_bytes(data: bytes, path: str = "<input>") -> str:
    """Decode a file's bytes; raise ``InputError`` naming the file when it is not text."""
    return decode_with_report(data, path)[0]


def decode_with_report(data: bytes, path: str = "<input>") -> tuple[str, str | None]:
    """Decode a file's bytes; also return a warning when some bytes had to be replaced."""
    if not data:
        return "", None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return fix_line_endings(data.decode(codec)), None
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {codec} byte-order mark but does not decode as {codec}: {exc}",
                                 path=path) from exc
    if _looks_binary(data):
        raise InputError("looks like a binary file (a binary signature or NUL bytes, no text byte-order mark); skipped",
                         path=path,
                         hint="give a UTF-8, UTF-16 or Windows-1256 text file")
    try:
        return fix_line_endings(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(1, int(len(data) * MAX_REPLACED_SHARE)):
        return fix_line_endings(replaced), f"{bad} byte sequence(s) that are not UTF-8 were replaced by U+FFFD"
    candidates: list[tuple[int, int, str, str]] = []
    for order, codec in enumerate(("cp1256", "iso-8859-6", "cp1252")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), -order, codec, text))
    if candidates:
        score, _, codec, text = max(candidates)
        if score > 0:
            return fix_line_endings(text), f"decoded as {codec} (not UTF-8)"
    raise InputError("is not UTF-8, UTF-16 or Arabic Windows-1256/ISO-8859-6 text; skipped", path=path,
                     hint="re-encode the file as UTF-8")
