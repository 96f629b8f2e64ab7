"""Staff accounts on SQLite and PostgreSQL: argon2id hashes, sign-in that
costs the same for an unknown username, rehash, deactivation, the failed
sign-in limit, and the command line."""

# ruff: noqa: F811  (tests take the imported `database_url` fixture as an argument)

import io
import os
import subprocess
import sys

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from bot.console import cli
from bot.console.accounts import (
    AccountError,
    LoginThrottle,
    StaffAccounts,
    default_hasher,
    parse_languages,
    valid_password,
)
from bot.console.tables import StaffAccountRow
from bot.settings import PROJECT_DIR
from bot.store.database import session_scope
from tests.booking.conftest import database_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.console import PASSWORD, FakeClock, cheap_hasher


class CountingHasher(PasswordHasher):
    """Counts argon2 verifications: the unknown-username path must do one too."""

    def __init__(self, **parameters):
        super().__init__(**parameters)
        self.verifications = 0

    def verify(self, hash, password):  # noqa: A002
        self.verifications += 1
        return super().verify(hash, password)


@pytest.fixture
def accounts(database_url):
    return StaffAccounts(database_url, hasher=cheap_hasher(), clock=FakeClock())


def stored_hash(url: str, username: str) -> str:
    with session_scope(url) as session:
        return session.scalar(select(StaffAccountRow.password_hash).where(StaffAccountRow.username == username))


def test_argon2id_round_trip_with_the_default_parameters(database_url):
    accounts = StaffAccounts(database_url)  # the production hasher
    account = accounts.create("Sato", " Sato Hanako ", PASSWORD, "ja,en")
    assert (account.username, account.display_name, account.languages) == ("sato", "Sato Hanako", ("ja", "en"))
    password_hash = stored_hash(database_url, "sato")
    assert password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and PASSWORD not in password_hash
    assert accounts.authenticate("sato", PASSWORD) == account
    assert accounts.authenticate("SATO ", PASSWORD) == account  # usernames are case-insensitive
    assert accounts.authenticate("sato", PASSWORD + "x") is None
    assert accounts.authenticate("sato", "") is None
    assert stored_hash(database_url, "sato") == password_hash  # current parameters: no rehash
    assert default_hasher().type.name == "ID"


def test_two_accounts_with_one_password_get_different_hashes(accounts, database_url):
    accounts.create("sato", "Sato", PASSWORD, ["ja"])
    accounts.create("nguyen", "Nguyen", PASSWORD, ["vi", "ja"])
    assert stored_hash(database_url, "sato") != stored_hash(database_url, "nguyen")  # salted


def test_an_unknown_username_costs_one_verification_like_a_known_one(database_url):
    hasher = CountingHasher(time_cost=1, memory_cost=1024, parallelism=1)
    accounts = StaffAccounts(database_url, hasher=hasher)
    accounts.create("sato", "Sato", PASSWORD, ["ja"])
    for username, password in [("sato", "wrong password!"), ("nobody", PASSWORD), ("白い", PASSWORD),
                               ("sato", "x" * 5000)]:  # fmt: skip
        before = hasher.verifications
        assert accounts.authenticate(username, password) is None
        assert hasher.verifications == before + 1


def test_a_hash_made_with_older_parameters_is_replaced_at_sign_in(database_url):
    StaffAccounts(database_url, hasher=cheap_hasher(time_cost=1)).create("sato", "Sato", PASSWORD, ["ja"])
    old = stored_hash(database_url, "sato")
    stronger = StaffAccounts(database_url, hasher=cheap_hasher(time_cost=2))
    assert stronger.authenticate("sato", "wrong password!") is None
    assert stored_hash(database_url, "sato") == old  # a wrong password changes nothing
    assert stronger.authenticate("sato", PASSWORD) is not None
    new = stored_hash(database_url, "sato")
    assert new != old and ",t=2," in new and ",t=1," in old
    assert stronger.authenticate("sato", PASSWORD) is not None
    assert stored_hash(database_url, "sato") == new  # once


def test_deactivated_accounts_cannot_sign_in(accounts):
    accounts.create("sato", "Sato", PASSWORD, ["ja"])
    assert accounts.deactivate("SATO") is True
    assert accounts.authenticate("sato", PASSWORD) is None
    assert accounts.by_username("sato").active is False
    assert accounts.deactivate("nobody") is False


def test_a_new_password_replaces_the_old(accounts):
    accounts.create("sato", "Sato", PASSWORD, ["ja"])
    assert accounts.set_password("sato", "another long password")
    assert accounts.authenticate("sato", PASSWORD) is None
    assert accounts.authenticate("sato", "another long password") is not None
    with pytest.raises(AccountError):
        accounts.set_password("sato", "short")


def test_passwords_are_compared_after_nfkc(accounts):
    accounts.create("sato", "Sato", "ｐａｓｓｗｏｒｄ１２３４", ["ja"])  # typed full-width through an IME
    assert accounts.authenticate("sato", "password1234") is not None


@pytest.mark.parametrize(
    "username, display_name, password, languages, reason",
    [
        ("sato", "Sato", "eleven char", "ja", "at least 12"),
        ("sato", "Sato", PASSWORD, "ja,xx", "language 'xx'"),
        ("sato", "Sato", PASSWORD, " , ", "at least one"),
        ("sato", "Sato", PASSWORD, "ja-easy", "language 'ja-easy'"),
        ("-sato", "Sato", PASSWORD, "ja", "username"),
        ("sa to", "Sato", PASSWORD, "ja", "username"),
        ("s" * 65, "Sato", PASSWORD, "ja", "username"),
        ("sato", "   ", PASSWORD, "ja", "display name"),
        ("sato", "Sato\x07", PASSWORD, "ja", "display name"),
    ],
)
def test_invalid_accounts_are_refused(accounts, username, display_name, password, languages, reason):
    with pytest.raises(AccountError, match=reason):
        accounts.create(username, display_name, password, languages)
    assert accounts.list_accounts() == []


def test_a_username_is_taken_once_whatever_its_case(accounts):
    accounts.create("sato", "Sato", PASSWORD, ["ja"])
    with pytest.raises(AccountError, match="taken"):
        accounts.create("Sato", "Another Sato", PASSWORD, ["en"])
    assert [account.display_name for account in accounts.list_accounts()] == ["Sato"]


def test_languages_and_password_length():
    assert parse_languages("ja, EN,ja,fil") == ("ja", "en", "fil")
    assert valid_password("x" * 12) == "x" * 12
    with pytest.raises(AccountError):
        valid_password("x" * 11)


def test_failed_sign_ins_are_limited_per_username_known_or_not(database_url):
    clock = FakeClock()
    throttle = LoginThrottle(database_url, clock=clock)
    for username in ("sato", "nobody"):
        for _ in range(4):
            throttle.record_failure(username)
        assert not throttle.blocked(username)
        throttle.record_failure(username.upper())
        assert throttle.blocked(username)
    assert not throttle.blocked("suzuki")
    clock.advance(minutes=15)
    assert not throttle.blocked("sato")  # the window has passed
    throttle.record_failure("nobody")
    throttle.clear("nobody")
    assert not throttle.blocked("nobody")


# --- the command line -------------------------------------------------------------------------


def run_cli(url, *arguments, stdin=""):
    out = io.StringIO()
    code = cli.main(["--database-url", url, *arguments], stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_the_cli_creates_lists_and_deactivates_accounts(database_url, capsys):
    code, out = run_cli(database_url, "create-account", "--username", "sato", "--display-name", "Sato Hanako",
                        "--languages", "ja,en", "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert code == 0 and "created sato" in out and PASSWORD not in out
    assert StaffAccounts(database_url).authenticate("sato", PASSWORD).display_name == "Sato Hanako"
    code, out = run_cli(database_url, "list-accounts")
    assert code == 0 and out.startswith("sato\tSato Hanako\tja,en\tactive\t")
    assert run_cli(database_url, "deactivate", "--username", "sato")[0] == 0
    assert "\tdeactivated\t" in run_cli(database_url, "list-accounts")[1]
    assert run_cli(database_url, "deactivate", "--username", "nobody")[0] == 1
    assert PASSWORD not in capsys.readouterr().err


def test_the_cli_refuses_a_short_password_and_a_missing_terminal(database_url, capsys):
    create = ["create-account", "--username", "sato", "--display-name", "Sato", "--languages", "ja"]
    assert run_cli(database_url, *create, "--password-stdin", stdin="short\n")[0] == 1
    assert "at least 12" in capsys.readouterr().err
    assert run_cli(database_url, *create, stdin=PASSWORD + "\n")[0] == 1  # no TTY, no --password-stdin
    assert "--password-stdin" in capsys.readouterr().err
    assert run_cli(database_url, "list-accounts")[1] == "no accounts\n"


def test_the_cli_asks_twice_on_a_terminal(database_url, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    answers = iter([PASSWORD, PASSWORD + "typo"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: next(answers))
    create = ["--database-url", database_url, "create-account", "--username", "sato", "--display-name", "Sato",
              "--languages", "ja"]  # fmt: skip
    assert cli.main(create, stdin=Terminal(), stdout=io.StringIO()) == 1  # the two differ
    answers = iter([PASSWORD, PASSWORD])
    assert cli.main(create, stdin=Terminal(), stdout=io.StringIO()) == 0
    assert StaffAccounts(database_url).authenticate("sato", PASSWORD) is not None


def test_python_dash_m_creates_an_account_from_stdin(database_url):
    environment = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_DIR)}
    finished = subprocess.run(
        [sys.executable, "-m", "bot.console.cli", "create-account", "--username", "sato", "--display-name", "Sato",
         "--languages", "ja,en", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=environment, cwd=PROJECT_DIR, timeout=120,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert PASSWORD not in finished.stdout + finished.stderr
    account = StaffAccounts(database_url).authenticate("sato", PASSWORD)
    assert account is not None and account.languages == ("ja", "en")
