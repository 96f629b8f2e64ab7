import pytest

from bot.domain_responses import load_responses
from bot.i18n.catalog import Catalogs
from bot.i18n.languages import autonym, shipped_languages
from bot.kb.catalog import load_catalog
from bot.kb.knowledge import Knowledge
from bot.web.nlg import ResponseRenderer, conversation_language
from tests.kb.catalog_fixture import write_catalog

CATALOG_ARGUMENTS = {
    "utter_program_list": {"program_ids": ["business_succession", "bcp_support"]},
    "utter_program_details": {"program_id": "business_succession"},
    "utter_program_budget": {"program_id": "business_succession"},
    "utter_seminar_list": {"seminar_ids": ["soon", "later"]},
    "utter_ssw_field_check": {"field_id": "food_service"},
    "utter_ssw_field_not_in_force": {"field_id": "linen_supply"},
}


SAMPLE_BOOKING = {
    "reference": "K7M4-9QXT", "role": "employer", "topic": "visa", "language": "vi", "format": "online",
    "starts_at": "2026-12-01T09:00:00+09:00", "ends_at": "2026-12-01T10:00:00+09:00", "counselor": "Sato",
    "interpreter": False, "calendar_link": "http://localhost/x.ics", "name": "An", "contact": "an@example.com",
}  # fmt: skip
OTHER_ARGUMENTS = {
    "language_name": "X", "length": 20000, "max_characters": 1000, "horizon_days": 14, "retention_days": 30,
    "wait_minutes": 5,
    "booking": SAMPLE_BOOKING,
}  # fmt: skip


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    catalog = load_catalog(write_catalog(tmp_path_factory.mktemp("catalog")))
    return ResponseRenderer(load_responses(), Catalogs(), Knowledge(), lambda: catalog)


def test_language_comes_from_the_slot():
    shipped = ("ja", "en", "vi")
    assert conversation_language({"slots": {"language": "vi"}}, shipped) == "vi"
    assert conversation_language({"slots": {"language": None}}, shipped) == "ja"
    assert conversation_language({"slots": {"language": "en"}}, shipped, {"language": "vi"}) == "vi"


@pytest.mark.parametrize("language", shipped_languages())
def test_every_response_renders_without_leftover_placeholders(renderer, language):
    for name in load_responses():
        arguments = CATALOG_ARGUMENTS.get(name, OTHER_ARGUMENTS)
        rendered = renderer.render(name, language, arguments)
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
    for code in shipped_languages():  # each in its own name (Babel's display names)
        assert autonym(code) in text, code
    assert "ไทย" in text and "한국어" in text and "नेपाली" in text and "Português" in text
    japanese_part = text.split("\n\n")[1]
    assert japanese_part != text.split("\n\n")[0]


def test_unknown_response_renders_nothing(renderer):
    assert renderer.render("utter_nonexistent", "en") == {"text": None}


def test_program_list_numbers_the_programs_and_offers_buttons(renderer):
    rendered = renderer.render("utter_program_list", "en", CATALOG_ARGUMENTS["utter_program_list"])
    assert "1. Business succession and revitalization support\n2. Tokyo BCP formulation support" in rendered["text"]
    assert [b["payload"] for b in rendered["buttons"]] == [
        '/ask_program_details{"program_id": "business_succession"}',
        '/ask_program_details{"program_id": "bcp_support"}',
    ]


def test_program_details_give_budget_with_its_caveat_and_source(renderer):
    text = renderer.render("utter_program_details", "en", {"program_id": "business_succession"})["text"]
    assert "FY2021 budget: ¥525,000,000 (our reading of the plan's slide layout" in text
    assert "• M&A matching support" in text
    assert "Source: Tokyo Metropolitan Government" in text
    unknown = renderer.render("utter_program_budget", "ja", {"program_id": "bcp_support"})["text"]
    assert "¥" not in unknown and "￥" not in unknown


def test_seminar_dates_are_in_tokyo_time_and_marked_as_sample(renderer):
    english = renderer.render("utter_seminar_list", "en", {"seminar_ids": ["soon"]})["text"]
    japanese = renderer.render("utter_seminar_list", "ja", {"seminar_ids": ["soon"]})["text"]
    assert "Sat, Dec 5 10:00\u202fAM–11:30\u202fAM, in person" in english
    assert "12月5日(土) 10:00" in japanese and "11:30" in japanese
    assert "sample data" in english


def test_ssw_field_check(renderer):
    text = renderer.render("utter_ssw_field_check", "en", {"field_id": "food_service"})["text"]
    assert "Food service (restaurants) (外食業) is one of the Specified Skilled Worker fields" in text
    assert "JFT-Basic or JLPT N4 or above" in text and "Type 2 is also possible" in text


def test_a_language_change_is_announced_to_the_widget(renderer):
    changed = renderer.render("utter_language_changed", "ja-easy", {"language_name": "やさしい日本語"})
    assert changed["custom"] == {"data": {"language": "ja-easy"}}
    assert "custom" not in renderer.render("utter_greet", "ja-easy")


@pytest.mark.parametrize(("language", "date"), [("en", "Tue, Dec 1"), ("ja", "12月1日(火)"), ("vi", "Th 3, 1 thg 12")])
def test_a_booking_summary_shows_its_time_in_tokyo_for_the_reader(renderer, language, date):
    rendered = renderer.render("utter_booking_done", language, {"booking": SAMPLE_BOOKING})
    assert date in rendered["text"] and "K7M4-9QXT" in rendered["text"] and "an@example.com" in rendered["text"]
    times = renderer.render("utter_booking_time_question", language, {"times": [SAMPLE_BOOKING["starts_at"]]})
    assert times["buttons"][0]["payload"] == '/book_consultation{"booking_time": "2026-12-01T09:00:00+09:00"}'
    assert date in times["buttons"][0]["title"]
