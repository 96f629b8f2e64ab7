"""Rasa graph component, last in the pipeline: turns what the sanitizer and the
language identifier found into intents that rules can answer politely:
`invalid_input` (empty, too long, no words; a 👍 is `affirm`), `unsupported_language`
(a language the model was not trained on, clearly detected), and `request_human`
for clear frustration with the assistant (bot/nlu/frustration.yml), marked
`frustrated` so the handoff can say why.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.contract import UNDETERMINED
from bot.nlu.frustration import is_frustrated
from bot.nlu.input_problems import EMPTY, NO_WORDS, TOO_LONG, emoji_intent
from bot.nlu.input_sanitizer import INPUT_PROBLEM
from bot.nlu.language_detection import is_reliable
from bot.nlu.language_identifier import LANGUAGE, LANGUAGE_SCORE, LANGUAGE_UNDERSTOOD

FRUSTRATED = "frustrated"
INVALID_INPUT = "invalid_input"
REQUEST_HUMAN = "request_human"
UNSUPPORTED_LANGUAGE = "unsupported_language"


def override_intent(message: Message) -> str | None:
    problem = message.get(INPUT_PROBLEM)
    if problem in (EMPTY, TOO_LONG):
        return INVALID_INPUT
    if problem == NO_WORDS:
        # The model has seen no emoji; only a few have one clear meaning.
        return emoji_intent(message.get(TEXT) or "") or INVALID_INPUT
    language = message.get(LANGUAGE)
    if (
        language not in (None, UNDETERMINED)
        and not message.get(LANGUAGE_UNDERSTOOD)
        and is_reliable(message.get(TEXT) or "", message.get(LANGUAGE_SCORE) or 0.0)
    ):
        return UNSUPPORTED_LANGUAGE
    if is_frustrated(message.get(TEXT) or ""):
        return REQUEST_HUMAN
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class InputProblemClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputProblemClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = override_intent(message)
            if intent == REQUEST_HUMAN:
                message.set(FRUSTRATED, True, add_to_output=True)
            if intent:
                message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}], add_to_output=True)
        return messages
