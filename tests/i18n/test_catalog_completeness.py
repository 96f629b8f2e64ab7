"""Every sentence a user reads exists in every shipped language, with the same
placeholders, and no entry is fuzzy: a missing translation fails the build."""

import re
import string

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.contract import CONTRACT_LANGUAGES, PLAIN_JAPANESE
from bot.i18n.languages import catalog_directory, gettext_name, shipped_languages
from bot.settings import PROJECT_DIR

PHONE_NUMBER = re.compile(r"\d{2,4}[-‐ー－]\d{2,4}[-‐ー－]\d{3,4}")


def source_messages() -> set[tuple[str, str]]:
    """(context, text) of every message, extracted now from the files babel.cfg names."""
    with (PROJECT_DIR / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(
        str(PROJECT_DIR),
        method_map=[(pattern, method) for pattern, method in method_map if method != "ignore"],
        options_map=options_map,
        keywords={"pgettext": ((1, "c"), 2)},
        callback=None,
    )
    return {(context, message) for _, _, message, _, context in found}


def load_catalog(language):
    with (catalog_directory(language) / "messages.po").open("rb") as handle:
        return read_po(handle, locale=gettext_name(language))


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_contract_language_and_plain_japanese_ship():
    assert shipped_languages() == (*CONTRACT_LANGUAGES, PLAIN_JAPANESE)


@pytest.mark.parametrize("language", shipped_languages())
def test_every_message_is_translated(language):
    catalog = load_catalog(language)
    translated = {(message.context, message.id): message for message in catalog if message.id}
    missing = [key for key in source_messages() if key not in translated or not translated[key].string]
    fuzzy = [key for key, message in translated.items() if message.fuzzy]
    assert not missing, f"{language}: untranslated (run `make extract` and translate): {missing}"
    assert not fuzzy, f"{language}: fuzzy entries: {fuzzy}"


@pytest.mark.parametrize("language", shipped_languages())
def test_placeholders_match_the_source(language):
    mismatched = [
        (message.context, message.id)
        for message in load_catalog(language)
        if message.id and message.string and fields(message.id) != fields(message.string)
    ]
    assert not mismatched, f"{language}: placeholders differ: {mismatched}"


@pytest.mark.parametrize("language", shipped_languages())
def test_compiled_catalog_is_current(language):
    compiled = catalog_directory(language) / "messages.mo"
    with compiled.open("rb") as handle:
        mo = read_mo(handle)

    def text(value):
        return value.decode("utf-8") if isinstance(value, bytes) else value

    compiled_entries = {(text(m.context), m.id, m.string) for m in mo if m.id}
    source_entries = {(m.context, m.id, m.string) for m in load_catalog(language) if m.id}
    assert compiled_entries == source_entries, f"run `make catalogs` for {language}"


@pytest.mark.parametrize("language", shipped_languages())
def test_no_phone_number_is_ever_stated(language):
    # The center's phone number has no verified source (knowledge/reference).
    assert not [m.string for m in load_catalog(language) if m.string and PHONE_NUMBER.search(m.string)]
