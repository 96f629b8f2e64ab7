"""Empty, too long, or only symbols: say so, politely, in the user's language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tracker_reading import original_user_text
from bot.nlu.input_problems import EMPTY, MAX_CHARACTERS, TOO_LONG


class ActionExplainInputProblem(Action):
    def name(self) -> str:
        return "action_explain_input_problem"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        problem = (tracker.latest_message or {}).get("input_problem")
        if problem == TOO_LONG:
            dispatcher.utter_message(
                response="utter_input_too_long",
                length=len(original_user_text(tracker)),
                max_characters=MAX_CHARACTERS,
            )
        elif problem == EMPTY:
            dispatcher.utter_message(response="utter_input_empty")
        else:
            dispatcher.utter_message(response="utter_input_no_words")
        return []
