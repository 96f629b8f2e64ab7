"""Upcoming seminars for employers or job seekers, on a topic, online or in
person; past ones are never offered. Dates are formatted by the NLG endpoint (Babel)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from actions.programs import SPECIFIC_MATCH
from actions.tracker_reading import entity_values
from bot.kb.catalog import AUDIENCES, FORMATS
from bot.kb.search import upcoming_seminars


def seminar_topics(text: str, seminar_programs: set[str], audience: str | None = None) -> list[str]:
    """The seminar series a question names ("the course on hiring highly skilled
    talent"), if it clearly names one, among those for the audience asking;
    none means any topic."""
    hits = knowledge_access.program_index().search(text, audience=audience, limit=10)
    return [hit.program.id for hit in hits if hit.program.id in seminar_programs and hit.score >= SPECIFIC_MATCH]


class ActionListSeminars(Action):
    def name(self) -> str:
        return "action_list_seminars"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        catalog = knowledge_access.catalog()
        text = (tracker.latest_message or {}).get("text") or ""
        audience = next(iter(entity_values(tracker, "audience", AUDIENCES)), None)
        seminars = upcoming_seminars(
            catalog.seminars,
            now=knowledge_access.now(),
            audience=audience,
            format=next(iter(entity_values(tracker, "seminar_format", FORMATS)), None),
            program_ids=seminar_topics(text, {seminar.program_id for seminar in catalog.seminars}, audience),
        )
        if seminars:
            dispatcher.utter_message(response="utter_seminar_list", seminar_ids=[seminar.id for seminar in seminars])
        else:
            dispatcher.utter_message(response="utter_no_seminars")
        return []
