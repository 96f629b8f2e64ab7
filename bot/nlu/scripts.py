"""Unicode script facts about a text: which writing systems it uses.

Script settles the language before any statistical model where it can (kana is
Japanese, Hangul Korean, ...), and tells the tokenizer how to cut words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_SCRIPT_RANGES: tuple[tuple[str, str], ...] = (
    ("kana", "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"),
    ("han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("hangul", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"),
    ("thai", "\u0e00-\u0e7f"),
    ("myanmar", "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"),
    ("devanagari", "\u0900-\u097f\ua8e0-\ua8ff"),
)
_SCRIPT_PATTERNS = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPT_RANGES}

# Scripts that decide the contract language on their own.
SCRIPT_LANGUAGE = {
    "kana": "ja",
    "hangul": "ko",
    "thai": "th",
    "myanmar": "my",
    "devanagari": "ne",  # Hindi and Marathi are not contract languages
}

# Scripts written without spaces between words.
UNSPACED_SCRIPTS = frozenset({"kana", "han", "thai", "myanmar"})


def script_counts(text: str) -> Counter[str]:
    """Count letters per script; letters of no listed script count as 'latin'."""
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha() and not _is_combining_mark(char):
            continue
        counts[_script_of(char)] += 1
    return counts


def letter_count(text: str) -> int:
    return sum(script_counts(text).values())


def _script_of(char: str) -> str:
    for name, pattern in _SCRIPT_PATTERNS.items():
        if pattern.match(char):
            return name
    return "latin"


def _is_combining_mark(char: str) -> bool:
    # Thai, Burmese and Devanagari vowel signs are marks, not letters.
    return unicodedata.category(char) in ("Mn", "Mc")


def deciding_script(counts: Counter[str]) -> str | None:
    """The script that names the language outright, if the text has one.

    Kana outranks Han (Japanese mixes both); the other deciding scripts win
    when they make up most of the letters.
    """
    if counts.get("kana"):
        return "kana"
    total = sum(counts.values())
    for script in ("hangul", "thai", "myanmar", "devanagari"):
        if total and counts.get(script, 0) / total >= 0.5:
            return script
    return None


def dominant_script(text: str) -> str:
    counts = script_counts(text)
    if not counts:
        return "none"
    if counts.get("kana"):
        return "kana"
    return counts.most_common(1)[0][0]
