import pytest

from bot.booking.names import EMPTY, MAX_NAME_LENGTH, NAME_PREFIXES, NOT_A_NAME, TOO_LONG, parse_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Latin, with and without diacritics
        ("Ana Souza", "Ana Souza"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("Juan dela Cruz", "Juan dela Cruz"),
        ("Seán O'Brien", "Seán O'Brien"),
        ("Taro Y.", "Taro Y."),
        # kanji, kana
        ("田中太郎", "田中太郎"),
        ("たなか はなこ", "たなか はなこ"),
        ("タナカ", "タナカ"),
        ("ﾀﾅｶ ﾀﾛｳ", "タナカ タロウ"),
        # Chinese, Hangul, Devanagari, Burmese, Thai
        ("王小明", "王小明"),
        ("김민수", "김민수"),
        ("राम बहादुर", "राम बहादुर"),
        ("အောင်အောင်", "အောင်အောင်"),
        ("สมชาย ใจดี", "สมชาย ใจดี"),
        # NFKC and spaces
        ("ＴＡＲＯ　ＹＡＭＡＤＡ", "TARO YAMADA"),
        ("  Ana \t  Souza \n", "Ana Souza"),
    ],
)
def test_names_in_many_scripts(text, name):
    assert parse_name(text) == (name, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is Ana Souza.", "Ana Souza"),
        ("my name's Ana", "Ana"),
        ("I’m Sam", "Sam"),
        ("Name: Taro", "Taro"),
        ("私の名前は田中太郎です。", "田中太郎"),
        ("わたしの なまえは たなか です", "たなか"),
        ("田中と申します", "田中"),
        ("Tên tôi là Nguyễn Văn An", "Nguyễn Văn An"),
        ("Tên em là Lan ạ.", "Lan"),
        ("我叫王小明", "王小明"),
        ("我的名字是李华。", "李华"),
        ("Nama saya Budi Santoso", "Budi Santoso"),
        ("Ako po si Juan dela Cruz", "Juan dela Cruz"),
        ("Ang pangalan ko ay Maria", "Maria"),
        ("Meu nome é João Silva", "João Silva"),
        ("Me chamo Ana", "Ana"),
        ("제 이름은 김민수입니다", "김민수"),
        ("저는 이지은이에요", "이지은"),
        ("ผมชื่อสมชายครับ", "สมชาย"),
        ("ดิฉันชื่อ มาลี ค่ะ", "มาลี"),
        ("मेरो नाम राम हो", "राम"),
        ("म राम हुँ", "राम"),
        ("ကျွန်တော့်နာမည် အောင်အောင် ပါ", "အောင်အောင်"),
    ],
)
def test_common_phrasings_are_stripped(text, name):
    assert parse_name(text) == (name, None)


@pytest.mark.parametrize(
    "text",
    # Names that begin like a phrase must keep their letters.
    ["Imran Khan", "Iman", "Manisha", "Thisbe", "Nameer", "Saya Tanaka", "Tôi"],
)
def test_names_that_look_like_phrases(text):
    assert parse_name(text) == (text, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", EMPTY),
        ("   ", EMPTY),
        ("!!!", EMPTY),
        ("My name is", EMPTY),
        ("私の名前は", EMPTY),
        ("a" * (MAX_NAME_LENGTH + 1), TOO_LONG),
        ("taro@example.com", NOT_A_NAME),
        ("I'm Taro, taro@example.com", NOT_A_NAME),
        ("https://example.com/taro", NOT_A_NAME),
        ("www.example.com", NOT_A_NAME),
        ("090-1234-5678", NOT_A_NAME),
        ("12345 a", NOT_A_NAME),
        ("１２３４５", NOT_A_NAME),
        ("??? ---", NOT_A_NAME),
        ("😀😀", NOT_A_NAME),
    ],
)
def test_problems(text, problem):
    assert parse_name(text) == (None, problem)


def test_longest_allowed_name():
    name = "a" * MAX_NAME_LENGTH
    assert parse_name(name) == (name, None)


def test_prefix_list_stays_small():
    assert set(NAME_PREFIXES) >= {"ja", "en", "vi", "zh", "id", "fil", "pt", "ko", "th", "ne", "my"}
    assert all(len(phrases) <= 8 for phrases in NAME_PREFIXES.values())
