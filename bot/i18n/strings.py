"""Sentences that are not domain responses (locales/strings.yml)."""

from __future__ import annotations

from functools import lru_cache

import yaml

from bot.i18n.languages import LOCALES_DIR


@lru_cache(maxsize=1)
def source_strings() -> dict[str, str]:
    return yaml.safe_load((LOCALES_DIR / "strings.yml").read_text(encoding="utf-8"))
