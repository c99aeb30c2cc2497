"""Reports of one incident across sentences and paragraphs become one event (issue 5, deliverables 2
and 6): leads, details, continuations ('الهجوم', 'the attack'), and what keeps incidents apart."""

from __future__ import annotations

from .helpers import code, summary


def test_a_lead_and_its_detail_are_one_event_at_the_precise_place():
    text = ("قتل عنصر من قوات سوريا الديمقراطية، يوم أمس، إثر هجوم نفذته خلايا تنظيم داعش في ريف محافظة دير الزور.\n"
            "وقال مصدر محلي إن مسلحين من التنظيم هاجموا حاجزا لقسد في بلدة ذيبان بالأسلحة الرشاشة.")
    events = code(text, "2023-06-27")
    assert [summary(e) for e in events] == [("Armed clash", "Islamic State (Syria)", "QSD: Syrian Democratic Forces",
                                             "Dhiban")]
    assert events[0].fatalities == 1 and len(events[0].evidence) == 2


def test_a_continuation_in_the_next_paragraph_adds_its_dead():
    text = ("هاجم تنظيم داعش، مساء الاثنين، نقطة لقوات الجيش في بلدة السخنة بريف حمص الشرقي.\n\n"
            "وأسفر الهجوم عن مقتل ثلاثة جنود وإصابة آخرين.")
    [ev] = code(text, "2024-01-09")
    assert summary(ev) == ("Armed clash", "Islamic State (Syria)", "Military Forces of Syria (2000-2024)", "As Sukhnah")
    assert ev.fatalities == 3


def test_the_perpetrator_named_before_carries_into_a_report_that_refers_back():
    text = ("شن تنظيم داعش هجوما على قرية في قضاء المقدادية، اليوم.\n\n"
            "وقالت مصادر أمنية إن الهجوم أسفر عن مقتل 11 مدنيا في القرية.")
    [ev] = code(text, "2021-10-26")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("Islamic State (Iraq)", "Civilians (Iraq)", 11)


def test_a_separate_incident_stays_separate():
    text = ("استهدفت خلايا داعش حاجزا لقوات سوريا الديمقراطية في بلدة ذيبان، مساء الجمعة.\n"
            "وفي حادثة منفصلة، استهدف مسلحون مجهولون حاجزا لقسد في بلدة ذيبان بقنبلة يدوية.")
    assert len(code(text, "2025-11-21")) == 2


def test_different_named_attackers_at_one_place_are_two_events():
    text = ("قصفت القوات التركية قرية في ريف تل تمر، صباح اليوم، بقذائف الهاون.\n"
            "واشتبكت الفصائل الموالية لأنقرة مع قوات سوريا الديمقراطية في ريف تل تمر، اليوم.")
    events = code(text, "2021-01-06")
    assert sorted(e.actor1 for e in events) == ["Military Forces of Turkey (2016-)", "SNA: Syrian National Army"]


def test_an_earlier_attack_with_its_own_day_is_not_the_one_told():
    text = ("A Turkish drone struck a car in Qamishli on Tuesday, killing two SDF fighters.\n\n"
            "On Aug. 6, one SDF fighter and two children were killed in the attack.")
    events = code(text, "2022-08-09")
    assert [(e.event_date.isoformat(), e.location, e.fatalities) for e in events] == [("2022-08-09", "Qamishli", 2)]


def test_an_unknown_village_named_again_is_the_same_place():
    text = ("قصفت القوات الإسرائيلية بلدة كويا الواقعة في منطقة حوض اليرموك غرب درعا، اليوم، ما أدى إلى مقتل خمسة أشخاص.\n"
            "وقال البيان إن بلدة كويا شهدت اشتباكات بين الأهالي والقوات المهاجمة.")
    [ev] = code(text, "2025-03-25")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "Unidentified Armed Group (Syria)", 5)


def test_a_headline_names_the_attacker_of_unattributed_strikes():
    text = ("القصف التركي على ريف القامشلي\n"
            "استهدفت طائرات حربية، اليوم، قرية تل شعير التابعة لبلدة القحطانية، ما أدى إلى مقتل مدنيين اثنين.")
    [ev] = code(text, "2023-07-20")
    assert (ev.sub_event_type, ev.actor1, ev.fatalities) == ("Air/drone strike", "Military Forces of Turkey (2016-)", 2)


def test_a_fight_without_a_second_actor_takes_the_opponent_of_the_article():
    text = ("اندلعت اشتباكات بين مقاتلي العشائر وقوات سوريا الديمقراطية في بلدة ذيبان، اليوم.\n"
            "وقالت شبكة محلية إن مقاتلي العشائر هاجموا حاجزا في ريف دير الزور الشمالي.")
    events = code(text, "2023-09-05")
    assert {(e.actor1, e.actor2) for e in events} == {("Arab Tribal Militia (Syria)", "QSD: Syrian Democratic Forces")}
    assert len(events) == 2


def test_a_raid_is_coded_by_what_came_of_it():
    text = ("نفذت قوات التحالف الدولي فجر اليوم عملية إنزال جوي في بلدة الشحيل بريف دير الزور.\n"
            "وأسفرت العملية عن اعتقال قيادي في تنظيم داعش.")
    [ev] = code(text, "2025-10-22")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Arrests", "Global Coalition Against Daesh",
                                                         "Islamic State (Syria)")


def test_a_raid_with_nothing_coming_of_it_is_no_event():
    result_events = code("نفذت قوات التحالف الدولي فجر اليوم عملية إنزال جوي في بلدة الشحيل بريف دير الزور.", "2025-10-22")
    assert result_events == []


def test_returning_fire_answers_the_attack_told_before():
    text = ('وأفاد مصدر أمني أن مسلحين من "سرايا السلام" أطلقوا النار على أهداف داخل المنطقة الخضراء في بغداد، ليلة أمس.\n'
            "وأضاف أن القوات المتمركزة داخل المنطقة، وهي وحدات تابعة للجيش، ردت على مصادر النيران.")
    [ev] = code(text, "2022-08-30")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Saraya al Salam",
                                                         "Military Forces of Iraq (2020-2022)")


def test_an_embedded_post_is_a_quote():
    text = ("Israeli forces clashed with gunmen in Beit Jinn on Friday, leaving 13 people dead.\n\n"
            "قوات الاحتلال تعتقل شابين في بلدة بيت جن pic.twitter.com/abc — شبكة محلية (@local) November 27, 2025")
    events = code(text, "2025-11-28")
    assert [(e.sub_event_type, e.event_date.isoformat()) for e in events] == [("Armed clash", "2025-11-28")]


def test_soldiers_after_a_named_army_are_that_army():
    [ev] = code("Israeli troops clashed with gunmen in Beit Jinn on Friday and six soldiers were wounded.", "2025-11-28")
    assert {ev.actor1, ev.actor2} == {"Military Forces of Israel (2022-)", "Unidentified Armed Group (Syria)"}
