"""Which languages the assistant answers in, and their names (from CLDR via Babel)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import Locale

from bot.contract import CONTRACT_LANGUAGES, PLAIN_JAPANESE, base_language

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
SOURCE_LANGUAGE = "en"


@cache
def shipped_languages(locales_dir: Path = LOCALES_DIR) -> tuple[str, ...]:
    """Languages with a message catalog, in the contract's order."""
    present = {path.parent.parent.name for path in locales_dir.glob("*/LC_MESSAGES/messages.po")}
    ordered = [code for code in (*CONTRACT_LANGUAGES, PLAIN_JAPANESE) if gettext_name(code) in present]
    return tuple(ordered)


def gettext_name(code: str) -> str:
    """Our code as gettext names its catalog directory: 'ja-easy' -> 'ja_easy'."""
    return code.replace("-", "_")


def catalog_directory(code: str, locales_dir: Path = LOCALES_DIR) -> Path:
    """locales/<gettext name>/LC_MESSAGES."""
    return locales_dir / gettext_name(code) / "LC_MESSAGES"


def babel_locale(code: str) -> Locale:
    return Locale.parse(base_language(code).replace("-", "_"))


def autonym(code: str) -> str:
    """A language's name in itself: 'Tiếng Việt', '日本語', 'English'."""
    if code == PLAIN_JAPANESE:
        return "やさしい日本語"
    locale = babel_locale(code)
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]  # CLDR writes "português": a menu item starts upper-case


def display_name(code: str, in_language: str) -> str:
    """A language's name in the reader's language ('ベトナム語' for vi in ja)."""
    if code == PLAIN_JAPANESE:
        return autonym(code)
    return babel_locale(code).get_display_name(babel_locale(in_language)) or code


def normalise_code(code: str | None) -> str | None:
    """'vi-VN', 'VI', 'tl' and 'ja_easy' to our codes; None for anything else."""
    if not code or not isinstance(code, str):
        return None
    lowered = code.strip().lower().replace("_", "-")
    if lowered in ("ja-easy", "ja-plain", "easy-ja"):
        return PLAIN_JAPANESE
    primary = lowered.split("-", 1)[0]
    primary = {"tl": "fil", "zh": "zh"}.get(primary, primary)
    return primary if primary in CONTRACT_LANGUAGES else None
