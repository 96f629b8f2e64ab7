"""'Can I hire SSW workers for my ramen shop?': the field, what the worker
needs, and the caveats, from the catalog; the field list when none is named."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from actions.tracker_reading import entity_values
from bot.kb.search import find_field


class ActionCheckSswField(Action):
    def name(self) -> str:
        return "action_check_ssw_field"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        catalog = knowledge_access.catalog()
        field = find_field(
            catalog,
            (tracker.latest_message or {}).get("text") or "",
            entity_values(tracker, "ssw_field", {field.id for field in catalog.ssw_fields}),
        )
        if field is None:
            dispatcher.utter_message(response="utter_ask_ssw_fields")
        elif field.in_force:
            dispatcher.utter_message(response="utter_ssw_field_check", field_id=field.id)
        else:
            dispatcher.utter_message(response="utter_ssw_field_not_in_force", field_id=field.id)
        return []
