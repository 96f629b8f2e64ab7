"""Tables of the knowledge catalog. Changes go through a new Alembic migration."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Integer, String, Text
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
