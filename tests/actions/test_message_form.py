"""Leaving a message when nobody is online: consent first, a bad contact is
refused with the reason, "stop" stores nothing, the end stores it once."""

import pytest

from actions.message_form import ActionMessageFormEnded, ValidateMessageForm
from bot.handoff.messages import MessageStore
from bot.store.database import upgrade_schema
from tests.actions.helpers import run, slot_values, tracker


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_schema(url)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def turn(text, requested, intent="nlu_fallback", slots=None):
    return tracker(text=text, intent=intent, slots={"requested_slot": requested, "language": "vi", **(slots or {})})


def test_consent_then_text_then_a_contact():
    _, events = run(ValidateMessageForm(), turn("đồng ý", "message_consent", intent="affirm"))
    assert slot_values(events)["message_consent"] is True
    _, events = run(ValidateMessageForm(), turn("Tôi cần hỏi về visa", "message_text"))
    assert slot_values(events)["message_text"] == "Tôi cần hỏi về visa"
    messages, events = run(ValidateMessageForm(), turn("an@", "message_contact"))
    assert [m["response"] for m in messages] == ["utter_booking_bad_email"] and "message_contact" not in slot_values(
        events
    )
    _, events = run(ValidateMessageForm(), turn("０９０－１２３４－５６７８", "message_contact"))
    assert slot_values(events)["message_contact"] == {"kind": "phone", "value": "+819012345678"}


@pytest.mark.parametrize(
    ("text", "intent", "requested"), [("no", "deny", "message_consent"), ("thôi", "nlu_fallback", "message_contact")]
)
def test_refusing_or_stopping_forgets_everything(text, intent, requested):
    messages, events = run(ValidateMessageForm(), turn(text, requested, intent=intent, slots={"message_text": "x"}))
    assert [m["response"] for m in messages] == ["utter_message_stopped"]
    assert slot_values(events)["message_text"] is None and slot_values(events)["requested_slot"] is None


def test_the_end_stores_the_message_with_its_contact(database):
    filled = {"message_consent": True, "message_text": "Tôi cần hỏi về visa",
              "message_contact": {"kind": "email", "value": "an@example.com"}}  # fmt: skip
    messages, events = run(ActionMessageFormEnded(), turn("", None, slots=filled))
    assert [m["response"] for m in messages] == ["utter_message_left"]
    stored = MessageStore(database).open_messages(("vi",))
    assert [(m.text, m.contact.value) for m in stored] == [("Tôi cần hỏi về visa", "an@example.com")]
    assert slot_values(events)["message_contact"] is None
