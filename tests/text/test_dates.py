"""Date grammar: table of Arabic and English news phrasings (published 2024-03-20, a Wednesday,
unless a row says otherwise)."""

from __future__ import annotations

import datetime as dt

import pytest

from events.mentions.dates import find_dates

from .helpers import doc_of

D = dt.date

# text, published (None = default), expected date of the first dated mention, precision, flags
CASES = [
    # explicit day + month (+ year), both systems, paired forms
    ("قتل شاب برصاص مجهولين في 3 شباط 2024 بريف درعا", None, D(2024, 2, 3), 1, ()),
    ("استهدفت مسيرة سيارة يوم 14 فبراير/شباط 2024", None, D(2024, 2, 14), 1, ()),
    ("وقع الهجوم في 14 شباط/فبراير الماضي", None, D(2024, 2, 14), 1, ()),
    ("قصفت الطائرات البلدة في 9 كانون الثاني (يناير) 2024", None, D(2024, 1, 9), 1, ()),
    ("في 2 أيلول - سبتمبر 2023 اغتيل قيادي", None, D(2023, 9, 2), 1, ()),
    ("قتل جندي في 14 من فبراير الماضي", None, D(2024, 2, 14), 1, ()),
    ("انفجرت عبوة في 5 آذار", None, D(2024, 3, 5), 1, ()),
    ("انفجرت عبوة في 25 آذار", None, D(2023, 3, 25), 1, ()),
    ("في 25 آذار الماضي قتل عنصران", "2024-03-26", D(2024, 3, 25), 1, ()),
    ("وشهدت المدينة في الثامن من يناير الجاري انفجار عبوة", "2020-01-29", D(2020, 1, 8), 1, ()),
    ("في الأول من نيسان 2023 قصفت المدفعية القرية", None, D(2023, 4, 1), 1, ()),
    ("قتل عنصر بتاريخ 12 فبراير", "2023-02-17", D(2023, 2, 12), 1, ()),
    ("جرى ذلك في يوم 20 تموز", "2023-07-27", D(2023, 7, 20), 1, ()),
    ("وقعت المجزرة في 7 يناير الحالي", "2024-01-09", D(2024, 1, 7), 1, ()),
    ("أعلنت الفصائل في ٢٣ آب ٢٠٢٣ مقتل عنصرين", None, D(2023, 8, 23), 1, ()),
    ("قتل شخصان في ١٤ كانون الأول ٢٠٢٣", None, D(2023, 12, 14), 1, ()),
    ("وتعرضت القرية يوم 3 تشرين 2 2023 للقصف", None, D(2023, 11, 3), 1, ()),
    ("سقطت قذيفة في 30 حزيران 2023", None, D(2023, 6, 30), 1, ()),
    ("خرجت مظاهرات في 17 جويلية 2023", None, D(2023, 7, 17), 1, ()),
    ("في 11 نونبر 2023 وقعت مواجهات", None, D(2023, 11, 11), 1, ()),
    ("نظم المحتجون وقفة في 4 فيفري 2024", None, D(2024, 2, 4), 1, ()),
    ("الاثنين 29 غشت 2022 اقتحم المحتجون القصر", "2022-08-30", D(2022, 8, 29), 1, ()),
    ("الأحد 3 آذار 2024 قتل مدنيان", None, D(2024, 3, 3), 1, ()),
    ("الخميس 3 آذار 2024 قتل مدنيان", None, D(2024, 3, 3), 1, ("weekday-mismatch",)),
    ("مساء الجمعة 29 أيلول/سبتمبر أصيب ثلاثة أشخاص", "2023-10-01", D(2023, 9, 29), 1, ()),
    ("وقتل جنديان اثنان، الأحد، 5 يناير، إثر هجوم", "2020-01-29", D(2020, 1, 5), 1, ()),
    ("قُتل 3 أشخاص في 1445/9/5", None, D(2024, 3, 15), 1, ()),
    # numeric and dotted
    ("2022.03.23 | 13:55 دمشق", None, D(2022, 3, 23), 1, ()),
    ("تاريخ النشر 14/2/2024", None, D(2024, 2, 14), 1, ()),
    ("نشر في 05-01-2024 الساعة 10:30", None, D(2024, 1, 5), 1, ()),
    ("26-أكتوبر-2021", None, D(2021, 10, 26), 1, ()),
    ("آخر تحديث: 2023/06/27", None, D(2023, 6, 27), 1, ()),
    # relative days and parts of the day
    ("قتل عنصر من قوات النظام اليوم في ريف درعا", None, D(2024, 3, 20), 1, ()),
    ("فجر اليوم قصفت الطائرات الحربية قرية", None, D(2024, 3, 20), 1, ()),
    ("صباح اليوم انفجرت عبوة ناسفة", None, D(2024, 3, 20), 1, ()),
    ("وكانت المسيرة قد استهدفت مساء أمس سيارة", None, D(2024, 3, 19), 1, ()),
    ("قُتل شاب أمس الثلاثاء برصاص مجهولين", None, D(2024, 3, 19), 1, ()),
    ("قُتل شاب يوم أمس الإثنين برصاص مجهولين", None, D(2024, 3, 19), 1, ("weekday-mismatch",)),
    ("عثر الأهالي أول أمس على جثة", None, D(2024, 3, 18), 1, ()),
    ("عثر الأهالي أول من أمس على جثة", None, D(2024, 3, 18), 1, ()),
    ("سمعت أصوات انفجارات الليلة الماضية", None, D(2024, 3, 19), 1, ()),
    ("في وقت متأخر من ليل أمس اندلعت اشتباكات", None, D(2024, 3, 19), 1, ()),
    ("ظهر اليوم الأربعاء سقطت قذائف", None, D(2024, 3, 20), 1, ()),
    ("تنطلق المفاوضات غداً في جنيف", None, D(2024, 3, 21), 1, ("future",)),
    ("في وقت سابق اليوم أعلن الجيش مقتل جندي", None, D(2024, 3, 20), 1, ()),
    # weekdays
    ("ويوم الخميس، استهدف مسلحون سيارة عسكرية", None, D(2024, 3, 14), 1, ()),
    ("قتل مدني يوم الثلاثاء الماضي", None, D(2024, 3, 19), 1, ()),
    ("نشر التنظيم يوم الأحد الفائت مقطعا", None, D(2024, 3, 17), 1, ()),
    ("أعلن الجيش، الأربعاء، مقتل جنديين", None, D(2024, 3, 20), 1, ()),
    ("قصفت الطائرات الأربعاء الماضي مواقع", None, D(2024, 3, 13), 1, ()),
    ("صباح السبت اقتحمت القوات القرية", None, D(2024, 3, 16), 1, ()),
    ("ليلة الأحد قصفت الطائرات المسيرة القرية", None, D(2024, 3, 16), 1, ()),
    ("ليل السبت - الأحد شهدت المنطقة اشتباكات", None, D(2024, 3, 16), 1, ()),
    ("ليل السبت/الأحد شهدت المنطقة اشتباكات", None, D(2024, 3, 16), 1, ()),
    ("أفاد شهود عيان، يوم الاثنين، بسقوط قذائف", None, D(2024, 3, 18), 1, ()),
    ("ليلة السبت الأحد قصفت الطائرات القرية", None, D(2024, 3, 16), 1, ()),
    ("ليلة السبت على الأحد قصفت الطائرات القرية", None, D(2024, 3, 16), 1, ()),
    ("قتل ثلاثة في قصف يومي 3 و4 آذار 2024", None, D(2024, 3, 3), 1, ("range",)),
    ("الأربعاء 20/3/2024 قصفت المدفعية البلدة", None, D(2024, 3, 20), 1, ()),
    ("يوم الجمعة الموافق 15 آذار", None, D(2024, 3, 15), 1, ()),
    ("وقع الهجوم مساء الاثنين الماضي", None, D(2024, 3, 18), 1, ()),
    ("ستعقد جلسة الأحد المقبل", None, D(2024, 3, 24), 1, ("future",)),
    # N days ago, periods, months, years
    ("قتل شاب قبل ثلاثة أيام في درعا", None, D(2024, 3, 17), 1, ()),
    ("قتل شاب منذ يومين في درعا", None, D(2024, 3, 18), 1, ()),
    ("اختطف قبل 5 أيام", None, D(2024, 3, 15), 1, ()),
    ("اعتقل منذ أسبوع", None, None, 0, ()),
    ("اعتقل قبل أسبوعين", None, D(2024, 3, 6), 2, ()),
    ("شهدت المنطقة الأسبوع الماضي اشتباكات", None, D(2024, 3, 13), 2, ()),
    ("تصاعدت الهجمات خلال الشهر الماضي", None, D(2024, 2, 15), 3, ("month-only",)),
    ("في أواخر الشهر الماضي اندلعت مواجهات", None, D(2024, 2, 29), 3, ()),
    ("في مطلع الشهر الجاري قصفت القوات البلدة", None, D(2024, 3, 1), 3, ()),
    ("في شهر آذار الماضي قتل عشرات", "2024-05-02", D(2024, 3, 15), 3, ("month-only",)),
    ("منذ سيطرة النظام عليها في تموز 2018", None, D(2018, 7, 15), 3, ("month-only",)),
    ("حتى دحره من العراق عام 2017", None, D(2017, 7, 1), 3, ("year-only",)),
    ("يعيش العراق أزمة منذ انتخابات أكتوبر 2021", None, D(2021, 10, 15), 3, ("month-only",)),
    ("منذ العام 2014 يسيطر التنظيم على مناطق", None, D(2014, 7, 1), 3, ("since", "year-only")),
    ("منذ 7 أكتوبر قتل آلاف", None, D(2023, 10, 7), 1, ("since",)),
    ("ومنذ إطاحة الأسد في 8 ديسمبر 2024 تراجعت الهجمات", "2025-09-26", D(2024, 12, 8), 1, ()),
    ("القصف مستمر منذ ثلاثة أيام", None, None, 1, ("duration",)),
    ("وفي وقت سابق، عثر الأهالي على جثة", None, None, 3, ("vague",)),
    ("قتل 12 شخصا خلال الساعات الـ24 الماضية", None, D(2024, 3, 20), 1, ("window",)),
    # English
    ("A drone attack on Tuesday afternoon killed four fighters.", None, D(2024, 3, 19), 1, ()),
    ("Beirut, Aug. 30, (dpa) - Clashes continued.", "2023-08-30", D(2023, 8, 30), 1, ()),
    ("On Aug. 6, one fighter was killed.", "2022-08-09", D(2022, 8, 6), 1, ()),
    ("protesters in Najaf on January 20, 2020.", None, D(2020, 1, 20), 1, ()),
    ("Two soldiers were killed on 20 January 2022.", None, D(2022, 1, 20), 1, ()),
    ("Two soldiers were killed on the 3rd of March.", None, D(2024, 3, 3), 1, ()),
    ("Three people were killed yesterday in Idlib.", None, D(2024, 3, 19), 1, ()),
    ("Explosions were heard last night.", None, D(2024, 3, 19), 1, ()),
    ("repelled an attack overnight Sunday", "2021-11-29", D(2021, 11, 28), 1, ()),
    ("The strike took place on Thursday.", "2024-01-05", D(2024, 1, 4), 1, ()),
    ("Protests reignited last week.", None, D(2024, 3, 13), 2, ()),
    ("Clashes erupted three days ago.", None, D(2024, 3, 17), 1, ()),
    ("In October 2017, the army pushed the Peshmerga out of Kirkuk.", None, D(2017, 10, 15), 3, ("month-only",)),
    ("US forces were deployed to Syria in 2015.", None, D(2015, 7, 1), 3, ("year-only",)),
    ("Mass protests have gripped Iraq since October 1.", "2020-01-20", D(2019, 10, 1), 1, ("since",)),
    ("The talks will resume next week.", None, D(2024, 3, 27), 2, ("future",)),
    ("Clashes intensified in mid-March.", "2024-05-02", D(2024, 3, 15), 3, ("month-only",)),
    ("Friday's attack killed two soldiers.", None, D(2024, 3, 15), 1, ()),
    ("Saturday night clashes left three dead.", None, D(2024, 3, 16), 1, ()),
    ("at least 35 people have been killed since the beginning of this year", None, D(2024, 1, 1), 3, ("since",)),
]


@pytest.mark.parametrize(("text", "published", "expected", "precision", "flags"), CASES)
def test_first_date(text, published, expected, precision, flags):
    doc = doc_of(text, published or dt.date(2024, 3, 20))
    dates = find_dates(doc)
    if expected is None and precision == 0:
        assert all(m.value.date is None or m.value.precision > 1 for m in dates), dates
        return
    assert dates, text
    v = dates[0].value
    assert v.date == expected, (doc.key[dates[0].start : dates[0].end], v)
    assert v.precision == precision, v
    for flag in flags:
        assert flag in v.flags, v


TRAPS = [
    "اجتمع قادة قوى 14 آذار في بيروت",
    "وقالت حركة 6 أبريل إن أعضاءها اعتقلوا",
    "مارس الجيش ضغوطا كبيرة على الأهالي",
    "لم يقتل أحد في القصف",
    "قتل أحد عناصر الفصائل",
    "أدى المصلون صلاة الجمعة في المسجد الكبير",
    "تقاسم الاثنين السلطة بعد الاتفاق",
    "انفجرت سيارة نيسان مفخخة",
    "قال رجب طيب أردوغان إن العملية مستمرة",
    "The toll may rise further.",
    "Protesters march to the square.",
    "The brigade has 45 vehicles and 2,500 troops.",
    "اللواء 45 والفرقة 17",
    "قتل 2 من عناصر الأمن",
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_day_date_in_traps(text):
    doc = doc_of(text)
    assert [m for m in find_dates(doc) if m.value.date is not None and m.value.precision == 1] == []


def test_unanchored_relative_dates_have_no_date_but_absolute_ones_resolve():
    doc = doc_of("قتل جندي أمس، وفي 14 شباط 2024 قتل آخر", None)
    dates = find_dates(doc)
    assert dates[0].value.date is None and "unanchored" in dates[0].value.flags
    assert dates[1].value.date == D(2024, 2, 14)


def test_hijri_only_date_is_approximate_and_gregorian_wins_when_both():
    only = find_dates(doc_of("في 5 رمضان 1445"))[0].value
    assert only.date == D(2024, 3, 15) and only.approx_days == 1
    both = find_dates(doc_of("الجمعة 5 رمضان 1445 هـ الموافق 15 مارس 2024 م"))[0].value
    assert both.date == D(2024, 3, 15) and both.approx_days == 0


def test_night_before_convention():
    v = find_dates(doc_of("ليلة الجمعة قصفت المدفعية"))[0].value
    assert v.date == D(2024, 3, 14) and v.approx_days == 1 and v.part_of_day == "night"


def test_part_of_day_is_kept():
    assert find_dates(doc_of("مساء أمس"))[0].value.part_of_day == "evening"
    assert find_dates(doc_of("فجر اليوم"))[0].value.part_of_day == "dawn"


def test_same_day_anaphor_follows_the_narrative():
    doc = doc_of("وأشار إلى أنه في 7 يناير الحالي قتل عنصر. وأكد أنه في اليوم ذاته هاجم التنظيم نقاطا.", "2024-01-09")
    dates = find_dates(doc)
    assert [m.value.date for m in dates] == [D(2024, 1, 7), D(2024, 1, 7)]


def test_relative_day_inside_a_quote_takes_the_statement_date():
    text = 'وقالت القوات في بيان، الخميس، إن التنظيم استهدف "نقطة لقواتنا صباح اليوم، وارتقى 5 من رفاقنا".'
    dates = find_dates(doc_of(text, "2025-09-26"))
    assert [m.value.date for m in dates] == [D(2025, 9, 25), D(2025, 9, 25)]
    assert "quote-anchored" in dates[1].value.flags


def test_report_dates_are_flagged():
    text = "Eight militants attacked an outpost, the general told Kurdistan 24 on Monday."
    v = find_dates(doc_of(text))[0].value
    assert {"report", "postposed"} <= v.flags
    text = "أفاد المرصد السوري لحقوق الإنسان، مساء الجمعة، باستهداف حاجز"
    v = find_dates(doc_of(text))[0].value
    assert "report" in v.flags and "postposed" not in v.flags
    text = "وقال المرصد إن مسلحين قتلوا أمس ثلاثة مدنيين"
    assert "report" not in find_dates(doc_of(text))[0].value.flags


def test_spans_map_back_to_the_original_text():
    text = "قُتل شاب مساءَ أمسِ السبت ٢٥ فبراير/شباط في درعا"
    doc = doc_of(text, "2023-02-26")
    m = find_dates(doc)[0]
    assert doc.original_text(m.start, m.end) == "مساءَ أمسِ السبت ٢٥ فبراير/شباط"
