"""Furigana for plain Japanese (やさしい日本語): each word with kanji gets its
reading in hiragana over the kanji only (教えて → 教[おし]えて), from the
readings of fugashi + UniDic-lite, computed on the server."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.nlu.segmenters.japanese import Reading, readings
from bot.nlu.text_forms import to_hiragana

# UniDic reads 日本 as ニッポン; everyday Japanese (日本語, 日本人) says にほん.
READING_OVERRIDES = {"日本": "にほん"}


@dataclass(frozen=True)
class Ruby:
    text: str
    reading: str | None = None  # hiragana over `text`, or None for kana and symbols


def _has_kanji(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" or char == "々" for char in text)


def _usual_reading(morpheme: Reading, previous: Reading | None) -> str:
    if morpheme.surface in READING_OVERRIDES:
        return READING_OVERRIDES[morpheme.surface]
    # UniDic-lite reads the suffix 人 ニン after any noun; after a country or a
    # group (ベトナム人, 外国人, 社会人) it is じん, after a number (三人) にん.
    if morpheme.surface == "人" and morpheme.part_of_speech[0] == "接尾辞" and previous is not None:
        return "にん" if previous.part_of_speech[1] == "数詞" else "じん"
    return to_hiragana(morpheme.katakana or "")


def _split_okurigana(surface: str, reading: str) -> list[Ruby]:
    """Kana inside and around a word stay without ruby: 申し込み → 申[もう]し込[こ]み."""
    runs = re.findall(r"[^\u3040-\u309f]+|[\u3040-\u309f]+", surface)
    if len(runs) > 1:
        pattern = "".join("(.+?)" if not _is_hiragana(run) else f"({re.escape(run)})" for run in runs)
        match = re.fullmatch(pattern, reading)
        if match:
            return [
                Ruby(run) if _is_hiragana(run) else Ruby(run, part)
                for run, part in zip(runs, match.groups(), strict=True)
            ]
    return _split_at_the_ends(surface, reading)


def _is_hiragana(text: str) -> bool:
    return all("\u3040" <= char <= "\u309f" for char in text)


def _split_at_the_ends(surface: str, reading: str) -> list[Ruby]:
    """Kana the surface and reading share at either end stay without ruby."""
    start = 0
    while (
        start < min(len(surface), len(reading)) and surface[start] == reading[start] and not _has_kanji(surface[start])
    ):
        start += 1
    end = 0
    while (
        end < min(len(surface), len(reading)) - start
        and surface[-1 - end] == reading[-1 - end]
        and not _has_kanji(surface[-1 - end])
    ):
        end += 1
    core = surface[start : len(surface) - end]
    pieces = [Ruby(surface[:start])] if start else []
    pieces.append(Ruby(core, reading[start : len(reading) - end] or None))
    if end:
        pieces.append(Ruby(surface[len(surface) - end :]))
    return pieces


def ruby(text: str) -> list[Ruby]:
    pieces: list[Ruby] = []
    position = 0
    previous = None
    for morpheme in readings(text):
        surface = morpheme.surface
        start = text.find(surface, position)
        if start > position:  # spaces the tagger skipped
            pieces.append(Ruby(text[position:start]))
        position = start + len(surface) if start >= 0 else position
        if _has_kanji(surface) and morpheme.katakana:
            pieces += _split_okurigana(surface, _usual_reading(morpheme, previous))
        else:
            pieces.append(Ruby(surface))
        previous = morpheme
    if position < len(text):
        pieces.append(Ruby(text[position:]))
    return pieces


def ruby_html(text: str) -> str:
    """<ruby>特定<rt>とくてい</rt></ruby>…, every piece escaped."""
    return "".join(
        f"<ruby>{html.escape(piece.text)}<rt>{html.escape(piece.reading)}</rt></ruby>"
        if piece.reading
        else html.escape(piece.text)
        for piece in ruby(text)
    )
