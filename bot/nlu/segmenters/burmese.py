"""Burmese syllables by the rule-based syllable breaker of Ye Kyaw Thu's
sylbreak: a syllable starts at a consonant that is neither stacked (after
virama) nor killed (followed by asat or virama). Burmese has no spaces between
words; syllables are the unit that needs no dictionary."""

from __future__ import annotations

import re

from bot.nlu.segmenters import Segment

_CONSONANT = "\u1000-\u1021"
_OTHER = "\u1023-\u1027\u1029\u102a\u103f\u104c-\u104f\u1040-\u1049\u104a\u104b"
_VIRAMA = "\u1039"
_ASAT = "\u103a"
_SYLLABLE_START = re.compile(
    rf"(?<!{_VIRAMA})[{_CONSONANT}](?![{_ASAT}{_VIRAMA}])|[{_OTHER}]|[A-Za-z0-9]+|[^\s\u1000-\u109f]"
)


def segment(text: str) -> list[Segment]:
    starts = [match.start() for match in _SYLLABLE_START.finditer(text)]
    segments: list[Segment] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        piece = text[start:end]
        stripped = piece.rstrip()
        if stripped:
            segments.append(Segment(stripped, start))
    return segments
