"""``build``: stream a corpus through the pipeline into a dataset store, on every core.

* Articles are read as a stream (``iter_articles``) in batches; at most two batches per worker
  are in flight, so memory stays flat whatever the corpus size.
* Each worker process loads the lexicons and gazetteer once (``Resources``), codes whole
  batches (an article travels as a tuple of its fields) and stores them itself, with its own
  connection to the dataset: plain rows (``ReportRow``: strings and numbers, the merge signature
  already computed), one transaction per batch, a few ``executemany`` statements.  Only a small
  summary comes back, so this process just reads the input, hands it out, and at the end assigns
  ids.  With one worker everything runs in-process.
* An article already in the store with the same content is skipped, so a killed build, run
  again, resumes where it stopped; an unfinished run is resumed with its own timestamp, so the
  end result is exactly that of an uninterrupted run.  Batches are stored in whatever order the
  workers finish them; each article keeps its position in the input, so of several articles
  with one id the first in the input wins all the same.
* Bad inputs and articles the pipeline fails on are counted, listed and kept in the store;
  they never stop the run.
* At the end the dataset events are consolidated (``consolidate``): merged across articles
  (by the workers, when there are some), given ids, timestamped.
* ``BuildReport.seconds`` says where this process spent its time: reading and selecting
  articles, waiting for the workers, writing the store, consolidating.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import ConflictEventsError
from ..io.readers import ArticleDefaults, iter_articles
from ..model import Article, Event
from ..pipeline import Extraction, default_timestamp
from ..problems import Problem
from .consolidate import ConsolidationReport, MergeTask, consolidate, merge_task
from .merge import MergeSettings, signature_of
from .store import ArticleRecord, ArticleState, ReportRow, RunInfo, Store, open_store

__all__ = ["BuildOptions", "BuildReport", "build_dataset", "code_article", "article_hash", "ExtractFn"]

ExtractFn = Callable[[Article], Extraction]
MAX_LISTED_PROBLEMS = 1000


@dataclass
class BuildOptions:
    """Options of ``build_dataset`` (the command line's flags)."""

    workers: int | None = None  # None: every core
    batch_size: int = 64
    settings: MergeSettings | None = None  # None: the dataset's own (defaults for a new one)
    reprocess: bool = False  # code unchanged articles again (after a lexicon update)
    force: bool = False  # replace a file at --db that is not a dataset
    progress: bool = False
    defaults: ArticleDefaults = field(default_factory=ArticleDefaults)
    lexicon_dirs: Sequence[str] = ()
    gazetteer_layers: Sequence[str] = ()
    online: bool = False
    timestamp: int | None = None  # None: SOURCE_DATE_EPOCH or now
    extract: ExtractFn | None = None  # None: the real pipeline; must be picklable when workers > 1


@dataclass
class BuildReport:
    run_id: int = 0
    resumed: bool = False
    articles: int = 0  # articles read
    coded: int = 0  # articles coded in this run
    skipped: int = 0  # unchanged since they were stored
    failed: int = 0  # input problems and articles the pipeline failed on
    reports: int = 0  # events coded from the articles of this run
    problems: list[Problem] = field(default_factory=list)  # the first MAX_LISTED_PROBLEMS
    consolidation: ConsolidationReport = field(default_factory=ConsolidationReport)
    # where this process spent its time (wall seconds): reading and selecting articles, waiting for
    # the workers, writing the store, consolidating; with one worker 'wait' is the coding itself
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        ("read", "wait", "write", "consolidate"), 0.0))

    def add_problem(self, problem: Problem) -> None:
        self.failed += 1
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)


def article_hash(article: Article) -> str:
    """Hash of everything about an article that can change its events."""
    body = {"language": article.language, "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "source_scale": article.source_scale, "text": article.text, "url": article.url}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


_SIGNATURE_FIELDS = ("country", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
                     "latitude", "longitude", "geo_precision", "time_precision")


def report_row(event: Event) -> ReportRow:
    """An event as the store keeps it: plain strings and numbers, the signature computed here (in
    the worker), so the process that writes the store only writes."""
    if event.event_id_cnty or event.timestamp:  # a report is a pure function of its article
        event = event.model_copy(update={"event_id_cnty": "", "timestamp": 0})
    sig = signature_of({name: getattr(event, name) for name in _SIGNATURE_FIELDS})
    evidence = json.dumps([{"text": e.text, "start": e.start, "end": e.end} for e in event.evidence],
                          ensure_ascii=False)
    return ReportRow(event.event_uid, sig.key, sig.country, sig.event_date, sig.canonical_json, int(event.fatalities),
                     float(event.confidence), event.source or "", event.source_scale or "", evidence,
                     event.model_dump_json())


def code_article(article: Article, extract: ExtractFn, digest: str | None = None, position: int = 0
                 ) -> ArticleRecord:
    """Code one article into storable reports; a failure is returned, never raised."""
    meta = (article.outlet, article.url, article.published.isoformat() if article.published else "",
            article.language, article.source_scale)
    digest = digest or article_hash(article)
    try:
        result = extract(article)
        reports = tuple(report_row(ev) for ev in result.events)
    except Exception as exc:  # one article's failure never stops a corpus run
        return ArticleRecord(article.id, digest, "failed", *meta, error=f"{type(exc).__name__}: {exc}",
                             position=position)
    return ArticleRecord(article.id, digest, "ok", *meta, reports=reports, rejected=len(result.rejected),
                         warnings=tuple(result.problems), position=position)


class BatchOutcome(NamedTuple):
    """What storing a coded batch did (small: it travels back from a worker)."""

    results: int  # articles coded
    kept: int  # stored (the others repeat an id already stored in this run)
    reports: int
    problems: list[Problem]  # ids used twice, articles the pipeline failed on


def commit_batch(store: Store, run_id: int, results: Sequence[ArticleRecord]) -> BatchOutcome:
    """Store coded articles in one transaction: the first (in input order) of several articles
    with one id in a run wins, whichever was stored first."""
    with store.transaction():
        states = store.article_states([r.article_id for r in results])
        kept, problems = _drop_duplicates(states, run_id, results)
        store.record_batch(run_id, kept, problems)
    problems += [Problem(r.article_id, f"not coded: {r.error}") for r in kept if r.status != "ok"]
    return BatchOutcome(len(results), len(kept), sum(len(r.reports) for r in kept), problems)


def _drop_duplicates(states: dict[str, ArticleState], run_id: int, results: Sequence[ArticleRecord]
                     ) -> tuple[list[ArticleRecord], list[Problem]]:
    kept: list[ArticleRecord] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}  # in this batch (in input order)
    for res in results:
        first = seen.get(res.article_id)
        if first is None:
            state = states.get(res.article_id)
            if state is not None and state.run_id == run_id and not _stale_same_run(state, res):
                if state.position <= res.position:  # the one stored came first in the input
                    first = state.content_hash
                elif state.content_hash != res.content_hash:  # a later one was stored first: replaced
                    problems.append(_duplicate_problem(res.article_id))
        if first is not None:
            if first != res.content_hash:
                problems.append(_duplicate_problem(res.article_id))
            continue
        seen[res.article_id] = res.content_hash
        kept.append(res)
    return kept, problems


def _stale_same_run(state: ArticleState, res: ArticleRecord) -> bool:
    # a failed article of this run is retried when it comes again with the same text
    return state.status != "ok" and state.content_hash == res.content_hash


# an article crosses to a worker as a tuple of its fields (validated once, when it was read)
_ARTICLE_FIELDS = tuple(Article.model_fields)


def _pack(article: Article) -> tuple[Any, ...]:
    return tuple(getattr(article, name) for name in _ARTICLE_FIELDS)


def _unpack(values: tuple[Any, ...]) -> Article:
    return Article.model_construct(**dict(zip(_ARTICLE_FIELDS, values, strict=True)))


# --------------------------------------------------------------------------- workers
_WORKER_EXTRACT: ExtractFn | None = None


def _real_extractor(lexicon_dirs: Sequence[str], gazetteer_layers: Sequence[str], online: bool) -> ExtractFn:
    """The pipeline with its resources loaded now (so a broken lexicon fails here, once)."""
    from functools import partial

    try:
        from ..pipeline import Resources, default_resources, extract_article

        resources = (Resources(lexicon_dirs=lexicon_dirs, gazetteer_layers=gazetteer_layers, online=online)
                     if (lexicon_dirs or gazetteer_layers or online) else default_resources())
        resources.gazetteer  # noqa: B018 - load the gazetteer before any article
    except ImportError as exc:
        raise ConflictEventsError(f"the coding pipeline cannot be loaded ({exc})",
                                  hint="reinstall conflict-events") from exc
    return partial(extract_article, resources=resources, timestamp=0)


def _init_worker(extract: ExtractFn | None, spec: tuple[Sequence[str], Sequence[str], bool]) -> None:
    global _WORKER_EXTRACT
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if extract is not None:
        _WORKER_EXTRACT = extract
    elif _WORKER_EXTRACT is None:  # a spawned worker; a forked one inherits the parent's resources
        _WORKER_EXTRACT = _real_extractor(*spec)


_WORKER_STORE: Store | None = None


def _work(batch: list[tuple[tuple[Any, ...], str, int]], target: tuple[str, int]) -> BatchOutcome:
    """Code a batch and store it (each worker writes with its own connection to the dataset)."""
    global _WORKER_STORE
    assert _WORKER_EXTRACT is not None
    path, run_id = target
    if _WORKER_STORE is None or _WORKER_STORE.path != path:
        _WORKER_STORE = open_store(path)
    results = [code_article(_unpack(values), _WORKER_EXTRACT, digest, pos) for values, digest, pos in batch]
    return commit_batch(_WORKER_STORE, run_id, results)


class _Coder:
    """Codes batches in this process or in a pool; yields results in submission order."""

    def __init__(self, options: BuildOptions, extract: ExtractFn) -> None:
        global _WORKER_EXTRACT
        self.workers = max(1, options.workers or _cores())
        spec = (tuple(options.lexicon_dirs), tuple(options.gazetteer_layers), options.online)
        self.pool = None
        self.local = extract
        if self.workers > 1:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            if method == "fork" and options.extract is None:
                _WORKER_EXTRACT = extract  # forked workers share the parent's loaded resources
            self.pool = mp.get_context(method).Pool(self.workers, _init_worker, (options.extract, spec))

    def run(self, batches: Iterable[tuple[list[tuple[Article, str, int]], Any]], target: tuple[str, int],
            commit: Callable[[list[ArticleRecord]], BatchOutcome]) -> Iterator[tuple[BatchOutcome, Any]]:
        """Code and store each batch (here with ``commit``, or in a worker that writes to the dataset
        at ``target``: path, run id); yields what each did, in submission order."""
        if self.pool is None:
            for todo, extra in batches:
                yield commit([code_article(a, self.local, digest, pos) for a, digest, pos in todo]), extra
            return
        inflight: deque = deque()
        for todo, extra in batches:
            packed = [(_pack(a), digest, pos) for a, digest, pos in todo]
            inflight.append((self.pool.apply_async(_work, (packed, target)), extra))
            while len(inflight) >= 2 * self.workers:
                handle, extra_done = inflight.popleft()
                yield handle.get(), extra_done
        while inflight:
            handle, extra_done = inflight.popleft()
            yield handle.get(), extra_done

    def submit_merge(self, task: MergeTask) -> Any:
        assert self.pool is not None
        return self.pool.apply_async(merge_task, (task,))

    def close(self, *, abort: bool = False) -> None:
        if self.pool is not None:
            if abort:
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- the build
def _batches(items: Iterable[Article | Problem], size: int) -> Iterator[tuple[list[Article], list[Problem]]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
        if len(articles) >= size or len(problems) >= size:
            yield articles, problems
            articles, problems = [], []
    if articles or problems:
        yield articles, problems


def _needs_coding(digest: str, state: Any, run: RunInfo) -> bool:
    if state is None or state.status != "ok" or state.content_hash != digest:
        return True
    return run.reprocess and state.run_id != run.run_id


def _duplicate_problem(article_id: str) -> Problem:
    return Problem(article_id, "another article with this id and a different text was already stored in this "
                               "build; this one was skipped (give each article a unique id)", field="id")


def build_dataset(inputs: Sequence[str | Path], db: str | Path, options: BuildOptions | None = None) -> BuildReport:
    """Code every article of ``inputs`` into the dataset at ``db`` (created when missing)."""
    options = options or BuildOptions()
    report = BuildReport()
    # load the lexicons and gazetteer first: a broken resource fails before the dataset is touched
    extract = options.extract or _real_extractor(tuple(options.lexicon_dirs), tuple(options.gazetteer_layers),
                                                 options.online)
    coder = _Coder(options, extract)  # first: forked workers must not inherit an open dataset connection
    try:
        with open_store(db, create=True, force=options.force, writer=True) as store:
            stamp = options.timestamp if options.timestamp is not None else default_timestamp()
            run = store.begin_run(timestamp=stamp, settings=options.settings, reprocess=options.reprocess,
                                  inputs=[str(i) for i in inputs])
            report.run_id, report.resumed = run.run_id, run.resumed
            _ingest(store, run, inputs, options, coder, report)
            start = time.perf_counter()
            report.consolidation = _consolidate(store, run, options.progress, coder)
            report.seconds["consolidate"] = time.perf_counter() - start
            store.finish_run(run.run_id, {"articles": report.articles, "coded": report.coded,
                                          "failed": report.failed, "reports": report.reports})
    except BaseException:
        coder.close(abort=True)
        raise
    coder.close()
    return report


def _ingest(store: Store, run: RunInfo, inputs: Sequence[str | Path], options: BuildOptions, coder: _Coder,
            report: BuildReport) -> None:
    seconds = report.seconds

    def selected() -> Iterator[tuple[list[tuple[Article, str, int]], tuple[list[Problem], int]]]:
        start, position = time.perf_counter(), 0
        for articles, problems in _batches(iter_articles(inputs, options.defaults), options.batch_size):
            states = store.article_states([a.id for a in articles])
            todo = []
            for article in articles:
                digest = article_hash(article)
                if _needs_coding(digest, states.get(article.id), run):
                    todo.append((article, digest, position))
                position += 1
            seconds["read"] += time.perf_counter() - start
            yield todo, (problems, len(articles) - len(todo))
            start = time.perf_counter()
        seconds["read"] += time.perf_counter() - start

    def commit(results: list[ArticleRecord]) -> BatchOutcome:  # with one worker, in this process
        start = time.perf_counter()
        try:
            return commit_batch(store, run.run_id, results)
        finally:
            seconds["write"] += time.perf_counter() - start

    bar = None
    if options.progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc="build", file=sys.stderr, dynamic_ncols=True)
    try:
        batches = coder.run(selected(), (store.path, run.run_id), commit)
        while True:
            start, busy = time.perf_counter(), seconds["read"] + seconds["write"]
            got = next(batches, None)  # reads and selects the next batches too
            seconds["wait"] += time.perf_counter() - start - (seconds["read"] + seconds["write"] - busy)
            if got is None:
                break
            outcome, (problems, skipped) = got
            if problems:  # the inputs' own problems (unreadable files, broken lines)
                start = time.perf_counter()
                store.record_batch(run.run_id, [], problems)
                seconds["write"] += time.perf_counter() - start
            for problem in problems + outcome.problems:
                report.add_problem(problem)
            report.articles += outcome.results + skipped
            report.coded += outcome.kept
            report.skipped += skipped + outcome.results - outcome.kept
            report.reports += outcome.reports
            if bar is not None:
                bar.update(outcome.results + skipped)
                bar.set_postfix(events=report.reports, failed=report.failed, refresh=False)
    finally:
        if bar is not None:
            bar.close()


def _consolidate(store: Store, run: RunInfo, progress: bool, coder: _Coder) -> ConsolidationReport:
    """Merge, assign ids, write; the merging is shared out to the workers when there are some."""
    options: dict[str, Any] = {}
    if coder.pool is not None:
        options.update(submit=coder.submit_merge, tasks_in_flight=2 * coder.workers)
    if not progress:
        return consolidate(store, run.settings, run.timestamp, **options)
    from tqdm import tqdm

    with tqdm(total=store.dirty_groups(), unit=" groups", desc="merge", file=sys.stderr, dynamic_ncols=True) as bar:
        return consolidate(store, run.settings, run.timestamp, progress=bar.update, **options)
