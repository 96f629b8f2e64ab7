"""The handoff queue's table (migration 0004)."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Text, text

from bot.store.schema import Base, UtcDateTime

OPEN = text("status IN ('waiting', 'taken')")


class HandoffTicketRow(Base):
    """One conversation waiting for, or talking with, a counselor. The partial
    unique index keeps one open ticket per conversation; taking a ticket is a
    conditional UPDATE, so two counselors can never both hold it."""

    __tablename__ = "handoff_tickets"
    __table_args__ = (
        Index("uq_handoff_open_conversation", "conversation_id", unique=True,
              sqlite_where=OPEN, postgresql_where=OPEN),
    )  # fmt: skip

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(255), nullable=False)
    language = Column(String(10), nullable=False)
    topic = Column(String(60))  # the intent of the last question, for the queue
    reason = Column(String(20), nullable=False)  # asked | fallbacks | frustration
    output_channel = Column(String(40), nullable=False)  # where counselor messages go
    status = Column(String(10), nullable=False)  # waiting | taken | closed
    counselor_id = Column(Integer)
    counselor_name = Column(Text)
    created_at = Column(UtcDateTime, nullable=False)
    taken_at = Column(UtcDateTime)
    closed_at = Column(UtcDateTime)
