"""A fresh, migrated database per test: the SQLite file by default, and the
real PostgreSQL server (tests/postgres_server.py) for the production path."""

import datetime as dt
import uuid

import pytest
from sqlalchemy import create_engine, text

from bot.booking.staff import TOKYO, Person, Staff
from bot.store.database import upgrade_schema

# Monday 30 November 2026, 08:00 in Tokyo: the tests' "now".
NOW = dt.datetime(2026, 11, 30, 8, 0, tzinfo=TOKYO)
WEEKDAYS_9_TO_12 = {day: ("09:00-12:00",) for day in ("mon", "tue", "wed", "thu", "fri")}


def small_staff(**overrides) -> Staff:
    """Two counselors and a Nepali interpreter, predictable hours."""
    values = dict(
        slot_minutes=60,
        horizon_days=14,
        lead_hours=2,
        retention_days=30,
        closed_dates=frozenset(),
        counselors=(
            Person("c-ja", ("ja", "en"), WEEKDAYS_9_TO_12, "Sato"),
            Person("c-vi", ("vi", "ja"), {"mon": ("10:00-12:00",)}, "Nguyen"),
        ),
        interpreters=(Person("i-ne", ("ne",), {"tue": ("09:00-11:00",)}),),
    )
    values.update(overrides)
    return Staff(**values)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bookings.db'}"
    else:
        url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    upgrade_schema(url)
    return url


def fresh_postgres_database(server_url: str) -> str:
    """A new, empty database on the test server; its URL."""
    name = f"bookings_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"
