"""Rasa graph component, first in the pipeline: cleans what users paste and
notes what cannot be understood, so a later component can answer it politely.

- HTML/script tags and entities become plain text; control characters go.
- Very long messages are cut for understanding (the stored message keeps all
  of it) and marked `too_long`: a 20,000-character paste must not stall NLU.
- Empty, and letter-less messages (emoji, punctuation, digits) are marked.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.input_problems import MAX_CHARACTERS, clean, problem_of

INPUT_PROBLEM = "input_problem"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class InputSanitizer(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_characters": MAX_CHARACTERS}

    def __init__(self, config: dict[str, Any]) -> None:
        self._max_characters = config["max_characters"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputSanitizer:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # examples are written clean

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            original = message.get(TEXT) or ""
            cleaned = clean(original)
            problem = problem_of(original, cleaned, self._max_characters)
            message.set(TEXT, cleaned[: self._max_characters])
            if problem:
                message.set(INPUT_PROBLEM, problem, add_to_output=True)
        return messages
