"""What the actions read from a rasa-sdk tracker, in one place."""

from __future__ import annotations

from collections.abc import Iterable

from rasa_sdk import Tracker

from bot.i18n.languages import normalise_code
from bot.i18n.policy import LanguageEvidence


def language_evidence(tracker: Tracker) -> LanguageEvidence:
    message = tracker.latest_message or {}
    metadata = message.get("metadata") or {}
    return LanguageEvidence(
        metadata_language=normalise_code(metadata.get("language")),
        detected_language=message.get("language"),
        detected_score=float(message.get("language_score") or 0.0),
        text=message.get("text") or "",
        current_language=tracker.get_slot("language"),
        chosen_explicitly=bool(tracker.get_slot("language_chosen")),
    )


def original_user_text(tracker: Tracker) -> str:
    """The message as the user sent it (the parse result holds the cleaned text)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return event.get("text") or ""
    return ""


def entity_values(tracker: Tracker, entity: str, allowed: Iterable[str] | None = None) -> list[str]:
    """The entity's values in the last message; with `allowed`, only those codes
    (the model sometimes returns a span its synonym table does not map)."""
    values = [str(value) for value in tracker.get_latest_entity_values(entity)]
    if allowed is None:
        return values
    allowed = set(allowed)
    return [value for value in values if value in allowed]
