"""Rasa graph component: the intent, from TF-IDF character n-grams of the
folded text and word uni/bigrams of our tokens (lemmas), by logistic regression.

Measured against DIET's intent head on the held-out sets of all eleven
languages (docs/measurements.md): as accurate or better in most languages,
and it trains in about a minute, which leaves DIET the entities alone and the
whole model inside the training budget.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.persisted_estimator import PersistedEstimatorComponent
from bot.nlu.segmenters import japanese
from bot.nlu.text_forms import fold, normalise, to_hiragana

_TOKENS = TOKENS_NAMES[TEXT]


def words_of(message: Message) -> str:
    """Our tokenizer's folded lemmas, space-joined: words for Japanese, Chinese,
    Thai and Burmese too, which a regular expression cannot find."""
    tokens = message.get(_TOKENS) or []
    return " ".join(token.lemma or token.text for token in tokens)


def characters_of(message: Message) -> str:
    """The folded text; for Japanese, followed by its reading in hiragana, so
    that a learner's かいご meets the 介護 of the training data."""
    text = fold(normalise(message.get(TEXT) or ""))
    if message.get("language") != "ja":
        return text
    reading = "".join(to_hiragana(morpheme.katakana) for morpheme in japanese.readings(text) if morpheme.katakana)
    return f"{text} {reading}"


def _features(config: dict[str, Any]):
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer

    return ColumnTransformer(
        [
            (
                "characters",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=tuple(config["char_ngram_range"]),
                    min_df=config["min_df"],
                    sublinear_tf=True,
                ),
                0,
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    token_pattern=r"\S+",
                    ngram_range=tuple(config["word_ngram_range"]),
                    sublinear_tf=True,
                ),
                1,
            ),
        ]
    )


def train_intent_classifier(rows: list[tuple[str, str]], labels: list[str], config: dict[str, Any]):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    classifier = make_pipeline(
        _features(config),
        LogisticRegression(C=config["regularisation_inverse"], max_iter=3000, random_state=config["random_seed"]),
    )
    return classifier.fit(rows, labels)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NgramIntentClassifier(PersistedEstimatorComponent, IntentClassifier):
    estimator_file = "intent_classifier.joblib"
    missing_message = "No trained intent classifier in the model; every message will be a fallback."

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "char_ngram_range": [1, 4],
            "word_ngram_range": [1, 2],
            "min_df": 2,
            # C of the regression, chosen on a 20 % split of the training data:
            # 3 / 10 / 30 / 100 gave 0.803 / 0.811 / 0.817 / 0.821.
            "regularisation_inverse": 100.0,
            "random_seed": 7,
            "ranking_length": 10,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    def train(self, training_data: TrainingData) -> Resource:
        examples = [example for example in training_data.intent_examples if example.get(TEXT)]
        rows = [(characters_of(example), words_of(example)) for example in examples]
        labels = [example.get(INTENT) for example in examples]
        self._estimator = train_intent_classifier(rows, labels, self._config)
        return self._persist(self._estimator)

    def process(self, messages: list[Message]) -> list[Message]:
        if self._estimator is None:
            return messages
        probabilities = self._estimator.predict_proba([(characters_of(m), words_of(m)) for m in messages])
        labels = self._estimator.classes_
        for message, scores in zip(messages, probabilities, strict=True):
            ranked = sorted(zip(labels, scores, strict=True), key=lambda pair: -pair[1])
            ranking = [
                {INTENT_NAME_KEY: str(name), PREDICTED_CONFIDENCE_KEY: float(score)}
                for name, score in ranked[: self._config["ranking_length"]]
            ]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
