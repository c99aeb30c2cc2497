"""Property tests: idempotent normalisation, exact offsets, no crash on arbitrary Unicode."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.mentions.base import prepare
from events.mentions.cues import blocking_cues, find_cues
from events.mentions.dates import find_dates, pick_event_date
from events.mentions.numbers import find_numbers
from events.mentions.quantities import count_fatalities, find_quantities
from events.model import Article
from events.text import match_key, normalize, split_sentences

# Arabic letters, marks, digits of three scripts, controls, quotes, punctuation and Latin
_ALPHABET = st.sampled_from(
    list("قتلجنديوبالحسكةأإآٱىةؤئءيمنسرشعفكطهـً ٌ ٍ َ ُ ِ ّ ْ ٰ")
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
    + ["\u200f", "\u200e", "\u200c", "\u00a0", "\ufeff", "\u0654", "\u0301", "ﻻ", "ﷺ", "ﺍ"]
    + list('«»“”"\'،؛؟.!?:;,-–—()/\n ')
    + list("abcXYZéÉİ")
)
ARABICISH = st.text(_ALPHABET, max_size=120)
ANY = st.text(max_size=120)
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])  # example count: the profile (tests/conftest.py)


@SETTINGS
@given(st.one_of(ARABICISH, ANY))
def test_match_key_is_idempotent(text):
    assert match_key(match_key(text)) == match_key(text)


@SETTINGS
@given(st.one_of(ARABICISH, ANY))
def test_normalize_key_is_a_fixed_point(text):
    key = normalize(text).key
    assert normalize(key).key == key


@SETTINGS
@given(st.one_of(ARABICISH, ANY), st.data())
def test_offsets_round_trip(text, data):
    norm = normalize(text)
    n = len(norm.key)
    originals = [norm.to_original(i) for i in range(n + 1)]
    assert originals == sorted(originals)
    assert all(0 <= o <= len(text) for o in originals)
    assert originals[-1] <= len(text)
    if n:
        i = data.draw(st.integers(0, n - 1))
        j = data.draw(st.integers(i + 1, n))
        s, e = norm.span_to_original(i, j)
        assert 0 <= s < e <= len(text)
        assert normalize(text[s:e]).key == norm.key[i:j]


@SETTINGS
@given(st.one_of(ARABICISH, ANY))
def test_sentences_are_ordered_spans(text):
    key = normalize(text).key
    last = 0
    for s in split_sentences(key):
        assert last <= s.start < s.end <= len(key)
        last = s.end


@SETTINGS
@given(st.one_of(ARABICISH, ANY), st.sampled_from([None, dt.date(2024, 3, 20)]))
def test_finders_never_crash(text, published):
    doc = prepare(Article(id="p", text=text, published=published))
    n = len(doc.key)
    dates = find_dates(doc)
    qs = find_quantities(doc)
    cues = find_cues(doc)
    find_numbers(doc.key)
    for m in dates + qs + cues:
        assert 0 <= m.start <= m.end <= n
        doc.original_text(m.start, m.end)
    pick_event_date(doc, dates, 0, n)
    count_fatalities(doc, qs, 0, n)
    blocking_cues(cues, 0, n)


_NEWS = st.lists(
    st.sampled_from([
        "قتل", "جندي", "14", "عنصرا", "من", "قوات", "أمس", "الخميس", "في", "شباط", "2024", "،", ".", "نفت",
        "لم", "سيقصف", "ثلاثة", "وعشرون", "قتيلا", "مساء", "اليوم", "ليلة", "الجمعة", "منذ", "أيام", "بينهم",
        "آخرين", "حصيلة", "ارتفعت", "إلى", "«", "»", "؟", "killed", "at least", "on", "Tuesday", "Aug.", "30",
        "were", "wounded", "dozens", "of", "people", "\n",
    ]),
    max_size=40,
).map(" ".join)


@SETTINGS
@given(_NEWS)
def test_finders_never_crash_on_news_like_word_salad(text):
    doc = prepare(Article(id="p", text=text, published=dt.date(2024, 3, 20)))
    dates = find_dates(doc)
    qs = find_quantities(doc)
    for s in doc.sentences:
        pick_event_date(doc, dates, s.start, s.end)
        value, used, rule = count_fatalities(doc, qs, s.start, s.end)
        assert value >= 0 and rule.startswith("fatalities.")
    find_cues(doc)
