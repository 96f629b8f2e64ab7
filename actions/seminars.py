"""Upcoming seminars for employers or job seekers, online or in person; past
ones are never offered. Dates are formatted by the NLG endpoint (Babel)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from actions.programs import entity_values
from bot.kb.search import upcoming_seminars


class ActionListSeminars(Action):
    def name(self) -> str:
        return "action_list_seminars"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        seminars = upcoming_seminars(
            knowledge_access.catalog().seminars,
            now=knowledge_access.now(),
            audience=next(iter(entity_values(tracker, "audience")), None),
            format=next(iter(entity_values(tracker, "seminar_format")), None),
        )
        if seminars:
            dispatcher.utter_message(response="utter_seminar_list", seminar_ids=[seminar.id for seminar in seminars])
        else:
            dispatcher.utter_message(response="utter_no_seminars")
        return []
