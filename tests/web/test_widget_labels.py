"""The widget's own texts come from the gettext catalogs, in every shipped language."""

import asyncio
import json
import re
import string
from types import SimpleNamespace

import pytest

from bot.i18n.catalog import Catalogs
from bot.i18n.languages import shipped_languages
from bot.i18n.strings import source_strings
from bot.settings import PROJECT_DIR
from bot.web.widget_labels import widget_labels, widget_labels_handler

STATIC_DIR = PROJECT_DIR / "bot" / "web" / "static"

WIDGET_KEYS = {key for key in source_strings() if key.startswith("widget.")}
USED_KEY = re.compile(r"""["'](widget\.[a-z_]+)["']""")


@pytest.fixture(scope="module")
def catalogs():
    return Catalogs()


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_widget_has_its_texts():
    for key in ("placeholder", "send", "language", "waiting", "counselor_joined", "counselor_left", "reconnecting",
                "unreachable", "from_assistant", "from_counselor"):  # fmt: skip
        assert f"widget.{key}" in WIDGET_KEYS


@pytest.mark.parametrize("language", shipped_languages())
def test_every_widget_text_in_every_language(catalogs, language):
    labels = widget_labels(catalogs, language)
    assert set(labels) == WIDGET_KEYS
    for key, text in labels.items():
        assert text.strip(), f"{language}: {key} is empty"
        assert fields(text) == fields(source_strings()[key]), f"{language}: {key} lost or gained a placeholder"


@pytest.mark.parametrize("language", ["xx", "", "klingon"])
def test_a_language_we_do_not_ship_gets_english(catalogs, language):
    assert widget_labels(catalogs, language) == {key: source_strings()[key] for key in WIDGET_KEYS}


def test_codes_are_normalised(catalogs):
    assert widget_labels(catalogs, "vi-VN") == widget_labels(catalogs, "vi")
    assert widget_labels(catalogs, "ja_easy") == widget_labels(catalogs, "ja-easy")


def test_the_route_answers_json(catalogs):
    handler = widget_labels_handler(catalogs)
    reply = asyncio.run(handler(SimpleNamespace(args={"language": "vi"})))
    assert reply.status == 200 and reply.content_type.startswith("application/json")
    assert json.loads(reply.body) == widget_labels(catalogs, "vi")
    reply = asyncio.run(handler(SimpleNamespace(args={})))
    assert json.loads(reply.body) == widget_labels(catalogs, "en")


def test_the_page_uses_only_keys_that_exist():
    used = set()
    for name in ("index.html", "chat.js"):
        used |= set(USED_KEY.findall((STATIC_DIR / name).read_text(encoding="utf-8")))
    assert used and used <= WIDGET_KEYS, f"unknown keys: {used - WIDGET_KEYS}"


def test_the_widgets_english_fallback_matches_the_source():
    script = (STATIC_DIR / "chat.js").read_text(encoding="utf-8")
    fallback = dict(re.findall(r'^\s*"(widget\.[a-z_]+)": "(.*)",$', script, flags=re.MULTILINE))
    assert fallback, "chat.js has no English fallback"
    assert fallback == {key: source_strings()[key] for key in fallback}
