"""Text normal forms shared by the tokenizer and catalog search (no Rasa here)."""

from __future__ import annotations

import unicodedata


def normalise(text: str) -> str:
    """Full-width to half-width, compatibility forms folded, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def fold(text: str) -> str:
    """Drop diacritics: users often type Vietnamese (and others) without them.

    Only Latin letters are folded; marks are part of Thai, Burmese, Devanagari
    and kana letters and must stay.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    kept: list[str] = []
    base_is_latin = False
    for char in decomposed:
        if unicodedata.combining(char):
            if not base_is_latin:
                kept.append(char)
            continue
        base_is_latin = char.isascii()
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def to_hiragana(katakana: str) -> str:
    return "".join(chr(ord(char) - 0x60) if "ァ" <= char <= "ヶ" else char for char in katakana)
