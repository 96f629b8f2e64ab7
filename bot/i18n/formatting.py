"""Every date, time, number and amount of money a user reads, formatted by
Babel for the reader's locale (dates in Asia/Tokyo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_currency, format_decimal

from bot.i18n.languages import babel_locale

TOKYO = "Asia/Tokyo"


def format_value(kind: str, value, language: str) -> str:
    locale = babel_locale(language)
    if kind == "date":
        return format_date(_as_date(value), format="long", locale=locale)
    if kind == "month":
        return format_skeleton("yMMMM", _as_date(f"{value}-01"), locale=locale)
    if kind == "year":
        return format_skeleton("y", dt.date(int(value), 1, 1), locale=locale)
    if kind == "time":
        hours, minutes = (int(part) for part in str(value).split(":"))
        return format_time(dt.time(hours, minutes), format="short", locale=locale)
    if kind == "number":
        return format_decimal(Decimal(str(value)), locale=locale)
    if kind == "money_jpy":
        return format_currency(Decimal(str(value)), "JPY", locale=locale)
    if kind == "text":
        return str(value)
    raise ValueError(f"unknown value type {kind!r}")


def _as_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
