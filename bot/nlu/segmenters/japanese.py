"""Japanese morphemes from MeCab through fugashi, with the UniDic-lite dictionary
that ships inside its wheel (the `unidic` package would download one)."""

from __future__ import annotations

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


def readings(text: str) -> list[tuple[str, str | None]]:
    """(surface, katakana reading) per morpheme; used for furigana."""
    return [(word.surface, getattr(word.feature, "kana", None)) for word in _tagger()(text)]
