"""The event lexicon and ACLED's distinctions (issue 5, deliverable 3), and what is not an event."""

from __future__ import annotations

import pytest

from .helpers import code, extract

# (text, published, sub_event_type, actor1, actor2)
CASES = [
    # attack on armed actors vs on civilians
    ("هاجم مسلحون مجهولون حاجزا لقوات النظام في بلدة جاسم بريف درعا، ليلة أمس.", "2023-02-24",
     "Armed clash", "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-2024)"),
    ("أطلق مسلحون مجهولون النار على شاب في بلدة داعل بريف درعا، مساء أمس، ما أدى إلى مقتله.", "2023-02-24",
     "Attack", "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
    # drone strike vs shelling vs IED
    ("استهدفت طائرة مسيرة تركية سيارة لقوات سوريا الديمقراطية على طريق القامشلي، مساء اليوم.", "2023-07-27",
     "Air/drone strike", "Military Forces of Turkey (2016-)", "QSD: Syrian Democratic Forces"),
    ("قصفت المدفعية التركية بقذائف الهاون قرية في ريف تل تمر، صباح اليوم، ما أدى إلى مقتل مدني.", "2021-01-06",
     "Shelling/artillery/missile attack", "Military Forces of Turkey (2016-)", "Civilians (Syria)"),
    ("قتل راعي أغنام، اليوم، جراء انفجار لغم أرضي من مخلفات النظام في بلدة خربة غزالة شرقي درعا.", "2023-09-26",
     "Remote explosive/landmine/IED", "Military Forces of Syria (2000-2024)", "Civilians (Syria)"),
    # an ambush with an IED and gunfire on soldiers is one battle (ACLED's hierarchy)
    ("Islamic State militants ambushed a Peshmerga patrol with an IED and gunfire near Kifri on Sunday, killing two.",
     "2021-11-28", "Armed clash", "Islamic State (Iraq)", "Military Forces of Iraq (2020-2022) Peshmerga"),
    # abduction by a non-state group vs arrest by the state or a de facto authority
    ("اختطف مسلحون مجهولون شابا من بلدة المزيريب غربي درعا، مساء أمس.", "2023-03-01",
     "Abduction/forced disappearance", "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
    ("The SDF detained a tribal leader in al-Hassakeh on Sunday.", "2023-08-28",
     "Arrests", "QSD: Syrian Democratic Forces", ""),
    # abducted, then killed: an attack
    ("اختطف تنظيم داعش 20 شخصا في بادية تدمر، أمس، حيث جرى إعدام 6 منهم.", "2023-02-13",
     "Attack", "Islamic State (Syria)", "Civilians (Syria)"),
    # air defences repelling a strike: the strike, not a fight
    ("أعلنت وكالة الأنباء السورية التصدي لهجوم جوي إسرائيلي استهدف مواقع في منطقة الديماس، فجر اليوم.", "2024-02-10",
     "Air/drone strike", "Military Forces of Israel (2022-)", ""),
    # protests: peaceful, with lethal force, violent
    ("تظاهر المئات في بلدة جاسم بريف درعا، اليوم، مطالبين بالإفراج عن المعتقلين.", "2023-09-22",
     "Peaceful protest", "Protesters (Syria)", ""),
    ("At least three protesters were killed on Monday in Baghdad after security forces used tear gas and live "
     "ammunition.", "2020-01-20", "Excessive force against protesters", "Police Forces of Iraq (2018-2020)",
     "Protesters (Iraq)"),
    ("Protesters threw petrol bombs at police in Nassiriya on Monday.", "2020-01-20",
     "Violent demonstration", "Rioters (Iraq)", "Police Forces of Iraq (2018-2020)"),
    # a new base; an unattributed drone strike
    ("أنشأت القوات التركية قاعدة عسكرية جديدة قرب بلدة الأتارب غربي حلب، اليوم.", "2024-03-12",
     "Headquarters or base established", "Military Forces of Turkey (2016-)", ""),
    ("استهدفت طائرة مسيرة مجهولة سيارة على طريق بلدة جاسم، اليوم، ما أدى إلى مقتل شخصين.", "2024-03-12",
     "Air/drone strike", "Unidentified Military Forces", "Civilians (Syria)"),
    # territory changing hands: a non-state actor's conquest even when it governs the area
    ("سيطرت قوات سوريا الديمقراطية على مدينة ذيبان، اليوم، بعد اشتباكات مع مقاتلي العشائر.", "2023-09-05",
     "Non-state actor overtakes territory", "QSD: Syrian Democratic Forces", "Arab Tribal Militia (Syria)"),
]


@pytest.mark.parametrize("text, published, sub, actor1, actor2", CASES)
def test_sub_event_types(text, published, sub, actor1, actor2):
    events = code(text, published)
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [(sub, actor1, actor2)]


# (text, reason the event is not coded)
NOT_EVENTS = [
    ("حلقت طائرات حربية روسية في أجواء مدينة إدلب، اليوم.", "weak-trigger-only"),  # an overflight
    ("سمعت ليلا رشقات رشاشة في حي الجديدة بمدينة دير الزور، اليوم.", "no-event-type"),  # gunfire heard
    ("شهدت مناطق متفرقة من ريف درعا أربع عمليات اغتيال، أمس، أدت إلى مقتل ثلاثة أشخاص.", "cue:aggregate"),
    ("تأتي هذه الغارة ضمن سلسلة من الغارات التي شنها الطيران الروسي على ريف إدلب، اليوم.", "cue:aggregate"),
    ("نفت وزارة الدفاع مقتل أي جندي في الهجوم على مدينة دير الزور، اليوم.", "cue:denial"),
    ("The government condemned the attack on the village of Kulajo.", "cue:comment"),
]


@pytest.mark.parametrize("text, reason", NOT_EVENTS)
def test_not_events(text, reason):
    result = extract(text)
    assert result.events == []
    assert reason in {r.reason for r in result.rejected}


def test_a_protest_that_goes_on_despite_the_shooting_is_a_protest():
    # 'رغم إطلاق النار' refers to the shooting told before; the crowd itself demonstrated peacefully
    events = code("عاود المحتجون التظاهر في ساحة الكرامة بمدينة السويداء رغم إطلاق النار، مساء اليوم.", "2023-09-13")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
