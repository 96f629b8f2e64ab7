import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_problem_classifier import INVALID_INPUT, UNSUPPORTED_LANGUAGE, override_intent
from bot.nlu.input_problems import clean
from bot.nlu.input_sanitizer import INPUT_PROBLEM, InputSanitizer


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("<script>alert('x')</script>what is SSW", "alert('x') what is SSW"),
        ("<b>visa</b> &amp; jobs", "visa & jobs"),
        ("line\x00one\x07\ttwo\r\n", "line one two"),
        ("  \u200b  ", ""),
    ],
)
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("👍👍", "no_words"),
        ("???", "no_words"),
        ("x" * 20000, "too_long"),
        ("what is ssw", None),
    ],
)
def test_sanitizer_marks_problems(text, problem):
    sanitizer = InputSanitizer(InputSanitizer.get_default_config())
    message = Message({TEXT: text})
    sanitizer.process([message])
    assert message.get(INPUT_PROBLEM) == problem
    assert len(message.get(TEXT)) <= InputSanitizer.get_default_config()["max_characters"]


def message_with(**data):
    return Message({TEXT: data.pop("text", "some words here"), **data})


def test_empty_and_too_long_become_invalid_input():
    assert override_intent(message_with(text="", input_problem="empty")) == INVALID_INPUT
    assert (
        override_intent(message_with(input_problem="too_long", language="en", language_understood=True))
        == INVALID_INPUT
    )


@pytest.mark.parametrize(
    "text, intent",
    [
        ("👍", "affirm"),
        ("👍🏽👍", "affirm"),
        ("👎", "deny"),
        ("🙏", "thank"),
        ("🤷🤷", INVALID_INPUT),
        ("👍👎", INVALID_INPUT),
        ("123", INVALID_INPUT),
    ],
)
def test_letterless_messages(text, intent):
    model_guess = {INTENT: {"name": "affirm", "confidence": 0.6}}  # the model has seen no emoji
    assert override_intent(message_with(text=text, input_problem="no_words", **model_guess)) == intent


def test_unsupported_language_needs_a_reliable_detection():
    long_korean = message_with(
        text="비자에 대해 알고 싶어요 정말로", language="ko", language_score=1.0, language_understood=False
    )
    short_french = message_with(text="Bonjour", language="fr", language_score=0.9, language_understood=False)
    understood = message_with(text="what is the visa", language="en", language_score=0.9, language_understood=True)
    assert override_intent(long_korean) == UNSUPPORTED_LANGUAGE
    assert override_intent(short_french) is None
    assert override_intent(understood) is None


@pytest.mark.parametrize(
    ("text", "frustrated"),
    [
        ("this bot is useless!!", True),
        ("You don't understand anything", True),
        ("役に立たないですね", True),
        ("bạn không hiểu gì cả", True),
        ("没用的东西", True),
        ("walang kwenta naman to", True),
        ("ไม่มีประโยชน์เลย", True),
        ("is the seminar useful?", False),
        ("the useless form field", False),  # about a thing, not the assistant: stays a question
        ("business matching", False),
        ("特定技能とは", False),
    ],
)
def test_clear_frustration_asks_for_a_person(text, frustrated):
    message = message_with(text=text, language="en", language_understood=True)
    assert (override_intent(message) == "request_human") is frustrated
