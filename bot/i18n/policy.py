"""The one place that decides the language of the reply.

Order: the widget's metadata, then a language the user asked for, then the
language of a message long enough to tell (a register such as plain
Japanese stays while the user writes its language), then the conversation's current
language, then the best guess for a first short message, then the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.contract import base_language
from bot.nlu.language_detection import is_reliable

DEFAULT_LANGUAGE = "ja"


@dataclass(frozen=True)
class LanguageEvidence:
    metadata_language: str | None  # already normalised (bot.i18n.languages.normalise_code)
    detected_language: str | None
    detected_score: float
    text: str
    current_language: str | None
    chosen_explicitly: bool


def reply_language(evidence: LanguageEvidence, shipped: tuple[str, ...]) -> str:
    def usable(code: str | None) -> bool:
        return code in shipped

    if usable(evidence.metadata_language):
        return evidence.metadata_language
    current = evidence.current_language if usable(evidence.current_language) else None
    if current and evidence.chosen_explicitly:
        return current
    detected = evidence.detected_language if usable(evidence.detected_language) else None
    if current and detected and base_language(detected) == base_language(current):
        return current  # Japanese typed in a plain-Japanese conversation keeps the register
    if detected and is_reliable(evidence.text, evidence.detected_score):
        return detected
    if current:
        return current
    if detected:
        return detected
    return DEFAULT_LANGUAGE if usable(DEFAULT_LANGUAGE) else shipped[0]
