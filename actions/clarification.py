"""When the model is unsure: offer the likeliest topics ("did you mean"), or
ask the user to rephrase when nothing is likely enough."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionRequestHuman

# Topics worth offering as a button; small talk is not.
NOT_OFFERED = frozenset(
    {
        "nlu_fallback",
        "affirm",
        "deny",
        "greet",
        "goodbye",
        "thank",
        "out_of_scope",
        "invalid_input",
        "unsupported_language",
    }
)
MIN_CONFIDENCE = 0.1
MAX_CHOICES = 3


def likely_intents(ranking: list[dict[str, Any]]) -> list[str]:
    return [
        entry["name"]
        for entry in ranking
        if entry.get("name") not in NOT_OFFERED and entry.get("confidence", 0.0) >= MIN_CONFIDENCE
    ][:MAX_CHOICES]


def misunderstood_twice(tracker: Tracker) -> bool:
    """The last two user messages were both not understood."""
    intents = [
        ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        for event in tracker.events
        if event.get("event") == "user"
    ]
    return intents[-2:] == ["nlu_fallback", "nlu_fallback"]


class ActionClarify(Action):
    def name(self) -> str:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if misunderstood_twice(tracker):  # a person may help where the model cannot
            dispatcher.utter_message(response="utter_handoff_offer")
            return await ActionRequestHuman().run(dispatcher, tracker, domain)
        choices = likely_intents((tracker.latest_message or {}).get("intent_ranking") or [])
        if choices:
            dispatcher.utter_message(response="utter_did_you_mean", intent_choices=choices)
        else:
            dispatcher.utter_message(response="utter_default")
        return []
