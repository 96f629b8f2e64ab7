import pytest

from bot.i18n.furigana import Ruby, ruby, ruby_html, to_hiragana


@pytest.mark.parametrize(
    "word, readings",
    [
        ("特定技能", ["とくてい", "ぎのう"]),
        ("在留資格", ["ざいりゅう", "しかく"]),
        ("登録支援機関", ["とうろく", "しえん", "きかん"]),
        ("日本語能力試験", ["にほん", "ご", "のうりょく", "しけん"]),
        ("外国人材", ["がいこく", "じんざい"]),
        ("東京都", ["とうきょう", "と"]),
        ("出入国在留管理庁", ["しゅつにゅうこく", "ざいりゅう", "かんり", "ちょう"]),
        ("技能実習", ["ぎのう", "じっしゅう"]),
        ("日本人", ["にほん", "じん"]),  # UniDic-lite says ニッポン and ニン
        ("ベトナム人", ["じん"]),
        ("三人", ["さん", "にん"]),  # a counter keeps にん
        ("お申し込み", ["もう", "こ"]),  # kana inside a word stay outside the ruby
        ("受け付け", ["う", "つ"]),
    ],
)
def test_tricky_words_get_their_usual_readings(word, readings):
    pieces = ruby(word)
    assert "".join(piece.text for piece in pieces) == word
    assert [piece.reading for piece in pieces if piece.reading] == readings


def test_okurigana_stays_outside_the_ruby():
    assert ruby("教えてください")[:2] == [Ruby("教", "おし"), Ruby("え")]


def test_kana_and_latin_get_no_ruby_and_text_is_kept_whole():
    text = "SSW ビザ について、 よろしく！"
    pieces = ruby(text)
    assert "".join(piece.text for piece in pieces) == text
    assert all(piece.reading is None for piece in pieces)


def test_html_is_escaped():
    assert ruby_html("<b>日本</b>") == "&lt;b&gt;<ruby>日本<rt>にほん</rt></ruby>&lt;/b&gt;"


def test_katakana_to_hiragana():
    assert to_hiragana("トクテイギノウ") == "とくていぎのう"
