"""Staff accounts of the counselors' console: argon2id password hashes
(argon2-cffi), sign-in that takes the same work for an unknown username as
for a known one, rehash when the hasher's parameters change, deactivation,
and the per-username limit on failed sign-ins.

Passwords are normalised to Unicode NFKC (a full-width ａ typed through an
IME is the same password as a), never logged, and never stored."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from bot.console.tables import StaffAccountRow, StaffLoginFailureRow, StaffSessionRow
from bot.contract import CONTRACT_LANGUAGES
from bot.store.database import session_scope

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # a bound on the work one sign-in can ask for
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
MAX_DISPLAY_NAME = 80
# Failed sign-ins per username (known or not) before that username is refused for a while.
FAILED_LOGIN_LIMIT = 5
FAILED_LOGIN_WINDOW = dt.timedelta(minutes=15)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def default_hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile: t=3, 64 MiB, p=4)."""
    return PasswordHasher(type=Type.ID)


class AccountError(ValueError):
    """An account cannot be created or changed as asked; the message says why."""


@dataclass(frozen=True)
class StaffAccount:
    id: int
    username: str
    display_name: str
    languages: tuple[str, ...]
    active: bool
    created_at: dt.datetime


def normalize_username(username: str) -> str:
    """How a username is stored and compared: NFKC, trimmed, lower case."""
    return unicodedata.normalize("NFKC", username or "").strip().lower()


def valid_username(username: str) -> str:
    normalized = normalize_username(username)
    if not USERNAME_PATTERN.fullmatch(normalized):
        raise AccountError("username: 1-64 of a-z 0-9 . _ @ -, starting with a letter or digit")
    return normalized


def valid_display_name(display_name: str) -> str:
    name = unicodedata.normalize("NFC", display_name or "").strip()
    if not name or len(name) > MAX_DISPLAY_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise AccountError(f"display name: 1-{MAX_DISPLAY_NAME} printable characters")
    return name


def valid_password(password: str) -> str:
    normalized = _normalize_password(password)
    if len(normalized) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if len(normalized) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"password: at most {MAX_PASSWORD_LENGTH} characters")
    return normalized


def parse_languages(languages: str | Iterable[str]) -> tuple[str, ...]:
    """Parse "ja,en" or ["ja", "en"] into ("ja", "en"): contract codes, no repeats, at least one."""
    items = languages.split(",") if isinstance(languages, str) else list(languages)
    codes: list[str] = []
    for item in items:
        code = item.strip().lower()
        if not code:
            continue
        if code not in CONTRACT_LANGUAGES:
            raise AccountError(f"language {code!r}: use the contract's codes {' '.join(CONTRACT_LANGUAGES)}")
        if code not in codes:
            codes.append(code)
    if not codes:
        raise AccountError("languages: at least one of " + " ".join(CONTRACT_LANGUAGES))
    return tuple(codes)


def _normalize_password(password: str) -> str:
    return unicodedata.normalize("NFKC", password or "")


def _account(row: StaffAccountRow) -> StaffAccount:
    return StaffAccount(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        languages=tuple(row.languages),
        active=bool(row.active),
        created_at=row.created_at,
    )


class StaffAccounts:
    """Accounts in the database at `url`."""

    def __init__(self, url: str, hasher: PasswordHasher | None = None, clock: Clock = utc_now):
        self.url = url
        self.hasher = hasher or default_hasher()
        self.clock = clock
        self._dummy_hash: str | None = None

    # --- changes (the CLI) ------------------------------------------------------------

    def create(self, username: str, display_name: str, password: str, languages: str | Iterable[str]) -> StaffAccount:
        row = StaffAccountRow(
            username=valid_username(username),
            display_name=valid_display_name(display_name),
            password_hash=self.hasher.hash(valid_password(password)),
            languages=list(parse_languages(languages)),
            active=True,
            created_at=self.clock(),
        )
        try:
            with session_scope(self.url) as session:
                if session.scalar(select(StaffAccountRow.id).where(StaffAccountRow.username == row.username)):
                    raise AccountError(f"username {row.username!r} is taken")
                session.add(row)
                session.flush()
                account = _account(row)
        except IntegrityError as error:  # created by someone else meanwhile
            raise AccountError(f"username {row.username!r} is taken") from error
        logger.info("Staff account %s created", account.id)
        return account

    def set_password(self, username: str, password: str) -> bool:
        """A new password; the account's sessions end. False: no such account."""
        password_hash = self.hasher.hash(valid_password(password))
        with session_scope(self.url) as session:
            row = self._row(session, username)
            if row is None:
                return False
            row.password_hash = password_hash
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.account_id == row.id))
        logger.info("Staff account %s: password changed, sessions ended", row.id)
        return True

    def deactivate(self, username: str) -> bool:
        """The account can no longer sign in and its sessions end. False: no such account."""
        with session_scope(self.url) as session:
            row = self._row(session, username)
            if row is None:
                return False
            row.active = False
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.account_id == row.id))
        logger.info("Staff account %s deactivated, sessions ended", row.id)
        return True

    # --- reading --------------------------------------------------------------------

    def list_accounts(self) -> list[StaffAccount]:
        with session_scope(self.url) as session:
            rows = session.scalars(select(StaffAccountRow).order_by(StaffAccountRow.username)).all()
            return [_account(row) for row in rows]

    def by_username(self, username: str) -> StaffAccount | None:
        with session_scope(self.url) as session:
            row = self._row(session, username)
            return _account(row) if row is not None else None

    def by_id(self, account_id: int) -> StaffAccount | None:
        with session_scope(self.url) as session:
            row = session.get(StaffAccountRow, account_id)
            return _account(row) if row is not None else None

    # --- sign-in --------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> StaffAccount | None:
        """The active account whose password this is, or None. An unknown or
        deactivated username costs the same argon2 verification as a known one,
        so the answer's timing does not tell which usernames exist. A hash made
        with other parameters than the hasher's is replaced on success."""
        normalized = _normalize_password(password)
        with session_scope(self.url) as session:
            row = self._row(session, username) if USERNAME_PATTERN.fullmatch(normalize_username(username)) else None
            if row is None or len(normalized) > MAX_PASSWORD_LENGTH:
                self._verify(self._dummy(), normalized[:MAX_PASSWORD_LENGTH])
                return None
            if not self._verify(row.password_hash, normalized) or not row.active:
                return None
            if self._needs_rehash(row.password_hash):
                row.password_hash = self.hasher.hash(normalized)
                logger.info("Staff account %s: password hash upgraded to the current parameters", row.id)
            return _account(row)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _needs_rehash(self, password_hash: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return True

    def _dummy(self) -> str:
        """A hash with the current parameters of a password no one knows."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(32))
        return self._dummy_hash

    @staticmethod
    def _row(session, username: str) -> StaffAccountRow | None:
        return session.scalar(select(StaffAccountRow).where(StaffAccountRow.username == normalize_username(username)))


class LoginThrottle:
    """At most `limit` failed sign-ins per username within `window`; counted
    in the database, so every process and a restart see the same count.
    Unknown usernames are counted like known ones (the refusal tells nothing)."""

    def __init__(
        self,
        url: str,
        clock: Clock = utc_now,
        limit: int = FAILED_LOGIN_LIMIT,
        window: dt.timedelta = FAILED_LOGIN_WINDOW,
    ):
        self.url, self.clock, self.limit, self.window = url, clock, limit, window

    @staticmethod
    def key(username: str) -> str:
        return normalize_username(username)[:64]

    def blocked(self, username: str) -> bool:
        since = self.clock() - self.window
        with session_scope(self.url) as session:
            failures = session.scalar(
                select(func.count())
                .select_from(StaffLoginFailureRow)
                .where(StaffLoginFailureRow.username == self.key(username), StaffLoginFailureRow.failed_at > since)
            )
        return failures >= self.limit

    def record_failure(self, username: str) -> None:
        now = self.clock()
        with session_scope(self.url) as session:
            session.execute(delete(StaffLoginFailureRow).where(StaffLoginFailureRow.failed_at <= now - self.window))
            session.add(StaffLoginFailureRow(username=self.key(username), failed_at=now))

    def clear(self, username: str) -> None:
        with session_scope(self.url) as session:
            session.execute(delete(StaffLoginFailureRow).where(StaffLoginFailureRow.username == self.key(username)))
