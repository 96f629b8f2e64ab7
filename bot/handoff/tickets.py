"""The handoff queue. Every change is one conditional statement, so the
database settles races: two counselors taking one ticket, a reply to a
closed ticket, a second request from a conversation already waiting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from bot.handoff.tables import HandoffTicketRow
from bot.store.database import session_scope

WAITING, TAKEN, CLOSED = "waiting", "taken", "closed"
MINUTES_PER_CONVERSATION_AHEAD = 5  # a rough figure for "a person is coming in about N minutes"


@dataclass(frozen=True)
class Ticket:
    id: int
    conversation_id: str
    language: str
    topic: str | None
    reason: str
    output_channel: str
    status: str
    counselor_id: int | None
    counselor_name: str | None
    created_at: dt.datetime
    taken_at: dt.datetime | None
    closed_at: dt.datetime | None


class TicketStore:
    def __init__(self, url: str | None = None) -> None:
        self._url = url

    def open(
        self, conversation_id: str, language: str, topic: str | None, reason: str, output_channel: str, now: dt.datetime
    ) -> Ticket:
        """The conversation's open ticket: a new one, or the one it already has."""
        try:
            with session_scope(self._url) as session:
                row = HandoffTicketRow(
                    conversation_id=conversation_id, language=language, topic=topic, reason=reason,
                    output_channel=output_channel, status=WAITING, created_at=now,
                )  # fmt: skip
                session.add(row)
                session.flush()
                return _ticket(row)
        except IntegrityError:
            existing = self.open_ticket_of(conversation_id)
            if existing is None:
                raise
            return existing

    def open_ticket_of(self, conversation_id: str) -> Ticket | None:
        with session_scope(self._url) as session:
            row = session.scalars(
                select(HandoffTicketRow).where(
                    HandoffTicketRow.conversation_id == conversation_id, HandoffTicketRow.status != CLOSED
                )
            ).first()
            return _ticket(row) if row else None

    def get(self, ticket_id: int) -> Ticket | None:
        with session_scope(self._url) as session:
            row = session.get(HandoffTicketRow, ticket_id)
            return _ticket(row) if row else None

    def take(self, ticket_id: int, counselor_id: int, counselor_name: str, now: dt.datetime) -> Ticket | None:
        """The ticket, now this counselor's; None when someone else took it first or it is closed."""
        with session_scope(self._url) as session:
            result = session.execute(
                update(HandoffTicketRow)
                .where(HandoffTicketRow.id == ticket_id, HandoffTicketRow.status == WAITING)
                .values(status=TAKEN, counselor_id=counselor_id, counselor_name=counselor_name, taken_at=now)
            )
        return self.get(ticket_id) if result.rowcount == 1 else None

    def close(self, ticket_id: int, counselor_id: int | None, now: dt.datetime) -> Ticket | None:
        """Closes an open ticket (the counselor holding it, or anyone while it waits)."""
        condition = [HandoffTicketRow.id == ticket_id, HandoffTicketRow.status != CLOSED]
        if counselor_id is not None:
            condition.append((HandoffTicketRow.counselor_id == counselor_id) | (HandoffTicketRow.status == WAITING))
        with session_scope(self._url) as session:
            result = session.execute(update(HandoffTicketRow).where(*condition).values(status=CLOSED, closed_at=now))
        return self.get(ticket_id) if result.rowcount == 1 else None

    def queue(self, languages: tuple[str, ...] | None = None) -> list[Ticket]:
        """Open tickets, oldest first; waiting ones for these languages, and every taken one."""
        with session_scope(self._url) as session:
            rows = session.scalars(
                select(HandoffTicketRow)
                .where(HandoffTicketRow.status != CLOSED)
                .order_by(HandoffTicketRow.created_at, HandoffTicketRow.id)
            )
            tickets = [_ticket(row) for row in rows]
        if languages is None:
            return tickets
        spoken = {code.split("-")[0] for code in languages}
        return [ticket for ticket in tickets if ticket.language.split("-")[0] in spoken]

    def waiting_ahead(self, ticket: Ticket) -> int:
        with session_scope(self._url) as session:
            return session.scalar(
                select(func.count())
                .select_from(HandoffTicketRow)
                .where(HandoffTicketRow.status == WAITING, HandoffTicketRow.created_at < ticket.created_at)
            )

    def wait_minutes(self, ticket: Ticket) -> int:
        return (self.waiting_ahead(ticket) + 1) * MINUTES_PER_CONVERSATION_AHEAD


def _ticket(row: HandoffTicketRow) -> Ticket:
    return Ticket(**{name: getattr(row, name) for name in Ticket.__dataclass_fields__})
