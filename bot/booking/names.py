"""The name a user gives when booking, in any script.

Users often answer "what is your name?" with a sentence ("My name is Ana",
"私の名前は田中です", "Tên tôi là Lan"); a few common phrasings per language
are stripped. Anything cleverer belongs to the NLU, not here.
"""

from __future__ import annotations

import re
import unicodedata

EMPTY = "empty"
TOO_LONG = "too_long"
NOT_A_NAME = "not_a_name"

MAX_NAME_LENGTH = 80

# Phrases before the name, per language; a space in a phrase matches any
# (or no) whitespace, letters match in any case. Keep this list short.
NAME_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("my name is", "my name's", "i am", "i'm", "this is", "name"),
    "ja": ("私の名前は", "わたしの なまえは", "わたしの名前は", "名前は", "なまえは", "私は", "わたしは"),
    "vi": ("tên của tôi là", "tên tôi là", "tôi tên là", "tôi là", "em tên là", "tên em là"),
    "zh": ("我的名字是", "我的名字叫", "我叫", "我是"),
    "id": ("nama saya adalah", "nama saya", "saya bernama"),
    "fil": ("ang pangalan ko ay", "pangalan ko ay", "ako po si", "ako si"),
    "pt": ("o meu nome é", "meu nome é", "me chamo", "chamo-me", "eu sou"),
    "ko": ("제 이름은", "내 이름은", "저는", "나는"),
    "th": ("ดิฉันชื่อ", "ฉันชื่อ", "ผมชื่อ", "ชื่อ"),
    "ne": ("मेरो नाम", "म"),
    "my": ("ကျွန်တော့်နာမည်က", "ကျွန်မနာမည်က", "ကျွန်တော့်နာမည်", "ကျွန်မနာမည်"),
}

# Phrases after the name (copulas and polite endings).
NAME_SUFFIXES: dict[str, tuple[str, ...]] = {
    "ja": ("と申します", "といいます", "と言います", "です"),
    "vi": ("ạ",),
    "ko": ("이라고 합니다", "라고 합니다", "입니다", "이에요", "예요"),
    "th": ("ครับ", "ค่ะ", "คะ"),
    "ne": ("हो", "हुँ"),
    "my": ("ဖြစ်ပါတယ်", "ပါ"),
}

# Languages that put spaces between words: their phrases must stand as whole
# words, so that "Imran" does not lose "I'm" nor "Manisha" lose "म".
_SPACED_LANGUAGES = frozenset({"en", "vi", "id", "fil", "pt", "ne"})

_EMAIL = re.compile(r"\S@\S")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# Punctuation around a name that is not part of it; "." is handled apart (initials).
_EDGE_PUNCTUATION = " \t,;:!?。、，！？「」『』\"“”‘'()（）"


def _phrase_pattern(phrase: str) -> str:
    words = unicodedata.normalize("NFKC", phrase).split()
    return r"\s*".join(re.escape(word) for word in words)


def _alternation(phrases_by_language: dict[str, tuple[str, ...]], spaced: bool) -> str:
    phrases = [
        phrase
        for language, phrases in phrases_by_language.items()
        if (language in _SPACED_LANGUAGES) == spaced
        for phrase in phrases
    ]
    # Longest first: "tên của tôi là" before "tôi là".
    phrases.sort(key=len, reverse=True)
    return "|".join(_phrase_pattern(phrase) for phrase in phrases)


_PREFIX = re.compile(
    rf"^(?:(?:{_alternation(NAME_PREFIXES, True)})(?=[\s:,]|$)|(?:{_alternation(NAME_PREFIXES, False)}))\s*[:,、]?\s*",
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    rf"(?:(?<=\s)(?:{_alternation(NAME_SUFFIXES, True)})|(?:{_alternation(NAME_SUFFIXES, False)}))[.!?。！？]*$",
    re.IGNORECASE,
)


def parse_name(text: str) -> tuple[str | None, str | None]:
    """(name, None) or (None, problem) with problem EMPTY, TOO_LONG or NOT_A_NAME."""
    name = _strip_phrases(_clean(text))
    if not name:
        return None, EMPTY
    if len(name) > MAX_NAME_LENGTH:
        return None, TOO_LONG
    if _EMAIL.search(name) or _URL.search(name) or _mostly_digits(name) or not _has_letter(name):
        return None, NOT_A_NAME
    return name, None


def _clean(text: str) -> str:
    """NFKC (full-width Latin, half-width kana), typographic apostrophes, one space between words."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = "".join(char for char in text if unicodedata.category(char) != "Cc" or char.isspace())
    return " ".join(text.split())


def _strip_phrases(text: str) -> str:
    text = _strip_edges(_PREFIX.sub("", _strip_edges(text), count=1))
    return _strip_edges(_SUFFIX.sub("", text, count=1))


def _strip_edges(text: str) -> str:
    text = text.strip(_EDGE_PUNCTUATION)
    # A sentence's full stop goes; an initial's ("Taro Y.", "Jr.") stays.
    last_word = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and len(last_word.rstrip(".")) > 2:
        text = text.rstrip(".").rstrip(_EDGE_PUNCTUATION)
    return text


def _has_letter(text: str) -> bool:
    return any(unicodedata.category(char).startswith("L") for char in text)


def _mostly_digits(text: str) -> bool:
    visible = [char for char in text if not char.isspace()]
    return sum(char.isdigit() for char in visible) * 2 > len(visible)
