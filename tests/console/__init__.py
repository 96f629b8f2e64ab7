"""Tests of the counselors' console (staff side). Shared helpers: a clock the
tests move, and a cheap argon2id hasher so a test does not spend 64 MiB per hash."""

import datetime as dt

from argon2 import PasswordHasher, Type

# Monday 30 November 2026, 09:00 in Tokyo, as UTC.
START = dt.datetime(2026, 11, 30, 0, 0, tzinfo=dt.timezone.utc)
PASSWORD = "correct horse battery"


class FakeClock:
    def __init__(self, now: dt.datetime = START):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def cheap_hasher(time_cost: int = 1) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=1024, parallelism=1, type=Type.ID)
