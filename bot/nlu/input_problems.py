"""What makes a message unreadable, decided without Rasa (the action server
shares these names and must not import Rasa's engine)."""

from __future__ import annotations

import html
import re
import unicodedata

from bot.nlu.scripts import letter_count

EMPTY, TOO_LONG, NO_WORDS = "empty", "too_long", "no_words"
MAX_CHARACTERS = 1000

_TAG = re.compile(r"<[^<>]{0,500}>")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Tags and entities to plain text, control characters to spaces."""
    text = html.unescape(_TAG.sub(" ", text))
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cf") and char != "\u200d" else char for char in text)
    return _SPACE.sub(" ", text).strip()


def problem_of(original: str, cleaned: str, max_characters: int = MAX_CHARACTERS) -> str | None:
    if not cleaned:
        return EMPTY
    if len(original) > max_characters:
        return TOO_LONG
    if letter_count(cleaned) == 0:
        return NO_WORDS
    return None


# Emoji whose meaning in a chat is unambiguous; any other letter-less message
# gets a polite "please type your question".
EMOJI_INTENTS = {
    "👍": "affirm",
    "👌": "affirm",
    "🙆": "affirm",
    "⭕": "affirm",
    "🆗": "affirm",
    "👎": "deny",
    "🙅": "deny",
    "❌": "deny",
    "🙏": "thank",
    "👋": "greet",
}


def emoji_intent(text: str) -> str | None:
    """The intent of a message made only of one kind of meaningful emoji (👍, 👍👍)."""
    symbols = {char for char in text if not char.isspace() and char not in "\ufe0f\u200d" and not _is_skin_tone(char)}
    intents = {EMOJI_INTENTS.get(symbol) for symbol in symbols}
    return intents.pop() if len(intents) == 1 and None not in intents else None


def _is_skin_tone(char: str) -> bool:
    return "\U0001f3fb" <= char <= "\U0001f3ff"
