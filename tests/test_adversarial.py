"""No regular expression backtracks catastrophically and no stage does super-linear work on
adversarial text (issue: robustness, limits).

Every compiled pattern of the package is run over 100 KB inputs built to make a backtracking
matcher explode (long runs of what a pattern almost matches: digits and separators, tag openers
with no end, spaces, clitics, tatweel, controls), and the whole extractor over the same inputs.
Linear work takes milliseconds here; the alarm is only a hang guard, set a thousand times
higher, so that a catastrophic pattern fails with its name instead of stalling CI.  Speed itself
is measured in ``benchmarks/``, never here.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import regex

import events
from events.api import extract_text
from events.io.readers import MAX_ARTICLE_CHARS, iter_articles
from events.pipeline import SEGMENT_CHARS, segments
from events.problems import Problem

REPO = Path(__file__).resolve().parents[1]

SIZE = 100_000
HANG_GUARD_S = 60

_UNITS = [
    "a", "1", " ", "\t", "\n", "1/", "1.", "12/12/", "2024-", "0.0", "1,", "٣", "٣/", "<a", "<", "<!", "</p ",
    "<!--", ",-", ", -", "و", "ال", "بال", "ـ", "\u200f", "\u200b", "«", "\"", "'", "in ", "بين ", "من ",
    "al-", "al ", "قتل ", "1st", "13th ", "Aug. ", "x\u0301", "حوالي ", "على الأقل ", "(", "()", "-", "—",
]


def _inputs() -> Iterator[tuple[str, str]]:
    for unit in _UNITS:
        yield f"repeat {unit!r}", (unit * (SIZE // len(unit) + 1))[:SIZE]
    rng = random.Random(7)
    alphabet = "".join(dict.fromkeys("".join(_UNITS)))
    yield "random mix", "".join(rng.choice(alphabet) for _ in range(SIZE))
    words = [u for u in _UNITS if u.strip()]
    yield "random words", " ".join(rng.choice(words) for _ in range(SIZE // 3))[:SIZE]


INPUTS = list(_inputs())


@contextmanager
def hang_guard(what: str) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _fail(signum: int, frame: object) -> None:
        raise AssertionError(f"{what} did not finish on a {SIZE:,}-character input within {HANG_GUARD_S} s: "
                             "catastrophic backtracking or super-linear work")

    old = signal.signal(signal.SIGALRM, _fail)
    signal.alarm(HANG_GUARD_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _package_patterns() -> list[tuple[str, re.Pattern | regex.Pattern]]:
    found, seen = [], set()
    for info in pkgutil.walk_packages(events.__path__, prefix="events."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in seen:
                seen.add(id(value))
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _package_patterns()


def test_the_package_patterns_are_found():
    names = {n for n, _ in PATTERNS}
    assert len(PATTERNS) >= 15
    assert "events.mentions.dates._NUMERIC_DMY" in names and "events.io.clean._ANY_TAG" in names


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear_on_adversarial_input(name, pattern):
    for label, text in INPUTS:
        with hang_guard(f"{name} on {label}"):
            for _ in pattern.finditer(text):
                pass


@pytest.mark.parametrize("label,text", [(label, text) for label, text in INPUTS if label.startswith("random")]
                         + [INPUTS[i] for i in (1, 5, 7, 13, 17, 20, 23, 24, 33)], ids=lambda x: x[:20])
def test_extractor_finishes_on_adversarial_article(label, text):
    with hang_guard(f"extract on {label}"):
        result = extract_text(text, published="2024-03-20", timestamp=0)
    for ev in result.events:
        for item in ev.evidence:
            assert item.text == text[item.start:item.end]


# -- long texts: coded segment by segment, offsets of the whole text ------------------------------

@pytest.mark.parametrize("text,size,expected", [
    ("abc", 10, [(0, 3)]),
    ("aaaa\nbbbb\ncccc", 8, [(0, 5), (5, 10), (10, 14)]),  # at line breaks
    ("aaa. bbb. ccc. ddd", 10, [(0, 9), (9, 18)]),  # else after a sentence's end
    ("aaa bbb ccc ddd", 9, [(0, 8), (8, 15)]),  # else at a space
    ("x" * 25, 10, [(0, 10), (10, 20), (20, 25)]),  # else a hard cut
])
def test_segments(text, size, expected):
    assert segments(text, size) == expected


def test_long_text_is_coded_by_segments_with_whole_text_offsets():
    seed = (REPO / "seeds" / "000_0dffa753c4657d22.txt").read_text(encoding="utf-8")
    copies = SEGMENT_CHARS // len(seed) * 3
    text = "\n\n".join([seed] * copies)
    assert len(text) > 2 * SEGMENT_CHARS
    one = extract_text(seed, published="2023-11-20", timestamp=0).events
    many = extract_text(text, published="2023-11-20", timestamp=0).events
    fields = ("event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities")
    # each copy's incidents are found (a copy may also borrow a date from the copy before it)
    assert {tuple(getattr(e, f) for f in fields) for e in one} <= {tuple(getattr(e, f) for f in fields) for e in many}
    assert len(many) < 2 * len(one) + 2  # the copies' events merged as one article's
    starts = []
    for ev in many:
        for item in ev.evidence:
            assert item.text == text[item.start:item.end]
            starts.append(item.start)
        for items in ev.provenance.values():
            for item in items:
                if item.start is not None:
                    assert item.text == text[item.start:item.end]
    assert max(starts) > 2 * SEGMENT_CHARS  # evidence from the last segments, at their place in the text


def test_text_over_the_article_limit_is_refused_with_a_message(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": "x" * (MAX_ARTICLE_CHARS + 1)}) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert f"{path}:1: text:" in str(items[0]) and "split the article" in str(items[0])
