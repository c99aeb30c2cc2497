"""The public Python API; the command line calls these functions and nothing else.

>>> import events
>>> evs = events.extract("قتل شاب برصاص مجهولين في مدينة درعا أمس", published="2024-03-10")  # doctest: +SKIP
>>> events.to_dataframe(evs)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .coding.coder import Rejected
from .errors import InputError, OutputExistsError
from .io.readers import ArticleDefaults, iter_articles
from .io.writers import format_for_path, write_events
from .model import ACLED_COLUMNS, ALL_COLUMNS, Article, Event
from .pipeline import Extraction, Resources, default_resources, extract_article
from .problems import Problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["extract", "extract_text", "ExtractOptions", "ExtractReport", "run_extract", "explain_inputs",
           "to_dataframe", "read_articles"]


def extract_text(text: str, *, published: str | dt.date | None = None, outlet: str = "", url: str = "",
                 language: str = "", article_id: str = "article", resources: Resources | None = None,
                 timestamp: int | None = None) -> Extraction:
    """Code one text; returns events, refused incidents and problems."""
    article = Article(id=article_id, text=text, published=published, outlet=outlet, url=url, language=language)
    return extract_article(article, resources, timestamp=timestamp)


def extract(source: str | Article | Iterable[Article], *, published: str | dt.date | None = None,
            outlet: str = "", url: str = "", language: str = "", article_id: str = "article",
            resources: Resources | None = None, timestamp: int | None = None) -> list[Event]:
    """The events of a text, an ``Article`` or an iterable of articles."""
    if isinstance(source, str):
        return extract_text(source, published=published, outlet=outlet, url=url, language=language,
                            article_id=article_id, resources=resources, timestamp=timestamp).events
    if isinstance(source, Article):
        return extract_article(source, resources, timestamp=timestamp).events
    out: list[Event] = []
    for article in source:
        out.extend(extract_article(article, resources, timestamp=timestamp).events)
    return out


def read_articles(inputs: Iterable[str | Path], **metadata: Any) -> Iterator[Article | Problem]:
    """Articles of files, folders, JSONL archives or '-' (stdin), with a Problem where one fails."""
    return iter_articles(inputs, ArticleDefaults(**{k: v for k, v in metadata.items() if v is not None}))


@dataclass
class ExtractOptions:
    output: str | None = None
    format: str | None = None
    acled_only: bool = False
    safe_cells: bool = True
    force: bool = False
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    lexicon_dirs: Sequence[str] = ()
    gazetteer_layers: Sequence[str] = ()
    online: bool = False
    progress: bool = False
    timestamp: int | None = None


@dataclass
class ExtractReport:
    articles: int = 0
    events: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _check_published(value: str | None) -> None:
    if value is None:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--published {value!r} is not a date", hint="write it as YYYY-MM-DD") from exc


def run_extract(inputs: Sequence[str], options: ExtractOptions) -> ExtractReport:
    """Read inputs, code every article, write the events; report what went wrong, keep going."""
    _check_published(options.published)
    fmt = format_for_path(options.output, options.format)
    if options.output and options.output != "-" and Path(options.output).exists() and not options.force:
        raise OutputExistsError("exists; not overwritten", path=options.output, hint="pass --force to replace it")
    resources = Resources(lexicon_dirs=options.lexicon_dirs, gazetteer_layers=options.gazetteer_layers,
                          online=options.online) if (options.lexicon_dirs or options.gazetteer_layers
                                                     or options.online) else default_resources()
    report = ExtractReport()
    defaults = ArticleDefaults(options.published, options.outlet, options.url, options.language)

    def events() -> Iterator[Event]:
        stream: Iterable[Article | Problem] = iter_articles(inputs, defaults)
        if options.progress:
            from tqdm import tqdm

            stream = tqdm(stream, unit=" articles", desc="extract", leave=False)
        for item in stream:
            if isinstance(item, Problem):
                if item.severity == "warning":
                    report.warnings.append(str(item))
                else:
                    report.problems.append(item)
                    report.failed += 1
                continue
            report.articles += 1
            try:
                result = extract_article(item, resources, timestamp=options.timestamp)
            except Exception as exc:  # one article's failure never stops a corpus run
                report.problems.append(Problem(item.id, f"failed: {type(exc).__name__}: {exc}"))
                report.failed += 1
                continue
            report.warnings.extend(result.problems)
            report.rejected.extend(result.rejected)
            report.events += len(result.events)
            yield from result.events

    write_events(events(), options.output, fmt, acled_only=options.acled_only, safe_cells=options.safe_cells,
                 force=options.force)
    return report


def explain_inputs(inputs: Sequence[str], *, article_id: str | None = None, lexicon_dirs: Sequence[str] = (),
                   gazetteer_layers: Sequence[str] = (), online: bool = False, **metadata: Any) -> list[dict]:
    """For each article: its events with the provenance of every field, and the refused incidents."""
    from .explain import explain_extraction

    resources = Resources(lexicon_dirs=lexicon_dirs, gazetteer_layers=gazetteer_layers, online=online) \
        if (lexicon_dirs or gazetteer_layers or online) else default_resources()
    out = []
    for item in read_articles(inputs, **metadata):
        if isinstance(item, Problem):
            out.append({"problem": str(item)})
            continue
        if article_id and item.id != article_id:
            continue
        out.append(explain_extraction(extract_article(item, resources, keep_document=True)))
    return out


def to_dataframe(events: Iterable[Event], *, acled_only: bool = False) -> pd.DataFrame:
    """A pandas DataFrame with ACLED's columns (and ours) and ACLED's dtypes."""
    import pandas as pd

    columns = list(ACLED_COLUMNS if acled_only else ALL_COLUMNS)
    rows = [ev.model_dump(mode="json") for ev in events]
    frame = pd.DataFrame(rows, columns=columns)
    if not len(frame):
        frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    for col in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        frame[col] = frame[col].astype("int64")
    for col in ("latitude", "longitude"):
        frame[col] = frame[col].astype("float64")
    return frame
