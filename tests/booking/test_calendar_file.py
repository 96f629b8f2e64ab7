from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bot.booking.calendar_file import PRODID, booking_ics, cancelled_ics

TOKYO = ZoneInfo("Asia/Tokyo")
START = datetime(2025, 3, 10, 14, 0, tzinfo=TOKYO)
END = START + timedelta(minutes=45)

# The user's personal data, as a booking flow would hold it next to the call.
USER_NAME = "Nguyễn Văn An"
USER_EMAIL = "an.nguyen@example.vn"
USER_PHONE = "+84912345678"

# Everything a VEVENT from us may carry: no ATTENDEE, CONTACT, COMMENT, URL...
ALLOWED_EVENT_PROPERTIES = {
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "STATUS",
    "SEQUENCE",
    "ORGANIZER",
}


def _booking(**overrides) -> bytes:
    arguments = dict(
        reference="K7M4-9QXT",
        starts_at=START,
        ends_at=END,
        summary="外国人材採用ナビセンター 相談 / Consultation",
        description="Reference K7M4-9QXT\nBring your residence card; questions, answers.",
        location="Tokyo Foreign Talent Recruitment Navi Center, Shinjuku",
        organizer_name="Tokyo Foreign Talent Recruitment Navi Center",
    )
    arguments.update(overrides)
    return booking_ics(**arguments)


def _cancellation() -> bytes:
    return cancelled_ics(
        reference="K7M4-9QXT",
        starts_at=START,
        ends_at=END,
        summary="Consultation",
        organizer_name="Tokyo Foreign Talent Recruitment Navi Center",
    )


def test_booking_parses_back():
    calendar = Calendar.from_ical(_booking())
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    [event] = calendar.events
    assert str(event["UID"]) == "K7M4-9QXT@navi-assistant.local"
    assert str(event["SUMMARY"]) == "外国人材採用ナビセンター 相談 / Consultation"
    assert str(event["DESCRIPTION"]) == "Reference K7M4-9QXT\nBring your residence card; questions, answers."
    assert str(event["LOCATION"]) == "Tokyo Foreign Talent Recruitment Navi Center, Shinjuku"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["ORGANIZER"].params["CN"] == "Tokyo Foreign Talent Recruitment Navi Center"


def test_times_are_in_tokyo_with_a_vtimezone():
    calendar = Calendar.from_ical(_booking())
    [event] = calendar.events
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert event.start == START
    assert str(event.start.tzinfo) == "Asia/Tokyo"
    assert event.start.hour == 14
    assert event.end == END
    assert [timezone_.tz_name for timezone_ in calendar.timezones] == ["Asia/Tokyo"]
    assert b"DTSTART;TZID=Asia/Tokyo:20250310T140000" in _booking()


@pytest.mark.parametrize("zone", [timezone.utc, ZoneInfo("Asia/Ho_Chi_Minh"), ZoneInfo("America/Sao_Paulo")])
def test_other_zones_are_converted_to_tokyo(zone):
    [event] = Calendar.from_ical(_booking(starts_at=START.astimezone(zone), ends_at=END.astimezone(zone))).events
    assert event.start == START
    assert str(event.start.tzinfo) == "Asia/Tokyo"
    assert (event.start.hour, event.start.minute) == (14, 0)


def test_dtstamp_is_utc_now():
    [event] = Calendar.from_ical(_booking()).events
    stamp = event["DTSTAMP"].dt
    assert stamp.utcoffset() == timedelta(0)
    assert abs(datetime.now(timezone.utc) - stamp) < timedelta(minutes=1)


@pytest.mark.parametrize("ics", [_booking, _cancellation], ids=["booking", "cancellation"])
def test_no_personal_data(ics):
    data = ics()
    text = data.decode("utf-8")
    for personal in (USER_NAME, USER_EMAIL, USER_PHONE, USER_PHONE[1:]):
        assert personal not in text
    [event] = Calendar.from_ical(data).events
    assert set(event.keys()) <= ALLOWED_EVENT_PROPERTIES
    assert "ATTENDEE" not in text


def test_cancellation():
    calendar = Calendar.from_ical(_cancellation())
    assert str(calendar["METHOD"]) == "CANCEL"
    [event] = calendar.events
    assert str(event["UID"]) == "K7M4-9QXT@navi-assistant.local"
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert event.start == START


def test_booking_sequence_is_zero():
    [event] = Calendar.from_ical(_booking()).events
    assert int(event["SEQUENCE"]) == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"starts_at": datetime(2025, 3, 10, 14, 0)},
        {"ends_at": START},
        {"ends_at": START - timedelta(hours=1)},
        {"reference": ""},
        {"reference": "K7M4 9QXT"},
    ],
)
def test_rejects_bad_input(overrides):
    with pytest.raises(ValueError):
        _booking(**overrides)
