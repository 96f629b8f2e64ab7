"""Word segmenters, one per writing system; each returns `Segment`s with offsets."""

from __future__ import annotations

from typing import NamedTuple


class Segment(NamedTuple):
    text: str  # the surface form, exactly as in the message
    start: int  # character offset in the message
    lemma: str | None = None  # dictionary form, where the segmenter knows it


def segments_by_search(text: str, words: list[str]) -> list[Segment]:
    """Offsets for segmenters that return words only, found left to right."""
    segments: list[Segment] = []
    position = 0
    for word in words:
        if not word.strip():
            continue
        start = text.find(word, position)
        if start < 0:  # the segmenter normalised the word; keep the cursor
            continue
        segments.append(Segment(word, start))
        position = start + len(word)
    return segments
