"""Which consultation times can be offered in a language: a counselor who
speaks it is free then, or any free counselor with an interpreter for it.
Pure: the store reads the rows, this decides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from bot.booking.staff import TOKYO, Person, Staff


@dataclass(frozen=True)
class OpenSlot:
    slot_id: int
    counselor_id: str
    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass(frozen=True)
class Option:
    """One way to hold a consultation at a time: this slot, with this interpreter or none."""

    slot_id: int
    counselor_id: str
    interpreter_id: str | None


@dataclass(frozen=True)
class FreeTime:
    starts_at: dt.datetime
    ends_at: dt.datetime
    options: tuple[Option, ...]  # the best first: a counselor who speaks the language

    @property
    def needs_interpreter(self) -> bool:
        return self.options[0].interpreter_id is not None


def free_times(
    staff: Staff,
    open_slots: Iterable[OpenSlot],
    busy_interpreters: set[tuple[str, dt.datetime]],
    language: str,
) -> list[FreeTime]:
    """Times, earliest first, with every option to hold them in `language`.

    `open_slots` are slots with no confirmed booking; `busy_interpreters` the
    (interpreter, start) pairs already booked."""
    counselors = {person.id: person for person in staff.counselors}
    by_start: dict[dt.datetime, list[tuple[Option, dt.datetime]]] = {}
    for slot in open_slots:
        counselor = counselors.get(slot.counselor_id)
        if counselor is None or slot.starts_at.astimezone(TOKYO).date() in staff.closed_dates:
            continue
        option = _option(counselor, slot, staff, busy_interpreters, language)
        if option is not None:
            by_start.setdefault(slot.starts_at, []).append((option, slot.ends_at))
    return [
        FreeTime(start, entries[0][1], tuple(sorted((option for option, _ in entries), key=_preference)))
        for start, entries in sorted(by_start.items())
    ]


def _option(
    counselor: Person, slot: OpenSlot, staff: Staff, busy: set[tuple[str, dt.datetime]], language: str
) -> Option | None:
    if counselor.speaks(language):
        return Option(slot.slot_id, slot.counselor_id, None)
    for interpreter in staff.interpreters:
        if (
            interpreter.speaks(language)
            and interpreter.works_at(slot.starts_at, staff.slot_minutes)
            and (interpreter.id, slot.starts_at) not in busy
        ):
            return Option(slot.slot_id, slot.counselor_id, interpreter.id)
    return None


def _preference(option: Option) -> tuple[bool, str]:
    return option.interpreter_id is not None, option.counselor_id
