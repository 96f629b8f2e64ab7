"""Fills what needs no translator, after `pybabel update` (run by `make extract`):

- the English catalog: each msgstr is its msgid (English is the source text);
- the Japanese catalog: a program's or SSW field's name is its official
  Japanese name from the catalog record (name_ja), never a back-translation.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

from bot.i18n.languages import SOURCE_LANGUAGE, catalog_directory
from bot.kb.catalog import CATALOG_DIR


def official_japanese_names() -> dict[str, str]:
    names = {}
    for file, kind in (("programs.yml", "program"), ("ssw_fields.yml", "field")):
        for record in yaml.safe_load((CATALOG_DIR / file).read_text(encoding="utf-8")):
            names[f"{kind}.{record['id']}.name"] = record["name_ja"]
    return names


def fill(language: str, translation_of) -> None:
    path: Path = catalog_directory(language) / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    for message in catalog:
        filled = translation_of(message)
        if message.id and filled and message.string != filled:
            message.string = filled
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


def main() -> None:
    fill(SOURCE_LANGUAGE, lambda message: message.id)
    names = official_japanese_names()
    fill("ja", lambda message: names.get(message.context))


if __name__ == "__main__":
    main()
