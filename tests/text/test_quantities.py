"""Quantity grammar and the fatality policy: tables of news phrasings."""

from __future__ import annotations

import pytest

from events.mentions.numbers import find_numbers
from events.mentions.quantities import count_fatalities, find_quantities
from events.text import match_key

from .helpers import doc_of

NUMBERS = [
    ("قتل 53 شخصا", 53), ("قتل ٥٣ شخصا", 53), ("قتل ۵۳ شخصا", 53), ("أصيب 1,500 شخص", 1500),
    ("تضرر 2.5 مليون شخص", 2500000), ("خمسة وعشرون", 25), ("خمسة وعشرين", 25), ("خمسه وعشرين", 25),
    ("ثلاثمائة", 300), ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("ثلاث مائة", 300), ("مائة وخمسون", 150),
    ("ثلاثة آلاف", 3000), ("ألفين", 2000), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12),
    ("اثني عشر", 12), ("ثلاثة عشر", 13), ("تسعة عشر", 19), ("سبعة وثلاثون", 37), ("تسعين", 90),
    ("أربع", 4), ("اربعة", 4), ("ثماني", 8), ("عشرة", 10), ("ثلاثة آلاف وخمسمائة", 3500),
    ("twenty-five", 25), ("two hundred and fifty", 250), ("fourteen", 14), ("1.5 million", 1500000),
    ("بـ14 قتيلا", 14), ("و15 جريحا", 15),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_number_values(text, value):
    nums = find_numbers(match_key(text))
    assert nums and nums[0].value == value, nums


RANGES = [
    ("قتل ثلاثة الى خمسة اشخاص", 3, 5), ("سقط بين 10 و15 قتيلا", 10, 15), ("10-15 قتيلا", 10, 15),
    ("eight to ten militants", 8, 10), ("two or three soldiers", 2, 3), ("ثلاثة أو أربعة جنود", 3, 4),
    ("between 10 and 15 people", 10, 15), ("من 10 إلى 15 قتيلا", 10, 15),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges_keep_both_bounds_and_code_the_lower(text, low, high):
    n = [x for x in find_numbers(match_key(text)) if x.qualifier == "range"]
    assert n and (n[0].value, n[0].low, n[0].high) == (low, low, high)


# text, value, category (of the first quantity with that value)
QUANTITIES = [
    ("قتل 14 عنصرًا من قوات الجيش السوري على الأقل", 14, "killed"),
    ("أدى إلى مقتل 14 مواطنًا وإصابة 20 آخرين", 20, "wounded"),
    ("أسرت العشائر 7 عناصر من قسد", 7, "detained"),
    ("اعتقلت القوات أربعة من عناصر الميليشيا", 4, "detained"),
    ("ألقت الشرطة القبض على 5 مطلوبين", 5, "detained"),
    ("لا يزال مصير 34 شخصا مجهولا", 34, "missing"),
    ("وأفرج عن 25 شخصا", 25, "people"),
    ("تجمع عشرات الآلاف من المتظاهرين", 10000, "people"),
    ("أسفرت العمليات عن مقتل وإصابة 19 عنصراً", 19, "casualties"),
    ("سقوط 12 بين قتيل وجريح", 12, "casualties"),
    ("ارتفعت حصيلة القتلى إلى 57", 57, "killed"),
    ("بسقوط 4 قتلى في مدينة حلب", 4, "killed"),
    ("نحو 14 قتيلًا و20 جريحًا", 20, "wounded"),
    ("قتل فردان من القوات العراقية", 2, "killed"),
    ("قتيلان من القوات العراقية بهجوم", 2, "killed"),
    ("جريحان بإطلاق نار على محتجين", 2, "wounded"),
    ("وقتل جنديان اثنان وأصيب ثلاثة آخرون", 2, "killed"),
    ("وقتل جنديان اثنان وأصيب ثلاثة آخرون", 3, "wounded"),
    ("ما أسفر عن مقتل مقاتلين اثنين", 2, "killed"),
    ("أصيب مدنيان بجروح", 2, "wounded"),
    ("ما أسفر عن إصابة شابين", 2, "wounded"),
    ("مقتل طفل وإصابة والدته", 1, "killed"),
    ("قتل شاب مدني برصاص مجهولين", 1, "killed"),
    ("أسفرت عن مقتل الشاب قاسم", 1, "killed"),
    ("مقتل أحد عناصر وزارة الدفاع", 1, "killed"),
    ("ما أدى إلى مقتله على الفور", 1, "killed"),
    ("ما أسفر عن مقتلهما", 2, "killed"),
    ("وأصيب مقاتل آخر في المواجهات", 1, "wounded"),
    ("ارتقى 5 من رفاقنا شهداء", 5, "killed"),
    ("راح ضحيتها 6 قتلى مدنيين", 6, "killed"),
    ("لقي 3 عناصر حتفهم في الانفجار", 3, "killed"),
    ("لقي ثلاثة أشخاص مصرعهم", 3, "killed"),
    ("استشهد 4 مدنيين في القصف", 4, "killed"),
    ("جرى إعدام 16 شخصا منهم", 16, "killed"),
    ("اختطف التنظيم 75 شخصا", 75, "detained"),
    ("أودى الانفجار بحياة 9 أشخاص", 9, "killed"),
    ("قتل ما لا يقل عن 15 من أنصار التيار", 15, "killed"),
    ("قتل أكثر من 20 مدنيا", 20, "killed"),
    ("مقتل عشرات المدنيين في القصف", 10, "killed"),
    ("مقتل عدة أشخاص في القصف", 3, "killed"),
    ("At least nine civilians were killed and more than 34 wounded", 9, "killed"),
    ("At least nine civilians were killed and more than 34 wounded", 34, "wounded"),
    ("leaving at least 13 people dead", 13, "killed"),
    ("an IED that killed five and wounded at least four", 5, "killed"),
    ("an IED that killed five and wounded at least four", 4, "wounded"),
    ("resulting in the martyrdom of four of our fighters and three others injured", 4, "killed"),
    ("resulting in the martyrdom of four of our fighters and three others injured", 3, "injured" if False else "wounded"),
    ("stormed the offices, detaining five journalists", 5, "detained"),
    ("resulting in four casualties among his family", 4, "casualties"),
    ("hundreds of protesters burned tyres", 100, "people"),
    ("dozens of people were killed", 12, "killed"),
    ("Around eight to ten ISIS militants were attempting to attack", 8, "people"),
    ("The death toll rose to 57.", 57, "killed"),
]


@pytest.mark.parametrize(("text", "value", "category"), QUANTITIES)
def test_quantity_category(text, value, category):
    doc = doc_of(text)
    qs = find_quantities(doc)
    found = [q for q in qs if q.value.value == value]
    assert found, [(doc.key[q.start : q.end], q.value) for q in qs]
    assert found[0].value.category == category, found[0].value


NOT_PEOPLE = [
    "شنت الطائرات 5 غارات على البلدة", "سقطت 3 قذائف في المحطة على بعد 2 كلم", "حافلة تقل 40 راكبا",
    "قصفت 4 قرى في ريف تل تمر", "أطلقت 6 صواريخ", "two Russian Su-24s targeted Idlib city with five strikes",
    "The United States has 2,500 troops in Iraq", "سيارة ستيشن مفخخة", "اللواء 45 والفرقة 17",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_counts_of_things_are_not_fatalities(text):
    doc = doc_of(text)
    qs = find_quantities(doc)
    assert count_fatalities(doc, qs, 0, len(doc.key))[0] == 0
    assert not [q for q in qs if q.value.category == "killed"]


# whole text → ACLED fatalities and the rule used
FATALITIES = [
    ("قُتل 14 عنصرًا على الأقل. وأوضح المرصد أن الهجوم أسفر عن مقتل 14 عنصرًا على الأقل.", 14, "fatalities.killed"),
    ("قُتل ثلاثة الى خمسة اشخاص في القصف", 3, "fatalities.killed"),
    ("قال البنتاغون إن الضربة قتلت شخصين. وقالت الشرطة إن الضربة قتلت أربعة أشخاص.", 2, "fatalities.lowest"),
    ("at least 6 fighters from the Arab tribes and three SDF fighters were killed", 9, "fatalities.sum"),
    ("قتل 3 مدنيين و2 من عناصر الأمن في الهجوم", 5, "fatalities.sum"),
    ("A strike killed a militia leader. The strike also killed one other member.", 2, "fatalities.sum"),
    ("قتل جندي في الهجوم. وقتل مدني آخر في القصف ذاته.", 2, "fatalities.sum"),
    ("قتل 6 مدنيين بينهم 4 أطفال وامرأة", 6, "fatalities.killed"),
    ("six civilians were killed, including two children", 6, "fatalities.killed"),
    ("قتل طفل وأصيب 3 مدنيين بينهم طفلان", 1, "fatalities.killed"),
    ("ارتفعت حصيلة القتلى إلى 57 بعد مقتل 12 في غارة جديدة", 57, "fatalities.running-total"),
    ("أعلنت السلطات ارتفاع حصيلة الضحايا جراء القصف إلى خمسة قتلى", 5, "fatalities.running-total"),
    ("أسفرت العمليات عن مقتل وإصابة 19 عنصراً", 0, "fatalities.casualties-only"),
    ("resulting in four casualties among his family", 0, "fatalities.casualties-only"),
    ("ألقى مسلحون قنبلة يدوية على منزل، دون تسجيل إصابات", 0, "fatalities.explicit-zero"),
    ("سقطت قذيفة قرب السوق ولم يقتل أحد", 0, "fatalities.explicit-zero"),
    ("A shell hit the market but no one was killed.", 0, "fatalities.explicit-zero"),
    ("واقتصرت الأضرار على المادية", 0, "fatalities.explicit-zero"),
    ("اشتباكات دون ورود معلومات عن خسائر بشرية", 0, "fatalities.none"),
    ("ما أدى لسقوط عدد من القتلى", 0, "fatalities.unspecified"),
    ("ما أدى لسقوط عدد من القتلى. وقالت مصادر إن ثلاثة من قسد قتلوا.", 3, "fatalities.killed"),
    ("أصيب ثلاثة أشخاص بجروح إثر انفجار عبوة", 0, "fatalities.none"),
    ("أسرت العشائر 7 عناصر من قسد", 0, "fatalities.none"),
    ("قُتل عنصر من قوات سوريا الديمقراطية إثر هجوم", 1, "fatalities.killed"),
    ("وأضافت المصادر أن الشاب محمد الأحمد قُتل برصاص مجهولين", 1, "fatalities.killed"),
    ("اعتقال القيادي الذي قُتل لاحقاً متأثراً بجراحه", 1, "fatalities.killed"),
    ("a civilian, named Ibrahim, who was killed by Turkish shelling", 1, "fatalities.killed"),
    ("At least three Iraqi protesters were killed on Monday", 3, "fatalities.killed"),
    ("قتل ما لا يقل عن 15 من أنصار التيار بالرصاص الحي", 15, "fatalities.killed"),
    ("تعرضت القرية لهجوم أدى إلى مقتل 14 مواطنًا وإصابة 20 آخرين", 14, "fatalities.killed"),
    ("مقتل عشرات المدنيين في القصف", 10, "fatalities.killed"),
    ("dozens of people were killed in the strikes", 12, "fatalities.killed"),
    ("several fighters were killed in the ambush", 3, "fatalities.killed"),
    ("hundreds were killed in the massacre", 100, "fatalities.killed"),
    ("لقي شاب مصرعه برصاص مجهولين في مدينة طفس", 1, "fatalities.killed"),
    ("وثق المرصد مقتل 7 عناصر بهجوم في البادية، ليرتفع عدد القتلى منذ مطلع العام إلى 150", 7, "fatalities.killed"),
    ("ارتفع عدد القتلى منذ صباح اليوم إلى 20", 0, "fatalities.none"),
    ("ارتفع عدد قتلى الهجوم إلى 20", 20, "fatalities.running-total"),
    ("An airstrike killed 12 people, including five children, the ministry said.", 12, "fatalities.killed"),
    ("Two soldiers were killed and three wounded when a roadside bomb hit their vehicle.", 2, "fatalities.killed"),
    ("قتل عنصران من الشرطة وأصيب ثالث في هجوم على حاجز", 2, "fatalities.killed"),
    ("استشهد طفلان وأصيبت والدتهما في القصف", 2, "fatalities.killed"),
]


@pytest.mark.parametrize(("text", "expected", "rule"), FATALITIES)
def test_count_fatalities(text, expected, rule):
    doc = doc_of(text)
    qs = find_quantities(doc)
    value, used, got_rule = count_fatalities(doc, qs, 0, len(doc.key))
    assert (value, got_rule) == (expected, rule), [(doc.key[q.start : q.end], q.value) for q in qs]
    assert all(0 <= q.start < q.end <= len(doc.key) for q in used)


def test_group_names_whose_dead_they_are():
    doc = doc_of("قتل 14 عنصرًا من قوات الجيش السوري على الأقل في الهجوم")
    q = find_quantities(doc)[0]
    assert doc.key[q.value.group[0] : q.value.group[1]] == match_key("قوات الجيش السوري")
    assert q.value.qualifier == "at_least"
    doc = doc_of("killed four fighters of the US-backed Syrian Democratic Forces")
    q = find_quantities(doc)[0]
    assert q.value.group is not None


def test_only_quantities_inside_the_span_count():
    text = "قتل 5 مدنيين في حلب. وفي حادثة منفصلة قتل 3 جنود في إدلب."
    doc = doc_of(text)
    qs = find_quantities(doc)
    second = doc.sentences[1]
    assert count_fatalities(doc, qs, second.start, second.end)[0] == 3
    assert count_fatalities(doc, qs, doc.sentences[0].start, doc.sentences[0].end)[0] == 5


def test_quantity_spans_map_back():
    doc = doc_of("قُتِلَ ١٤ عنصرًا من قوات الجيش")
    q = find_quantities(doc)[0]
    assert doc.original_text(q.start, q.end).startswith("١٤ عنصرًا")
