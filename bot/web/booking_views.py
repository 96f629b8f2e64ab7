"""Booking answers in a reader's language: the summary of a booking, its
time, and the buttons of free times and languages. Times arrive as ISO
strings and are shown in Asia/Tokyo, formatted by Babel for the reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from babel.dates import format_skeleton, format_time

from bot.booking.calendar_file import booking_ics, cancelled_ics
from bot.booking.staff import TOKYO
from bot.booking.store import CANCELLED, Booking
from bot.i18n.languages import autonym, babel_locale, display_name

# The arguments by which an action asks for a booking answer.
ARGUMENTS = frozenset({"booking", "times", "languages"})
PLACEHOLDERS = frozenset({"booking_summary", "booking_when", "reference", "calendar_link"})
String = Callable[..., str]  # (key, **values) -> a sentence of locales/strings.yml
SUMMARY_LINES = ("when", "format", "language", "topic", "role", "counselor", "name", "contact")


class BookingViews:
    def __init__(self, language: str, string: String) -> None:
        self._language = language
        self._locale = babel_locale(language)
        self._string = string

    def values(self, arguments: Mapping[str, Any]) -> tuple[dict[str, str], list[dict]]:
        """(placeholder values, buttons) for the arguments an action passed."""
        values: dict[str, str] = {}
        buttons: list[dict] = []
        booking = arguments.get("booking")
        if isinstance(booking, Mapping):
            values.update(self._booking(booking))
        for start in arguments.get("times") or []:
            buttons.append(self._time_button(str(start)))
        for code in arguments.get("languages") or []:
            payload = f'/book_consultation{{"consultation_language": "{code}"}}'
            buttons.append({"title": autonym(code), "payload": payload})
        return values, buttons

    def when(self, starts_at: dt.datetime, ends_at: dt.datetime) -> str:
        return self._string(
            "booking.when", date=self._date(starts_at), start=self._time(starts_at), end=self._time(ends_at)
        )

    def _booking(self, booking: Mapping[str, Any]) -> dict[str, str]:
        starts_at = _moment(booking.get("starts_at"))
        ends_at = _moment(booking.get("ends_at")) or (starts_at + dt.timedelta(hours=1) if starts_at else None)
        shown = {
            "when": self.when(starts_at, ends_at) if starts_at else None,
            "format": self._coded("booking.format", booking.get("format")),
            "language": self._language_name(booking.get("language"), bool(booking.get("interpreter"))),
            "topic": self._coded("booking.topic", booking.get("topic")),
            "role": self._coded("booking.role", booking.get("role")),
            "counselor": booking.get("counselor"),
            "name": booking.get("name"),
            "contact": booking.get("contact"),
        }
        lines = [self._string(f"booking.line.{key}", value=shown[key]) for key in SUMMARY_LINES if shown[key]]
        return {
            "booking_summary": "\n".join(lines),
            "booking_when": shown["when"] or "",
            "reference": str(booking.get("reference") or ""),
            "calendar_link": str(booking.get("calendar_link") or ""),
        }

    def _coded(self, prefix: str, code: Any) -> str | None:
        return self._string(f"{prefix}.{code}") if code else None

    def _language_name(self, code: Any, interpreter: bool) -> str | None:
        if not code:
            return None
        name = display_name(str(code), self._language)
        return self._string("booking.with_interpreter", language=name) if interpreter else name

    def _time_button(self, start: str) -> dict:
        moment = _moment(start)
        if moment is None:
            return {"title": start, "payload": f'/book_consultation{{"booking_time": "{start}"}}'}
        title = self._string("booking.time_button", date=self._date(moment), start=self._time(moment))
        return {"title": title, "payload": f'/book_consultation{{"booking_time": "{start}"}}'}

    def _date(self, moment: dt.datetime) -> str:
        return format_skeleton("MMMEd", moment, tzinfo=TOKYO, locale=self._locale)

    def _time(self, moment: dt.datetime) -> str:
        return format_time(moment, format="short", tzinfo=TOKYO, locale=self._locale)


def _moment(value: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def calendar_file(booking: Booking, string: String, center_url: str) -> bytes:
    """The booking's .ics in the consultation's language, without personal data."""
    views = BookingViews(booking.language, string)
    summary = views.values({"booking": {**_public(booking)}})[0]["booking_summary"]
    texts = {
        "reference": booking.reference,
        "starts_at": booking.starts_at,
        "ends_at": booking.ends_at,
        "summary": string("booking.ics.summary"),
        "organizer_name": string("booking.ics.summary"),
    }
    if booking.status == CANCELLED:
        return cancelled_ics(**texts)
    return booking_ics(
        **texts,
        description=string("booking.ics.description", reference=booking.reference, summary=summary,
                           center_url=center_url),
        location=string(f"booking.ics.location.{booking.format}", center_url=center_url),
    )  # fmt: skip


def _public(booking: Booking) -> dict[str, Any]:
    return {
        "starts_at": booking.starts_at.isoformat(),
        "ends_at": booking.ends_at.isoformat(),
        "format": booking.format,
        "language": booking.language,
        "interpreter": booking.with_interpreter,
        "topic": booking.topic,
        "counselor": booking.counselor_name,
    }
