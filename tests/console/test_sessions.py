"""Staff sessions on SQLite and PostgreSQL: only a hash of the token is
stored, idle (30 min, sliding) and absolute (12 h) expiry, logout, CSRF
tokens, the live-chat switch and who is online in a language."""

# ruff: noqa: F811  (tests take the imported `database_url` fixture as an argument)

import hashlib

import pytest
from sqlalchemy import func, select

from bot.console.accounts import StaffAccounts
from bot.console.sessions import StaffSessions, online_staff
from bot.console.tables import StaffSessionRow
from bot.store.database import session_scope
from tests.booking.conftest import database_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.console import PASSWORD, FakeClock, cheap_hasher


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def accounts(database_url, clock):
    return StaffAccounts(database_url, hasher=cheap_hasher(), clock=clock)


@pytest.fixture
def sessions(database_url, clock):
    return StaffSessions(database_url, clock=clock)


@pytest.fixture
def sato(accounts):
    return accounts.create("sato", "Sato", PASSWORD, ["ja", "en"])


def session_rows(url) -> list[StaffSessionRow]:
    with session_scope(url) as session:
        return list(session.scalars(select(StaffSessionRow)).all())


def count_sessions(url) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(StaffSessionRow))


def test_login_gives_a_random_token_and_stores_only_its_hash(sessions, sato, database_url):
    token, session = sessions.login(sato)
    other_token, other = sessions.login(sato)
    assert len(token) >= 43 and token != other_token  # 32 random bytes, url-safe
    assert (session.username, session.display_name, session.languages) == ("sato", "Sato", ("ja", "en"))
    assert session.csrf_token and session.csrf_token != other.csrf_token != token
    assert session.available is False  # live chats are switched on explicitly
    stored = {row.token_hash for row in session_rows(database_url)}
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in (token, other_token)}
    assert sessions.current(token).csrf_token == session.csrf_token  # one CSRF token per session


@pytest.mark.parametrize("token", [None, "", "forged-token", "x" * 5000, "é"])
def test_unknown_or_forged_tokens_open_nothing(sessions, sato, token):
    sessions.login(sato)
    assert sessions.current(token) is None
    assert sessions.set_available(token, True) is False
    assert sessions.logout(token) is False


def test_the_stored_hash_itself_is_not_a_token(sessions, sato, database_url):
    sessions.login(sato)
    assert sessions.current(session_rows(database_url)[0].token_hash) is None


def test_idle_expiry_slides_with_each_request(sessions, sato, clock, database_url):
    token, _ = sessions.login(sato)
    clock.advance(minutes=29)
    assert sessions.current(token) is not None
    clock.advance(minutes=29)  # 58 minutes after login, 29 after the last request
    session = sessions.current(token)
    assert session is not None and session.last_seen_at == clock.now
    assert session.expires_at == clock.now + sessions.idle_timeout
    clock.advance(minutes=30)
    assert sessions.current(token) is None
    assert count_sessions(database_url) == 0  # an expired session is deleted
    clock.advance(minutes=-10)
    assert sessions.current(token) is None  # and stays gone


def test_absolute_expiry_after_twelve_hours_however_active(sessions, sato, clock):
    token, _ = sessions.login(sato)
    for _ in range(12 * 3 - 1):
        clock.advance(minutes=20)
        assert sessions.current(token) is not None
    session = sessions.current(token)
    assert session.expires_at == session.created_at + sessions.absolute_timeout
    clock.advance(minutes=20)  # 12 hours after login
    assert sessions.current(token) is None


def test_logout_deletes_the_session(sessions, sato, database_url):
    token, _ = sessions.login(sato)
    other, _ = sessions.login(sato)
    assert sessions.logout(token) is True
    assert sessions.current(token) is None and sessions.logout(token) is False
    assert sessions.current(other) is not None  # another device stays signed in
    assert count_sessions(database_url) == 1


def test_deactivation_and_a_new_password_end_every_session(sessions, accounts, sato, database_url):
    token, _ = sessions.login(sato)
    accounts.set_password("sato", "another long password")
    assert sessions.current(token) is None
    token, _ = sessions.login(sato)
    accounts.deactivate("sato")
    assert sessions.current(token) is None and count_sessions(database_url) == 0
    with pytest.raises(ValueError):
        sessions.login(sato)


def test_expired_sessions_are_purged(sessions, sato, clock, database_url):
    sessions.login(sato)
    clock.advance(minutes=31)
    token, _ = sessions.login(sato)  # a login clears out expired sessions
    assert count_sessions(database_url) == 1
    clock.advance(minutes=31)
    assert sessions.purge_expired() == 1 and sessions.current(token) is None


def test_who_is_online_for_live_chats_in_a_language(sessions, accounts, sato, clock):
    nguyen = accounts.create("nguyen", "Nguyen", PASSWORD, ["vi", "ja"])
    tanaka = accounts.create("tanaka", "Tanaka", PASSWORD, ["ja"])
    sato_token, _ = sessions.login(sato)
    nguyen_token, _ = sessions.login(nguyen)
    tanaka_token, _ = sessions.login(tanaka)  # signed in, live chats off
    assert sessions.online_staff("ja") == []
    assert sessions.set_available(sato_token, True) and sessions.set_available(nguyen_token, True)
    assert sessions.current(sato_token).available is True
    assert [staff.username for staff in sessions.online_staff("ja")] == ["nguyen", "sato"]
    assert [staff.username for staff in sessions.online_staff("ja-easy")] == ["nguyen", "sato"]
    assert [staff.username for staff in sessions.online_staff("vi")] == ["nguyen"]
    assert [staff.username for staff in sessions.online_staff("en")] == ["sato"]
    assert sessions.online_staff("ne") == [] and sessions.online_staff("") == []
    assert online_staff(sessions.url, "vi", clock=clock) == sessions.online_staff("vi")  # the action server's call

    second_device, _ = sessions.login(sato)
    sessions.set_available(second_device, True)
    assert [staff.username for staff in sessions.online_staff("en")] == ["sato"]  # once per counselor

    clock.advance(minutes=1)
    sessions.current(nguyen_token)  # Nguyen's page polls; Sato's pages do not
    clock.advance(minutes=1, seconds=30)
    assert [staff.username for staff in sessions.online_staff("ja")] == ["nguyen"]
    sessions.current(sato_token)
    assert [staff.username for staff in sessions.online_staff("en")] == ["sato"]

    assert sessions.set_available(sato_token, False)
    assert sessions.online_staff("en") == []  # the other device's page has not polled either
    sessions.current(second_device)
    assert [staff.username for staff in sessions.online_staff("en")] == ["sato"]

    accounts.deactivate("nguyen")
    assert sessions.online_staff("vi") == []
    assert tanaka_token and [staff.username for staff in sessions.online_staff("ja")] == ["sato"]
