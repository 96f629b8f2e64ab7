"""A person, now: when a counselor who speaks the user's language is online,
the conversation is paused and queued, and the user is told roughly when a
person will write; when nobody is, a booking is offered instead."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge_access
from bot.console.sessions import online_staff
from bot.contract import base_language
from bot.handoff.tickets import TicketStore
from bot.i18n.languages import display_name
from bot.settings import from_environment

NOT_TOPICS = frozenset({"request_human", "nlu_fallback", "greet", "affirm", "deny", "thank", "goodbye"})


def last_topic(tracker: Tracker) -> str | None:
    """The last thing the user asked about, for the counselor's queue."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent and intent not in NOT_TOPICS:
                return intent
    return None


def reason(tracker: Tracker) -> str:
    latest = tracker.latest_message or {}
    if latest.get("frustrated"):
        return "frustration"
    return "fallbacks" if (latest.get("intent") or {}).get("name") == "nlu_fallback" else "asked"


class ActionRequestHuman(Action):
    def name(self) -> str:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        language = tracker.get_slot("language") or "ja"
        language_name = display_name(base_language(language), language)  # plain Japanese: "日本語"
        database = from_environment().database
        if not await asyncio.to_thread(online_staff, database, language):
            dispatcher.utter_message(response="utter_handoff_nobody", language_name=language_name)
            return []
        tickets = TicketStore(database)
        ticket = await asyncio.to_thread(
            tickets.open,
            tracker.sender_id,
            language,
            last_topic(tracker),
            reason(tracker),
            tracker.get_latest_input_channel() or "socketio",
            knowledge_access.now(),
        )
        minutes = await asyncio.to_thread(tickets.wait_minutes, ticket)
        dispatcher.utter_message(response="utter_handoff_waiting", language_name=language_name, wait_minutes=minutes)
        return [ConversationPaused()]
