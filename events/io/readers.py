"""Read articles from text files, folders, JSONL archives and standard input.

* ``NAME.txt``: one article; metadata from ``--published/--outlet/--url/--language`` or from a
  sidecar ``NAME.meta.json`` beside it (command-line values win).  The article id is ``NAME``.
* ``*.jsonl`` (also ``.ndjson``): one article a line,
  ``{"id", "text", "published", "outlet", "url", "language"}``.  A broken line is reported with
  its line number and the rest is read.
* a folder: every ``.txt`` and ``.jsonl`` file below it, recursively, in sorted order.
* ``-``: standard input, read as JSONL when its first character is ``{``, else as one text.

Everything is streamed: a JSONL archive of millions of lines is read one line at a time.
Problems are yielded as ``Problem`` objects in the stream, never raised.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from ..errors import InputError
from ..model import Article
from ..problems import Problem
from .clean import clean_text
from .decode import decode_bytes, decode_with_report

__all__ = ["ArticleDefaults", "iter_articles", "read_sidecar", "TEXT_SUFFIXES", "JSONL_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_ARTICLE_CHARS = 10_000_000  # documented limit: longer texts are refused with a message


@dataclass(frozen=True)
class ArticleDefaults:
    """Metadata given on the command line; it overrides sidecar values for text files."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def apply(self, record: dict[str, Any], *, override: bool) -> dict[str, Any]:
        out = dict(record)
        for key in ("published", "outlet", "url", "language"):
            value = getattr(self, key)
            if value is not None and (override or not out.get(key)):
                out[key] = value
        return out


def read_sidecar(text_path: Path) -> tuple[dict[str, Any], Problem | None]:
    """Metadata of ``NAME.txt`` from ``NAME.meta.json`` (empty when there is none)."""
    meta_path = text_path.with_name(text_path.stem + ".meta.json")
    if not meta_path.is_file():
        return {}, None
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, Problem(str(meta_path), f"sidecar metadata is not valid JSON: {exc}")
    if not isinstance(data, dict):
        return {}, Problem(str(meta_path), "sidecar metadata must be a JSON object")
    return data, None


def _article(record: dict[str, Any], path: str, line: int | None) -> Article | Problem:
    if "text" not in record or not isinstance(record.get("text"), str):
        return Problem(path, "has no text (a string field 'text' is required)", line, "text")
    if len(record["text"]) > MAX_ARTICLE_CHARS:
        return Problem(path, f"text is {len(record['text']):,} characters, over the limit of "
                             f"{MAX_ARTICLE_CHARS:,}; split the article", line, "text")
    record = dict(record)
    record["text"] = clean_text(record["text"])
    if record.get("id") in (None, ""):
        record["id"] = Path(path).stem if line is None else f"{Path(path).stem}:{line}"
    record["id"] = str(record["id"])
    for key in ("outlet", "url", "language", "published_basis", "source_scale"):
        if record.get(key) is None:
            record.pop(key, None)
        elif not isinstance(record[key], str):
            record[key] = str(record[key])
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        err = exc.errors()[0]
        fld = ".".join(str(p) for p in err.get("loc", ())) or "-"
        msg = err.get("msg", "invalid").removeprefix("Value error, ")
        return Problem(path, msg, line, fld)


def _read_text_file(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    try:
        text, warning = decode_with_report(path.read_bytes(), str(path))
    except InputError as exc:
        yield Problem(str(path), exc.message + (f" ({exc.hint})" if exc.hint else ""))
        return
    except OSError as exc:
        yield Problem(str(path), f"cannot be read: {exc.strerror or exc}")
        return
    if warning:
        yield Problem(str(path), warning, severity="warning")
    meta, problem = read_sidecar(path)
    if problem:
        yield problem
    record = {"id": meta.get("id") or path.stem, **{k: v for k, v in meta.items() if k != "id"}, "text": text}
    yield _article(defaults.apply(record, override=True), str(path), None)


def _iter_jsonl_lines(stream: BinaryIO, name: str, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(name, f"line is not UTF-8 ({exc.reason} at byte {exc.start}); skipped", lineno)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(name, f"broken JSON ({exc.msg} at column {exc.colno}); line skipped", lineno)
            continue
        except RecursionError:
            yield Problem(name, "JSON nested too deeply; line skipped", lineno)
            continue
        if not isinstance(record, dict):
            yield Problem(name, "a line must hold a JSON object (an article); skipped", lineno)
            continue
        yield _article(defaults.apply(record, override=False), name, lineno)


def _read_jsonl_file(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    try:
        with path.open("rb") as fh:
            yield from _iter_jsonl_lines(fh, str(path), defaults)
    except OSError as exc:
        yield Problem(str(path), f"cannot be read: {exc.strerror or exc}")


def _read_stdin(defaults: ArticleDefaults, stream: BinaryIO | None = None) -> Iterator[Article | Problem]:
    stream = stream or sys.stdin.buffer
    data = stream.read()
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        yield from _iter_jsonl_lines(io.BytesIO(data), "<stdin>", defaults)
        return
    try:
        text = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield Problem("<stdin>", exc.message)
        return
    yield _article(defaults.apply({"id": "stdin", "text": text}, override=True), "<stdin>", None)


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
            yield path


def iter_articles(inputs: Iterable[str | Path], defaults: ArticleDefaults | None = None,
                  *, stdin: BinaryIO | None = None) -> Iterator[Article | Problem]:
    """Stream the articles of every input, with a ``Problem`` wherever something is wrong."""
    defaults = defaults or ArticleDefaults()
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(defaults, stdin)
            continue
        path = Path(item)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                yield Problem(str(path), "folder holds no .txt or .jsonl files")
            for f in files:
                yield from _read_file(f, defaults)
        elif path.is_file():
            yield from _read_file(path, defaults)
        else:
            yield Problem(str(path), "no such file or folder")


def _read_file(path: Path, defaults: ArticleDefaults) -> Iterator[Article | Problem]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, defaults)
    else:
        yield from _read_text_file(path, defaults)
