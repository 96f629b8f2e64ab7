"""Reads the catalog back from the database (where staff edits will land),
kept for a minute so a burst of questions does not re-read it each time."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import select

from bot.kb.catalog import Catalog, Program, Seminar, SswField
from bot.store.database import session_scope
from bot.store.schema import ProgramRow, SeminarRow, SswFieldRow

CACHE_SECONDS = 60.0


def _record(record_class, row):
    values = {}
    for name in record_class.__dataclass_fields__:
        value = getattr(row, name)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)  # SQLite keeps no offset; we store UTC
        elif isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = {key: tuple(items) for key, items in value.items()}
        values[name] = value
    return record_class(**values)


class CatalogRepository:
    def __init__(self, url: str | None = None, clock=time.monotonic) -> None:
        self._url = url
        self._clock = clock
        self._cached: tuple[float, Catalog] | None = None

    def catalog(self) -> Catalog:
        if self._cached and self._clock() - self._cached[0] < CACHE_SECONDS:
            return self._cached[1]
        with session_scope(self._url) as session:

            def rows(record_class, row_class, order):
                return tuple(_record(record_class, row) for row in session.scalars(select(row_class).order_by(order)))

            catalog = Catalog(
                programs=rows(Program, ProgramRow, ProgramRow.id),
                ssw_fields=rows(SswField, SswFieldRow, SswFieldRow.id),
                seminars=rows(Seminar, SeminarRow, SeminarRow.starts_at),
            )
        self._cached = (self._clock(), catalog)
        return catalog
