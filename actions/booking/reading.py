"""What the user's last message says for a booking: a button's value, a word
from the booking lexicon, or the NLU's intent and entities. One place, so both
forms read answers the same way in every language."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker

from actions.tracker_reading import original_user_text
from bot.booking.contact import Contact
from bot.booking.lexicon import find_format, find_role, is_stop
from bot.contract import PLAIN_JAPANESE, base_language
from bot.i18n.languages import autonym, display_name, normalise_code
from bot.kb.catalog import AUDIENCES

FORMATS = ("in_person", "online", "phone")
TOPICS = ("hiring", "visa", "support", "job_search", "japanese", "other")
# A question typed where a topic is asked names the topic.
TOPIC_BY_INTENT = {
    "ask_hiring_steps": "hiring", "ask_recruiting_events": "hiring",
    "ask_visa_types": "visa", "ask_ssw_overview": "visa", "ask_ssw_fields": "visa", "ask_ssw_requirements": "visa",
    "ask_ssw_support": "support", "ask_retention": "support",
    "ask_job_search": "job_search", "ask_work_environment": "job_search",
    "ask_japanese_level": "japanese",
    "ask_program": "other", "ask_seminars": "other", "ask_cost": "other", "ask_navi_center": "other",
}  # fmt: skip
CONTACT_PROBLEMS = {"bad_email": "utter_booking_bad_email", "bad_phone": "utter_booking_bad_phone"}
PROOF_MINUTES = 30
SURE = 0.6  # an intent this confident is taken as what the user meant
_WORD_EDGE = r"(?<!\w){}(?!\w)"


@dataclass(frozen=True)
class Turn:
    text: str
    intent: str | None
    confidence: float
    entities: dict[str, str] = field(default_factory=dict)
    language: str = "ja"  # the conversation's

    @classmethod
    def of(cls, tracker: Tracker) -> Turn:
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        entities: dict[str, str] = {}
        for entity in message.get("entities") or []:
            entities.setdefault(entity.get("entity"), str(entity.get("value")))
        return cls(
            text=original_user_text(tracker).strip(),
            intent=intent.get("name"),
            confidence=float(intent.get("confidence") or 0.0),
            entities=entities,
            language=tracker.get_slot("language") or "ja",
        )

    @property
    def is_button(self) -> bool:
        return self.text.startswith("/")

    def means(self, *intents: str) -> bool:
        return self.intent in intents and self.confidence >= SURE

    def says_stop(self) -> bool:
        return self.means("cancel_booking") or (not self.is_button and is_stop(self.text, self.language))


def role(turn: Turn) -> str | None:
    value = turn.entities.get("audience")
    if value in AUDIENCES:
        return value
    return None if turn.is_button else find_role(turn.text, turn.language)


def meeting_format(turn: Turn) -> str | None:
    for name in ("consultation_format", "seminar_format"):
        if turn.entities.get(name) in FORMATS:
            return turn.entities[name]
    return None if turn.is_button else find_format(turn.text, turn.language)


def topic(turn: Turn) -> str | None:
    if turn.entities.get("consultation_topic") in TOPICS:
        return turn.entities["consultation_topic"]
    return TOPIC_BY_INTENT.get(turn.intent or "") if turn.confidence >= SURE else None


def consultation_language(turn: Turn, offered: tuple[str, ...]) -> str | None:
    """A language of `offered` the message names: by button, by the NLU's
    `language` entity, or by its name in the user's language, in English or in itself."""
    for name in ("consultation_language", "language"):
        code = normalise_code(turn.entities.get(name))
        if code and base_language(code) in offered:
            return code
    if turn.is_button:
        return None
    text = turn.text.casefold()
    if "やさしい" in text or "easy japanese" in text or "plain japanese" in text:
        return PLAIN_JAPANESE if "ja" in offered else None
    for code in offered:
        names = {autonym(code), display_name(code, base_language(turn.language)), display_name(code, "en")}
        if any(_mentions(text, name.casefold()) for name in names if name):
            return code
    return None


def contact_of(value: dict | None) -> Contact | None:
    """A contact kept in a slot as {"kind", "value"}."""
    if isinstance(value, dict) and value.get("kind") and value.get("value"):
        return Contact(value["kind"], value["value"])
    return None


def contact_problem_response(problem: str) -> str:
    """The response that explains why a typed contact was refused (bot.booking.contact's codes)."""
    return CONTACT_PROBLEMS.get(problem, "utter_booking_not_contact")


def contact_slot(contact: Contact) -> dict[str, str]:
    return {"kind": contact.kind, "value": contact.value}


def proof(contact: Contact, now: dt.datetime) -> dict[str, str]:
    """A contact proven with its booking's reference, and when: the proof lasts
    PROOF_MINUTES, so a shared computer's next user is asked again."""
    return {**contact_slot(contact), "verified_at": now.isoformat()}


def proof_is_fresh(value: Any, now: dt.datetime) -> bool:
    try:
        verified_at = dt.datetime.fromisoformat(value["verified_at"])
    except (TypeError, KeyError, ValueError):
        return False
    return now - verified_at < dt.timedelta(minutes=PROOF_MINUTES)


def _mentions(text: str, name: str) -> bool:
    if not name.isascii():
        return name in text  # CJK, Thai, Burmese names have no spaces around them
    return re.search(_WORD_EDGE.format(re.escape(name)), text) is not None
