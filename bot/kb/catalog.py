"""The knowledge catalog as data (knowledge/catalog/*.yml): programs, SSW
fields and seminars, read and checked. A malformed record stops the start with
an error that names the file and the record; nothing is skipped silently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from bot.contract import CONTRACT_LANGUAGES
from bot.kb.knowledge import KNOWLEDGE_DIR, read_yaml

CATALOG_DIR = KNOWLEDGE_DIR / "catalog"
# Keywords and business names: these languages always, any contract language besides.
REQUIRED_CATALOG_LANGUAGES = ("ja", "en", "vi")
STRATEGIES = frozenset({"I", "II", "III", "IV", "V", "FT"})
AUDIENCES = frozenset({"employer", "job_seeker"})
FORMATS = frozenset({"online", "in_person"})


class CatalogError(ValueError):
    pass


@dataclass(frozen=True)
class Program:
    id: str
    strategies: tuple[str, ...]
    measure_ja: str | None
    name_ja: str
    name_en: str
    budget_million_yen: int | None
    budget_reading: str
    status: str
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    summary_en: str
    offers_en: tuple[str, ...]
    keywords: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class SswField:
    id: str
    name_ja: str
    name_en: str
    in_force: bool
    description_en: str
    businesses: dict[str, tuple[str, ...]]
    japanese_test_en: str
    type2_available: str
    dispatch_allowed: bool
    source: str


@dataclass(frozen=True)
class Seminar:
    id: str
    program_id: str
    audience: str
    format: str
    starts_at: dt.datetime
    duration_minutes: int
    topics: tuple[str, ...]
    sample: bool


@dataclass(frozen=True)
class Catalog:
    programs: tuple[Program, ...]
    ssw_fields: tuple[SswField, ...]
    seminars: tuple[Seminar, ...]

    def program(self, program_id: str) -> Program | None:
        return next((program for program in self.programs if program.id == program_id), None)

    def field(self, field_id: str) -> SswField | None:
        return next((field for field in self.ssw_fields if field.id == field_id), None)


# What each value must be: a check and the words for the error message.
_CHOICES = {
    "budget_reading": {"certain", "slide_layout", "none"},
    "status": {"new", "expanded", "relisted", "unknown"},
    "type2_available": {"yes", "no", "check"},
    "format": FORMATS,
    "audience": AUDIENCES,
}


class _Record:
    """One YAML record being read, so every error names its file and id."""

    def __init__(self, path: Path, index: int, data: Any) -> None:
        if not isinstance(data, dict):
            raise CatalogError(f"{path}: record {index + 1} is not a mapping")
        self.path, self.data = path, data
        self.name = f"{path}: record {index + 1} ({data.get('id', 'no id')})"

    def fail(self, key: str, expected: str) -> CatalogError:
        return CatalogError(f"{self.name}: '{key}' must be {expected}, got {self.data.get(key)!r}")

    def text(self, key: str, optional: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "a non-empty text")
        return value.strip()

    def choice(self, key: str) -> str:
        value = self.data.get(key)
        if value not in _CHOICES[key]:
            raise self.fail(key, f"one of {sorted(_CHOICES[key])}")
        return value

    def texts(self, key: str, allowed: frozenset[str] | None = None) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.fail(key, "a list of texts")
        if allowed is not None and not set(value) <= allowed:
            raise self.fail(key, f"a list of {sorted(allowed)}")
        return tuple(value)

    def by_language(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self.data.get(key)
        if (
            not isinstance(value, dict)
            or not set(REQUIRED_CATALOG_LANGUAGES) <= set(value)
            or not set(value) <= set(CONTRACT_LANGUAGES)
        ):
            raise self.fail(
                key, f"a mapping with the languages {list(REQUIRED_CATALOG_LANGUAGES)} (and other contract languages)"
            )
        return {language: _Record(self.path, 0, {language: value[language]}).texts(language) for language in value}

    def integer(self, key: str, optional: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(key, "a whole number")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def moment(self, key: str) -> dt.datetime:
        value = self.data.get(key)
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value)
            except ValueError:
                value = None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise self.fail(key, "a date and time with its UTC offset (2026-12-09T14:00:00+09:00)")
        return value


def _program(record: _Record) -> Program:
    strategies = record.texts("strategies", STRATEGIES)
    return Program(
        id=record.text("id"), strategies=strategies, measure_ja=record.text("measure_ja", optional=True),
        name_ja=record.text("name_ja"), name_en=record.text("name_en"),
        budget_million_yen=record.integer("budget_million_yen", optional=True),
        budget_reading=record.choice("budget_reading"), status=record.choice("status"),
        audience=record.texts("audience", AUDIENCES), topics=_allow_empty(record, "topics"),
        summary_en=record.text("summary_en"), offers_en=_allow_empty(record, "offers_en"),
        keywords=record.by_language("keywords"), source=record.text("source"),
    )  # fmt: skip


def _field(record: _Record) -> SswField:
    return SswField(
        id=record.text("id"), name_ja=record.text("name_ja"), name_en=record.text("name_en"),
        in_force=record.flag("in_force"), description_en=record.text("description_en"),
        businesses=record.by_language("businesses"), japanese_test_en=record.text("japanese_test_en"),
        type2_available=record.choice("type2_available"), dispatch_allowed=record.flag("dispatch_allowed"),
        source=record.text("source"),
    )  # fmt: skip


def _seminar(record: _Record) -> Seminar:
    return Seminar(
        id=record.text("id"), program_id=record.text("program_id"), audience=record.choice("audience"),
        format=record.choice("format"), starts_at=record.moment("starts_at"),
        duration_minutes=record.integer("duration_minutes"), topics=_allow_empty(record, "topics"),
        sample=record.flag("sample"),
    )  # fmt: skip


def _allow_empty(record: _Record, key: str) -> tuple[str, ...]:
    return () if record.data.get(key) == [] else record.texts(key)


def _read(path: Path, build) -> tuple:
    data = read_yaml(path, list, CatalogError)
    records = tuple(build(_Record(path, index, item)) for index, item in enumerate(data))
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            raise CatalogError(f"{path}: id {record.id!r} appears twice")
        seen.add(record.id)
    return records


def load_catalog(directory: Path = CATALOG_DIR, known_sources: set[str] | None = None) -> Catalog:
    catalog = Catalog(
        programs=_read(directory / "programs.yml", _program),
        ssw_fields=_read(directory / "ssw_fields.yml", _field),
        seminars=_read(directory / "seminars.yml", _seminar),
    )
    program_ids = {program.id for program in catalog.programs}
    for seminar in catalog.seminars:
        if seminar.program_id not in program_ids:
            raise CatalogError(f"{directory / 'seminars.yml'}: {seminar.id}: unknown program_id {seminar.program_id!r}")
    if known_sources is not None:
        for record in (*catalog.programs, *catalog.ssw_fields):
            if record.source not in known_sources:
                raise CatalogError(
                    f"{directory}: {record.id}: unknown source {record.source!r} (knowledge/sources.yml)"
                )
    return catalog


def strategy_names(directory: Path = CATALOG_DIR) -> dict[str, tuple[str, ...]]:
    """Strategy code -> the names users may search it by, in every catalog language."""
    data = read_yaml(directory / "strategies.yml", dict, CatalogError)
    if set(data) != STRATEGIES:
        raise CatalogError(f"{directory / 'strategies.yml'}: needs exactly the strategies {sorted(STRATEGIES)}")
    return {code: _Record(directory / "strategies.yml", 0, {"names": data[code]}).by_language("names")
            for code in data}  # fmt: skip


def as_columns(record) -> dict[str, Any]:
    """A record as table columns (tuples become lists for JSON columns)."""

    def plain(value):
        if isinstance(value, tuple):
            return list(value)
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.timezone.utc)  # stored in UTC: SQLite keeps no offset
        return value

    return {field.name: plain(getattr(record, field.name)) for field in fields(record)}
