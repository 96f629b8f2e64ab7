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
    "zh": [
        ("你好", "utter_greet"),
        ("特定技能签证可以在哪些行业工作？", "utter_ask_ssw_fields"),
        ("我想在东京找工作，应该怎么做？", "utter_ask_job_search"),
        ("谢谢你的帮助", "utter_thank"),
    ],
    "id": [
        ("halo kak", "utter_greet"),
        ("visa tokutei ginou bisa kerja di bidang apa saja?", "utter_ask_ssw_fields"),
        ("gimana cara cari kerja di perusahaan Tokyo?", "utter_ask_job_search"),
        ("makasih banyak ya", "utter_thank"),
    ],
    "fil": [
        ("hello po", "utter_greet"),
        ("anong mga trabaho ang pwede sa SSW visa?", "utter_ask_ssw_fields"),
        ("paano po maghanap ng trabaho sa Tokyo?", "utter_ask_job_search"),
        ("salamat po sa tulong", "utter_thank"),
    ],
    "ne": [
        ("नमस्ते", "utter_greet"),
        ("SSW भिसामा कुन कुन क्षेत्रमा काम गर्न पाइन्छ?", "utter_ask_ssw_fields"),
        ("tokyo ma kaam kasari khojne ho?", "utter_ask_job_search"),
        ("धेरै धन्यवाद", "utter_thank"),
    ],
    "my": [
        ("မင်္ဂလာပါ", "utter_greet"),
        ("SSW ဗီဇာနဲ့ ဘယ်လုပ်ငန်းတွေမှာ အလုပ်လုပ်လို့ရလဲ", "utter_ask_ssw_fields"),
        ("တိုကျိုမှာ အလုပ်ဘယ်လိုရှာရမလဲ", "utter_ask_job_search"),
        ("ကျေးဇူးတင်ပါတယ်", "utter_thank"),
    ],
    "pt": [
        ("oi, bom dia", "utter_greet"),
        ("quais areas o visto de trabalhador qualificado especifico cobre?", "utter_ask_ssw_fields"),
        ("como faço pra arrumar emprego numa empresa em Tóquio?", "utter_ask_job_search"),
        ("muito obrigado!", "utter_thank"),
    ],
    "ko": [
        ("안녕하세요", "utter_greet"),
        ("특정기능으로 일할 수 있는 업종은 뭐가 있어요?", "utter_ask_ssw_fields"),
        ("도쿄에서 일자리를 어떻게 찾을 수 있나요?", "utter_ask_job_search"),
        ("감사합니다", "utter_thank"),
    ],
    "th": [
        ("สวัสดีครับ", "utter_greet"),
        ("วีซ่าทักษะเฉพาะทำงานได้ในสาขาอะไรบ้างครับ", "utter_ask_ssw_fields"),
        ("อยากหางานที่โตเกียวต้องทำยังไงคะ", "utter_ask_job_search"),
        ("ขอบคุณมากครับ", "utter_thank"),
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


def test_plain_japanese_on_request_then_for_the_rest_of_the_conversation(servers, expected):
    conversation = Conversation(servers)
    conversation.texts("こんにちは")
    replies = conversation.say("やさしい日本語で話してください")
    assert {"data": {"language": "ja-easy"}} in [reply.get("custom") for reply in replies]  # the widget follows
    plain = expected("utter_ask_ssw_fields", "ja-easy")
    assert plain != expected("utter_ask_ssw_fields", "ja")
    assert conversation.texts("特定技能で働ける仕事の分野を教えてください") == plain


@pytest.mark.parametrize(
    "conversation_language, opening, mixed",
    [
        ("vi", "cho mình hỏi visa kỹ năng đặc định là gì vậy", "特定技能 visa là gì"),
        ("en", "hello, what is the SSW visa?", "which fields 特定技能で働けますか"),
        ("ja", "特定技能について教えてください", "SSWのrequirementsは？"),
    ],
)
def test_a_message_mixing_languages_is_answered_in_the_conversation_language(
    servers, conversation_language, opening, mixed
):
    conversation = Conversation(servers)
    conversation.texts(opening)
    assert conversation.slot("language") == conversation_language
    conversation.texts(mixed)
    assert conversation.slot("language") == conversation_language


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
