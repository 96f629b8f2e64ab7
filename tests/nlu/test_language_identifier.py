from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.language_identifier import (
    LANGUAGE,
    LANGUAGE_SCORE,
    LANGUAGE_UNDERSTOOD,
    LanguageIdentifier,
)

EXAMPLES = {
    "vi": [
        "cho minh hoi visa tokutei can gi",
        "xin chao ad",
        "lam sao de tim viec o tokyo",
        "toi muon dat lich tu van",
        "cam on ban nhieu",
        "co mat phi khong ad",
        "Tôi muốn hỏi về visa",
        "nganh nha hang co duoc khong",
    ],
    "en": [
        "how do I find a job",
        "what is the ssw visa",
        "thank you so much",
        "can I book a consultation",
        "is it free",
        "which industries are covered",
        "hello there",
        "what japanese level do I need",
    ],
    "ja": [
        "特定技能について教えて",
        "ありがとうございます",
        "相談を予約したい",
        "料金はかかりますか",
        "こんにちは",
        "日本語はどのくらい必要ですか",
        "外国人を雇う手順",
        "セミナーはありますか",
    ],
}


def training_data():
    return TrainingData(
        [
            Message.build(text, intent="any", intent_metadata={"language": language})
            for language, texts in EXAMPLES.items()
            for text in texts
        ]
    )


def test_train_persist_load_and_detect(default_model_storage, execution_context):
    resource = Resource("language_identifier")
    config = LanguageIdentifier.get_default_config()
    trained = LanguageIdentifier.create(config, default_model_storage, resource, execution_context)
    trained.train(training_data())

    loaded = LanguageIdentifier.load(config, default_model_storage, resource, execution_context)
    message = Message({TEXT: "xin chao, toi muon hoi ve viec lam o tokyo"})
    loaded.process([message])

    assert message.get(LANGUAGE) == "vi"  # fastText alone reads this as English
    assert 0.0 < message.get(LANGUAGE_SCORE) <= 1.0
    assert message.get(LANGUAGE_UNDERSTOOD) is True
    assert {LANGUAGE, LANGUAGE_SCORE, LANGUAGE_UNDERSTOOD} <= message.output_properties


def test_a_language_outside_training_is_not_understood(default_model_storage, execution_context):
    resource = Resource("language_identifier")
    config = LanguageIdentifier.get_default_config()
    component = LanguageIdentifier.create(config, default_model_storage, resource, execution_context)
    component.train(training_data())
    loaded = LanguageIdentifier.load(config, default_model_storage, resource, execution_context)
    message = Message({TEXT: "비자에 대해 알고 싶어요"})
    loaded.process([message])
    assert message.get(LANGUAGE) == "ko"
    assert message.get(LANGUAGE_UNDERSTOOD) is False


def test_training_examples_get_their_labelled_language(default_model_storage, execution_context):
    component = LanguageIdentifier.create(
        LanguageIdentifier.get_default_config(), default_model_storage, Resource("x"), execution_context
    )
    data = component.process_training_data(training_data())
    assert {example.get(LANGUAGE) for example in data.training_examples} == {"vi", "en", "ja"}
