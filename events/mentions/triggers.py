"""Event triggers: the words that report that something happened.

``find_triggers(doc)`` returns ``Mention`` objects of kind ``trigger`` whose value is a
``Trigger`` with the trigger class (``clash``, ``air``, ``protest`` ...), its strength and the
class it modifies (for modifiers such as tear gas on a protest).  ``class_rule(cls)`` gives the
coding rule of a class from ``coding.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon import LexiconSet, default_lexicons, load_entries
from .base import Document, Mention
from .lexmatch import entry_index, lexicon_matches

__all__ = ["Trigger", "find_triggers", "class_rules"]


@dataclass(frozen=True, slots=True)
class Trigger:
    cls: str
    strength: str  # 'strong' | 'weak'
    modifies: str = ""
    patient_first: bool = False  # the actor right after it is its victim ('اغتيال X', 'اعتقال X')
    repels: bool = False  # repelling an attack ('تصدت', 'repelled'): a fight only against a ground attack
    responds: bool = False  # returning fire ('ردت على مصادر النيران'): answers the attack told before


def find_triggers(doc: Document, lexicons: LexiconSet | None = None) -> list[Mention]:
    index = entry_index("triggers", lexicons)
    rules = class_rules(lexicons)
    out = []
    for m in lexicon_matches(doc, lexicons).get("trigger", []):
        entry_id = str(m.payloads[0])
        entry = index[entry_id]
        cls = str(entry["class"])
        patient_first = bool(entry.get("patient_first", rules.get(cls, {}).get("patient_first", False)))
        trig = Trigger(cls, str(entry.get("strength", "strong")), str(entry.get("modifies", "")), patient_first,
                       bool(entry.get("repels")), bool(entry.get("responds")))
        out.append(Mention("trigger", m.start, m.end, entry_id, trig, m.prefix))
    return out


def class_rules(lexicons: LexiconSet | None = None) -> dict[str, dict[str, Any]]:
    """Coding rule of each trigger class (``coding.yaml`` entries of kind ``class``)."""
    lexicons = lexicons or default_lexicons()
    return lexicons.compiled(
        "class-rules",
        lambda lx: {e["class"]: e for e in load_entries("coding", lx) if e.get("kind") == "class"},
    )
