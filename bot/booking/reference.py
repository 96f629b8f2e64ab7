"""Booking references: easy to read aloud over the phone, hard to guess.

A reference looks like "K7M4-9QXT": 8 symbols from Crockford's base32
alphabet without 0 and 1, so that no symbol can be confused with another
(Crockford already leaves out I, L, O and U). Users type them in any case,
full-width, with or without the hyphen; look-alikes are never mapped
silently (a "0" is not quietly read as something else): a reference with a
symbol outside the alphabet is not a reference.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8
_GROUP = REFERENCE_LENGTH // 2

# 8 * log2(30) ≈ 39.3 bits: about 6.6e11 references. With 10,000 live
# bookings a blind guess hits one with probability ~1.5e-8. A reference is a
# handle, not a password: it is always checked together with the contact.
REFERENCE_ENTROPY_BITS: float = REFERENCE_LENGTH * math.log2(len(ALPHABET))

# Two groups of 4 symbols, with one hyphen-like separator, spaces, or nothing
# between them; "ー" is what a Japanese IME types for "-".
_SEPARATOR = r"(?:\s*[-‐‑‒–—―−ー_.]\s*|\s+)?"
_CANDIDATE = re.compile(
    rf"(?<![0-9A-Z])([{ALPHABET}]{{{_GROUP}}}){_SEPARATOR}([{ALPHABET}]{{{_GROUP}}})(?![0-9A-Z])",
    re.IGNORECASE,
)


def new_reference() -> str:
    """A fresh reference such as "K7M4-9QXT" (the caller still checks it is not taken)."""
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))
    return _canonical(symbols)


def normalise_reference(text: str) -> str | None:
    """The reference in a user's message in canonical form, or None."""
    text = unicodedata.normalize("NFKC", text)
    candidates = list(_CANDIDATE.finditer(text))
    if not candidates:
        return None
    # An 8-letter word ("reserved", "that week") also fits the pattern; a real
    # reference more likely has a digit, a separator, or was typed in capitals.
    best = max(candidates, key=lambda match: (_looks_like_reference(match), -match.start()))
    return _canonical((best.group(1) + best.group(2)).upper())


def _looks_like_reference(match: re.Match[str]) -> tuple[bool, bool, bool]:
    symbols = match.group(1) + match.group(2)
    has_digit = any(char.isdigit() for char in symbols)
    has_separator = match.end(1) != match.start(2)
    return has_digit, has_separator, symbols.isupper() or symbols.isdigit()


def _canonical(symbols: str) -> str:
    return f"{symbols[:_GROUP]}-{symbols[_GROUP:]}"
