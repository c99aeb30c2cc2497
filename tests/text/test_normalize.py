"""The normaliser: folds, deletions and the exact offset map."""

from __future__ import annotations

import pytest

from events.text import match_key, normalize

FOLDS = [
    ("قُتِلَ", "قتل"), ("الحَسَكة", "الحسكه"), ("الحسكـــة", "الحسكه"), ("أمس", "امس"), ("إدلب", "ادلب"),
    ("آذار", "اذار"), ("ٱلله", "الله"), ("فى", "في"), ("قتلى", "قتلي"), ("حماة", "حماه"), ("مسؤول", "مسوول"),
    ("مسئول", "مسيول"), ("ی", "ي"), ("ک", "ك"), ("٢٠٢٤", "2024"), ("۲۰۲۴", "2024"), ("١٤ شباط", "14 شباط"),
    ("٢٫٥", "2.5"), ("١٬٥٠٠", "1,500"), ("٪", "%"), ("«قسد»", '"قسد"'), ("“SDF”", '"sdf"'), ("‘x’", "'x'"),
    ("قتل، وجرح؛ لماذا؟", "قتل, وجرح; لماذا?"), ("2020–2022", "2020-2022"), ("a—b", "a-b"),
    ("\u200f14\u200f شباط", "14 شباط"), ("بغ\u200cداد", "بغداد"), ("a\u00a0b", "a b"), ("\ufeffقتل", "قتل"),
    ("ﺍﻟﺤﺴﻜﺔ", "الحسكه"), ("Qamishlī", "qamishli"), ("Beyrouth É", "beyrouth e"), ("ERBIL", "erbil"),
    ("جريحاً", "جريحا"), ("لـ«قسد»", 'ل"قسد"'), ("بـ14", "ب14"), ("…", "."), ("ا\u0670", "ا"),
    ("ۀ", "ه"), ("ھ", "ه"), ("ە", "ه"),
]


@pytest.mark.parametrize(("text", "key"), FOLDS)
def test_folds(text, key):
    assert normalize(text).key == key


@pytest.mark.parametrize(("text", "key"), FOLDS)
def test_match_key_is_idempotent_on_the_table(text, key):
    assert match_key(match_key(text)) == match_key(text)


SPANS = [
    ("قُتِلَ ثلاثةُ أشخاصٍ", "ثلاثه"),
    ("\u200fقتل\u200f عنصر من «قسد»", '"قسد"'),
    ("الحسكـــة وريفها", "الحسكه"),
    ("في ١٤ شباط", "14"),
    ("Qamishlī city", "qamishli"),
]


@pytest.mark.parametrize(("text", "fragment"), SPANS)
def test_key_spans_map_back_to_the_original(text, fragment):
    norm = normalize(text)
    i = norm.key.index(fragment)
    original = norm.original_slice(i, i + len(fragment))
    assert normalize(original).key == fragment


def test_decomposed_hamza_is_composed_before_marks_are_deleted():
    text = "ا\u0654مس"  # alef + combining hamza above
    assert normalize(text).key == "امس"


def test_line_breaks_survive():
    assert normalize("سطر\r\nثان").key.count("\n") == 2
