"""Every lexicon entry is valid and its example sentences find it (the examples run as tests)."""

from __future__ import annotations

import pytest

from events.lexicon import LexiconSet, check_lexicons, load_entries
from events.mentions.actors import find_actors
from events.mentions.base import prepare
from events.mentions.lexmatch import lexicon_matches
from events.mentions.triggers import find_triggers
from events.model import Article


def _examples(name, kinds=None):
    cases = []
    for entry in load_entries(name):
        if kinds is not None and entry.get("kind") not in kinds:
            continue
        for ex in entry.get("examples") or []:
            text = ex if isinstance(ex, str) else ex.get("text", "")
            cases.append(pytest.param(entry["id"], text, id=f"{entry['id']}:{text[:30]}"))
    return cases


def _doc(text):
    return prepare(Article(id="t", text=text))


def test_lexicons_have_no_problems():
    assert [str(p) for p in check_lexicons()] == []


@pytest.mark.parametrize("entry_id, text", _examples("actors"))
def test_actor_examples(entry_id, text):
    found = set()
    for m in find_actors(_doc(text)):
        found.add(m.entry_id)
        found.add(m.value.reference_id)
        found.add(m.value.entry_id)
    assert entry_id in found


@pytest.mark.parametrize("entry_id, text", _examples("triggers"))
def test_trigger_examples(entry_id, text):
    assert entry_id in {m.entry_id for m in find_triggers(_doc(text))}


@pytest.mark.parametrize("entry_id, text", _examples("coding", kinds={"role", "target", "discourse"}))
def test_coding_word_examples(entry_id, text):
    groups = lexicon_matches(_doc(text))
    found = {str(p) for g in ("role", "target", "discourse") for m in groups.get(g, []) for p in m.payloads}
    assert entry_id in found


def test_every_actor_trigger_and_word_entry_has_an_example():
    missing = [e["id"] for name in ("actors", "triggers") for e in load_entries(name) if not e.get("examples")]
    missing += [e["id"] for e in load_entries("coding")
                if e.get("kind") in ("role", "target", "discourse") and not e.get("examples")]
    assert missing == []


def test_overlay_extends_and_overrides(tmp_path):
    (tmp_path / "actors.yaml").write_text(
        "entries:\n"
        "  - id: actor.test-brigade\n"
        "    names: [{name: 'Test Brigade'}]\n"
        "    type: Rebel group\n"
        "    kind: rebel\n"
        "    aliases: {ar: [لواء الاختبار]}\n"
        "    examples: ['هاجم لواء الاختبار نقطة']\n",
        encoding="utf-8",
    )
    lex = LexiconSet([tmp_path])
    doc = _doc("هاجم لواء الاختبار نقطة للجيش")
    assert "actor.test-brigade" in {m.entry_id for m in find_actors(doc, lex)}
    assert check_lexicons(lex) == []


def test_overlay_problems_are_reported_with_file_and_field(tmp_path):
    (tmp_path / "triggers.yaml").write_text(
        "entries:\n  - id: trg.bad\n    class: nonsense\n    phrases: [x]\n  - {class: clash}\n", encoding="utf-8")
    problems = [str(p) for p in check_lexicons(LexiconSet([tmp_path]))]
    assert any("trg.bad: class:" in p for p in problems)
    assert any("#2: id: missing" in p for p in problems)
