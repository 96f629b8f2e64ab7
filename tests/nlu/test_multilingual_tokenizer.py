import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.multilingual_tokenizer import MultilingualTokenizer
from bot.nlu.text_forms import fold, normalise


@pytest.fixture
def tokenizer(default_model_storage, execution_context):
    return MultilingualTokenizer.create(
        MultilingualTokenizer.get_default_config(),
        default_model_storage,
        Resource("tokenizer"),
        execution_context,
    )


def tokens_of(tokenizer, text, language=None):
    message = Message({TEXT: text, "language": language})
    tokenizer.process([message])
    return [(token.text, token.start, token.end) for token in message.get(TOKENS_NAMES[TEXT])]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "特定技能ビザについて教えて",
            "ja",
            [
                ("特定", 0, 2),
                ("技能", 2, 4),
                ("ビザ", 4, 6),
                ("に", 6, 7),
                ("つい", 7, 9),
                ("て", 9, 10),
                ("教え", 10, 12),
                ("て", 12, 13),
            ],
        ),
        # Kanji only: Chinese goes to jieba, Japanese to MeCab
        ("我想了解签证", "zh", [("我", 0, 1), ("想", 1, 2), ("了解", 2, 4), ("签证", 4, 6)]),
        ("ผมอยากหางาน", "th", [("ผม", 0, 2), ("อยาก", 2, 6), ("หา", 6, 8), ("งาน", 8, 11)]),
        (
            "Xin chào, tôi muốn hỏi",
            "vi",
            [("xin", 0, 3), ("chào", 4, 8), (",", 8, 9), ("tôi", 10, 13), ("muốn", 14, 18), ("hỏi", 19, 22)],
        ),
        # Full-width letters are normalised, offsets stay on the original text
        ("ＳＳＷって何？", "ja", [("ssw", 0, 3), ("って", 3, 5), ("何", 5, 6), ("?", 6, 7)]),
        ("What's SSW?", "en", [("what", 0, 4), ("'s", 4, 6), ("ssw", 7, 10), ("?", 10, 11)]),
    ],
)
def test_tokens_and_offsets(tokenizer, text, language, expected):
    assert tokens_of(tokenizer, text, language) == expected


def test_burmese_is_cut_into_syllables(tokenizer):
    text = "ကျွန်တော် အလုပ်ရှာနေပါတယ်"
    tokens = tokens_of(tokenizer, text, "my")
    assert [token for token, _, _ in tokens] == ["ကျွန်", "တော်", "အ", "လုပ်", "ရှာ", "နေ", "ပါ", "တယ်"]
    assert all(text[start:end] == token for token, start, end in tokens)


def test_lemmas_are_base_forms_without_diacritics(tokenizer):
    message = Message({TEXT: "教えてください muốn", "language": "ja"})
    tokenizer.process([message])
    lemmas = [token.lemma for token in message.get(TOKENS_NAMES[TEXT])]
    assert "教える" in lemmas and "muon" in lemmas


def test_fold_keeps_marks_of_other_scripts():
    assert fold("Nguyễn đường") == "Nguyen duong"
    assert fold("がぎ ကျွန် नेपाली") == "がぎ ကျွန် नेपाली"
    assert normalise("ＡＢＣ１２３ ｶﾀｶﾅ") == "abc123 カタカナ"


def test_empty_text_gives_no_tokens(tokenizer):
    assert tokens_of(tokenizer, "", "en") == []
    assert tokens_of(tokenizer, "   ", None) == []


def test_japanese_terms_in_chinese_stay_whole(tokenizer):
    texts = [text for text, _, _ in tokens_of(tokenizer, "我们想招介护人员", "zh")]
    assert "介护" in texts
