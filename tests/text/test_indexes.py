"""The per-document indexes and fast paths (long articles in linear time, normalisation) give the
same answers as the plain scans they replace (span sets, occupancy maps, the blocking-cue index,
the narrative date table, deletion offsets)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from events.mentions.base import CueValue, Mention
from events.mentions.cues import _INDEXED, blocking_cues
from events.mentions.date_pick import _carried, _index
from events.mentions.dates import find_dates
from events.mentions.lexscan import SpanSet
from events.mentions.quantities import _overlaps, _Taken

from .helpers import doc_of

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(-2, 64))
def test_span_set_is_any_containing_span(items, pos):
    assert SpanSet(items).contains(pos) == any(s <= pos < e for s, e in items)


@settings(max_examples=200, deadline=None)
@given(spans, spans)
def test_taken_is_any_overlap(taken, queries):
    occupied = _Taken(40, taken[:10])
    seen = list(taken[:10])
    for q in taken[10:] + queries:
        assert occupied.overlaps(q) == any(_overlaps(q, t) for t in seen)
        occupied.add(q)
        seen.append(q)


def _cue(start: int, scope: tuple[int, int], blocks: bool) -> Mention:
    return Mention("cue", start, start + 1, "cue.test", CueValue("negation", scope, blocks))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(-5, 80), st.booleans()), min_size=_INDEXED, max_size=80),
       st.lists(st.integers(-5, 400), max_size=20))
def test_blocking_cue_index_is_the_plain_scan(items, positions):
    cues = [_cue(s, (s, s + length), blocks) for s, length, blocks in items]
    for pos in positions:
        plain = [c for c in cues if c.value.blocks and c.value.scope[0] <= pos < c.value.scope[1]]
        assert blocking_cues(cues, pos, pos + 1) == plain


DATED = [
    "قتل جندي أمس في درعا.", "وقصفت الطائرات البلدة يوم الأحد.", "وأصيب ثلاثة آخرون.",
    "وأفاد المرصد اليوم الثلاثاء بمقتل شاب.", "في اليوم ذاته قتل مدني.", "منذ بداية العام قتل 20 شخصا.",
    "On Monday, gunmen attacked a checkpoint.", "Five people were killed, a monitor said on Tuesday.",
    "وقال مصدر إن الاشتباكات مستمرة منذ ثلاثة أيام.", "وفي 14 شباط الماضي قتل عنصر.", "وسقط صاروخ على المدينة.",
]


def test_narrative_date_table_is_the_backward_walk():
    rnd = random.Random(3)
    for _ in range(40):
        text = "\n".join(" ".join(rnd.sample(DATED, rnd.randint(1, 3))) for _ in range(rnd.randint(1, 8)))
        doc = doc_of(text)
        dates = find_dates(doc)
        table = _index(doc, dates)
        for s in doc.sentences:
            assert table.carried[s.index] is _carried(doc, dates, s.index)
            assert table.between(s.start, s.end) == [m for m in dates if s.start <= m.start < s.end]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("اأبةـًٌَُِّْٰ ،«»\u200f\u200b\u0000xX1٣\n") + [chr(0x0300), chr(0x1F600), "é"]))
       | st.text())
def test_deleted_positions_are_the_regex_scan(text):
    from events.text.normalize import _DELETE_RE, _deleted_positions

    assert _deleted_positions(text) == [m.start() for m in _DELETE_RE.finditer(text)]
