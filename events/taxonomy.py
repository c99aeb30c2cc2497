"""ACLED's fixed value sets: event types, sub-event types, disorder types, actor types, interactions.

These are the standard itself (ACLED codebook 2023/2024, see docs/acled-format.md sections 1-2),
not lexicon data: the record schema is generated from them, so they change only with ACLED.
The order of ``SUB_EVENT_TYPES`` is ACLED's hierarchy (highest first), used when one incident
supports several types.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "EVENT_TYPES",
    "SUB_EVENT_TYPES",
    "SUB_EVENT_PARENT",
    "SUB_EVENT_DISORDER",
    "DISORDER_TYPES",
    "INTER_LABELS",
    "INTER_NUMBER",
    "INTERACTIONS",
    "interaction_for",
    "hierarchy_rank",
    "CIVILIAN_TARGETING",
]

# (event_type, sub_event_type, disorder_type), in ACLED's hierarchy order.
_TABLE: Final[tuple[tuple[str, str, str], ...]] = (
    ("Battles", "Government regains territory", "Political violence"),
    ("Battles", "Non-state actor overtakes territory", "Political violence"),
    ("Battles", "Armed clash", "Political violence"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Protests", "Protest with intervention", "Demonstrations"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Explosions/Remote violence", "Chemical weapon", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Explosions/Remote violence", "Suicide bomb", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
    ("Explosions/Remote violence", "Grenade", "Political violence"),
    ("Violence against civilians", "Sexual violence", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
    ("Strategic developments", "Agreement", "Strategic developments"),
    ("Strategic developments", "Arrests", "Strategic developments"),
    ("Strategic developments", "Change to group/activity", "Strategic developments"),
    ("Strategic developments", "Disrupted weapons use", "Strategic developments"),
    ("Strategic developments", "Headquarters or base established", "Strategic developments"),
    ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    ("Strategic developments", "Non-violent transfer of territory", "Strategic developments"),
    ("Strategic developments", "Other", "Strategic developments"),
)

EVENT_TYPES: Final[tuple[str, ...]] = tuple(dict.fromkeys(t for t, _, _ in _TABLE))
SUB_EVENT_TYPES: Final[tuple[str, ...]] = tuple(s for _, s, _ in _TABLE)
SUB_EVENT_PARENT: Final[dict[str, str]] = {s: t for t, s, _ in _TABLE}
SUB_EVENT_DISORDER: Final[dict[str, str]] = {s: d for _, s, d in _TABLE}
DISORDER_TYPES: Final[tuple[str, ...]] = tuple(dict.fromkeys(d for _, _, d in _TABLE))

INTER_LABELS: Final[tuple[str, ...]] = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)
INTER_NUMBER: Final[dict[str, int]] = {label: i + 1 for i, label in enumerate(INTER_LABELS)}

CIVILIAN_TARGETING: Final[str] = "Civilian targeting"


def interaction_for(inter1: str, inter2: str = "") -> str:
    """ACLED's interaction string: the two actor types, lower number first; 'X only' if one."""
    if not inter2:
        return f"{inter1} only"
    a, b = sorted((inter1, inter2), key=INTER_NUMBER.__getitem__)
    return f"{a}-{b}"


def _all_interactions() -> tuple[str, ...]:
    out = [interaction_for(a) for a in INTER_LABELS]
    for i, a in enumerate(INTER_LABELS):
        for b in INTER_LABELS[i:]:
            out.append(interaction_for(a, b))
    return tuple(sorted(set(out), key=lambda s: _interaction_code(s)))


def _interaction_code(text: str) -> int:
    if text.endswith(" only"):
        return INTER_NUMBER[text[: -len(" only")]] * 10
    a, b = _split_pair(text)
    return INTER_NUMBER[a] * 10 + INTER_NUMBER[b]


def _split_pair(text: str) -> tuple[str, str]:
    # labels may contain '/', never '-': "External/Other forces-Civilians" is unambiguous
    for label in INTER_LABELS:
        if text.startswith(label + "-"):
            return label, text[len(label) + 1 :]
    raise ValueError(text)


INTERACTIONS: Final[tuple[str, ...]] = _all_interactions()


def interaction_code(text: str) -> int:
    """ACLED's numeric interaction code (e.g. 'Rebel group-Civilians' -> 27)."""
    return _interaction_code(text)


def hierarchy_rank(sub_event_type: str) -> int:
    """Position in ACLED's hierarchy: 0 is the highest (Government regains territory)."""
    return SUB_EVENT_TYPES.index(sub_event_type)
