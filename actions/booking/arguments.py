"""What a booking answer hands the NLG endpoint: plain values (ISO times,
codes); the endpoint formats them for the reader (bot/web/booking_views.py)."""

from __future__ import annotations

from typing import Any

from actions.booking.reading import contact_of
from bot.booking.availability import FreeTime
from bot.booking.links import calendar_url
from bot.booking.staff import TOKYO
from bot.booking.store import Booking

MAX_TIME_BUTTONS = 8


def time_choices(times: list[FreeTime], limit: int = MAX_TIME_BUTTONS) -> list[str]:
    """Up to `limit` start times, spread over days (two a day first) rather
    than one day's every hour."""
    chosen: list[FreeTime] = []
    per_day: dict = {}
    for free in times:
        day = free.starts_at.astimezone(TOKYO).date()
        if per_day.get(day, 0) < 2:
            chosen.append(free)
            per_day[day] = per_day.get(day, 0) + 1
        if len(chosen) == limit:
            break
    for free in times:  # fewer days than buttons: fill with the rest
        if len(chosen) == limit:
            break
        if free not in chosen:
            chosen.append(free)
    return [free.starts_at.isoformat() for free in sorted(chosen, key=lambda free: free.starts_at)]


def draft(slots: dict[str, Any]) -> dict[str, Any]:
    """The form's answers so far, for the summary before confirming."""
    contact = slots.get("booking_contact") or {}
    return {
        "role": slots.get("booking_role"),
        "topic": slots.get("booking_topic"),
        "language": slots.get("booking_language"),
        "format": slots.get("booking_format"),
        "starts_at": slots.get("booking_time"),
        "name": slots.get("booking_name"),
        "contact": _display(contact),
    }


def booked(booking: Booking, with_personal_data: bool = True) -> dict[str, Any]:
    values = {
        "reference": booking.reference,
        "role": booking.role,
        "topic": booking.topic,
        "language": booking.language,
        "format": booking.format,
        "starts_at": booking.starts_at.isoformat(),
        "ends_at": booking.ends_at.isoformat(),
        "counselor": booking.counselor_name,
        "interpreter": booking.with_interpreter,
        "calendar_link": calendar_url(booking.reference),
    }
    if with_personal_data and booking.contact:
        values.update(name=booking.name, contact=booking.contact.display())
    return values


def _display(contact: dict) -> str | None:
    value = contact_of(contact)
    return value.display() if value else None
