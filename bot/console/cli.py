"""Staff accounts from the command line (on the database DATABASE_URL names, var/app.db locally):

    python -m bot.console.cli create-account --username sato --display-name "Sato" --languages ja,en
    python -m bot.console.cli list-accounts
    python -m bot.console.cli deactivate --username sato
    python -m bot.console.cli set-password --username sato

The password is asked twice on the terminal (never echoed), or read from the
first line of standard input with --password-stdin (for scripts:
`printf '%s\\n' "$PASSWORD" | python -m bot.console.cli create-account ... --password-stdin`).
It never appears on the command line, in the output or in a log."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

from bot.console.accounts import MIN_PASSWORD_LENGTH, AccountError, StaffAccounts, valid_password
from bot.contract import CONTRACT_LANGUAGES
from bot.settings import from_environment
from bot.store.database import upgrade_schema


class CliError(Exception):
    pass


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m bot.console.cli", description="Staff accounts of the console")
    root.add_argument("--database-url", help="default: DATABASE_URL, else var/app.db")
    commands = root.add_subparsers(dest="command", required=True)

    create = commands.add_parser("create-account", help="a new staff account")
    create.add_argument("--username", required=True)
    create.add_argument("--display-name", required=True)
    create.add_argument("--languages", required=True, help="comma-separated: " + ",".join(CONTRACT_LANGUAGES))
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    commands.add_parser("list-accounts", help="every account, active or not")

    deactivate = commands.add_parser("deactivate", help="no more sign-ins; the account's sessions end")
    deactivate.add_argument("--username", required=True)

    password = commands.add_parser("set-password", help="a new password; the account's sessions end")
    password.add_argument("--username", required=True)
    password.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    return root


def read_password(from_stdin: bool, stdin: TextIO) -> str:
    if from_stdin:
        line = stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    if not stdin.isatty():
        raise CliError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass(f"Password (at least {MIN_PASSWORD_LENGTH} characters): ")
    valid_password(first)  # say so before asking again
    if getpass.getpass("Password again: ") != first:
        raise CliError("the two passwords differ")
    return first


def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    arguments = parser().parse_args(argv)
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    url = arguments.database_url or from_environment().database
    try:
        upgrade_schema(url)
        accounts = StaffAccounts(url)
        if arguments.command == "create-account":
            password = read_password(arguments.password_stdin, stdin)
            account = accounts.create(arguments.username, arguments.display_name, password, arguments.languages)
            print(f"created {account.username} ({account.display_name}), languages {','.join(account.languages)}",
                  file=out)  # fmt: skip
        elif arguments.command == "list-accounts":
            listed = accounts.list_accounts()
            for account in listed:
                state = "active" if account.active else "deactivated"
                print(f"{account.username}\t{account.display_name}\t{','.join(account.languages)}\t{state}\t"
                      f"{account.created_at:%Y-%m-%d}", file=out)  # fmt: skip
            if not listed:
                print("no accounts", file=out)
        elif arguments.command == "deactivate":
            if not accounts.deactivate(arguments.username):
                raise CliError(f"no account {arguments.username!r}")
            print(f"deactivated {arguments.username}; its sessions have ended", file=out)
        elif arguments.command == "set-password":
            if accounts.by_username(arguments.username) is None:
                raise CliError(f"no account {arguments.username!r}")
            if not accounts.set_password(arguments.username, read_password(arguments.password_stdin, stdin)):
                raise CliError(f"no account {arguments.username!r}")
            print(f"new password for {arguments.username}; its sessions have ended", file=out)
    except (AccountError, CliError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
