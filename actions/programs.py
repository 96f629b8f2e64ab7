"""Tokyo's SME programs: search by topic, audience or words; a short list as
buttons; details and budget of one of them ("the second one", "its budget")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from actions.tracker_reading import entity_values
from bot.kb.catalog import AUDIENCES

MAX_LISTED = 5
# Below this, a question that names no topic ("what support is there?") gets
# the overview of the five strategies rather than a list of weak matches.
SPECIFIC_MATCH = 0.3
# "the second one", "2番目", "cái thứ hai": DIET extracts `ordinal` with values 1..5
ORDINAL_VALUES = {str(number): number for number in range(1, MAX_LISTED + 1)}


class ActionSearchPrograms(Action):
    def name(self) -> str:
        return "action_search_programs"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        audience = next(iter(entity_values(tracker, "audience", AUDIENCES)), None)
        topics = entity_values(tracker, "program_topic")
        hits = knowledge_access.program_index().search(
            (tracker.latest_message or {}).get("text") or "", topics=topics, audience=audience, limit=MAX_LISTED
        )
        if not topics and (not hits or hits[0].score < SPECIFIC_MATCH):
            dispatcher.utter_message(response="utter_ask_program")
            return [SlotSet("listed_programs", None)]
        if not hits:
            dispatcher.utter_message(response="utter_no_program_found")
            return [SlotSet("listed_programs", None)]
        ids = [hit.program.id for hit in hits]
        if len(ids) == 1:
            dispatcher.utter_message(response="utter_program_details", program_id=ids[0])
            return [SlotSet("listed_programs", ids), SlotSet("current_program", ids[0])]
        dispatcher.utter_message(response="utter_program_list", program_ids=ids)
        return [SlotSet("listed_programs", ids), SlotSet("current_program", None)]


def chosen_program(tracker: Tracker) -> str | None:
    """The program a follow-up means: named by a button, by its place in the
    last list, or the one we talked about last."""
    named = entity_values(tracker, "program_id")
    if named:
        return named[0]
    listed = tracker.get_slot("listed_programs") or []
    for ordinal in entity_values(tracker, "ordinal", ORDINAL_VALUES):
        position = ORDINAL_VALUES.get(ordinal)
        if position and position <= len(listed):
            return listed[position - 1]
    return tracker.get_slot("current_program")


class ActionProgramDetails(Action):
    def name(self) -> str:
        return "action_program_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        program_id = chosen_program(tracker)
        if not program_id or knowledge_access.catalog().program(program_id) is None:
            dispatcher.utter_message(response="utter_which_program")
            return []
        wants_budget = "budget" in entity_values(tracker, "program_detail")
        response = "utter_program_budget" if wants_budget else "utter_program_details"
        dispatcher.utter_message(response=response, program_id=program_id)
        return [SlotSet("current_program", program_id)]
