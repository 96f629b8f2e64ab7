"""The booking store for the actions, opened on first use (rasa-sdk imports
every module at start). Database work runs in a worker thread so one slow
transaction never stalls the action server's other conversations."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from actions import knowledge_access
from bot.booking.store import BookingStore
from bot.handoff.messages import MessageStore
from bot.settings import from_environment

T = TypeVar("T")
SLOT_REFRESH_SECONDS = 3600.0  # new days enter the horizon, old personal data leaves
_last_refresh = 0.0


@lru_cache(maxsize=1)
def store() -> BookingStore:
    return BookingStore(from_environment().database)


def now() -> dt.datetime:
    return knowledge_access.now()


async def in_thread(work: Callable[..., T], *arguments) -> T:
    global _last_refresh
    if time.monotonic() - _last_refresh > SLOT_REFRESH_SECONDS:
        await asyncio.to_thread(store().ensure_slots, now())
        await asyncio.to_thread(store().purge_expired, now())
        await asyncio.to_thread(MessageStore(from_environment().database).purge_expired, now())
        _last_refresh = time.monotonic()
    return await asyncio.to_thread(work, *arguments)
