"""The English catalog's translations are its source texts: copy each msgid to
an empty msgstr (run by `make extract` after pybabel update)."""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po

from bot.i18n.languages import LOCALES_DIR, SOURCE_LANGUAGE


def main() -> None:
    path = LOCALES_DIR / SOURCE_LANGUAGE / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=SOURCE_LANGUAGE)
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


if __name__ == "__main__":
    main()
