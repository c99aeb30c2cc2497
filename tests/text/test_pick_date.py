"""The attachment policy: which date governs an event (trigger given as a text fragment)."""

from __future__ import annotations

import datetime as dt

import pytest

from events.mentions.dates import find_dates, pick_event_date

from .helpers import doc_of, key_span

D = dt.date

# text, published, trigger fragment (first occurrence, or 'fragment@n' for the n-th), expected date
# (None: no governing date, the coder falls back to the publication date)
CASES = [
    ("قتل جندي أمس في درعا، فيما قتل مدني اليوم في حلب", "2024-03-20", "جندي", D(2024, 3, 19)),
    ("قتل جندي أمس في درعا، فيما قتل مدني اليوم في حلب", "2024-03-20", "مدني", D(2024, 3, 20)),
    ("قصفت الطائرات البلدة يوم الأحد. وأسفر القصف عن مقتل طفل.", "2024-03-20", "مقتل", D(2024, 3, 17)),
    ("قصفت الطائرات البلدة يوم الأحد.\nوأسفر القصف عن مقتل طفل.\nوأصيب ثلاثة آخرون.", "2024-03-20", "وأصيب", D(2024, 3, 17)),
    ("قتل شاب مساء أمس في درعا. وفي سياق متصل، ألقى مجهولون قنبلة على منزل.", "2024-03-20", "ألقى", D(2024, 3, 19)),
    ("قُتل 14 جنديا في هجوم على حافلة، وفق ما أفاد المرصد اليوم الثلاثاء.", "2024-03-19", "قُتل", D(2024, 3, 19)),
    ("Gunmen attacked a checkpoint overnight Sunday. Eight militants took part, a general told reporters on Monday.",
     "2021-11-29", "took part", D(2021, 11, 28)),
    ("Peshmerga repelled an attack overnight Sunday, a day after five were killed by an IED.\n"
     "The attack came a day after a Humvee was destroyed by an IED that killed five.", "2021-11-29", "killed@2", D(2021, 11, 27)),
    ("Peshmerga repelled an attack overnight Sunday, a day after five were killed by an IED.", "2021-11-29", "repelled",
     D(2021, 11, 28)),
    ("Beirut, Aug. 30, (dpa) - Nine people were killed in clashes on Tuesday, a monitor said.", "2023-08-30", "killed",
     D(2023, 8, 29)),
    ("وأشار إلى أنه في 7 يناير الحالي قتل عنصر. وأكد أنه في اليوم ذاته هاجم التنظيم نقاطا للجيش.", "2024-01-09", "هاجم",
     D(2024, 1, 7)),
    ("هجوم على حاجز للجيش\nقتل ثلاثة جنود في هجوم على حاجز.\nوأعلن الجيش فجر اليوم السبت استنفارا.", "2024-02-10", "قتل",
     D(2024, 2, 10)),
    ("قتل ثلاثة جنود في هجوم على حاجز للجيش.", "2024-02-10", "قتل", None),
    ('وقالت القوات في بيان، الخميس، إن التنظيم استهدف "نقطة لقواتنا صباح اليوم، وارتقى 5 من رفاقنا".', "2025-09-26",
     "وارتقى", D(2025, 9, 25)),
    ("قتل شاب في 14 شباط، وقصفت الطائرات البلدة في 16 شباط", "2024-03-20", "قصفت", D(2024, 2, 16)),
    ("ويوم الخميس، استهدف مسلحون سيارة عسكرية. وصباح الجمعة عثر مدنيون على جثة.", "2024-03-20", "استهدف", D(2024, 3, 14)),
    ("ويوم الخميس، استهدف مسلحون سيارة عسكرية. وصباح الجمعة عثر مدنيون على جثة.", "2024-03-20", "عثر", D(2024, 3, 15)),
    ("A drone attack today killed four fighters. On Aug. 6, one fighter was killed in another attack. "
     "At least five people were killed today. This included a civilian who was killed by shelling.", "2022-08-09",
     "included", D(2022, 8, 9)),
]


def _trigger(doc, fragment: str) -> tuple[int, int]:
    if "@" in fragment:
        frag, n = fragment.split("@")
        s, e = key_span(doc, frag)
        for _ in range(int(n) - 1):
            s = doc.key.index(doc.key[s:e], e)
            e = s + len(frag)
        return s, e
    return key_span(doc, fragment)


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), CASES)
def test_pick(text, published, trigger, expected):
    doc = doc_of(text, published)
    dates = find_dates(doc)
    s, e = _trigger(doc, trigger)
    picked = pick_event_date(doc, dates, s, e)
    got = picked.value.date if picked is not None else None
    assert got == expected, (picked and doc.key[picked.start : picked.end], [doc.key[m.start : m.end] for m in dates])


def test_undatable_time_in_the_sentence_is_returned_not_a_borrowed_date():
    doc = doc_of("قتل جندي أمس في درعا. وفي وقت سابق، عثر الأهالي على جثة شاب.")
    dates = find_dates(doc)
    s, e = key_span(doc, "عثر")
    picked = pick_event_date(doc, dates, s, e)
    assert picked is not None and picked.value.date is None and "vague" in picked.value.flags


def test_year_only_clause_is_returned_with_its_flag():
    doc = doc_of("قتل جندي أمس. وسيطر التنظيم على المدينة عام 2014 قبل أن ينسحب.")
    dates = find_dates(doc)
    s, e = key_span(doc, "وسيطر")
    picked = pick_event_date(doc, dates, s, e)
    assert picked is not None and "year-only" in picked.value.flags


def test_no_sentence_no_date():
    doc = doc_of("قتل جندي أمس.")
    assert pick_event_date(doc, find_dates(doc), len(doc.key) + 5, len(doc.key) + 6) is None
