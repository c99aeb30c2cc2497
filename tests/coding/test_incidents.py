"""One event per incident, day and location: which places a report names and how it is split
(issue 5, deliverable 6)."""

from __future__ import annotations

from .helpers import code, extract


def _places(events):
    return sorted((e.location, e.geo_precision) for e in events)


def test_a_governorate_that_locates_a_town_is_not_a_second_place():
    events = code("انفجرت عبوة ناسفة، مساء أمس، في مدينة الصنمين في الريف الشمالي من محافظة درعا، تبعها إطلاق نار كثيف، "
                  "ما أسفر عن إصابة ثلاثة من أبناء المدينة.")
    assert _places(events) == [("As Sanamayn", 1)]
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"


def test_a_countryside_summary_goes_to_the_place_it_holds():
    # the first clause names only the countryside, the second the area where the shells fell
    events = code("جددت قوات النظام قصفها المدفعي على قرى في ريف إدلب الجنوبي، وقال مراسلنا إن قذائف المدفعية سقطت "
                  "في منطقة جبل الزاوية جنوبي إدلب، اليوم.")
    assert len(events) == 1 and events[0].location == "Jabal al Zawiya"


def test_coordinated_places_are_one_event_each_and_share_the_dead():
    events = code("قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على مدينتي كفرنبل وخان شيخون جنوبي إدلب، اليوم.", "2019-11-20")
    assert _places(events) == [("Kafr Nabl", 1), ("Khan Shaykhun", 1)]
    by_place = {e.location: e for e in events}
    assert by_place["Kafr Nabl"].fatalities == 2 and by_place["Khan Shaykhun"].fatalities == 1  # odd one to the first
    assert "3 fatalities split across 2 events, 2 fatalities coded to this event." in by_place["Kafr Nabl"].notes


def test_english_lists_of_places_are_split():
    events = code("Hundreds of protesters burned tyres and blocked main roads in several cities, including Nassiriya "
                  "and Kirkuk, on Monday.", "2020-01-20")
    assert sorted(e.location for e in events) == ["Kirkuk", "Nasiriyah"]
    assert {e.sub_event_type for e in events} == {"Violent demonstration"}


def test_a_place_between_two_towns_is_one_event():
    events = code("قتل شاب برصاص مسلحين مجهولين بين بلدتي تسيل والشجرة غربي درعا، مساء أمس.")
    assert [(e.location, e.geo_precision) for e in events] == [("Tasil", 2)]  # near the first town (ACLED)


def test_hospitals_and_origins_are_not_where_it_happened():
    events = code("أطلق مسلحون مجهولون النار على شاب في بلدة داعل بريف درعا، مساء أمس، ونقل إلى مشفى مدينة درعا، "
                  "وهو من أبناء بلدة طفس.")
    assert _places(events) == [("Dael", 1)]


def test_a_place_inside_an_actor_name_is_no_place():
    events = code("قصفت الفصائل الموالية لأنقرة قرية الدردارة بريف تل تمر، اليوم.", "2021-01-06")
    assert [e.location for e in events] == ["Tal Tamr"]
    assert events[0].actor1 == "SNA: Syrian National Army"


def test_plural_countryside_names_no_place():
    result = extract("واصلت الطائرات الحربية الروسية، أمس، قصف المناطق السكنية في أرياف إدلب بالبراميل المتفجرة.")
    assert result.events == []
    assert any(r.reason == "no-location" for r in result.rejected)


def test_a_weekday_is_not_a_village():
    events = code("تظاهر مئات المحتجين في ساحة الكرامة بمدينة السويداء، اليوم الجمعة، مطالبين بالإفراج عن المعتقلين.",
                  "2023-09-22")
    assert [e.location for e in events] == ["Suwayda - Al Karama Square"]


def test_the_towns_a_road_links_are_not_where_it_happened():
    events = code("هاجم عناصر من داعش نقطة للجيش على الطريق الرئيسي (بغداد – داقوق)، جنوبي كركوك، اليوم، "
                  "ما أسفر عن مقتل جنديين.", "2020-01-29")
    assert [e.location for e in events] == ["Kirkuk"]


def test_a_bearing_from_another_place_is_no_second_place():
    events = code("قتل جنديان، الأحد، إثر هجوم لتنظيم داعش في محافظة كركوك، شمال العاصمة بغداد.", "2020-01-06")
    assert [e.location for e in events] == ["Kirkuk"] and events[0].fatalities == 2


def test_a_neighbourhood_of_a_city_the_article_never_names_is_doubtful():
    events = code("اندلعت اشتباكات بين قسد والجيش في مدينة حلب، اليوم.\n"
                  "وأعلنت قسد أن قذيفة سقطت في حي الميدان ما أدى إلى إصابة مدنيين.", "2026-01-06")
    assert [e.location for e in events] == ["Aleppo"]
