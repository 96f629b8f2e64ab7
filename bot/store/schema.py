"""Tables of the knowledge catalog and of consultation bookings. Changes go through a new Alembic migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class ProgramRow(Base):
    __tablename__ = "programs"

    id = Column(String(80), primary_key=True)
    strategies = Column(JSON, nullable=False)  # ["I", "II"] or ["FT"] (foreign-talent measures)
    measure_ja = Column(Text)
    name_ja = Column(Text, nullable=False)
    name_en = Column(Text, nullable=False)
    budget_million_yen = Column(Integer)  # 百万円, as the seed states it; null when unknown
    budget_reading = Column(String(20), nullable=False)  # certain | slide_layout | none
    status = Column(String(20), nullable=False)  # new | expanded | relisted | unknown
    audience = Column(JSON, nullable=False)
    topics = Column(JSON, nullable=False)
    summary_en = Column(Text, nullable=False)
    offers_en = Column(JSON, nullable=False)
    keywords = Column(JSON, nullable=False)  # {"ja": [...], "en": [...], "vi": [...]}
    source = Column(String(80), nullable=False)


class SswFieldRow(Base):
    __tablename__ = "ssw_fields"

    id = Column(String(80), primary_key=True)
    name_ja = Column(Text, nullable=False)
    name_en = Column(Text, nullable=False)
    in_force = Column(Boolean, nullable=False)
    description_en = Column(Text, nullable=False)
    businesses = Column(JSON, nullable=False)
    japanese_test_en = Column(Text, nullable=False)
    type2_available = Column(String(10), nullable=False)  # yes | no | check
    dispatch_allowed = Column(Boolean, nullable=False)
    source = Column(String(80), nullable=False)


class SeminarRow(Base):
    __tablename__ = "seminars"

    id = Column(String(80), primary_key=True)
    program_id = Column(String(80), nullable=False)  # which measure it belongs to (programs.id)
    audience = Column(String(20), nullable=False)  # employer | job_seeker
    format = Column(String(20), nullable=False)  # online | in_person
    starts_at = Column(DateTime(timezone=True), nullable=False)
    duration_minutes = Column(Integer, nullable=False)
    topics = Column(JSON, nullable=False)
    sample = Column(Boolean, nullable=False)  # demo data, not a real date


# --- Consultation bookings (bot/booking) -------------------------------------


class UtcDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC out, on every database: SQLite keeps no
    offset, so everything is stored as UTC and a naive value is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a timezone")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


ACTIVE_BOOKING = text("status = 'confirmed'")


class CounselorRow(Base):
    __tablename__ = "counselors"

    id = Column(String(40), primary_key=True)
    display_name = Column(String(80), nullable=False)
    languages = Column(JSON, nullable=False)
    hours = Column(JSON, nullable=False)  # {"mon": ["09:00-12:00", ...], ...} in Asia/Tokyo
    active = Column(Boolean, nullable=False)


class InterpreterRow(Base):
    __tablename__ = "interpreters"

    id = Column(String(40), primary_key=True)
    languages = Column(JSON, nullable=False)
    hours = Column(JSON, nullable=False)
    active = Column(Boolean, nullable=False)


class ConsultationSlotRow(Base):
    """One counselor's hour on one day: made from their working hours."""

    __tablename__ = "consultation_slots"
    __table_args__ = (UniqueConstraint("counselor_id", "starts_at", name="uq_slots_counselor_start"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    counselor_id = Column(String(40), ForeignKey("counselors.id"), nullable=False)
    starts_at = Column(UtcDateTime, nullable=False, index=True)
    ends_at = Column(UtcDateTime, nullable=False)


class BookingRow(Base):
    """The unique indexes are the no-double-booking rule: one confirmed booking
    per counselor slot, and one per interpreter per start time."""

    __tablename__ = "bookings"
    __table_args__ = (
        Index("uq_bookings_active_slot", "slot_id", unique=True,
              sqlite_where=ACTIVE_BOOKING, postgresql_where=ACTIVE_BOOKING),
        Index("uq_bookings_active_interpreter", "interpreter_id", "starts_at", unique=True,
              sqlite_where=text("status = 'confirmed' AND interpreter_id IS NOT NULL"),
              postgresql_where=text("status = 'confirmed' AND interpreter_id IS NOT NULL")),
    )  # fmt: skip

    id = Column(Integer, primary_key=True, autoincrement=True)
    reference = Column(String(9), nullable=False, unique=True)
    request_key = Column(String(64), nullable=False, unique=True)  # one form's confirmation: retries find it
    slot_id = Column(Integer, ForeignKey("consultation_slots.id"), nullable=False)
    counselor_id = Column(String(40), ForeignKey("counselors.id"), nullable=False)
    interpreter_id = Column(String(40), ForeignKey("interpreters.id"))
    starts_at = Column(UtcDateTime, nullable=False)
    ends_at = Column(UtcDateTime, nullable=False)
    status = Column(String(12), nullable=False)  # confirmed | cancelled
    role = Column(String(20), nullable=False)
    topic = Column(String(20), nullable=False)
    language = Column(String(10), nullable=False)
    format = Column(String(12), nullable=False)
    # Personal data, stored with the user's consent and erased after purge_after.
    name = Column(Text)
    contact_kind = Column(String(5))
    contact_value = Column(Text)
    contact_key = Column(Text)
    consent_at = Column(UtcDateTime, nullable=False)
    purge_after = Column(UtcDateTime, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    updated_at = Column(UtcDateTime, nullable=False)
