import pytest
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.multilingual_tokenizer import MultilingualTokenizer
from bot.nlu.ngram_intent_classifier import NgramIntentClassifier

EXAMPLES = {
    "ask_ssw_fields": [
        ("特定技能で働ける分野は？", "ja"),
        ("which industries does the SSW visa cover", "en"),
        ("visa ky nang dac dinh co nhung nganh nao", "vi"),
        ("ทักษะเฉพาะมีสาขาอะไรบ้าง", "th"),
        ("特定技能签证有哪些行业", "zh"),
    ],
    "ask_cost": [
        ("相談は無料ですか", "ja"),
        ("is the consultation free", "en"),
        ("tu van co mat phi khong", "vi"),
        ("ปรึกษาฟรีไหมครับ", "th"),
        ("咨询要收费吗", "zh"),
    ],
}


@pytest.fixture
def tokenizer(default_model_storage, execution_context):
    config = MultilingualTokenizer.get_default_config()
    return MultilingualTokenizer.create(config, default_model_storage, Resource("tokenizer"), execution_context)


def messages(tokenizer, rows):
    built = [Message({TEXT: text, "language": language, INTENT: intent}) for text, language, intent in rows]
    tokenizer.process(built)
    return built


def test_train_persist_load_and_rank(tokenizer, default_model_storage, execution_context):
    rows = [(text, language, intent) for intent, pairs in EXAMPLES.items() for text, language in pairs]
    config = {**NgramIntentClassifier.get_default_config(), "min_df": 1}
    resource = Resource("intent_classifier")
    NgramIntentClassifier.create(config, default_model_storage, resource, execution_context).train(
        TrainingData(messages(tokenizer, rows))
    )
    loaded = NgramIntentClassifier.load(config, default_model_storage, resource, execution_context)
    asked = messages(tokenizer, [("ค่าปรึกษาฟรีหรือเปล่า", "th", None), ("SSW visa nganh nao duoc", "vi", None)])
    loaded.process(asked)

    assert [message.get(INTENT)["name"] for message in asked] == ["ask_cost", "ask_ssw_fields"]
    ranking = asked[0].get(INTENT_RANKING_KEY)
    assert [entry["name"] for entry in ranking] == ["ask_cost", "ask_ssw_fields"]
    assert ranking[0]["confidence"] > ranking[1]["confidence"]
    assert abs(sum(entry["confidence"] for entry in ranking) - 1.0) < 1e-6
    assert {INTENT, INTENT_RANKING_KEY} <= asked[0].output_properties


def test_a_model_without_a_classifier_leaves_messages_alone(default_model_storage, execution_context):
    config = NgramIntentClassifier.get_default_config()
    loaded = NgramIntentClassifier.load(config, default_model_storage, Resource("missing"), execution_context)
    message = Message({TEXT: "hello"})
    loaded.process([message])
    assert message.get(INTENT) is None


def test_japanese_is_read_in_hiragana_too_so_kana_meets_kanji():
    from bot.nlu.ngram_intent_classifier import characters_of

    kanji = characters_of(Message({TEXT: "介護の仕事", "language": "ja"}))
    kana = characters_of(Message({TEXT: "かいごのしごと", "language": "ja"}))
    assert kanji.endswith("かいごのしごと") and kana.endswith("かいごのしごと")
    assert characters_of(Message({TEXT: "Nursing care", "language": "en"})) == "nursing care"
