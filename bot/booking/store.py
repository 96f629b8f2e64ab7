"""Bookings in the database. The no-double-booking rule is the database's
(partial unique indexes, migrations/versions/0002): every write here is one
short transaction that either commits whole or not at all, and a lost race
surfaces as an IntegrityError that becomes "taken, here are other times"."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import and_, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.booking.availability import FreeTime, OpenSlot, Option, free_times
from bot.booking.contact import Contact, contact_key
from bot.booking.reference import new_reference
from bot.booking.staff import TOKYO, Staff, load_staff
from bot.store.database import session_scope
from bot.store.schema import BookingRow, ConsultationSlotRow, CounselorRow, InterpreterRow

logger = logging.getLogger(__name__)

CONFIRMED, CANCELLED = "confirmed", "cancelled"
# Test hook only: seconds to hold a booking's transaction open before COMMIT,
# so a test can kill the action server inside it (tests/booking/test_crash_safety.py).
PAUSE_BEFORE_COMMIT = "BOOKING_PAUSE_BEFORE_COMMIT_SECONDS"


@dataclass(frozen=True)
class BookingRequest:
    request_key: str  # the same for every retry of one confirmation
    role: str
    topic: str
    language: str
    format: str
    starts_at: dt.datetime
    name: str
    contact: Contact
    consent_at: dt.datetime


@dataclass(frozen=True)
class Booking:
    reference: str
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    role: str
    topic: str
    language: str
    format: str
    counselor_name: str
    with_interpreter: bool
    name: str | None
    contact: Contact | None


@dataclass(frozen=True)
class Taken:
    """The time went to someone else meanwhile; these are still free."""

    alternatives: tuple[FreeTime, ...]


Outcome = Literal["cancelled", "already_cancelled", "not_found"]


class BookingStore:
    def __init__(self, url: str | None = None, staff: Staff | None = None) -> None:
        self._url = url
        self.staff = staff or load_staff()

    # --- staff and slots ------------------------------------------------------

    def sync_staff(self, now: dt.datetime) -> int:
        """Counselors and interpreters from the staff file, and their slots over
        the horizon (idempotent). Returns the number of open future slots."""
        with session_scope(self._url) as session:
            for person in self.staff.counselors:
                session.merge(CounselorRow(id=person.id, display_name=person.display_name, languages=list(person.languages), hours=_lists(person.hours), active=True))  # noqa: E501
            for person in self.staff.interpreters:
                session.merge(InterpreterRow(id=person.id, languages=list(person.languages), hours=_lists(person.hours), active=True))  # noqa: E501
            kept = {person.id for person in (*self.staff.counselors, *self.staff.interpreters)}
            # Rows stay for old bookings that name them; they just stop being offered.
            session.execute(update(CounselorRow).where(CounselorRow.id.not_in(kept)).values(active=False))
            session.execute(update(InterpreterRow).where(InterpreterRow.id.not_in(kept)).values(active=False))
        self.ensure_slots(now)
        with session_scope(self._url) as session:
            return len(self._open_slots(session, now))

    def ensure_slots(self, now: dt.datetime) -> None:
        """Slots for every working hour of the horizon; future slots no longer in
        anyone's hours are removed unless booked."""
        wanted = set()
        today = now.astimezone(TOKYO).date()
        for offset in range(self.staff.horizon_days + 1):
            day = today + dt.timedelta(days=offset)
            for person in self.staff.counselors:
                wanted.update((person.id, start) for start in person.slot_starts(day, self.staff.slot_minutes))
        length = dt.timedelta(minutes=self.staff.slot_minutes)
        rows = [{"counselor_id": who, "starts_at": start, "ends_at": start + length} for who, start in wanted]
        with session_scope(self._url) as session:
            if rows:
                session.execute(_insert_ignoring_duplicates(session, rows))
            stale = [
                slot.id
                for slot in session.scalars(select(ConsultationSlotRow).where(ConsultationSlotRow.starts_at > now))
                if (slot.counselor_id, slot.starts_at) not in wanted
            ]
            if stale:
                session.execute(
                    delete(ConsultationSlotRow).where(
                        ConsultationSlotRow.id.in_(stale),
                        ConsultationSlotRow.id.not_in(select(BookingRow.slot_id)),  # any booking keeps its slot
                    )
                )

    # --- reading --------------------------------------------------------------

    def free_times(self, language: str, now: dt.datetime) -> list[FreeTime]:
        with session_scope(self._url) as session:
            open_slots = self._open_slots(session, now)
            busy = {
                (row.interpreter_id, row.starts_at)
                for row in session.execute(
                    select(BookingRow.interpreter_id, BookingRow.starts_at).where(
                        BookingRow.status == CONFIRMED, BookingRow.interpreter_id.is_not(None)
                    )
                )
            }
        return free_times(self.staff, open_slots, busy, language)

    def find(self, reference: str, contact: Contact) -> Booking | None:
        """The booking, only for someone who gives its reference AND its contact."""
        with session_scope(self._url) as session:
            row = self._owned(session, reference, contact)
            return self._booking(session, row) if row else None

    def by_reference(self, reference: str) -> Booking | None:
        """For callers that proved access another way (staff, a signed calendar link)."""
        with session_scope(self._url) as session:
            row = session.scalars(select(BookingRow).where(BookingRow.reference == reference)).first()
            return self._booking(session, row) if row else None

    def bookings_between(self, start: dt.datetime, end: dt.datetime) -> list[Booking]:
        """Confirmed bookings in a period (for staff)."""
        with session_scope(self._url) as session:
            rows = session.scalars(
                select(BookingRow)
                .where(BookingRow.status == CONFIRMED, BookingRow.starts_at >= start, BookingRow.starts_at < end)
                .order_by(BookingRow.starts_at)
            )
            return [self._booking(session, row) for row in rows]

    # --- writing --------------------------------------------------------------

    def book(self, request: BookingRequest, now: dt.datetime) -> Booking | Taken:
        existing = self._by_request_key(request.request_key)
        if existing:
            return existing  # a retry of a confirmation that already went through
        chosen = self._free_time_at(request.language, request.starts_at, now)
        for option in chosen.options if chosen else ():
            try:
                return self._insert(request, option, chosen, now)
            except IntegrityError:
                existing = self._by_request_key(request.request_key)
                if existing:
                    return existing
                logger.info("Slot %s was taken meanwhile; trying the next option", option.slot_id)
        return Taken(tuple(self._alternatives(request.language, request.starts_at, now)))

    def cancel(self, reference: str, contact: Contact, now: dt.datetime) -> Outcome:
        with session_scope(self._url) as session:
            row = self._owned(session, reference, contact)
            if row is None:
                return "not_found"
            if row.status == CANCELLED:
                return "already_cancelled"
            row.status, row.updated_at = CANCELLED, now
            return "cancelled"

    def reschedule(self, reference: str, contact: Contact, starts_at: dt.datetime, now: dt.datetime) -> Booking | Taken | None:  # noqa: E501
        """Moves a confirmed booking to another free time in one statement: the
        unique index refuses a taken slot, and the old slot is freed by the same commit."""
        current = self.find(reference, contact)
        if current is None or current.status != CONFIRMED:
            return None
        chosen = self._free_time_at(current.language, starts_at, now)
        for option in chosen.options if chosen else ():
            try:
                with session_scope(self._url) as session:
                    moved = session.execute(
                        update(BookingRow)
                        .where(BookingRow.reference == reference, BookingRow.status == CONFIRMED)
                        .values(slot_id=option.slot_id, counselor_id=option.counselor_id,
                                interpreter_id=option.interpreter_id, starts_at=chosen.starts_at,
                                ends_at=chosen.ends_at, updated_at=now,
                                purge_after=chosen.ends_at + dt.timedelta(days=self.staff.retention_days))
                    )  # fmt: skip
                if moved.rowcount != 1:
                    return None  # cancelled meanwhile
                return self.find(reference, contact)
            except IntegrityError:
                logger.info("Slot %s was taken meanwhile; trying the next option", option.slot_id)
        return Taken(tuple(self._alternatives(current.language, starts_at, now)))

    def purge_expired(self, now: dt.datetime) -> int:
        """Erases the personal data of bookings past their retention date."""
        with session_scope(self._url) as session:
            result = session.execute(
                update(BookingRow)
                .where(BookingRow.purge_after < now, BookingRow.name.is_not(None))
                .values(name=None, contact_kind=None, contact_value=None, contact_key=None)
            )
            return result.rowcount or 0

    # --- inside ---------------------------------------------------------------

    def _open_slots(self, session: Session, now: dt.datetime) -> list[OpenSlot]:
        earliest = now + dt.timedelta(hours=self.staff.lead_hours)
        latest = now + dt.timedelta(days=self.staff.horizon_days)
        active = {person.id for person in self.staff.counselors}
        booked = select(BookingRow.slot_id).where(BookingRow.status == CONFIRMED)
        rows = session.scalars(
            select(ConsultationSlotRow)
            .where(ConsultationSlotRow.starts_at >= earliest, ConsultationSlotRow.starts_at <= latest)
            .where(ConsultationSlotRow.id.not_in(booked))
            .order_by(ConsultationSlotRow.starts_at, ConsultationSlotRow.counselor_id)
        )
        return [
            OpenSlot(row.id, row.counselor_id, row.starts_at, row.ends_at) for row in rows if row.counselor_id in active
        ]

    def _free_time_at(self, language: str, starts_at: dt.datetime, now: dt.datetime) -> FreeTime | None:
        return next((free for free in self.free_times(language, now) if free.starts_at == starts_at), None)

    def _alternatives(self, language: str, wanted: dt.datetime, now: dt.datetime, count: int = 5) -> list[FreeTime]:
        """Free times nearest to the one that was taken."""
        times = self.free_times(language, now)
        return sorted(sorted(times, key=lambda free: abs(free.starts_at - wanted))[:count], key=lambda f: f.starts_at)

    def _insert(self, request: BookingRequest, option: Option, chosen: FreeTime, now: dt.datetime) -> Booking:
        with session_scope(self._url) as session:
            row = BookingRow(
                reference=new_reference(),
                request_key=request.request_key,
                slot_id=option.slot_id,
                counselor_id=option.counselor_id,
                interpreter_id=option.interpreter_id,
                starts_at=chosen.starts_at,
                ends_at=chosen.ends_at,
                status=CONFIRMED,
                role=request.role,
                topic=request.topic,
                language=request.language,
                format=request.format,
                name=request.name,
                contact_kind=request.contact.kind,
                contact_value=request.contact.value,
                contact_key=contact_key(request.contact),
                consent_at=request.consent_at,
                purge_after=chosen.ends_at + dt.timedelta(days=self.staff.retention_days),
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()  # the unique indexes speak here
            _pause_if_testing()
            return self._booking(session, row)

    def _by_request_key(self, request_key: str) -> Booking | None:
        with session_scope(self._url) as session:
            row = session.scalars(select(BookingRow).where(BookingRow.request_key == request_key)).first()
            return self._booking(session, row) if row else None

    @staticmethod
    def _owned(session: Session, reference: str, contact: Contact) -> BookingRow | None:
        return session.scalars(
            select(BookingRow).where(
                and_(BookingRow.reference == reference, BookingRow.contact_key == contact_key(contact))
            )
        ).first()

    @staticmethod
    def _booking(session: Session, row: BookingRow) -> Booking:
        counselor = session.get(CounselorRow, row.counselor_id)
        contact = Contact(row.contact_kind, row.contact_value) if row.contact_value else None
        return Booking(
            reference=row.reference,
            status=row.status,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            role=row.role,
            topic=row.topic,
            language=row.language,
            format=row.format,
            counselor_name=counselor.display_name if counselor else "",
            with_interpreter=row.interpreter_id is not None,
            name=row.name,
            contact=contact,
        )


def _lists(hours: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    return {day: list(ranges) for day, ranges in hours.items()}


def _insert_ignoring_duplicates(session: Session, rows: list[dict]):
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ConsultationSlotRow).values(rows).on_conflict_do_nothing(index_elements=["counselor_id", "starts_at"])


def _pause_if_testing() -> None:
    seconds = float(os.environ.get(PAUSE_BEFORE_COMMIT) or 0)
    if seconds > 0:
        time.sleep(seconds)
