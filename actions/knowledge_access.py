"""The catalog and its search index for the actions, opened on first use (never
at import: rasa-sdk imports every module here when it starts)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from bot.i18n.catalog import Catalogs
from bot.kb.catalog import Catalog, Program, strategy_names
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
        _index = (current, build_program_index(current.programs))
    return _index[1]


def build_program_index(programs: tuple[Program, ...]) -> ProgramIndex:
    return ProgramIndex(programs, extra_names=translated_names(programs), strategies=strategy_names())


def translated_names(programs: tuple[Program, ...]) -> dict[str, list[str]]:
    """Each program's name in every shipped language, so a Korean or Thai user
    finds it by the name they read in our answers."""
    catalogs = Catalogs()
    names: dict[str, list[str]] = {}
    for program in programs:
        context = f"program.{program.id}.name"
        translations = {catalogs.translate(language, context, program.name_en) for language in catalogs.languages}
        names[program.id] = sorted(translations - {program.name_en, program.name_ja})
    return names


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)
