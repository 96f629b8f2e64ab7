"""Which segmenter cuts a text: chosen by its script and detected language."""

from __future__ import annotations

from bot.nlu.scripts import dominant_script
from bot.nlu.segmenters import Segment, burmese, chinese, japanese, spacy_blank, thai


def segment(text: str, language: str | None) -> list[Segment]:
    script = dominant_script(text)
    if script == "kana" or (script == "han" and language != "zh"):
        return japanese.segment(text)
    if script == "han":
        return chinese.segment(text)
    if script == "thai":
        return thai.segment(text)
    if script == "myanmar":
        return burmese.segment(text)
    return spacy_blank.segment(text, language or "xx")
