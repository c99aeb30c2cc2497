"""The never-crash promise (property tests): whatever comes in, no uncaught exception, and every
event that comes out is valid against the schema.

Arbitrary Unicode, news-like word salad, huge numbers, odd dates and random JSON go to the
extractor, the article readers, ``validate`` and the gazetteer importers.  The example count
follows the hypothesis profile: ``ci`` (the default, bounded) or ``fuzz`` for a long run outside
CI (see README, "Development")::

    python -m pytest tests/test_never_crash.py tests/text/test_properties.py --hypothesis-profile=fuzz
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.api import extract_text
from events.geo.importers.geonames import import_geonames
from events.geo.importers.ocha import import_ocha
from events.geo.importers.overlay import import_overlay
from events.io.readers import iter_articles
from events.io.validate import validate_file, validate_record
from events.model import ALL_COLUMNS, Article
from events.problems import Problem

from .text.test_properties import ANY, ARABICISH

# a temporary folder per example (pytest's tmp_path is one per test, hypothesis runs many examples)
_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_WORDS = [
    # triggers, actors, places, dates, numbers, cues and the glue between them, Arabic and English
    "قتل", "مقتل", "قصف", "استهدف", "هجوم", "اشتباكات", "بين", "انفجار", "عبوة", "ناسفة", "طائرة", "مسيرة",
    "اعتقال", "اختطاف", "مظاهرة", "قسد", "داعش", "التنظيم", "قوات", "النظام", "الجيش", "التركي", "مدني",
    "طفل", "عناصر", "من", "على", "في", "بريف", "مدينة", "قرية", "دير", "الزور", "الحسكة", "درعا", "بغداد",
    "كركوك", "أمس", "اليوم", "الخميس", "الماضي", "شباط", "فبراير", "2024", "14", "١٤", "ثلاثة", "عشرات",
    "نحو", "لم", "نفى", "هل", "سوف", "إذا", "بحسب", "مستمر", "،", ".", "؟", "«", "»", "\n", "killed",
    "attacked", "by", "the", "SDF", "Islamic", "State", "drone", "strike", "in", "near", "Deir", "ez-Zor",
    "Baghdad", "on", "Tuesday", "last", "week", "at", "least", "dozens", "denied", "will", "99999999999999",
    "31/02/2024", "2023-13-45", "0", "-1",
]
NEWS = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@_SETTINGS
@given(st.one_of(NEWS, ARABICISH, ANY), PUBLISHED)
def test_extract_never_crashes_and_emits_valid_events(text, published):
    result = extract_text(text, published=published, timestamp=0)
    for event in result.events:
        assert validate_record(event.model_dump(mode="json")) == []
        for item in event.evidence:
            assert 0 <= item.start < item.end <= len(text)
            assert item.text == text[item.start:item.end]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
# records that look like events, with wrong or odd values in some fields
_EVENTISH = st.dictionaries(st.sampled_from(ALL_COLUMNS), _JSON, max_size=len(ALL_COLUMNS))


@_SETTINGS
@given(st.lists(st.one_of(_EVENTISH, _JSON), max_size=5), st.binary(max_size=40))
def test_validate_never_crashes(tmp_path_factory, records, junk):
    folder = tmp_path_factory.mktemp("validate")
    lines = [json.dumps(r) for r in records] + [junk.decode("utf-8", "replace")]
    (folder / "e.jsonl").write_text("\n".join(lines), encoding="utf-8")
    feats = [{"type": "Feature", "geometry": None, "properties": r} for r in records]
    (folder / "e.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(ALL_COLUMNS)
    for r in records:
        writer.writerow([json.dumps(r.get(c)) if isinstance(r, dict) else json.dumps(r) for c in ALL_COLUMNS])
    (folder / "e.csv").write_bytes(buf.getvalue().encode("utf-8") + junk)
    (folder / "raw.csv").write_bytes(junk)
    (folder / "raw.geojson").write_bytes(junk)
    for name in ("e.jsonl", "e.geojson", "e.csv", "raw.csv", "raw.geojson"):
        problems = validate_file(folder / name)
        assert all(isinstance(p, Problem) for p in problems)
        assert all(p.line is None or p.line >= 1 for p in problems)


@_SETTINGS
@given(st.lists(st.one_of(_JSON, st.dictionaries(
    st.sampled_from(["id", "text", "published", "outlet", "url", "language"]), _JSON, max_size=6)), max_size=4),
    st.binary(max_size=60))
def test_readers_never_crash(tmp_path_factory, records, junk):
    folder = tmp_path_factory.mktemp("read")
    (folder / "a.jsonl").write_bytes(b"\n".join(json.dumps(r).encode() for r in records) + b"\n" + junk)
    (folder / "b.txt").write_bytes(junk)
    for item in iter_articles([folder]):
        assert isinstance(item, (Article, Problem))


_FIELD = st.one_of(st.text(max_size=12), st.sampled_from(["", "SY", "IQ", "PPL", "P", "A", "ADM1", "91.5", "-200",
                                                          "36.2", "40.1", "1e308", "nan", "Al Hasakeh", "09"]))


def _tsv(rows: list[list[str]]) -> str:
    return "".join("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n" for row in rows)


@_SETTINGS
@given(st.lists(st.lists(_FIELD, min_size=0, max_size=20), max_size=6), st.binary(max_size=40))
def test_importers_never_crash(tmp_path_factory, rows, junk):
    folder = tmp_path_factory.mktemp("import")
    dump = folder / "XX.txt"
    dump.write_bytes(_tsv(rows).encode("utf-8") + junk)
    alternates = folder / "alternateNamesV2.txt"
    alternates.write_text(_tsv(rows), encoding="utf-8")
    res = import_geonames(dump, alternates=alternates, admin1_codes=alternates, admin2_codes=alternates,
                          out=folder / "gn.csv")
    assert res.rows >= 0
    header = ["id", "name", "feature", "country", "admin1", "name_ar", "variants", "lat", "lon", "approx_km", "source"]
    ocha_header = ["admin0Name_en", "admin1Name_en", "admin1Pcode", "admin2Name_en", "admin2Pcode", "Latitude",
                   "Longitude"]
    for name, head, importer in (("overlay.csv", header, import_overlay), ("ocha.csv", ocha_header, import_ocha)):
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(head)
        writer.writerows(rows)
        path = folder / name
        path.write_bytes(buf.getvalue().encode("utf-8") + junk)
        try:
            res = importer(path, out=folder / ("out-" + name))
        except ValueError as exc:  # a whole file the importer cannot use is one clear error, not a crash
            assert str(exc)
        else:
            assert res.rows >= 0
