"""Clear frustration with the assistant ("this bot is useless", 役に立たない):
such a message asks for a person, whatever its words say otherwise. The
phrases are data (frustration.yml), matched in every language (users mix)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import yaml

PHRASES_FILE = Path(__file__).with_name("frustration.yml")


@cache
def _pattern() -> re.Pattern[str]:
    groups = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8")).values()
    phrases = [phrase for group in groups for phrase in group]
    parts = [
        rf"(?<!\w){re.escape(_fold(phrase))}(?!\w)" if phrase.isascii() else re.escape(_fold(phrase))
        for phrase in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile("|".join(parts))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


def is_frustrated(text: str) -> bool:
    return bool(text) and _pattern().search(_fold(text)) is not None
