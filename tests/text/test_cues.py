"""Cues: is a trigger inside the scope of a blocking cue?  (trigger given as a fragment of the text)"""

from __future__ import annotations

import pytest

from events.mentions.cues import blocking_cues, find_cues

from .helpers import doc_of, key_span

# text, trigger fragment, expected blocking cue type (None: the trigger stands)
CASES = [
    # negation
    ("لم تقصف الطائرات البلدة أمس", "تقصف", "negation"),
    ("لم يقتل أحد في القصف", "يقتل", None),
    ("لم تسفر الغارة عن إصابات", "الغارة", None),
    ("قتل ثلاثة أشخاص ولم يتم التعرف على هوياتهم", "قتل", None),
    ("قتل جندي في ريف درعا، في حين لم تعلن أي جهة مسؤوليتها", "قتل", None),
    ("قتل ما لا يقل عن 12 مدنيا في القصف", "قتل", None),
    ("لا سيما في ريف درعا حيث قتل شاب", "قتل", None),
    ("لا يزال مصير 34 شخصا مجهولا", "مصير", None),
    ("غير أن القوات قصفت القرية", "قصفت", None),
    ("لن تنسحب القوات من المدينة", "تنسحب", "negation"),
    ("ليس هناك أي هجوم على الحاجز", "هجوم", "negation"),
    ("قصفت القوات القرية، ولم تسجل إصابات", "قصفت", None),
    ("The army did not shell the village.", "shell", "negation"),
    ("The SDF did not confirm his detention.", "detention", "negation"),
    ("Gunmen attacked a checkpoint but no one was killed.", "attacked", None),
    ("No civilians were harmed in the strike.", "strike", None),
    # denial
    ("نفت الوزارة مقتل أي جندي في الهجوم", "مقتل", "denial"),
    ("اتهمت الوزارة قسد بقصف موقع للشرطة، فيما نفت قسد تلك الاتهامات ووصفتها بأنها مفبركة", "بقصف", "denial"),
    ("وصف المتحدث أنباء الهجوم بأنها عارية عن الصحة", "الهجوم", "denial"),
    ("وقال المصدر إن الأنباء عن قصف المطار غير صحيحة", "قصف", "denial"),
    ("The ministry denied that soldiers opened fire on protesters.", "opened fire", "denial"),
    # questions
    ("هل قصف الجيش المدرسة؟", "قصف", "question"),
    ("من يقف وراء تفجير السيارة؟", "تفجير", "question"),
    ("Who fired the rockets at the base?", "fired", "question"),
    # future, intent, threat
    ("قال الجيش إنه سيقصف مواقع التنظيم", "مواقع", "future"),
    ("وستشن القوات هجوما على المدينة", "هجوما", "future"),
    ("سوف ترد الفصائل على القصف", "ترد", "future"),
    ("هدد الجيش بقصف القرى الحدودية", "بقصف", "future"),
    ("تعتزم القوات التركية شن عملية عسكرية", "عملية", "future"),
    ("من المقرر أن تنطلق المظاهرة يوم الجمعة", "المظاهرة", "future"),
    ("انفجرت سيارة مفخخة قرب الحاجز", "انفجرت", None),
    ("أحكمت القوات سيطرتها على البلدة", "أحكمت", None),
    ("قتل ستة عناصر في الهجوم", "قتل", None),
    ("The SDF said they will retaliate against the attacks.", "retaliate", "future"),
    ("Erdogan threatened to clear northern Syria from Kurdish forces.", "clear", "future"),
    ("Turkey plans to launch a new operation.", "launch", "future"),
    # condition
    ("إذا هاجمت القوات البلدة فإن الأهالي سيردون", "هاجمت", "condition"),
    ("في حال اقتحام المدينة ستندلع اشتباكات", "اقتحام", "condition"),
    ("If the army attacks the town, residents will fight.", "attacks", "condition"),
    # generic, habitual
    ("وتواصل استهداف قادتها عبر الطيران المسير", "استهداف", "generic"),
    ("تتعرض القرى للقصف بين الحين والآخر", "للقصف", "generic"),
    ("تشهد المنطقة هجمات بشكل مستمر", "هجمات", "generic"),
    ("تشهد المدينة منذ صباح اليوم اشتباكات عنيفة", "اشتباكات", None),
    ("Turkey regularly shells the border villages.", "shells", "generic"),
    ("قصفت القوات القرية صباح اليوم", "قصفت", None),
    # past reference
    ("خرج الأهالي في مظاهرة بعد مقتل الشاب الأسبوع الماضي", "مقتل", "past-reference"),
    ("أحيا السكان ذكرى مجزرة الكيماوي", "مجزرة", "past-reference"),
    ("Protesters marked the anniversary of the massacre.", "massacre", "past-reference"),
    # hedges and attribution do not block
    ("وسط معلومات عن اغتيال شخصيات من جنسيات غير سورية", "اغتيال", None),
    ("قتل 14 مواطنا بحسب الحصيلة الأولية", "قتل", None),
    ("أفاد المرصد السوري بمقتل ثلاثة عناصر", "بمقتل", None),
    ("Five were killed by an IED allegedly planted by the group.", "planted", None),
    ("A drone reportedly struck a car near the border.", "struck", None),
    ("قد يرتفع عدد القتلى", "القتلى", None),
    ("وكان التنظيم قد نشر مقطعا مصورا", "نشر", None),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_blocking(text, trigger, expected):
    doc = doc_of(text)
    cues = find_cues(doc)
    s, e = key_span(doc, trigger)
    blocking = blocking_cues(cues, s, e)
    if expected is None:
        assert blocking == [], [(doc.key[c.start : c.end], c.value) for c in blocking]
    else:
        assert expected in {c.value.type for c in blocking}, [(doc.key[c.start : c.end], c.value) for c in cues]


NON_BLOCKING = [
    ("وسط معلومات عن اغتيال شخصيات", "hedge"),
    ("قتل شاب بحسب مصادر محلية", "attribution"),
    ("زاعمة أنها اعتقلت أربعة عناصر", "claim"),
    ("The IRGC claimed responsibility for the attack.", "claim"),
    ("according to the Syrian Observatory", "attribution"),
    ("five were killed, reportedly by a drone", "hedge"),
]


@pytest.mark.parametrize(("text", "kind"), NON_BLOCKING)
def test_hedges_lower_confidence_only(text, kind):
    cues = find_cues(doc_of(text))
    found = [c for c in cues if c.value.type == kind]
    assert found and not any(c.value.blocks for c in found)


def test_negation_scope_stops_at_the_clause_punctuation():
    doc = doc_of("لم تقصف الطائرات البلدة، وقتل جندي في هجوم بري")
    cues = find_cues(doc)
    s, _ = key_span(doc, "وقتل")
    assert blocking_cues(cues, s, s + 4) == []


def test_denial_scope_is_the_sentence_and_stops_there():
    doc = doc_of("نفت الوزارة مقتل أي جندي. وقتل مدنيان في قصف على القرية.")
    cues = find_cues(doc)
    s, e = key_span(doc, "وقتل")
    assert blocking_cues(cues, s, e) == []


def test_cue_spans_map_back_to_the_original():
    doc = doc_of("نفَت الوزارةُ مقتلَ أيّ جندي")
    c = find_cues(doc)[0]
    assert doc.original_text(c.start, c.end) == "نفَت"
