"""Chinese words from jieba (its dictionary ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from bot.nlu.segmenters import Segment

# Japanese terms Chinese speakers in Japan write as they are; jieba's general
# dictionary glues them to their neighbours (招介护 → 招|介护 with this list).
DOMAIN_WORDS = (
    "介护",
    "介護",
    "特定技能",
    "技能实习",
    "在留资格",
    "外食业",
    "建设业",
    "登录支援机关",
    "留学生",
    "打工",
)


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for word in DOMAIN_WORDS:
        jieba.add_word(word)
    return jieba


def segment(text: str) -> list[Segment]:
    return [Segment(word, start) for word, start, _end in _jieba().tokenize(text) if word.strip()]
