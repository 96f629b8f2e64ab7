"""Leaving a message for the counselors when nobody who speaks the user's
language is online: consent first, then the message, then one contact. The
message is stored when the form ends; "stop" stores nothing."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from actions.booking.reading import Turn, contact_of, contact_problem_response, contact_slot
from bot.booking.contact import Contact, parse_contact
from bot.handoff.messages import MAX_MESSAGE_CHARACTERS, RETENTION, MessageStore
from bot.settings import from_environment

FORM_SLOTS = ("message_consent", "message_text", "message_contact", "message_stopped")


class ValidateMessageForm(Action):
    def name(self) -> str:
        return "validate_message_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = Turn.of(tracker)
        requested = tracker.get_slot("requested_slot")
        if requested and requested != "message_text" and turn.says_stop():
            dispatcher.utter_message(response="utter_message_stopped")
            return _stop()
        changes: dict[str, Any] = {"message_stopped": None}  # a slot event every turn: the form never rejects
        if requested == "message_consent":
            if turn.means("affirm"):
                changes["message_consent"] = True
            elif turn.means("deny"):
                dispatcher.utter_message(response="utter_message_stopped")
                return _stop()
        elif requested == "message_text":
            if len(turn.text) > MAX_MESSAGE_CHARACTERS:
                dispatcher.utter_message(response="utter_message_too_long", max_characters=MAX_MESSAGE_CHARACTERS)
            elif turn.text and not turn.is_button:
                changes["message_text"] = turn.text
        elif requested == "message_contact":
            contact = parse_contact(turn.text)
            if isinstance(contact, Contact):
                changes["message_contact"] = contact_slot(contact)
            else:
                dispatcher.utter_message(response=contact_problem_response(contact))
        return [SlotSet(slot, value) for slot, value in changes.items()]


def _stop() -> list[dict[str, Any]]:
    forgotten = [SlotSet(slot, None) for slot in FORM_SLOTS if slot != "message_stopped"]
    return [*forgotten, SlotSet("message_stopped", "user"), SlotSet("requested_slot", None)]


class ActionAskMessageConsent(Action):
    def name(self) -> str:
        return "action_ask_message_consent"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(response="utter_message_consent_question", retention_days=RETENTION.days)
        return []


class ActionMessageFormEnded(Action):
    """Stores the message (with the consent given) and forgets the form's answers."""

    def name(self) -> str:
        return "action_message_form_ended"

    async def run(self, dispatcher, tracker, domain):
        contact = contact_of(tracker.get_slot("message_contact"))
        text = tracker.get_slot("message_text")
        if not tracker.get_slot("message_stopped") and tracker.get_slot("message_consent") and contact and text:
            store = MessageStore(from_environment().database)
            language = tracker.get_slot("language") or "ja"
            await asyncio.to_thread(store.leave, tracker.sender_id, language, text, contact, knowledge_access.now())
            dispatcher.utter_message(response="utter_message_left")
        return [SlotSet(slot, None) for slot in FORM_SLOTS]
