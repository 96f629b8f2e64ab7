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
PUBLIC_URL_VARIABLE = "PUBLIC_WEB_URL"


@cache
def _secret() -> bytes:
    """BOOKING_LINK_SECRET in production; locally a random key kept in var/
    so the action server and the web service (same machine) agree on it."""
    configured = os.environ.get(SECRET_VARIABLE)
    if configured:
        return configured.encode()
    path: Path = from_environment().var_dir / "booking-link.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        draft.write_text(secrets.token_hex(32), encoding="ascii")
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic, and only the first process's key wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip().encode()


def link_token(reference: str) -> str:
    return hmac.new(_secret(), reference.encode(), hashlib.sha256).hexdigest()[:32]


def token_matches(reference: str, token: str) -> bool:
    return hmac.compare_digest(link_token(reference).encode(), (token or "").encode("utf-8", "replace"))


def calendar_url(reference: str) -> str:
    """Under PUBLIC_WEB_URL in production (the address users reach), else the local web service."""
    base = os.environ.get(PUBLIC_URL_VARIABLE) or from_environment().web_url
    return f"{base.rstrip('/')}/bookings/{reference}.ics?token={link_token(reference)}"
