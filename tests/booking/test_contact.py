import re

import pytest

from bot.booking.contact import (
    BAD_EMAIL,
    BAD_PHONE,
    EMAIL,
    NOT_CONTACT,
    PHONE,
    Contact,
    contact_key,
    parse_contact,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("taro@example.com", "taro@example.com"),
        ("Taro.Yamada@EXAMPLE.COM", "Taro.Yamada@example.com"),
        ("user+tag@mail.example.co.jp", "user+tag@mail.example.co.jp"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@example.com"),
        ("taro＠example.com", "taro@example.com"),
    ],
)
def test_valid_emails(text, expected):
    assert parse_contact(text) == Contact(EMAIL, expected)


@pytest.mark.parametrize(
    "text",
    [
        "taro@",
        "@example.com",
        "taro@@example.com",
        "taro@mail@example.com",
        "taro @example.com",
        "taro@ example.com",
        "taro@exam ple.com",
        "taro@example",
        "taro..yamada@example.com",
        "my email is taro@",
        "ｔａｒｏ＠",
    ],
)
def test_malformed_emails(text):
    assert parse_contact(text) == BAD_EMAIL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("０９０－１２３４－５６７８", "+819012345678"),
        ("０９０ー１２３４ー５６７８", "+819012345678"),
        ("09012345678", "+819012345678"),
        ("090 1234 5678", "+819012345678"),
        ("03-1234-5678", "+81312345678"),
        ("(03) 1234-5678", "+81312345678"),
        ("+81 90-1234-5678", "+819012345678"),
        ("+84 912 345 678", "+84912345678"),
        ("0084 912 345 678", "+84912345678"),
        ("+63 905 123 4567", "+639051234567"),
        ("+977 984-1234567", "+9779841234567"),
        ("+95 9 212 3456", "+9592123456"),
        ("+62 812-345-678", "+62812345678"),
        ("+66 81 234 5678", "+66812345678"),
        ("+82 10-2000-0000", "+821020000000"),
        ("+55 11 96123-4567", "+5511961234567"),
        ("+86 131 2345 6789", "+8613123456789"),
    ],
)
def test_valid_phones(text, expected):
    assert parse_contact(text) == Contact(PHONE, expected)


@pytest.mark.parametrize("text", ["12345", "123", "090-1234", "+84 12", "+1 (000) 000-0000", "1234567890123456"])
def test_malformed_phones(text):
    assert parse_contact(text) == BAD_PHONE


@pytest.mark.parametrize("text", ["abc", "", "   ", "taro.example.com", "tomorrow afternoon", "明日の午後", "I'm 25"])
def test_not_contact(text):
    assert parse_contact(text) == NOT_CONTACT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my email is taro@example.com.", Contact(EMAIL, "taro@example.com")),
        ("メールは taro@example.com です", Contact(EMAIL, "taro@example.com")),
        ("メールはtaro@example.comです。", Contact(EMAIL, "taro@example.com")),
        ("メールは ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ です", Contact(EMAIL, "taro@example.com")),
        ("email của tôi là <an.nguyen@example.vn>", Contact(EMAIL, "an.nguyen@example.vn")),
        ("我的邮箱是wang@example.cn", Contact(EMAIL, "wang@example.cn")),
        ("số điện thoại 090 1234 5678", Contact(PHONE, "+819012345678")),
        ("電話番号は０９０－１２３４－５６７８です", Contact(PHONE, "+819012345678")),
        ("nomor HP saya +62 812-345-678 ya", Contact(PHONE, "+62812345678")),
        ("Ang numero ko ay 090-1234-5678 po", Contact(PHONE, "+819012345678")),
        ("मेरो फोन +977 984-1234567 हो", Contact(PHONE, "+9779841234567")),
        ("meu telefone é +55 11 96123-4567", Contact(PHONE, "+5511961234567")),
        ("전화번호는 +82 10-2000-0000 입니다", Contact(PHONE, "+821020000000")),
        ("เบอร์โทร +66 81 234 5678 ครับ", Contact(PHONE, "+66812345678")),
        ("call me at 090-1234-5678 after 6pm", Contact(PHONE, "+819012345678")),
        ("090-1234-5678 10時以降", Contact(PHONE, "+819012345678")),
        ("2025-03-10 090-1234-5678", Contact(PHONE, "+819012345678")),
        ("090-1234-5678 or taro@example.com", Contact(PHONE, "+819012345678")),
        ("taro09012345678@example.com", Contact(EMAIL, "taro09012345678@example.com")),
    ],
)
def test_contact_inside_text(text, expected):
    assert parse_contact(text) == expected


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("taro@example.com", "t***@e***.com"),
        ("hanako.yamada@mail.example.co.jp", "h***@m***.jp"),
        ("090-1234-5678", "+81 ••• •••• 5678"),
        ("+84 912 345 678", "+84 ••• •••• 5678"),
    ],
)
def test_masked(text, masked):
    assert parse_contact(text).masked() == masked


@pytest.mark.parametrize("text", ["090-1234-5678", "03-1234-5678", "+84 912 345 678", "+95 9 212 3456"])
def test_masked_phone_shows_no_more_than_last_four_digits(text):
    contact = parse_contact(text)
    national = contact.value.removeprefix("+").removeprefix(contact.masked().split()[0][1:])
    shown = re.sub(r"\D", "", contact.masked().split(" ", 1)[1])
    assert shown == national[-4:]
    assert national[:-4] not in contact.masked()


@pytest.mark.parametrize("text", ["taro@example.com", "a@b.co", "hanako.yamada@example.co.jp"])
def test_masked_email_shows_no_more_than_first_letters(text):
    contact = parse_contact(text)
    local, domain = contact.value.split("@")
    masked_local, masked_domain = contact.masked().split("@")
    assert masked_local == local[0] + "***"
    assert masked_domain == domain[0] + "***." + domain.rsplit(".", 1)[1]


@pytest.mark.parametrize("text", ["taro@example.com", "090-1234-5678"])
def test_repr_and_str_are_masked(text):
    contact = parse_contact(text)
    assert contact.value not in repr(contact)
    assert contact.value not in str(contact)
    assert contact.masked() in repr(contact)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("０９０－１２３４－５６７８", "090-1234-5678"),
        ("+81 3 1234 5678", "03-1234-5678"),
        ("+84912345678", "+84 912 345 678"),
        ("Taro@EXAMPLE.com", "Taro@example.com"),
    ],
)
def test_display(text, shown):
    assert parse_contact(text).display() == shown


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("Taro@Example.com", "taro@example.COM"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "TARO@EXAMPLE.COM"),
        ("090-1234-5678", "+81 90 1234 5678"),
        ("０９０－１２３４－５６７８", "09012345678"),
    ],
)
def test_contact_key_matches_the_same_contact(first, later):
    assert contact_key(parse_contact(first)) == contact_key(parse_contact(later))


@pytest.mark.parametrize(
    ("first", "other"),
    [
        ("taro@example.com", "jiro@example.com"),
        ("090-1234-5678", "090-1234-5679"),
        ("+84 912 345 678", "+84 912 345 679"),
    ],
)
def test_contact_key_tells_contacts_apart(first, other):
    assert contact_key(parse_contact(first)) != contact_key(parse_contact(other))


def test_contact_is_frozen():
    contact = Contact(EMAIL, "taro@example.com")
    with pytest.raises(AttributeError):
        contact.value = "other@example.com"  # type: ignore[misc]
