"""Reading a consultation time from a button or from words ("next Tuesday
afternoon", 「来週の火曜日の午後」), against the times that are free."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from actions.booking import access
from actions.booking.reading import Turn
from bot.booking.staff import TOKYO, Staff
from bot.booking.when import WhenRequest, parse_when
from bot.contract import PLAIN_JAPANESE

PROBLEMS = {"impossible_date": "utter_booking_time_impossible", "past": "utter_booking_time_past"}


@dataclass(frozen=True)
class TimeOutcome:
    start: str | None = None  # a free start time (ISO), chosen
    when: dict[str, Any] | None = None  # a day or part of day named: offer its free times
    problem: str | None = None  # the response that explains what is wrong


def offered_languages(staff: Staff) -> tuple[str, ...]:
    """Consultation languages: those of the staff, plus plain Japanese wherever Japanese is."""
    languages = staff.languages()
    return (*languages, PLAIN_JAPANESE) if "ja" in languages else languages


async def read_time(turn: Turn, language: str) -> TimeOutcome:
    free = await access.in_thread(access.store().free_times, language, access.now())
    if turn.entities.get("booking_time"):  # a button
        try:
            start = dt.datetime.fromisoformat(turn.entities["booking_time"])
        except ValueError:
            return TimeOutcome(problem="utter_booking_time_unclear")
        if any(item.starts_at == start for item in free):
            return TimeOutcome(start=start.isoformat())
        return TimeOutcome(problem="utter_booking_time_taken")  # an old button: taken since
    when = parse_when(turn.text, turn.language, access.now().astimezone(TOKYO).date())
    if when is None:
        return TimeOutcome()
    if when.problem:
        return TimeOutcome(problem=PROBLEMS.get(when.problem, "utter_booking_time_unclear"))
    matching = [item for item in free if when.allows(item.starts_at)]
    if when.hour is not None and len(matching) == 1:
        return TimeOutcome(start=matching[0].starts_at.isoformat())
    return TimeOutcome(when=when_slot(when))


def when_slot(when: WhenRequest) -> dict[str, Any]:
    return {
        "days": [day.isoformat() for day in when.days],
        "part_of_day": when.part_of_day,
        "hour": when.hour,
        "minute": when.minute,
    }


def when_from_slot(value: Any) -> WhenRequest | None:
    if not isinstance(value, dict):
        return None
    return WhenRequest(
        days=tuple(dt.date.fromisoformat(day) for day in value.get("days") or []),
        part_of_day=value.get("part_of_day"),
        hour=value.get("hour"),
        minute=value.get("minute") or 0,
    )
