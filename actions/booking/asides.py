"""A question asked in the middle of a form is answered there, and the form
goes on: the answer is the one the FAQ rules give (data/rules/answers.yml), so
there is one mapping from question to answer, not a second copy here."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.booking.reading import Turn
from actions.programs import ActionSearchPrograms
from actions.seminars import ActionListSeminars
from actions.ssw_fields import ActionCheckSswField
from bot.settings import PROJECT_DIR

ANSWER_RULES = PROJECT_DIR / "data" / "rules" / "answers.yml"
# Small talk inside a form is an answer to the form's question, not an aside.
NOT_ASIDES = frozenset({"affirm", "deny", "greet", "thank", "goodbye", "book_consultation", "out_of_scope"})
ACTIONS = {action().name(): action for action in (ActionSearchPrograms, ActionListSeminars, ActionCheckSswField)}
ASIDE_CONFIDENCE = 0.7


@cache
def answer_for_intent() -> dict[str, str]:
    """intent -> the action the FAQ rules answer it with."""
    rules = yaml.safe_load(ANSWER_RULES.read_text(encoding="utf-8"))["rules"]
    answers = {}
    for rule in rules:
        steps = rule["steps"]
        if len(steps) == 2 and "intent" in steps[0] and "action" in steps[1]:
            answers[steps[0]["intent"]] = steps[1]["action"]
    return answers


def is_aside(turn: Turn) -> bool:
    return (
        not turn.is_button
        and turn.intent not in NOT_ASIDES
        and turn.confidence >= ASIDE_CONFIDENCE
        and turn.intent in answer_for_intent()
    )


async def answer_aside(
    turn: Turn, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[dict[str, Any]]:
    """Answers the question; returns the answer's own events (e.g. listed programs)."""
    action = answer_for_intent()[turn.intent]
    if action in ACTIONS:
        return await ACTIONS[action]().run(dispatcher, tracker, domain)
    dispatcher.utter_message(response=action)
    return []
