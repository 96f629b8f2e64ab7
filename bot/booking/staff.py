"""Who can hold consultations, in which languages and when (knowledge/booking/staff.yml),
read and checked. A malformed record stops the start with an error naming it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.contract import CONTRACT_LANGUAGES, base_language
from bot.kb.knowledge import KNOWLEDGE_DIR, read_yaml

STAFF_FILE = KNOWLEDGE_DIR / "booking" / "staff.yml"
TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class StaffError(ValueError):
    pass


@dataclass(frozen=True)
class Person:
    """A counselor (display_name set) or an interpreter (display_name None)."""

    id: str
    languages: tuple[str, ...]
    hours: dict[str, tuple[str, ...]]
    display_name: str | None = None

    def speaks(self, language: str) -> bool:
        return base_language(language) in self.languages

    def works_at(self, start: dt.datetime, minutes: int) -> bool:
        local = start.astimezone(TOKYO)
        end = (local + dt.timedelta(minutes=minutes)).time()
        return any(begin <= local.time() and end <= finish for begin, finish in self._ranges(local.weekday()))

    def slot_starts(self, day: dt.date, minutes: int) -> Iterator[dt.datetime]:
        """Every start of a slot of `minutes` inside this person's hours on `day`."""
        step = dt.timedelta(minutes=minutes)
        for begin, finish in self._ranges(day.weekday()):
            start, limit = dt.datetime.combine(day, begin, TOKYO), dt.datetime.combine(day, finish, TOKYO)
            while start + step <= limit:
                yield start
                start += step

    def _ranges(self, weekday: int) -> list[tuple[dt.time, dt.time]]:
        return [_time_range(text) for text in self.hours.get(WEEKDAYS[weekday], ())]


@dataclass(frozen=True)
class Staff:
    slot_minutes: int
    horizon_days: int
    lead_hours: int
    retention_days: int
    closed_dates: frozenset[dt.date]
    counselors: tuple[Person, ...]
    interpreters: tuple[Person, ...]

    def languages(self) -> tuple[str, ...]:
        """Languages a consultation can be held in (by a counselor or with an interpreter)."""
        spoken = {code for person in (*self.counselors, *self.interpreters) for code in person.languages}
        return tuple(code for code in CONTRACT_LANGUAGES if code in spoken)


def load_staff(path: Path = STAFF_FILE) -> Staff:
    data = read_yaml(path, dict, StaffError)
    try:
        staff = Staff(
            slot_minutes=_positive(data, "slot_minutes"),
            horizon_days=_positive(data, "horizon_days"),
            lead_hours=int(data.get("lead_hours", 0)),
            retention_days=_positive(data, "retention_days"),
            closed_dates=frozenset(dt.date.fromisoformat(str(day)) for day in data.get("closed_dates") or []),
            counselors=tuple(_person(record, counselor=True) for record in data.get("counselors") or []),
            interpreters=tuple(_person(record, counselor=False) for record in data.get("interpreters") or []),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StaffError(f"{path}: {error}") from error
    ids = [person.id for person in (*staff.counselors, *staff.interpreters)]
    if len(ids) != len(set(ids)):
        raise StaffError(f"{path}: an id is used twice")
    if not staff.counselors:
        raise StaffError(f"{path}: no counselors")
    return staff


def _positive(data: dict, key: str) -> int:
    value = int(data[key])
    if value <= 0:
        raise ValueError(f"{key} must be positive")
    return value


def _person(record: dict, counselor: bool) -> Person:
    identifier = str(record["id"])
    languages = tuple(record["languages"])
    unknown = set(languages) - set(CONTRACT_LANGUAGES)
    if unknown:
        raise ValueError(f"{identifier}: unknown languages {sorted(unknown)}")
    hours = {day: tuple(ranges) for day, ranges in (record.get("hours") or {}).items()}
    if set(hours) - set(WEEKDAYS):
        raise ValueError(f"{identifier}: unknown weekdays {sorted(set(hours) - set(WEEKDAYS))}")
    for ranges in hours.values():
        for text in ranges:
            begin, finish = _time_range(text)
            if begin >= finish:
                raise ValueError(f"{identifier}: empty hours {text!r}")
    name = str(record["display_name"]) if counselor else None
    return Person(id=identifier, languages=languages, hours=hours, display_name=name)


def _time_range(text: str) -> tuple[dt.time, dt.time]:
    begin, finish = text.split("-")
    return dt.time.fromisoformat(begin.strip()), dt.time.fromisoformat(finish.strip())
