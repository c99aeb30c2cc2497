"""The text layer: normalisation with an offset map, sentences, and the shared matcher."""

from .matcher import Match, Matcher, resolve_overlaps
from .normalize import NormalizedText, match_key, normalize
from .sentences import Sentence, split_sentences

__all__ = [
    "Match",
    "Matcher",
    "NormalizedText",
    "Sentence",
    "match_key",
    "normalize",
    "resolve_overlaps",
    "split_sentences",
]
