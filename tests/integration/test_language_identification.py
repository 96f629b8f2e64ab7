"""Language identification through the running assistant: kanji-only Chinese
versus Japanese, and short messages inside a conversation in every language."""

import pytest

from tests.integration.client import Conversation, post

pytestmark = pytest.mark.integration

KANJI_ONLY = [
    ("特定技能申請方法", "ja"),
    ("外国人材採用支援制度", "ja"),
    ("介護分野求人情報", "ja"),
    ("特定技能签证申请条件", "zh"),
    ("东京找工作", "zh"),
    ("外国人在日本工作需要什么签证", "zh"),
    ("簽證申請需要多久", "zh"),
]


@pytest.mark.parametrize("text, language", KANJI_ONLY)
def test_chinese_and_japanese_written_in_kanji_only(servers, text, language):
    status, parsed = post(f"{servers.rasa_url}/model/parse?token={servers.auth_token}", {"text": text})
    assert status == 200
    assert parsed["language"] == language


OPENINGS = {
    "ja": "特定技能について教えてください",
    "en": "what is the specified skilled worker visa",
    "vi": "cho mình hỏi visa kỹ năng đặc định là gì",
    "zh": "请问特定技能签证是什么",
    "id": "mau tanya visa tokutei ginou itu apa ya",
    "fil": "ano po ba yung SSW visa at paano mag apply",
    "ne": "विशिष्ट सीप भिसा भनेको के हो?",
    "my": "သတ်မှတ်ကျွမ်းကျင်လုပ်သား ဗီဇာဆိုတာ ဘာလဲ",
    "pt": "o que é o visto de trabalhador qualificado especifico?",
    "ko": "특정기능 비자가 뭔지 알려주세요",
    "th": "วีซ่าทักษะเฉพาะคืออะไรครับ",
}


@pytest.mark.parametrize("language", OPENINGS)
@pytest.mark.parametrize("short", ["OK", "👍", "1", "ok thanks"])
def test_a_short_message_keeps_the_conversation_language(servers, language, short):
    conversation = Conversation(servers)
    conversation.texts(OPENINGS[language])
    assert conversation.slot("language") == language
    conversation.texts(short)
    assert conversation.slot("language") == language
