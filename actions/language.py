"""The conversation's language: kept in the `language` slot every turn, and
changed on request."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from actions.tracker_reading import language_evidence
from bot.i18n.languages import autonym, display_name, normalise_code, shipped_languages
from bot.i18n.policy import reply_language


class ValidateSlotMappings(ValidationAction):
    """Rasa calls this after every user message (slots with custom mappings)."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"language": reply_language(language_evidence(tracker), shipped_languages())}


class ActionChangeLanguage(Action):
    def name(self) -> str:
        return "action_change_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        shipped = shipped_languages()
        requested = normalise_code(next(tracker.get_latest_entity_values("language"), None))
        if requested is None:
            dispatcher.utter_message(
                response="utter_which_language",
                buttons=[
                    {"title": autonym(code), "payload": f'/change_language{{"language": "{code}"}}'} for code in shipped
                ],
            )
            return []
        if requested not in shipped:
            current = tracker.get_slot("language") or shipped[0]
            dispatcher.utter_message(
                response="utter_language_not_available",
                language_name=display_name(requested, current),
            )
            return []
        dispatcher.utter_message(
            response="utter_language_changed", language=requested, language_name=autonym(requested)
        )
        return [SlotSet("language", requested), SlotSet("language_chosen", True)]
