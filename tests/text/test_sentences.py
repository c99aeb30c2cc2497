"""Sentences and clauses on the match key."""

from __future__ import annotations

import pytest

from events.text import normalize, split_sentences
from events.text.sentences import split_clauses

SENTENCES = [
    ("قتل جندي. وأصيب آخر.", 2),
    ("قتل جندي في الهجوم.وأوضح المرصد أن القصف توقف.", 2),
    ("قال د. أحمد إن الوضع سيء.", 1),
    ("أفادت أ.ف.ب بمقتل جندي.", 1),
    ("تضرر 2.5 مليون شخص. ثم توقف القصف.", 2),
    ("14.02.2024 قصف على البلدة", 1),
    ("الساعة 10.30 صباحا وقع الانفجار.", 1),
    ('ونقلت الوكالة عن مصدر قوله: «قُتل ثلاثة مدنيين. وأصيب سبعة آخرون». وقال آخر إن القصف توقف.', 2),
    ('قتل لـ"قسد عنصر في الهجوم. وقال المرصد إن "الوضع هادئ". وأصيب آخر.', 3),
    ("هل قصف الجيش المدرسة؟ لم يتأكد ذلك.", 2),
    ("Brig. Gen. Dler Mahmood told reporters. The U.S. said no.", 2),
    ("On Aug. 6, one fighter was killed.", 1),
    ("Beirut, Aug. 30, (dpa/GNA) – At least nine people were killed.", 1),
    ("العنوان الأول\nالعنوان الثاني\nنص الخبر. جملة ثانية.", 4),
    ("• قتل جندي • أصيب آخر", 2),
    ("- قتل جندي\n- أصيب آخر", 2),
    ("قصف مكثف على ريف إدلب... وسقوط قتلى", 2),
    ("انفجار في pic.twitter.com/abc وقتل جندي.", 1),
    ("قتل جندي، فيما أصيب اثنان، في حين لم تعلن أي جهة مسؤوليتها.", 1),
    ("", 0),
    ("   \n  ", 0),
]


@pytest.mark.parametrize(("text", "count"), SENTENCES)
def test_sentence_count(text, count):
    key = normalize(text).key
    assert len(split_sentences(key)) == count, [key[s.start : s.end] for s in split_sentences(key)]


def test_headings_are_marked():
    key = normalize("قتيلان بهجوم جنوبي كركوك\nقتل فردان من القوات العراقية، مساء اليوم.").key
    first, second = split_sentences(key)
    assert first.is_heading and not second.is_heading
    assert first.paragraph == 0 and second.paragraph == 1


CLAUSES = [
    ("وقتل جندي في ريف درعا، فيما أصيب اثنان آخران، في حين لم تعلن أي جهة مسؤوليتها", 3),
    ("قصفت القوات القرية، بينما ردت الفصائل بالمدفعية", 2),
    ("ونقلت الوكالة عن مصدر قوله: قتل ثلاثة", 2),
    ("Three soldiers were killed in the attack, while no group claimed responsibility.", 2),
    ("قتل جندي وأصيب آخر في ريف درعا", 1),
    ("وزير الدفاع ووالي المدينة زارا الموقع", 1),
]


@pytest.mark.parametrize(("text", "count"), CLAUSES)
def test_clause_count(text, count):
    key = normalize(text).key
    assert len(split_clauses(key, 0, len(key))) == count


def test_sentences_are_trimmed_spans_of_the_key():
    key = normalize("  قتل جندي.   وأصيب آخر.  ").key
    for s in split_sentences(key):
        assert key[s.start : s.end] == key[s.start : s.end].strip()
