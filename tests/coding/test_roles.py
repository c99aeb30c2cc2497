"""Who did it and to whom: roles read from the structure of the sentence (issue 5, deliverable 4)."""

from __future__ import annotations

import pytest

from .helpers import code

# (text, actor1, actor2) — one event expected
CASES = [
    # a generic head that names its group is that group
    ("أفاد المرصد أن مسلحين من خلايا تنظيم داعش هاجموا نقطة لقوات سوريا الديمقراطية في بلدة ذيبان، مساء الاثنين.",
     "Islamic State (Syria)", "QSD: Syrian Democratic Forces"),
    ('قتل عنصر من قوات النظام برصاص مسلحي "داعش" في مدينة الميادين شرقي دير الزور، اليوم.',
     "Islamic State (Syria)", "Military Forces of Syria (2000-2024)"),
    # the doer of an event noun: 'استهداف X لـ Y', 'غارة لـ X', 'هجوم لـ X'
    ("قتل طفل، الأحد، باستهداف قوات النظام لسيارة مدنية بصاروخ موجه في مدينة دارة عزة غربي حلب.",
     "Military Forces of Syria (2000-2024)", "Civilians (Syria)"),
    ("أصيب رجلان بجروح من جراء غارة جوية للطيران الحربي الروسي استهدفت مدينة سراقب في ريف إدلب، اليوم.",
     "Military Forces of Russia (2000-)", "Civilians (Syria)"),
    ('قتل جنديان من الجيش العراقي، الأحد، إثر هجوم لتنظيم "داعش" على نقطة أمنية في قضاء الحويجة.',
     "Islamic State (Iraq)", "Military Forces of Iraq (2022-)"),
    # Arabic passive with the agent after 'برصاص', English passive with 'by'
    ("قتل شاب برصاص مسلحين مجهولين في بلدة الجيزة بريف درعا الشرقي، مساء أمس.",
     "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
    ("A farmer was killed by Turkish shelling in a village near Tal Tamr on Monday.",
     "Military Forces of Turkey (2016-)", "Civilians (Syria)"),
    # partitive words are transparent for markers
    ("أصيب شابان بجروح، اليوم، إثر إطلاق نار من قبل عناصر من الأمن العسكري على محتجين في مدينة جاسم.",
     "Military Forces of Syria (2000-2024) Military Intelligence", "Protesters (Syria)"),
    # the source of the report is not a participant
    ("أعلنت قسد أن قذيفة أطلقتها قوات النظام سقطت على منزل في بلدة الكرامة بريف الرقة، اليوم، ما أدى إلى مقتل طفل.",
     "Military Forces of Syria (2000-2024)", "Civilians (Syria)"),
    ("Iraqi police sources said a drone fired two rockets at a militia headquarters in Baghdad on Monday, "
     "killing two members of Kataib Hezbollah.", "Unidentified Armed Group (Iraq)", "Kataib Hezbollah"),
    # a victim that belongs to an armed group makes the target armed (Battles), not civilians
    ("وأسفرت العملية عن مقتل شخص يشتبه بانتمائه إلى تنظيم داعش في قرية الجريجسة بريف حماة، اليوم، بعد إنزال جوي "
     "نفذته قوات التحالف الدولي.", "Global Coalition Against Daesh", "Islamic State (Syria)"),
]


@pytest.mark.parametrize("text, actor1, actor2", CASES)
def test_roles(text, actor1, actor2):
    events = code(text)
    assert [(e.actor1, e.actor2) for e in events] == [(actor1, actor2)]


def test_owner_of_a_civilian_object_is_not_the_target():
    # the house of a council official: civilians were the target, not the group the council belongs to
    [ev] = code('ألقى مسلحون مجهولون قنبلة يدوية على منزل مسؤول في المجلس المحلي التابع لـ "قسد" في بلدة ذيبان، مساء أمس.')
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Grenade", "Unidentified Armed Group (Syria)",
                                                          "Civilians (Syria)")
    assert ev.civilian_targeting == "Civilian targeting"


def test_residents_who_fight_are_an_armed_group():
    [ev] = code("اندلعت اشتباكات بين الأهالي والقوات الإسرائيلية المتوغلة في بلدة بيت جن، اليوم، ما أدى إلى مقتل شخصين.")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Military Forces of Israel (2022-)",
                                                          "Unidentified Armed Group (Syria)")
    assert ev.fatalities == 2 and ev.civilian_targeting == ""


def test_allies_named_by_reference_are_associated():
    [ev] = code("قصفت القوات التركية والفصائل المتحالفة معها قرية أم الكيف بريف تل تمر، صباح اليوم، بقذائف الهاون.",
                published="2021-01-06")
    assert ev.actor1 == "Military Forces of Turkey (2016-)"
    assert ev.assoc_actor_1 == "SNA: Syrian National Army"


def test_a_party_whose_supporters_riot_is_associated_with_the_crowd():
    [ev] = code("قتل 5 من أنصار التيار الصدري بالرصاص الحي في احتجاجات عنيفة اقتحم خلالها المحتجون مبنى المحافظة "
                "في مدينة الناصرية، اليوم.", published="2022-08-29")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Violent demonstration", "Rioters (Iraq)", "")
    assert ev.assoc_actor_1 == "Sadrist Movement" and ev.fatalities == 5


def test_an_actor_believed_among_the_dead_is_not_the_doer():
    text = ("تفاصيل القصف التركي على سنجار\n"
            "قتل ثلاثة أشخاص، يعتقد وجود أحد قادة وحدات حماية سنجار بينهم، في قصف لطائرات حربية استهدف قضاء سنجار، اليوم.")
    [ev] = code(text, "2020-01-15")
    assert ev.actor1 == "Military Forces of Turkey (2016-)"


def test_a_passive_english_report_has_no_positional_doer():
    text = ("The SDF detained a tribal leader in al-Hassakeh on Sunday.\n"
            "He was detained with some of his supporters from the Arab tribes.")
    [ev] = code(text, "2023-08-28")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "QSD: Syrian Democratic Forces")
