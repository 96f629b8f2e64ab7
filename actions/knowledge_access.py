"""The catalog and its search index for the actions, opened on first use (never
at import: rasa-sdk imports every module here when it starts)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from bot.kb.catalog import Catalog, strategy_names
from bot.kb.repository import CatalogRepository
from bot.kb.search import ProgramIndex
from bot.settings import from_environment


@lru_cache(maxsize=1)
def repository() -> CatalogRepository:
    return CatalogRepository(from_environment().database)


def catalog() -> Catalog:
    return repository().catalog()


_index: tuple[Catalog, ProgramIndex] | None = None


def program_index() -> ProgramIndex:
    """Rebuilt when the catalog read from the database changes."""
    global _index
    current = catalog()
    if _index is None or _index[0] is not current:
        _index = (current, ProgramIndex(current.programs, strategies=strategy_names()))
    return _index[1]


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
