"""Words from spaCy 3.4's rule-based tokenizers (blank pipelines: no weights).

Languages with their own punctuation and exception rules use them; the rest
use spaCy's multi-language rules (Vietnamese among them: spaCy's `vi` either
needs pyvi or only splits on spaces, leaving "chào," whole). Korean is
configured to skip the mecab-ko package its default would need.
"""

from __future__ import annotations

from functools import cache

from bot.nlu.segmenters import Segment

_SPACY_CODES = {"en": "en", "id": "id", "fil": "tl", "pt": "pt", "ne": "ne"}
_CONFIGS = {
    "ko": {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}},
}


@cache
def _pipeline(language: str):
    import spacy

    if language in _CONFIGS:
        return spacy.blank(language, config=_CONFIGS[language])
    return spacy.blank(_SPACY_CODES.get(language, "xx"))


def segment(text: str, language: str) -> list[Segment]:
    return [Segment(token.text, token.idx) for token in _pipeline(language)(text) if not token.is_space]
