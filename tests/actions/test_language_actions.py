import pytest

from actions.language import ActionChangeLanguage, ValidateSlotMappings
from bot.i18n.languages import autonym, shipped_languages
from tests.actions.helpers import run, tracker


async def extract(tracker_):
    from rasa_sdk.executor import CollectingDispatcher

    return await ValidateSlotMappings().extract_language(CollectingDispatcher(), tracker_, {})


async def test_detected_language_fills_the_slot():
    result = await extract(tracker(text="tôi muốn hỏi về visa", language="vi", language_score=0.99))
    assert result == {"language": "vi"}


async def test_metadata_beats_detection():
    result = await extract(
        tracker(text="what is the ssw visa", language="en", language_score=0.99, metadata={"language": "vi-VN"})
    )
    assert result == {"language": "vi"}


async def test_short_message_keeps_the_conversation_language():
    result = await extract(tracker(text="OK", language="en", language_score=0.7, slots={"language": "vi"}))
    assert result == {"language": "vi"}


def test_change_to_a_shipped_language_sets_the_slot_and_confirms_in_it():
    messages, events = run(
        ActionChangeLanguage(),
        tracker(intent="change_language", entities=[{"entity": "language", "value": "vi"}], slots={"language": "en"}),
    )
    assert messages[0]["response"] == "utter_language_changed"
    assert messages[0]["language"] == "vi" and messages[0]["language_name"] == "Tiếng Việt"
    assert {"event": "slot", "name": "language", "value": "vi", "timestamp": None} in events
    assert any(e["name"] == "language_chosen" and e["value"] is True for e in events)


def test_without_a_language_the_user_gets_choices_in_their_own_names():
    messages, events = run(ActionChangeLanguage(), tracker(intent="change_language", slots={"language": "ja"}))
    assert messages[0]["response"] == "utter_which_language"
    titles = [button["title"] for button in messages[0]["buttons"]]
    assert titles == [autonym(code) for code in shipped_languages()]
    assert {"日本語", "English", "Tiếng Việt", "ไทย", "やさしい日本語"} <= set(titles)
    assert events == []


@pytest.mark.parametrize("code", ["ko", "th"])
def test_a_language_not_shipped_yet_is_named_in_the_current_language(code, monkeypatch):
    # Every contract language ships today; a catalog taken out must still be refused politely.
    monkeypatch.setattr("actions.language.shipped_languages", lambda: ("ja", "en", "vi"))
    messages, events = run(
        ActionChangeLanguage(),
        tracker(intent="change_language", entities=[{"entity": "language", "value": code}], slots={"language": "ja"}),
    )
    assert messages[0]["response"] == "utter_language_not_available"
    assert messages[0]["language_name"] in ("韓国語", "タイ語")
    assert events == []
