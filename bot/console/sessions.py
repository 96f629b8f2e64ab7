"""Staff sessions of the counselors' console, in the database.

The browser holds a random 32-byte token (the `console_session` cookie); the
database holds only its SHA-256, so a copy of the table signs no one in. A
session ends 30 minutes after its last request (sliding) and in any case 12
hours after sign-in, at sign-out, and when its account is deactivated or its
password changed. Each session has its own CSRF token.

`available` is the counselor's "online for live chats" switch; `online_staff`
is who can take a live chat in a language right now."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select

from bot.console.accounts import Clock, StaffAccount, utc_now
from bot.console.tables import StaffAccountRow, StaffSessionRow
from bot.contract import base_language
from bot.store.database import session_scope

IDLE_TIMEOUT = dt.timedelta(minutes=30)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=12)
# The console page polls; a counselor whose page has not asked for this long is not online.
ONLINE_WINDOW = dt.timedelta(minutes=2)
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 128  # longer is not one of ours: refused before hashing


@dataclass(frozen=True)
class StaffSession:
    account_id: int
    username: str
    display_name: str
    languages: tuple[str, ...]
    csrf_token: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    expires_at: dt.datetime
    available: bool

    def speaks(self, language: str) -> bool:
        return base_language(language) in self.languages


@dataclass(frozen=True)
class OnlineStaff:
    account_id: int
    username: str
    display_name: str
    languages: tuple[str, ...]
    last_seen_at: dt.datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _session(row: StaffSessionRow, account: StaffAccountRow) -> StaffSession:
    return StaffSession(
        account_id=account.id,
        username=account.username,
        display_name=account.display_name,
        languages=tuple(account.languages),
        csrf_token=row.csrf_token,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        expires_at=row.expires_at,
        available=bool(row.available),
    )


class StaffSessions:
    """Sessions in the database at `url`; `clock` is injectable for tests."""

    def __init__(
        self,
        url: str,
        clock: Clock = utc_now,
        idle_timeout: dt.timedelta = IDLE_TIMEOUT,
        absolute_timeout: dt.timedelta = ABSOLUTE_TIMEOUT,
    ):
        self.url, self.clock = url, clock
        self.idle_timeout, self.absolute_timeout = idle_timeout, absolute_timeout

    def login(self, account: StaffAccount) -> tuple[str, StaffSession]:
        """A new session for an authenticated account: (token for the cookie, session).
        The token is returned only here; it is never stored."""
        now = self.clock()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        with session_scope(self.url) as session:
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.expires_at <= now))  # housekeeping
            account_row = session.get(StaffAccountRow, account.id)
            if account_row is None or not account_row.active:
                raise ValueError("no active account with this id")
            row = StaffSessionRow(
                token_hash=token_hash(token),
                csrf_token=secrets.token_urlsafe(TOKEN_BYTES),
                account_id=account.id,
                created_at=now,
                last_seen_at=now,
                expires_at=min(now + self.idle_timeout, now + self.absolute_timeout),
                available=False,  # a counselor switches live chats on explicitly
            )
            session.add(row)
            session.flush()
            return token, _session(row, account_row)

    def current(self, token: str | None) -> StaffSession | None:
        """The live session this token opens, its idle expiry moved forward;
        None for no token, an unknown or forged one, an expired session (which
        is deleted) or a deactivated account."""
        with session_scope(self.url) as session:
            found = self._live(session, token)
            return _session(*found) if found else None

    def logout(self, token: str | None) -> bool:
        """Deletes the session; False when there was none."""
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return False
        with session_scope(self.url) as session:
            result = session.execute(delete(StaffSessionRow).where(StaffSessionRow.token_hash == token_hash(token)))
            return result.rowcount > 0

    def set_available(self, token: str | None, available: bool) -> bool:
        """Switches live chats on or off for this session; False when it is not live."""
        with session_scope(self.url) as session:
            found = self._live(session, token)
            if found is None:
                return False
            found[0].available = bool(available)
            return True

    def _live(self, session, token: str | None) -> tuple[StaffSessionRow, StaffAccountRow] | None:
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        now = self.clock()
        found = session.execute(
            select(StaffSessionRow, StaffAccountRow)
            .join(StaffAccountRow, StaffAccountRow.id == StaffSessionRow.account_id)
            .where(StaffSessionRow.token_hash == token_hash(token))
        ).first()
        if found is None:
            return None
        row, account = found
        if now >= row.expires_at or now >= row.created_at + self.absolute_timeout or not account.active:
            session.delete(row)
            return None
        row.last_seen_at = now
        row.expires_at = min(now + self.idle_timeout, row.created_at + self.absolute_timeout)
        return row, account

    def online_staff(self, language: str) -> list[OnlineStaff]:
        """Counselors who can take a live chat in `language` now ("ja-easy" counts
        as "ja"): a session not expired, seen within ONLINE_WINDOW, available,
        an active account that speaks it. One entry per account, by name."""
        wanted = base_language(language or "")
        now = self.clock()
        with session_scope(self.url) as session:
            found = session.execute(
                select(StaffSessionRow, StaffAccountRow)
                .join(StaffAccountRow, StaffAccountRow.id == StaffSessionRow.account_id)
                .where(
                    StaffSessionRow.available.is_(True),
                    StaffSessionRow.expires_at > now,
                    StaffSessionRow.last_seen_at >= now - ONLINE_WINDOW,
                    StaffAccountRow.active.is_(True),
                )
            ).all()
        latest: dict[int, OnlineStaff] = {}
        for row, account in found:
            if row.created_at + self.absolute_timeout <= now or wanted not in account.languages:
                continue
            known = latest.get(account.id)
            if known is None or row.last_seen_at > known.last_seen_at:
                latest[account.id] = OnlineStaff(
                    account.id, account.username, account.display_name, tuple(account.languages), row.last_seen_at
                )
        return sorted(latest.values(), key=lambda staff: (staff.display_name.casefold(), staff.account_id))

    def purge_expired(self) -> int:
        """Deletes expired sessions; how many."""
        with session_scope(self.url) as session:
            return session.execute(delete(StaffSessionRow).where(StaffSessionRow.expires_at <= self.clock())).rowcount


def online_staff(url: str, language: str, clock: Clock = utc_now) -> list[OnlineStaff]:
    """Who can take a live chat in `language` now, on the database at `url`
    (the action server's question; see StaffSessions.online_staff)."""
    return StaffSessions(url, clock=clock).online_staff(language)
