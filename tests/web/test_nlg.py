import pytest

from bot.domain_responses import load_responses
from bot.i18n.catalog import Catalogs
from bot.kb.knowledge import Knowledge
from bot.web.nlg import ResponseRenderer, conversation_language


@pytest.fixture(scope="module")
def renderer():
    return ResponseRenderer(load_responses(), Catalogs(), Knowledge())


def test_language_comes_from_the_slot():
    shipped = ("ja", "en", "vi")
    assert conversation_language({"slots": {"language": "vi"}}, shipped) == "vi"
    assert conversation_language({"slots": {"language": None}}, shipped) == "ja"
    assert conversation_language({"slots": {"language": "en"}}, shipped, {"language": "vi"}) == "vi"


@pytest.mark.parametrize("language", ["ja", "en", "vi"])
def test_every_response_renders_without_leftover_placeholders(renderer, language):
    for name in load_responses():
        rendered = renderer.render(name, language, {"language_name": "X", "length": 20000, "max_characters": 1000})
        assert rendered["text"] and "{" not in rendered["text"], name


def test_facts_are_formatted_for_the_reader(renderer):
    assert "2027年4月1日" in renderer.render("utter_ask_visa_types", "ja")["text"]
    assert "April 1, 2027" in renderer.render("utter_ask_visa_types", "en")["text"]
    assert "1 tháng 4, 2027" in renderer.render("utter_ask_visa_types", "vi")["text"]
    assert "¥300,000" in renderer.render("utter_ask_hiring_steps", "en")["text"]


def test_answers_show_their_sources_and_date(renderer):
    text = renderer.render("utter_ask_ssw_fields", "en")["text"]
    assert "Source: Immigration Services Agency of Japan" in text
    assert "Information as of November 2026." in text
    assert "出入国在留管理庁" in renderer.render("utter_ask_ssw_fields", "ja")["text"]


def test_buttons_are_translated(renderer):
    english = renderer.render("utter_greet", "en")["buttons"]
    japanese = renderer.render("utter_greet", "ja")["buttons"]
    assert [b["payload"] for b in english] == [b["payload"] for b in japanese]
    assert [b["title"] for b in english] != [b["title"] for b in japanese]


def test_did_you_mean_offers_the_intents_and_something_else(renderer):
    rendered = renderer.render("utter_did_you_mean", "en", {"intent_choices": ["ask_ssw_fields", "ask_cost"]})
    assert [b["payload"] for b in rendered["buttons"]] == ["/ask_ssw_fields", "/ask_cost", "/nlu_fallback"]


def test_an_unsupported_language_is_answered_in_english_and_japanese(renderer):
    text = renderer.render("utter_unsupported_language", "vi")["text"]
    assert "Please write in one of these languages" in text
    assert "日本語" in text and "Tiếng Việt" in text and "English" in text
    japanese_part = text.split("\n\n")[1]
    assert japanese_part != text.split("\n\n")[0]


def test_unknown_response_renders_nothing(renderer):
    assert renderer.render("utter_nonexistent", "en") == {"text": None}
