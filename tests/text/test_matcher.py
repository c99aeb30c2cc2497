"""The clitic-aware matcher (docs/arabic.md section 2)."""

from __future__ import annotations

import pytest

from events.text import Matcher, match_key


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    m = Matcher()
    for name in ("الحسكة", "التحالف الدولي", "التحالف", "قسد", "داعش", "حلب", "اللاذقية", "دير الزور", "الباب", "Deir ez-Zor"):
        m.add(name, "place", name)
    m.compile()
    return m


HITS = [
    ("والحسكة", "الحسكه", "وال"), ("بالحسكة", "الحسكه", "بال"), ("للتحالف الدولي", "التحالف الدولي", "لل"),
    ('لـ"قسد"', "قسد", ""), ("وبـ«داعش»", "داعش", ""), ("بحلب", "حلب", "ب"), ("للاذقية", "اللاذقيه", "ل"),
    ("باللاذقية", "اللاذقيه", "بال"), ("لدير الزور", "دير الزور", "ل"), ("الحسكـــة", "الحسكه", "ال"),
    ("الحَسَكة", "الحسكه", "ال"), ("وللتحالف", "التحالف", "ولل"), ("فالحسكة", "الحسكه", "فال"),
    ("in Deir ez-Zor city", "deir ez-zor", ""), ("وحلب", "حلب", "و"),
]


@pytest.mark.parametrize(("text", "pattern", "prefix"), HITS)
def test_hits(matcher, text, pattern, prefix):
    found = matcher.find(match_key(text))
    assert [(m.pattern, m.prefix) for m in found][:1] == [(pattern, prefix)]


MISSES = ["البابا", "بغداد", "قسدية", "التحالفات", "حلبا", "الحسكتين", "xdeir ez-zor", "مداعش"]


@pytest.mark.parametrize("text", MISSES)
def test_misses(matcher, text):
    assert matcher.find(match_key(text)) == []


def test_longest_then_earliest(matcher):
    found = matcher.find(match_key("للتحالف الدولي في الحسكة"))
    assert [m.pattern for m in found] == ["التحالف الدولي", "الحسكه"]
