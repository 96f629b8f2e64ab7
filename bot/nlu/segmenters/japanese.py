"""Japanese morphemes from MeCab through fugashi, with the UniDic-lite dictionary
that ships inside its wheel (the `unidic` package would download one)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.nlu.segmenters import Segment


@lru_cache(maxsize=1)
def _tagger():
    import fugashi

    return fugashi.Tagger()


def segment(text: str) -> list[Segment]:
    segments: list[Segment] = []
    position = 0
    for word in _tagger()(text):
        surface = word.surface
        start = text.find(surface, position)
        if start < 0:
            continue
        position = start + len(surface)
        segments.append(Segment(surface, start, _base_form(word)))
    return segments


def _base_form(word) -> str | None:
    # orthBase is the written dictionary form (教えて -> 教える); UniDic's
    # `lemma` would turn loanwords into 'ビザ-visa'.
    base = getattr(word.feature, "orthBase", None)
    return base if base and base != "*" else None


def _reading(word) -> str | None:
    kana = getattr(word.feature, "kana", None)
    return kana if kana and kana != "*" else None


@dataclass(frozen=True)
class Reading:
    surface: str
    katakana: str | None
    part_of_speech: tuple[str, str]  # UniDic pos1, pos2: ("接尾辞", "名詞的"), ("名詞", "数詞")


def readings(text: str) -> list[Reading]:
    """Each morpheme with its katakana reading (None where UniDic has none, "*")
    and part of speech; for furigana and the intent features of Japanese."""
    return [
        Reading(
            word.surface,
            _reading(word),
            (getattr(word.feature, "pos1", ""), getattr(word.feature, "pos2", "")),
        )
        for word in _tagger()(text)
    ]
