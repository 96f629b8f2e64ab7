"""The one contact (email or phone) a user gives when booking a consultation.

Users type in 12 languages, Japanese users often in full-width characters
(０９０－１２３４－５６７８, ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ), and foreigners type
their home numbers with a + country code. A contact is personal data: its
repr is masked so that logging a Contact by mistake leaks nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

EMAIL = "email"
PHONE = "phone"

BAD_EMAIL = "bad_email"
BAD_PHONE = "bad_phone"
NOT_CONTACT = "not_contact"

# Bare Japanese numbers (090-…, 03-…) are the common case; "+" numbers
# carry their own country.
DEFAULT_REGION = "JP"

# Dashes users type between digits that NFKC leaves alone; the katakana
# prolonged sound mark (ー) is what a Japanese IME produces for "-".
_DASHES_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[ー‐‑‒–—―−ｰ]\s*(?=\d)")

# ASCII only, so that an address glued to Japanese, Chinese or Thai text
# ("メールはtaro@example.comです") is cut out cleanly: email-validator would
# accept "comです" as an internationalised domain. "@" is allowed after the
# first one so that "a@@b.com" is seen whole and rejected.
_EMAIL_TOKEN = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*@[A-Za-z0-9.@-]*")

# "+84 912 345 678", "(03) 1234-5678", "090.1234.5678", a lone "12345".
_PHONE_TOKEN = re.compile(r"\+?\(?\d(?:[\d\s().-]*\d)?")

# Fewer digits than this inside other text is a count or a time, not a number.
_MIN_PHONE_DIGITS = 5


@dataclass(frozen=True, repr=False)
class Contact:
    kind: str  # EMAIL | PHONE
    value: str  # email as email-validator normalises it; phone in E.164

    def masked(self) -> str:
        """Safe for logs and for a user who has not proven who they are."""
        return _mask_email(self.value) if self.kind == EMAIL else _mask_phone(self.value)

    def display(self) -> str:
        """For the contact's owner: national format for Japanese numbers, international otherwise."""
        if self.kind == EMAIL:
            return self.value
        number = phonenumbers.parse(self.value, None)
        style = phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code != 81:
            style = phonenumbers.PhoneNumberFormat.INTERNATIONAL
        return phonenumbers.format_number(number, style)

    def __repr__(self) -> str:
        return f"Contact(kind={self.kind!r}, value={self.masked()!r})"

    __str__ = __repr__


def parse_contact(text: str) -> Contact | str:
    """The first email or phone number in `text`, or BAD_EMAIL / BAD_PHONE / NOT_CONTACT."""
    text = normalise_text(text)
    email = _EMAIL_TOKEN.search(text)
    phone = _first_phone_token(text)
    if email and (phone is None or email.start() < phone.start()):
        return _email_contact(email.group()) or BAD_EMAIL
    if phone:
        return _phone_contact(phone.group()) or BAD_PHONE
    return BAD_PHONE if _mostly_digits(text) else NOT_CONTACT


def contact_key(contact: Contact) -> str:
    """Stable key to compare a contact given later with the stored one (still personal data)."""
    # Local parts are case-sensitive in theory, never in practice; users retype them in any case.
    value = contact.value.casefold() if contact.kind == EMAIL else contact.value
    return f"{contact.kind}:{value}"


def normalise_text(text: str) -> str:
    """NFKC (full-width digits, ＠, ．, －) and dashes between digits as "-"."""
    text = unicodedata.normalize("NFKC", text)
    return _DASHES_BETWEEN_DIGITS.sub("-", text).strip()


def _first_phone_token(text: str) -> re.Match[str] | None:
    for match in _PHONE_TOKEN.finditer(text):
        if _digit_count(match.group()) >= _MIN_PHONE_DIGITS:
            return match
    return None


def _email_contact(candidate: str) -> Contact | None:
    # A sentence's full stop is not part of the domain; quotes are not part of the address.
    candidate = candidate.rstrip(".").lstrip("'`")
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    return Contact(EMAIL, result.normalized)


def _phone_contact(candidate: str) -> Contact | None:
    number = _valid_number(candidate)
    if number is None and candidate.startswith("00"):
        # "0084 912 …": the international prefix of most countries, not Japan's (010).
        number = _valid_number("+" + candidate[2:])
    if number is None:
        # A token that ran on into other digits ("090-1234-5678 10時"): look inside it.
        matches = phonenumbers.PhoneNumberMatcher(candidate, DEFAULT_REGION, phonenumbers.Leniency.VALID)
        number = next((match.number for match in matches), None)
    if number is None:
        return None
    return Contact(PHONE, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _valid_number(candidate: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(candidate, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _mostly_digits(text: str) -> bool:
    """Digits, "+", "-", spaces and parentheses, with at least one digit."""
    meaningful = [char for char in text if not char.isspace()]
    phone_like = sum(char.isdigit() or char in "+-()." for char in meaningful)
    return _digit_count(text) > 0 and phone_like * 2 > len(meaningful)


def _mask_email(value: str) -> str:
    local, _, domain = value.rpartition("@")
    top_level = domain.rsplit(".", 1)[-1]
    return f"{local[:1]}***@{domain[:1]}***.{top_level}"


def _mask_phone(value: str) -> str:
    # Fixed shape: the mask shows neither the length nor anything but the last 4 digits.
    number = phonenumbers.parse(value, None)
    return f"+{number.country_code} ••• •••• {value[-4:]}"
