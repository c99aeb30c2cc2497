"""One pass of a JointMatcher gives every member exactly the matches of its own scan, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from events.text import match_key
from events.text.matcher import JointMatcher, Matcher

WORDS = ["الحسكة", "حسكة", "قتل", "قتلى", "التحالف", "تحالف", "الباب", "باب", "دير الزور", "Deir ez-Zor", "zor",
         "al-Bab", "يوم", "اليوم", "أمس", "ثلاثة", "ثلاث", "عشر", "عناصر", "قوات", "قوات سوريا الديمقراطية", "لا",
         "لم", "نفى", "مخيم", "الهول", "هول", "قصف", "قصفت", "the", "killed", "kill"]
GLUE = ["", " ", "  ", "و", "ب", "لل", "وبال", "ال", "ها", "هم", ", ", "\n", "-", '"', "x", "ـ"]


def _matchers() -> list[Matcher]:
    a, b, c = Matcher(), Matcher(), Matcher()
    for i, w in enumerate(WORDS):
        a.add(w, "place", i)
        if i % 2:
            b.add(w, "trigger", f"t{i}", suffixes=frozenset({"ها", "هم", "ه"}))
        if i % 3 == 0:
            c.add(w, "cue", f"c{i}", allow_prefix=i % 2 == 0)
    c.add("الحسكة", "place", "extra")  # the same bare form in two groups of one matcher
    return [a, b, c]


MATCHERS = _matchers()
JOINT = JointMatcher(MATCHERS)
texts = st.lists(st.tuples(st.sampled_from(GLUE), st.sampled_from(WORDS), st.sampled_from(GLUE)), max_size=12)


def _alone(m: Matcher, key: str) -> list:
    m._primed = None
    return list(m.iter_raw(key))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_joint_scan_equals_each_members_scan(parts):
    key = match_key("".join(a + w + b for a, w, b in parts)) + " " + "".join(a + w + b for a, w, b in parts)
    expected = [_alone(m, key) for m in MATCHERS]
    JOINT.prime(key)
    assert [list(m.iter_raw(key)) for m in MATCHERS] == expected
    assert [m.find(key) for m in MATCHERS] == [_matchers_find(m, key) for m in MATCHERS]


def _matchers_find(m: Matcher, key: str) -> list:
    primed, m._primed = m._primed, None
    try:
        return m.find(key)
    finally:
        m._primed = primed


def test_a_primed_result_serves_only_the_same_key_object():
    key = match_key("قتل ثلاثة في الحسكة")
    JOINT.prime(key)
    other = "".join(list(key))  # equal text, another object: scanned afresh
    assert other is not key
    assert list(MATCHERS[0].iter_raw(other)) == _alone(MATCHERS[0], other)


def test_a_member_changed_after_joining_scans_alone():
    a, b = Matcher(), Matcher()
    a.add("الحسكة", "place", 1)
    b.add("قتل", "trigger", 2)
    joint = JointMatcher([a, b])
    a.add("الرقة", "place", 3)
    key = match_key("قتل ثلاثة في الرقة والحسكة")
    joint.prime(key)
    assert [m.pattern for m in a.iter_raw(key)] == ["الرقه", "الحسكه"]
    assert [m.pattern for m in b.iter_raw(key)] == ["قتل"]
