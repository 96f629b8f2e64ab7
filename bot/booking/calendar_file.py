"""An .ics file a user can add to their calendar after booking (or cancelling).

The file travels outside our control (mail, downloads, calendar sync), so it
holds no personal data: no user name, email or phone, no ATTENDEE. Times are
in Asia/Tokyo with a VTIMEZONE, so calendars abroad show the user's local time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress

TOKYO = ZoneInfo("Asia/Tokyo")
PRODID = "-//Tokyo Foreign Talent Navi Assistant//EN"
UID_DOMAIN = "navi-assistant.local"
# iTIP wants an ORGANIZER for PUBLISH and CANCEL; a no-reply address keeps
# calendars from offering to mail anyone.
DEFAULT_ORGANIZER_URI = f"mailto:noreply@{UID_DOMAIN}"


def booking_ics(
    *,
    reference: str,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    description: str,
    location: str,
    organizer_name: str,
    organizer_uri: str = DEFAULT_ORGANIZER_URI,
) -> bytes:
    """A confirmed consultation. `organizer_name` is the Center's or counselor's, never the user's."""
    calendar = _calendar("PUBLISH")
    event = _event(reference, starts_at, ends_at, organizer_name, organizer_uri)
    event.summary = summary
    event.description = description
    event.location = location
    event.status = "CONFIRMED"
    event.sequence = 0
    return _finish(calendar, event)


def cancelled_ics(
    *,
    reference: str,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    organizer_name: str,
    organizer_uri: str = DEFAULT_ORGANIZER_URI,
) -> bytes:
    """Removes the booking's event (same UID, higher SEQUENCE) from the user's calendar."""
    calendar = _calendar("CANCEL")
    event = _event(reference, starts_at, ends_at, organizer_name, organizer_uri)
    event.summary = summary
    event.status = "CANCELLED"
    event.sequence = 1
    return _finish(calendar, event)


def event_uid(reference: str) -> str:
    return f"{reference}@{UID_DOMAIN}"


def _calendar(method: str) -> Calendar:
    return Calendar.new(prodid=PRODID, method=method)


def _event(reference: str, starts_at: datetime, ends_at: datetime, organizer_name: str, organizer_uri: str) -> Event:
    if not reference or any(char.isspace() for char in reference):
        raise ValueError("reference must be non-empty and without spaces")
    start, end = _in_tokyo(starts_at), _in_tokyo(ends_at)
    if end <= start:
        raise ValueError("ends_at must be after starts_at")
    organizer = vCalAddress(organizer_uri)
    organizer.params["CN"] = organizer_name
    return Event.new(
        uid=event_uid(reference),
        stamp=datetime.now(timezone.utc),
        start=start,
        end=end,
        organizer=organizer,
    )


def _in_tokyo(moment: datetime) -> datetime:
    # A naive datetime could be anyone's local time: refuse rather than guess.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    return moment.astimezone(TOKYO)


def _finish(calendar: Calendar, event: Event) -> bytes:
    calendar.add_component(event)
    # Japan has had no DST since 1951: the default range gives one STANDARD block.
    calendar.add_missing_timezones()
    return calendar.to_ical()
