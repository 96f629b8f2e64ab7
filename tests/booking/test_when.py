"""parse_when in every language, with today fixed to Wednesday 25 November 2026 (Asia/Tokyo)."""

import datetime as dt

import pytest

from bot.booking.when import TOKYO, WhenRequest, parse_when

TODAY = dt.date(2026, 11, 25)  # a Wednesday; next week runs Monday 30 Nov - Sunday 6 Dec
NEXT_WEEK = "11-30 12-01 12-02 12-03 12-04 12-05 12-06"


def days(spec: str) -> tuple[dt.date, ...]:
    """'12-01 12-03' (in 2026) or full ISO dates, space-separated."""
    return tuple(dt.date.fromisoformat(d if len(d) == 10 else f"2026-{d}") for d in spec.split())


# language, text, days, part of day, hour, minute, problem
CASES = [
    # Japanese
    ("ja", "来週の火曜日の午後", "12-01", "afternoon", None, 0, None),
    ("ja", "１２月３日の１４時", "12-03", "afternoon", 14, 0, None),
    ("ja", "明日の午前10時", "11-26", "morning", 10, 0, None),
    ("ja", "金曜の夕方", "11-27", "evening", None, 0, None),
    ("ja", "午後2時半", "", "afternoon", 14, 30, None),
    ("ja", "2時", "", "afternoon", 14, 0, None),
    ("ja", "夜7時", "", "evening", 19, 0, None),
    ("ja", "PM2:00", "", "afternoon", 14, 0, None),
    ("ja", "来週の火の午後", "12-01", "afternoon", None, 0, None),
    ("ja", "再来週の水曜日", "12-09", None, None, 0, None),
    ("ja", "十二月一日の午後一時", "12-01", "afternoon", 13, 0, None),
    ("ja", "12/3(木)", "12-03", None, None, 0, None),
    ("ja", "土日", "11-28 11-29", None, None, 0, None),
    ("ja", "来週", NEXT_WEEK, None, None, 0, None),
    ("ja", "今夜", "11-25", "evening", None, 0, None),
    ("ja", "2月30日", "", None, None, 0, "impossible_date"),
    ("ja", "2月30日(月)", "", None, None, 0, "impossible_date"),
    ("ja", "2025年12月3日", "2025-12-03", None, None, 0, "past"),
    ("ja", "今週の月曜日", "11-23", None, None, 0, "past"),
    # plain Japanese
    ("ja-easy", "らいしゅうの かようび ごご", "12-01", "afternoon", None, 0, None),
    ("ja-easy", "あした の ごぜん", "11-26", "morning", None, 0, None),
    ("ja-easy", "あさって", "11-27", None, None, 0, None),
    ("ja-easy", "きんようび の 3じ", "11-27", "afternoon", 15, 0, None),
    ("ja-easy", "12月3日 10じはん", "12-03", "morning", 10, 30, None),
    ("ja-easy", "きょう の ゆうがた", "11-25", "evening", None, 0, None),
    ("ja-easy", "4月31日", "", None, None, 0, "impossible_date"),
    ("ja-easy", "きのう", "11-24", None, None, 0, "past"),
    # English
    ("en", "next Tuesday afternoon", "12-01", "afternoon", None, 0, None),
    ("en", "Dec 3", "12-03", None, None, 0, None),
    ("en", "3rd of December at 2pm", "12-03", "afternoon", 14, 0, None),
    ("en", "December 3rd, 10:30 am", "12-03", "morning", 10, 30, None),
    ("en", "12/3 at 2", "12-03", "afternoon", 14, 0, None),
    ("en", "at 8", "", "morning", 8, 0, None),
    ("en", "tomorrow morning", "11-26", "morning", None, 0, None),
    ("en", "wednesday", "12-02", None, None, 0, None),
    ("en", "this wednesday", "11-25", None, None, 0, None),
    ("en", "Tuesday or Thursday", "11-26 12-01", None, None, 0, None),
    ("en", "the day after tomorrow", "11-27", None, None, 0, None),
    ("en", "next week", NEXT_WEEK, None, None, 0, None),
    ("en", "this week", "11-25 11-26 11-27 11-28 11-29", None, None, 0, None),
    ("en", "2026-12-03 14:30", "12-03", "afternoon", 14, 30, None),
    ("en", "noon tomorrow", "11-26", "afternoon", 12, 0, None),
    ("en", "tuesday next week at 10", "12-01", "morning", 10, 0, None),
    ("en", "the week after next", "12-07 12-08 12-09 12-10 12-11 12-12 12-13", None, None, 0, None),
    ("en", "Monday and Wednesday mornings", "11-30 12-02", "morning", None, 0, None),
    ("en", "sat 3 p.m.", "11-28", "afternoon", 15, 0, None),
    ("en", "25/12", "12-25", None, None, 0, None),
    ("en", "Feb 30", "", None, None, 0, "impossible_date"),
    ("en", "2025-01-01", "2025-01-01", None, None, 0, "past"),
    # Vietnamese, with and without diacritics
    ("vi", "thứ ba tuần sau", "12-01", None, None, 0, None),
    ("vi", "thu ba tuan sau", "12-01", None, None, 0, None),
    ("vi", "2 giờ chiều thứ 5", "11-26", "afternoon", 14, 0, None),
    ("vi", "3 tháng 12", "12-03", None, None, 0, None),
    ("vi", "ngày 3/12 lúc 14:00", "12-03", "afternoon", 14, 0, None),
    ("vi", "toi muon dat lich chieu mai", "11-26", "afternoon", None, 0, None),
    ("vi", "t7 tuần này", "11-28", None, None, 0, None),
    ("vi", "tối nay 7 giờ", "11-25", "evening", 19, 0, None),
    ("vi", "sáng thứ hai", "11-30", "morning", None, 0, None),
    ("vi", "2 giờ rưỡi", "", "afternoon", 14, 30, None),
    ("vi", "31/4", "", None, None, 0, "impossible_date"),
    ("vi", "hôm qua", "11-24", None, None, 0, "past"),
    # Chinese (Simplified and Traditional)
    ("zh", "下周二下午", "12-01", "afternoon", None, 0, None),
    ("zh", "下午两点", "", "afternoon", 14, 0, None),
    ("zh", "12月3号", "12-03", None, None, 0, None),
    ("zh", "14点", "", "afternoon", 14, 0, None),
    ("zh", "週二下午三點半", "12-01", "afternoon", 15, 30, None),
    ("zh", "周二十点", "12-01", "morning", 10, 0, None),
    ("zh", "这周五", "11-27", None, None, 0, None),
    ("zh", "明晚", "11-26", "evening", None, 0, None),
    ("zh", "下下周三上午", "12-09", "morning", None, 0, None),
    ("zh", "2月30日", "", None, None, 0, "impossible_date"),
    ("zh", "上周一", "11-16", None, None, 0, "past"),
    # Indonesian
    ("id", "Selasa depan", "12-01", None, None, 0, None),
    ("id", "besok jam 2 siang", "11-26", "afternoon", 14, 0, None),
    ("id", "pukul 14.00", "", "afternoon", 14, 0, None),
    ("id", "3 Desember", "12-03", None, None, 0, None),
    ("id", "jam setengah 3 sore", "", "afternoon", 14, 30, None),
    ("id", "Kamis jam 10 pagi", "11-26", "morning", 10, 0, None),
    ("id", "hari Minggu", "11-29", None, None, 0, None),
    ("id", "Senin minggu depan sore", "11-30", "afternoon", None, 0, None),
    ("id", "minggu depan", NEXT_WEEK, None, None, 0, None),
    ("id", "31 Februari", "", None, None, 0, "impossible_date"),
    ("id", "jam dua belas siang", "", "afternoon", 12, 0, None),
    ("id", "kemarin", "11-24", None, None, 0, "past"),
    # Filipino / Taglish
    ("fil", "sa Martes alas-2 ng hapon", "12-01", "afternoon", 14, 0, None),
    ("fil", "ika-3 ng Disyembre", "12-03", None, None, 0, None),
    ("fil", "bukas 2pm", "11-26", "afternoon", 14, 0, None),
    ("fil", "susunod na Lunes", "11-30", None, None, 0, None),
    ("fil", "Martes sa susunod na linggo", "12-01", None, None, 0, None),
    ("fil", "alas dos y medya ng hapon", "", "afternoon", 14, 30, None),
    ("fil", "bukas ng umaga", "11-26", "morning", None, 0, None),
    ("fil", "next week Friday", "12-04", None, None, 0, None),
    ("fil", "3/12", "12-03", None, None, 0, None),
    ("fil", "31/4", "", None, None, 0, "impossible_date"),
    ("fil", "kahapon", "11-24", None, None, 0, "past"),
    # Nepali, Devanagari and romanised
    ("ne", "arko mangalbar", "12-01", None, None, 0, None),
    ("ne", "भोलि २ बजे", "11-26", "afternoon", 14, 0, None),
    ("ne", "diuso 2 baje", "", "afternoon", 14, 0, None),
    ("ne", "अर्को हप्ता मंगलबार बिहान", "12-01", "morning", None, 0, None),
    ("ne", "bholiko bihana", "11-26", "morning", None, 0, None),
    ("ne", "मंगलबारको दिउँसो", "12-01", "afternoon", None, 0, None),
    ("ne", "साढे दुई बजे", "", "afternoon", 14, 30, None),
    ("ne", "डिसेम्बर ३", "12-03", None, None, 0, None),
    ("ne", "aaja beluka 5 baje", "11-25", "evening", 17, 0, None),
    ("ne", "३२ डिसेम्बर", "", None, None, 0, "impossible_date"),
    ("ne", "hijo", "11-24", None, None, 0, "past"),
    # Burmese
    ("my", "နောက်အပတ် အင်္ဂါနေ့ နေ့လယ်", "12-01", "afternoon", None, 0, None),
    ("my", "မနက်ဖြန် ၂ နာရီ", "11-26", "afternoon", 14, 0, None),
    ("my", "ဒီဇင်ဘာ ၃ ရက်", "12-03", None, None, 0, None),
    ("my", "အင်္ဂါနေ့ ညနေ ၃ နာရီ", "12-01", "afternoon", 15, 0, None),
    ("my", "၃/၁၂", "12-03", None, None, 0, None),
    ("my", "ဒီနေ့ မနက်", "11-25", "morning", None, 0, None),
    ("my", "နောက် တနင်္လာ", "11-30", None, None, 0, None),
    ("my", "၂ နာရီခွဲ", "", "afternoon", 14, 30, None),
    ("my", "ဖေဖော်ဝါရီ ၃၀", "", None, None, 0, "impossible_date"),
    ("my", "မနေ့က", "11-24", None, None, 0, "past"),
    # Brazilian Portuguese
    ("pt", "terça que vem à tarde", "12-01", "afternoon", None, 0, None),
    ("pt", "às 14h", "", "afternoon", 14, 0, None),
    ("pt", "14h30", "", "afternoon", 14, 30, None),
    ("pt", "3 de dezembro", "12-03", None, None, 0, None),
    ("pt", "amanha as 2 da tarde", "11-26", "afternoon", 14, 0, None),
    ("pt", "próxima terça", "12-01", None, None, 0, None),
    ("pt", "sexta de manhã", "11-27", "morning", None, 0, None),
    ("pt", "quarta-feira às 10h", "12-02", "morning", 10, 0, None),
    ("pt", "3/12", "12-03", None, None, 0, None),
    ("pt", "30 de fevereiro", "", None, None, 0, "impossible_date"),
    ("pt", "ontem", "11-24", None, None, 0, "past"),
    # Korean
    ("ko", "다음 주 화요일 오후", "12-01", "afternoon", None, 0, None),
    ("ko", "오후 2시", "", "afternoon", 14, 0, None),
    ("ko", "12월 3일", "12-03", None, None, 0, None),
    ("ko", "내일 두 시 반", "11-26", "afternoon", 14, 30, None),
    ("ko", "이번 주 금요일", "11-27", None, None, 0, None),
    ("ko", "내일 오전 10시 30분", "11-26", "morning", 10, 30, None),
    ("ko", "모레", "11-27", None, None, 0, None),
    ("ko", "다음주 월요일", "11-30", None, None, 0, None),
    ("ko", "2월 30일", "", None, None, 0, "impossible_date"),
    ("ko", "지난주 금요일", "11-20", None, None, 0, "past"),
    # Thai
    ("th", "อังคารหน้า ช่วงบ่าย", "12-01", "afternoon", None, 0, None),
    ("th", "บ่ายสอง", "", "afternoon", 14, 0, None),
    ("th", "14.00 น.", "", "afternoon", 14, 0, None),
    ("th", "3 ธ.ค.", "12-03", None, None, 0, None),
    ("th", "3 ธันวาคม 2569", "12-03", None, None, 0, None),
    ("th", "พรุ่งนี้ สองทุ่ม", "11-26", "evening", 20, 0, None),
    ("th", "พรุ่งนี้เช้า 10 โมง", "11-26", "morning", 10, 0, None),
    ("th", "บ่ายโมงครึ่ง", "", "afternoon", 13, 30, None),
    ("th", "วันอาทิตย์หน้า", "12-06", None, None, 0, None),
    ("th", "วันศุกร์นี้", "11-27", None, None, 0, None),
    ("th", "31 เม.ย.", "", None, None, 0, "impossible_date"),
    ("th", "เมื่อวาน", "11-24", None, None, 0, "past"),
]


@pytest.mark.parametrize("language, text, day_spec, part, hour, minute, problem", CASES)
def test_parse_when(language, text, day_spec, part, hour, minute, problem):
    request = parse_when(text, language, TODAY)
    assert request == WhenRequest(days(day_spec) if day_spec else (), part, hour, minute, problem)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "I want to book an appointment"),
        ("en", "Boa tarde"),
        ("pt", "Boa tarde, quero agendar"),
        ("ja", "こんばんは"),
        ("ja", "3日間かかります"),
        ("ja", "一時帰国中です"),
        ("ja", "その日は火事でした"),
        ("zh", "晚一点可以吗"),
        ("vi", "tôi muốn đặt lịch"),
        ("vi", "thu tuc visa"),
        ("ko", "전화로 할게요"),
        ("id", "selamat pagi"),
        ("th", "สวัสดีตอนเช้า"),
    ],
)
def test_no_day_and_no_time_is_none(language, text):
    assert parse_when(text, language, TODAY) is None


@pytest.mark.parametrize(
    "language, text, day_spec",
    [
        ("vi", "next week", NEXT_WEEK),  # words of another language when none of the user's own
        ("ko", "tomorrow", "11-26"),
        ("und", "下周二", "12-01"),  # an unknown language reads all of them
        ("pt-BR", "amanhã", "11-26"),
        ("ja-easy", "来週の月曜日", "11-30"),
    ],
)
def test_languages_mix(language, text, day_spec):
    assert parse_when(text, language, TODAY).days == days(day_spec)


def test_a_date_without_year_is_the_next_one():
    assert parse_when("1月5日", "ja", TODAY).days == days("2027-01-05")
    assert parse_when("Feb 29", "en", TODAY).days == days("2028-02-29")
    assert parse_when("today", "en", TODAY).days == (TODAY,)


def test_the_3rd_is_next_month_when_it_has_passed():
    assert parse_when("3日の午後", "ja", TODAY).days == days("12-03")
    assert parse_when("dia 30", "pt", TODAY).days == days("11-30")


def tokyo(day: str, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(f"2026-{day}").replace(hour=hour, minute=minute, tzinfo=TOKYO)


def test_allows_day_and_part_of_day():
    request = parse_when("来週の火曜日の午後", "ja", TODAY)
    assert request.allows(tokyo("12-01", 14))
    assert request.allows(tokyo("12-01", 16, 30))
    assert not request.allows(tokyo("12-01", 11))
    assert not request.allows(tokyo("12-01", 17))
    assert not request.allows(tokyo("12-02", 14))
    # compared in Tokyo time: 05:00 UTC is 14:00 in Tokyo
    assert request.allows(dt.datetime(2026, 12, 1, 5, 0, tzinfo=dt.timezone.utc))


def test_allows_exact_clock_time():
    request = parse_when("2pm", "en", TODAY)
    assert request.days == ()
    assert request.allows(tokyo("12-07", 14))
    assert not request.allows(tokyo("12-07", 14, 30))
    assert parse_when("14h30", "pt", TODAY).allows(tokyo("12-07", 14, 30))


def test_evening_and_morning_windows():
    evening = parse_when("tối thứ sáu", "vi", TODAY)
    assert evening.allows(tokyo("11-27", 17)) and not evening.allows(tokyo("11-27", 16))
    morning = parse_when("morning", "en", TODAY)
    assert morning.allows(tokyo("12-07", 9)) and not morning.allows(tokyo("12-07", 12))


def test_a_request_with_a_problem_allows_nothing():
    assert not parse_when("2月30日", "ja", TODAY).allows(tokyo("12-01", 10))
    assert not parse_when("yesterday", "en", TODAY).allows(tokyo("11-24", 10))
