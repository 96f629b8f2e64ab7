import pytest

from bot.i18n.policy import DEFAULT_LANGUAGE, LanguageEvidence, reply_language

SHIPPED = ("ja", "en", "vi")


def evidence(**overrides):
    values = dict(
        metadata_language=None,
        detected_language=None,
        detected_score=0.0,
        text="",
        current_language=None,
        chosen_explicitly=False,
    )
    values.update(overrides)
    return LanguageEvidence(**values)


def test_widget_metadata_wins():
    assert (
        reply_language(
            evidence(
                metadata_language="vi",
                detected_language="en",
                detected_score=0.99,
                text="what is the ssw visa",
                current_language="ja",
            ),
            SHIPPED,
        )
        == "vi"
    )


def test_a_long_message_switches_the_language():
    assert (
        reply_language(
            evidence(detected_language="en", detected_score=0.9, text="what is the ssw visa", current_language="vi"),
            SHIPPED,
        )
        == "en"
    )


@pytest.mark.parametrize("text, detected", [("OK", "en"), ("はい", "ja"), ("👍", "und"), ("1", "und")])
def test_short_messages_keep_the_current_language(text, detected):
    assert (
        reply_language(
            evidence(detected_language=detected, detected_score=0.9, text=text, current_language="vi"), SHIPPED
        )
        == "vi"
    )


def test_a_first_short_message_uses_its_best_guess():
    assert reply_language(evidence(detected_language="en", detected_score=0.6, text="hello"), SHIPPED) == "en"


def test_an_explicit_choice_sticks_until_changed():
    assert (
        reply_language(
            evidence(
                detected_language="en",
                detected_score=0.9,
                text="what is the ssw visa",
                current_language="ja",
                chosen_explicitly=True,
            ),
            SHIPPED,
        )
        == "ja"
    )


def test_unshipped_languages_fall_back():
    assert (
        reply_language(evidence(detected_language="ko", detected_score=1.0, text="비자에 대해 알고 싶어요"), SHIPPED)
        == DEFAULT_LANGUAGE
    )
    assert reply_language(evidence(metadata_language="th", current_language="en"), SHIPPED) == "en"


@pytest.mark.parametrize("current", ["ja-easy", "ja"])
def test_japanese_keeps_the_register_the_conversation_is_in(current):
    shipped = (*SHIPPED, "ja-easy")
    text = "とくていぎのう の ビザ に ついて おしえて ください"
    assert (
        reply_language(
            evidence(detected_language="ja", detected_score=0.99, text=text, current_language=current), shipped
        )
        == current
    )


def test_another_language_still_leaves_plain_japanese():
    shipped = (*SHIPPED, "ja-easy")
    text = "what is the ssw visa and who can apply"
    assert (
        reply_language(
            evidence(detected_language="en", detected_score=0.99, text=text, current_language="ja-easy"), shipped
        )
        == "en"
    )
