"""One Rasa tokenizer for every contract language: it picks a segmenter by the
message's script and detected language (set by LanguageIdentifier, which runs
before it), and gives each token a normalised text and a folded lemma.

Rasa's WhitespaceTokenizer refuses ja, zh and th, and one Rasa model has one
`language`; a multilingual model therefore needs a tokenizer that decides per
message.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.segmenters import Segment
from bot.nlu.segmenters.by_script import segment
from bot.nlu.text_forms import fold, normalise

LANGUAGE_ATTRIBUTE = "language"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MultilingualTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @staticmethod
    def supported_languages() -> list[str] | None:
        return None  # all: the segmenter is chosen per message

    @staticmethod
    def required_packages() -> list[str]:
        return ["fugashi", "unidic_lite", "jieba", "pythainlp", "spacy"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MultilingualTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        tokens = [self._token(piece) for piece in segment(text, message.get(LANGUAGE_ATTRIBUTE))]
        return self._apply_token_pattern([token for token in tokens if token.text])

    @staticmethod
    def _token(piece: Segment) -> Token:
        normalised = normalise(piece.text)
        lemma = fold(normalise(piece.lemma)) if piece.lemma else fold(normalised)
        return Token(normalised, piece.start, end=piece.start + len(piece.text), lemma=lemma)
