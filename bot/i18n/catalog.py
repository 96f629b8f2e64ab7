"""Compiled gettext catalogs (locales/<lang>/LC_MESSAGES/messages.mo), looked
up by context (the response name or string key) and English source text.

A text missing from a language's catalog falls back to the English source;
tests/i18n/test_catalog_completeness.py fails the build before that can ship.
"""

from __future__ import annotations

from pathlib import Path

from babel.support import NullTranslations, Translations

from bot.i18n.languages import LOCALES_DIR, catalog_directory, gettext_name, shipped_languages


class CatalogsNotCompiled(RuntimeError):
    pass


class Catalogs:
    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._translations: dict[str, NullTranslations] = {}
        for language in shipped_languages(locales_dir):
            compiled = catalog_directory(language, locales_dir) / "messages.mo"
            if not compiled.exists():
                raise CatalogsNotCompiled(f"{compiled} is missing: run `make catalogs` (pybabel compile).")
            self._translations[language] = Translations.load(
                str(locales_dir), locales=[gettext_name(language)], domain="messages"
            )

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._translations)

    def translate(self, language: str, context: str, source_text: str) -> str:
        translations = self._translations.get(language)
        if translations is None:
            return source_text
        return translations.pgettext(context, source_text)
