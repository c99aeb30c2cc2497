"""locate_places: place phrases in context, with ACLED relation and geo_precision.

Each case names a toponym as written and what it must resolve to.  The sentences are made up in
the style of Syrian and Iraqi news; none is copied from the development corpus.
"""

from __future__ import annotations

import pytest

from events.geo import locate_places

from .conftest import doc_of


def _find(located, written):
    for lp in located:
        if lp.written == written:
            return lp
    return None


CASES = [
    # (text, toponym as written, place id, relation, precision, coded_to)
    ("وقام التنظيم بالهجوم على سجن الصناعة في الحسكة", "سجن الصناعة", "site:sy-prison-sinaa", "in", 1, False),
    ("قاعدة التحالف الدولي في حقل العمر النفطي شمال دير الزور", "حقل العمر النفطي", "site:sy-oil-omar", "in", 1, False),
    ("اشتباكات في بلدة ذيبان بريف دير الزور الشرقي", "ذيبان", "gn:170691", "in", 1, False),
    ("هجوم على حاجز شرق محافظة دير الزور", "دير الزور", "gn:170794", "governorate", 3, True),
    ("هاجم مسلحون نقطة في محافظة كركوك", "كركوك", "gn:94787", "governorate", 3, True),
    ("قصف مدفعي على ريف إدلب الجنوبي", "إدلب", "gn:169389", "countryside", 2, False),
    ("استهدفت مسيرة سيارة بالقرب من بلدة القحطانية", "القحطانية", "gn:165757", "near", 2, False),
    ("سقطت قذائف جنوب شرق القامشلي", "القامشلي", "gn:173377", "near", 2, False),
    ("اشتباكات عنيفة في حي الشيخ مقصود بمدينة حلب", "الشيخ مقصود", "site:sy-nb-aleppo-sheikhmaqsoud", "in", 1, False),
    ("قتل لاجئ داخل مخيم الهول شرق الحسكة", "مخيم الهول", "site:sy-camp-hol", "in", 1, False),
    ("هاجم التنظيم قرية تابعة لقضاء المقدادية", "المقدادية", "gn:99062", "district", 2, True),
    ("قصف تركي على مواقع في قضاء العمادية شمال محافظة دهوك", "العمادية", "gn:99611", "district", 2, True),
    ("انفجرت عبوة في مدينة سنجار غربي الموصل", "سنجار", "gn:448149", "in", 1, False),
    ("قصف النظام بلدة سنجار بريف إدلب الشرقي", "سنجار", "gn:164094", "in", 1, False),
    ("والحسكة", "الحسكة", "gn:173811", "in", 1, False),
    ("قصفت الطائرات قرى بريف إدلب الجنوبي وبلدة بداما في الريف الغربي", "بداما", "gn:171494", "in", 1, False),
    ("Protesters blocked roads in Nassiriya and Kerbala.", "Nassiriya", "gn:98854", "in", 1, False),
    ("تنتشر الخلايا في محافظات الرقة والحسكة", "الحسكة", "gn:173811", "governorate", 3, True),
    ("قصفت مدينتي جاسم وانخل", "انخل", "gn:169375", "in", 1, False),
    ("اشتباكات بين الضمير والقلمون", "الضمير", "gn:170589", "near", 2, False),
    ("تنتشر القواعد في منطقة الجزيرة السورية", "منطقة الجزيرة السورية", "site:sy-rgn-jazira", "region", 3, False),
    ("A Turkish drone struck a car in Qamishlo city on Tuesday.", "Qamishlo", "gn:173377", "in", 1, False),
    ("A drone hit a house near the border town of Amude.", "Amude", "gn:173230", "near", 2, False),
    ("Turkey increased shelling in the Hasakah province.", "Hasakah", "gn:173811", "governorate", 3, True),
    ("Clashes broke out in the countryside of Deir al-Zour on Tuesday.", "Deir al-Zour", "gn:170794", "countryside", 2, False),
    ("Militants attacked a village in Muqdadiyah district.", "Muqdadiyah", "gn:99062", "district", 2, True),
    ("Rockets hit Ain al-Asad air base in western Iraq.", "Ain al-Asad air base", "site:iq-base-ainasad", "in", 1, False),
    ("Protesters gathered in Tayaran Square in central Baghdad.", "Tayaran Square", "site:iq-sq-baghdad-tayaran", "in", 1, False),
    ("Jets struck targets in Jabal al-Zawiya, south of Idlib.", "Jabal al-Zawiya", "site:sy-rgn-jabalzawiya", "region", 2, False),
    ("قصفت الطائرات قرى في سهل الغاب", "سهل الغاب", "gn:163921", "region", 2, True),
    ("هاجم التنظيم رعاة في بادية تدمر", "بادية تدمر", "gn:163808", "region", 2, True),
]


@pytest.mark.parametrize(("text", "written", "place_id", "relation", "precision", "coded_to"), CASES)
def test_locate(gazetteer, text, written, place_id, relation, precision, coded_to):
    doc = doc_of(text)
    found = _find(locate_places(doc, gazetteer), written)
    assert found is not None, [lp.written for lp in locate_places(doc, gazetteer)]
    assert (found.place.id, found.relation, found.geo_precision, found.coded_to) == (
        place_id, relation, precision, coded_to)
    assert doc.original_text(found.name_start, found.name_end) == written
    assert found.start <= found.name_start < found.name_end <= found.end
    assert found.place.id in found.entries or (found.named is not None and found.named.id in found.entries)


def test_prison_carries_admin(gazetteer):
    lp = _find(locate_places(doc_of("وقام التنظيم بالهجوم على سجن الصناعة في الحسكة"), gazetteer), "سجن الصناعة")
    assert lp.place.admin1 == "Al Hasakeh" and lp.place.country == "Syria"
    # the admin context is absorbed into the phrase
    assert lp.end == len(doc_of("وقام التنظيم بالهجوم على سجن الصناعة في الحسكة").key)


def test_omar_field_has_own_coordinates(gazetteer):
    lp = _find(locate_places(doc_of("قاعدة التحالف الدولي في حقل العمر النفطي شمال دير الزور"), gazetteer), "حقل العمر النفطي")
    city = gazetteer.get("gn:170794")
    assert lp.place.admin1 == "Deir ez Zor"
    assert (lp.place.lat, lp.place.lon) != (city.lat, city.lon)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("فتح الباب أمام المفاوضات", "الباب"),
        ("طالب المتظاهرون بالحرية في مظاهرات سلمية", "الحرية"),
        ("قتل شاب بالرصاص الحي", "الحي"),
        ("رفع حماة الديار العلم", "حماة"),
        ("Hit hard by the sanctions, the economy shrank.", "Hit"),
        ("the police said most of the victims were civilians", "most"),
        ("أعلن مجلس دير الزور العسكري عن حملة أمنية", "دير الزور"),
        ("The Deir ez-Zor Military Council announced a campaign.", "Deir ez-Zor"),
        ("قال المتحدث باسم التحالف الدولي", "التحالف"),
        ("بغداد", "غداد"),
    ],
)
def test_not_a_place(gazetteer, text, written):
    assert _find(locate_places(doc_of(text), gazetteer), written) is None


@pytest.mark.parametrize(
    ("text", "written", "place_id"),
    [
        ("دمشق - سانا\nقتل شخصان في درعا", "دمشق", "gn:170654"),
        ("ERBIL (Kurdistan 24) – A drone struck Qamishli.", "ERBIL", "gn:95446"),
        ("Beirut, Aug. 30, (dpa/GNA) – Nine people were killed in Syria.", "Beirut", "gn:276781"),
        ("شفق نيوز– دهوك\nقصف تركي على العمادية", "دهوك", "gn:96994"),
    ],
)
def test_dateline(gazetteer, text, written, place_id):
    lp = _find(locate_places(doc_of(text), gazetteer), written)
    assert lp is not None and lp.relation == "dateline" and lp.geo_precision == 0 and lp.place.id == place_id


def test_country_mentions_are_not_coded(gazetteer):
    located = locate_places(doc_of("قتل جنديان في سوريا والعراق"), gazetteer)
    countries = [lp for lp in located if lp.relation == "country"]
    assert {lp.place.country_code for lp in countries} == {"SY", "IQ"}
    assert all(lp.geo_precision == 0 for lp in countries)


def test_context_picks_country(gazetteer):
    text = "قصفت القوات التركية قرى في ريف الحسكة، وسقطت قذائف على بلدة تل تمر."
    lp = _find(locate_places(doc_of(text), gazetteer), "تل تمر")
    assert lp.place.country_code == "SY" and lp.place.admin1 == "Al Hasakeh"


def test_far_small_places_need_context(gazetteer):
    # a common word that is also a small town abroad is not a place in a Syrian story
    located = locate_places(doc_of("قال مصدر في دير الزور إن الخبر كامل وصحيح"), gazetteer)
    assert {lp.place.country_code for lp in located} == {"SY"}


def test_offsets_map_to_original(gazetteer):
    text = "قُتل مدنيٌّ في بلدة ذيبانَ بريف دير الزور"
    doc = doc_of(text)
    lp = _find(locate_places(doc, gazetteer), "ذيبانَ")
    assert lp is not None and lp.place.id == "gn:170691"
