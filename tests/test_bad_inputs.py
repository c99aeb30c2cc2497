"""Every file of the bad-input corpus gives its expected message, and never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from events.api import ExtractOptions, run_extract
from events.io.validate import validate_file

BAD = Path(__file__).resolve().parent / "data" / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


def test_the_corpus_is_complete():
    on_disk = {p.name for p in BAD.iterdir() if p.name not in ("expected.yaml", "make_bad_inputs.py")
               and not p.name.endswith(".meta.json")}
    assert on_disk == set(EXPECTED["inputs"]) | set(EXPECTED["events"])
    assert len(on_disk) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED["inputs"]))
def test_input(name, tmp_path):
    exp = EXPECTED["inputs"][name]
    out = tmp_path / "events.jsonl"
    report = run_extract([str(BAD / name)], ExtractOptions(output=str(out), timestamp=0))
    assert report.articles == exp["articles"]
    assert report.failed == exp["failed"]
    problems = "\n".join(str(p) for p in report.problems)
    if "problem" in exp:
        assert exp["problem"] in problems
    else:
        assert problems == ""
    if "warning" in exp:
        assert any(exp["warning"] in w for w in report.warnings), report.warnings
    # whatever came in, what went out is valid and readable as UTF-8
    assert validate_file(out) == []
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)


@pytest.mark.parametrize("name", sorted(EXPECTED["events"]))
def test_event_file(name):
    printed = [str(p) for p in validate_file(BAD / name)]
    for fragment in EXPECTED["events"][name]:
        assert any(f"{BAD / name}:{fragment}" in p for p in printed), printed


def test_one_article_failing_never_stops_the_run(tmp_path, monkeypatch):
    import events.api as api

    real = api.extract_article

    def flaky(article, *args, **kwargs):
        if article.id == "b":
            raise RuntimeError("a bug in a stage")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(api, "extract_article", flaky)
    text = "قتل شاب برصاص مجهولين في مدينة درعا أمس."
    src = tmp_path / "three.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": text, "published": "2024-03-10"}, ensure_ascii=False) + "\n"
                           for i in "abc"), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    report = run_extract([str(src)], ExtractOptions(output=str(out), timestamp=0))
    assert (report.articles, report.failed) == (3, 1)
    assert [str(p) for p in report.problems] == ["b: failed: RuntimeError: a bug in a stage"]
    written = [json.loads(line)["article_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert written and set(written) == {"a", "c"}


@pytest.mark.parametrize("text,coded", [
    ("A car bomb exploded in Lagos on Tuesday, killing three people.", False),
    ("Gunmen killed three civilians in Benin City on Tuesday.", False),
    ("Gunmen killed three civilians in Mosul on Tuesday.", True),
])
def test_places_outside_the_country_table_are_not_coded(text, coded):
    from events.api import extract_text

    result = extract_text(text, published="2024-03-20", timestamp=0)
    assert bool(result.events) is coded
    assert all(ev.region and ev.country for ev in result.events)
    if not coded:
        assert [r.reason for r in result.rejected] == ["country-not-covered"]


@pytest.mark.parametrize("text", [
    "Hundreds of protesters gathered in Tehran on Tuesday.",
    "A drone struck a car in Beirut on Tuesday, killing two people.",
])
def test_places_without_an_admin1_are_not_coded(text):
    from events.api import extract_text

    result = extract_text(text, published="2024-03-20", timestamp=0)
    assert result.events == []
    assert [r.reason for r in result.rejected] == ["no-admin1"]
