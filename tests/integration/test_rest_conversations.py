"""Conversations over HTTP with the real servers: the reply is the expected
answer, in the expected language, rendered by the NLG endpoint."""

import pytest

from tests.integration.client import Conversation, post

pytestmark = pytest.mark.integration


CONVERSATIONS = {
    "ja": [
        ("こんにちは", "utter_greet"),
        ("特定技能で受け入れできる分野を教えてください", "utter_ask_ssw_fields"),
        ("相談は無料ですか？", "utter_ask_cost"),
        ("ありがとうございました", "utter_thank"),
    ],
    "en": [
        ("hello", "utter_greet"),
        ("What industries does the SSW visa cover?", "utter_ask_ssw_fields"),
        ("how can i find a job in tokyo", "utter_ask_job_search"),
        ("thanks a lot!", "utter_thank"),
    ],
    "vi": [
        ("xin chào", "utter_greet"),
        ("visa kỹ năng đặc định có những ngành nào?", "utter_ask_ssw_fields"),
        ("lam sao de tim viec o tokyo vay ad", "utter_ask_job_search"),
        ("cảm ơn bạn nhiều", "utter_thank"),
    ],
}


@pytest.mark.parametrize("language", CONVERSATIONS)
def test_a_conversation_in_each_language(servers, expected, language):
    conversation = Conversation(servers)
    for text, response in CONVERSATIONS[language]:
        assert conversation.texts(text) == expected(response, language), text


def test_widget_metadata_sets_the_reply_language(servers, expected):
    conversation = Conversation(servers)
    assert conversation.texts("What industries does the SSW visa cover?", language="vi") == expected(
        "utter_ask_ssw_fields", "vi"
    )


def test_short_messages_keep_the_conversation_language(servers, expected):
    conversation = Conversation(servers)
    conversation.texts("cho mình hỏi visa kỹ năng đặc định là gì vậy")
    assert conversation.texts("OK") == expected("utter_affirm", "vi")


def test_change_language_on_request(servers):
    conversation = Conversation(servers)
    conversation.texts("hello, what is the SSW visa?")
    reply = conversation.texts("日本語で話してください")
    assert "日本語" in reply
    assert "特定技能" in conversation.texts("what fields does SSW cover")  # the choice sticks


def test_model_parse_reports_the_language_at_the_top_level(servers):
    status, parsed = post(
        f"{servers.rasa_url}/model/parse?token={servers.auth_token}", {"text": "Tôi muốn tìm việc làm ở Tokyo"}
    )
    assert status == 200
    assert parsed["language"] == "vi"
    assert parsed["intent"]["name"]


@pytest.mark.parametrize(
    "message, response",
    [
        ("", "utter_input_empty"),
        ("   \n\t ", "utter_input_empty"),
        ("x" * 20000, None),
        ("🤷🤷🤷", "utter_input_no_words"),
        ("\x00\x01\x02", "utter_input_empty"),
        ("Bonjour, je voudrais savoir comment trouver un travail au Japon", "utter_unsupported_language"),
    ],
)
def test_bad_input_gets_a_polite_answer_never_an_error(servers, expected, message, response):
    conversation = Conversation(servers)
    conversation.texts("xin chào, mình muốn hỏi về visa")  # the conversation is in Vietnamese
    reply = conversation.texts(message)
    assert "Traceback" not in reply and "Error" not in reply
    if response:
        assert reply == expected(response, "vi")
    else:
        assert "20,000" in reply or "20.000" in reply


def test_html_is_read_as_text(servers, expected):
    conversation = Conversation(servers)
    reply = conversation.texts("<script>alert('x')</script><b>What is the SSW visa?</b>")
    assert reply == expected("utter_ask_ssw_overview", "en")


@pytest.mark.parametrize(
    "raw_body",
    [b"not json", b"[1, 2]", b'{"message": "hi"}', b'{"sender": "u", "message": 5}', b'{"sender": "u", "metadata": 1}'],
)
def test_malformed_requests_get_a_400_with_a_reason(servers, raw_body):
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"{servers.rasa_url}/webhooks/rest/webhook", data=raw_body, method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 400
    assert json.loads(error.value.read())["error"]
