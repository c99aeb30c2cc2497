"""Text hygiene at the door: what scrapers leave behind that must never reach the pipeline.

``clean_text`` is applied to every article text as it is read, and the cleaned text is the
article's *original text*: every offset the tool writes refers to it.  It

* unifies line endings (CRLF, CR -> LF);
* removes NUL bytes and replaces lone UTF-16 surrogates (which JSON can carry) with U+FFFD, so
  the text can always be written back as UTF-8;
* when the text looks like HTML (tags such as ``<p>``, ``<br>``, ``<div>``, or entities such as
  ``&amp;``), drops scripts, styles and comments, turns block tags into line breaks, removes the
  other tags and unescapes the entities.

Bidi controls, zero-width characters and tatweel are kept here (they are part of what the
source wrote) and ignored by the match key instead.  Every pattern is linear: tag patterns are
bounded and never nest.
"""

from __future__ import annotations

import html
import re

__all__ = ["clean_text", "looks_like_html"]

_HTML_HINT = re.compile(r"</?(?:p|br|div|span|a|b|i|strong|em|h[1-6]|li|ul|ol|table|tr|td|img|figure|figcaption|"
                        r"section|article|header|footer|script|style|meta|html|body)\b[^<>]{0,500}>|&(?:[a-z]{2,8}|"
                        r"#[0-9]{1,7}|#x[0-9a-f]{1,6});", re.IGNORECASE)
_DROP_OPEN = re.compile(r"<(script|style|noscript|template)\b|<!--", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|figure|"
                        r"figcaption|blockquote)\b[^<>]{0,500}>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]{0,30}\b[^<>]{0,1000}>|<![^<>]{0,1000}>")
_MANY_NL = re.compile(r"\n{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def looks_like_html(text: str) -> bool:
    """Markup in a text: a few known tags or entities are enough."""
    return len(_HTML_HINT.findall(text[:200_000])) >= 2


def _drop_blocks(text: str) -> str:
    """Remove script/style blocks and comments in one left-to-right pass (linear time)."""
    lower = text.lower()
    out: list[str] = []
    pos = 0
    while True:
        m = _DROP_OPEN.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:m.start()])
        closer = "-->" if m.group(0) == "<!--" else f"</{m.group(1).lower()}"
        end = lower.find(closer, m.end())
        if end < 0:
            return "".join(out)
        gt = lower.find(">", end)
        pos = len(text) if gt < 0 else gt + 1
        out.append(" ")


def _strip_html(text: str) -> str:
    text = _drop_blocks(text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = text.split("\n")  # spaces before a line break go (a regex would be quadratic on long runs)
    text = "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])
    return _MANY_NL.sub("\n\n", text).strip("\n")


def clean_text(text: str) -> str:
    """The text an article is coded from (see the module documentation)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if ("<" in text or "&" in text) and looks_like_html(text):
        text = _strip_html(text)
    return text
