import pytest

from bot.i18n.formatting import format_value
from bot.i18n.languages import autonym, display_name, normalise_code


@pytest.mark.parametrize(
    "kind, value, language, expected",
    [
        ("date", "2027-04-01", "ja", "2027年4月1日"),
        ("date", "2027-04-01", "en", "April 1, 2027"),
        ("date", "2027-04-01", "vi", "1 tháng 4, 2027"),
        ("month", "2026-01", "ja", "2026年1月"),
        ("money_jpy", 300000, "ja", "￥300,000"),
        ("money_jpy", 300000, "vi", "300.000\xa0¥"),
        ("number", 16, "en", "16"),
        ("time", "09:00", "en", "9:00\u202fAM"),
    ],
)
def test_values_are_formatted_for_the_reader(kind, value, language, expected):
    assert format_value(kind, value, language) == expected


def test_unknown_value_type_is_an_error():
    with pytest.raises(ValueError):
        format_value("colour", "red", "en")


def test_language_names_come_from_cldr():
    assert autonym("vi") == "Tiếng Việt"
    assert autonym("ja") == "日本語"
    assert display_name("vi", "ja") == "ベトナム語"


@pytest.mark.parametrize(
    "raw, code",
    [("vi-VN", "vi"), ("VI", "vi"), ("tl", "fil"), ("ja_easy", "ja-easy"), ("fr", None), (None, None), (3, None)],
)
def test_codes_are_normalised(raw, code):
    assert normalise_code(raw) == code
