"""Messages left for a counselor when nobody who speaks the user's language
is online: stored only with consent, with one contact, answered later by
staff (console), and erased with the contact after the retention period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Column, Integer, String, Text, select, update

from bot.booking.contact import Contact
from bot.store.database import session_scope
from bot.store.schema import Base, UtcDateTime

RETENTION = dt.timedelta(days=30)
MAX_MESSAGE_CHARACTERS = 2000


class CounselorMessageRow(Base):
    __tablename__ = "counselor_messages"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(255), nullable=False)
    language = Column(String(10), nullable=False)
    text = Column(Text)  # personal data, like the contact: erased after purge_after
    contact_kind = Column(String(5))
    contact_value = Column(Text)
    status = Column(String(10), nullable=False)  # open | answered
    consent_at = Column(UtcDateTime, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    answered_at = Column(UtcDateTime)
    answered_by = Column(Text)
    purge_after = Column(UtcDateTime, nullable=False)


@dataclass(frozen=True)
class CounselorMessage:
    id: int
    conversation_id: str
    language: str
    text: str | None
    contact: Contact | None
    status: str
    created_at: dt.datetime
    answered_by: str | None


class MessageStore:
    def __init__(self, url: str | None = None) -> None:
        self._url = url

    def leave(self, conversation_id: str, language: str, text: str, contact: Contact, now: dt.datetime) -> int:
        with session_scope(self._url) as session:
            row = CounselorMessageRow(
                conversation_id=conversation_id, language=language, text=text[:MAX_MESSAGE_CHARACTERS],
                contact_kind=contact.kind, contact_value=contact.value, status="open", consent_at=now,
                created_at=now, purge_after=now + RETENTION,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return row.id

    def open_messages(self, languages: tuple[str, ...]) -> list[CounselorMessage]:
        spoken = {code.split("-")[0] for code in languages}
        with session_scope(self._url) as session:
            rows = session.scalars(
                select(CounselorMessageRow)
                .where(CounselorMessageRow.status == "open")
                .order_by(CounselorMessageRow.created_at)
            )
            return [_message(row) for row in rows if row.language.split("-")[0] in spoken]

    def mark_answered(self, message_id: int, counselor: str, now: dt.datetime) -> bool:
        with session_scope(self._url) as session:
            result = session.execute(
                update(CounselorMessageRow)
                .where(CounselorMessageRow.id == message_id, CounselorMessageRow.status == "open")
                .values(status="answered", answered_at=now, answered_by=counselor)
            )
            return result.rowcount == 1

    def purge_expired(self, now: dt.datetime) -> int:
        with session_scope(self._url) as session:
            result = session.execute(
                update(CounselorMessageRow)
                .where(CounselorMessageRow.purge_after < now, CounselorMessageRow.contact_value.is_not(None))
                .values(text=None, contact_kind=None, contact_value=None)
            )
            return result.rowcount or 0


def _message(row: CounselorMessageRow) -> CounselorMessage:
    contact = Contact(row.contact_kind, row.contact_value) if row.contact_value else None
    return CounselorMessage(row.id, row.conversation_id, row.language, row.text, contact, row.status,
                            row.created_at, row.answered_by)  # fmt: skip
