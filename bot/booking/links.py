"""The link to a booking's calendar file. It carries an HMAC of the reference,
so the web service serves the file only to whoever received the link, and no
one can list bookings by guessing references."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from bot.settings import from_environment

SECRET_VARIABLE = "BOOKING_LINK_SECRET"


@cache
def _secret() -> bytes:
    """BOOKING_LINK_SECRET in production; locally a random key kept in var/
    so the action server and the web service (same machine) agree on it."""
    configured = os.environ.get(SECRET_VARIABLE)
    if configured:
        return configured.encode()
    path: Path = from_environment().var_dir / "booking-link.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="ascii") as new_file:  # first process to get here writes it
            new_file.write(secrets.token_hex(32))
        path.chmod(0o600)
    except FileExistsError:
        pass
    return path.read_text(encoding="ascii").strip().encode()


def link_token(reference: str) -> str:
    return hmac.new(_secret(), reference.encode(), hashlib.sha256).hexdigest()[:32]


def token_matches(reference: str, token: str) -> bool:
    return hmac.compare_digest(link_token(reference), token or "")


def calendar_url(reference: str) -> str:
    return f"{from_environment().web_url}/bookings/{reference}.ics?token={link_token(reference)}"
