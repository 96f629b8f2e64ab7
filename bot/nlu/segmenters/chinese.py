"""Chinese words from jieba (its dictionary ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.segmenters import Segment


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def segment(text: str) -> list[Segment]:
    return [Segment(word, start) for word, start, _end in _jieba().tokenize(text) if word.strip()]
