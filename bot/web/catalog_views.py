"""The catalog in a reader's language: the placeholder values of the catalog
answers (program lists and details, seminars, SSW fields), from the gettext
catalogs and formatted by Babel. The English source text is the record's own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from babel.dates import format_skeleton, format_time, get_timezone
from babel.numbers import format_currency

from bot.i18n.languages import babel_locale
from bot.kb.catalog import Catalog, Program, Seminar, SswField

TOKYO = get_timezone("Asia/Tokyo")
# The arguments by which an action asks for a catalog answer.
ARGUMENTS = frozenset({"program_ids", "program_id", "seminar_ids", "field_id"})
# The placeholders these views fill (the catalog answers of domain/responses_catalog.yml).
PLACEHOLDERS = frozenset(
    {
        "program_lines", "program_name", "program_name_ja", "program_summary", "program_offers",
        "program_budget", "program_context", "seminar_lines", "field_name", "field_name_ja",
        "field_description", "japanese_test", "field_notes",
    }
)  # fmt: skip
Translate = Callable[[str, str], str]  # (context, English source) -> text in the reader's language
String = Callable[..., str]  # (key, **values) -> a sentence of locales/strings.yml


def program_name(program: Program, translate: Translate) -> str:
    return translate(f"program.{program.id}.name", program.name_en)


def program_buttons(programs: list[Program], translate: Translate) -> list[dict]:
    return [
        {"title": program_name(program, translate), "payload": f'/ask_program_details{{"program_id": "{program.id}"}}'}
        for program in programs
    ]


class CatalogViews:
    def __init__(self, catalog: Catalog, language: str, translate: Translate, string: String) -> None:
        self._catalog = catalog
        self._language = language
        self._locale = babel_locale(language)
        self._translate = translate
        self._string = string

    def values(self, arguments: Mapping[str, Any]) -> tuple[dict[str, str], list[dict], list[str]]:
        """(placeholder values, buttons, source ids) for the arguments an action passed."""
        if "program_ids" in arguments:
            return self._program_list(arguments["program_ids"])
        if "program_id" in arguments:
            return self._program(arguments["program_id"])
        if "seminar_ids" in arguments:
            return self._seminars(arguments["seminar_ids"])
        if "field_id" in arguments:
            return self._field(arguments["field_id"])
        return {}, [], []

    def _programs(self, ids) -> list[Program]:
        return [program for program in (self._catalog.program(str(i)) for i in ids or []) if program]

    def _program_list(self, ids) -> tuple[dict[str, str], list[dict], list[str]]:
        programs = self._programs(ids)
        lines = [
            self._string("program_line", number=str(number), name=program_name(program, self._translate))
            for number, program in enumerate(programs, start=1)
        ]
        sources = sorted({program.source for program in programs})
        return {"program_lines": "\n".join(lines)}, program_buttons(programs, self._translate), sources

    def _program(self, program_id) -> tuple[dict[str, str], list[dict], list[str]]:
        programs = self._programs([program_id])
        if not programs:
            return {}, [], []
        program = programs[0]
        offers = [
            "• " + self._translate(f"program.{program.id}.offer.{index}", offer)
            for index, offer in enumerate(program.offers_en, start=1)
        ]
        name = program_name(program, self._translate)
        values = {
            "program_name": name,
            "program_name_ja": self._japanese_name(program.name_ja, name),
            "program_summary": self._translate(f"program.{program.id}.summary", program.summary_en),
            "program_offers": "\n".join(offers),
            "program_budget": self._budget(program),
            "program_context": self._context(program),
        }
        return values, [], [program.source]

    @staticmethod
    def _japanese_name(name_ja: str, shown_name: str) -> str:
        """The official Japanese name beside a translated or plain one: what
        staff and documents will call it. Not twice when it is the name shown."""
        return "" if shown_name == name_ja else f" ({name_ja})"

    def _budget(self, program: Program) -> str:
        if program.budget_million_yen is None:
            return self._string("program_budget_unknown")
        amount = format_currency(Decimal(program.budget_million_yen) * 1_000_000, "JPY", locale=self._locale)
        key = "program_budget" if program.budget_reading == "certain" else "program_budget_reading"
        return self._string(key, amount=amount)

    def _context(self, program: Program) -> str:
        parts = []
        if program.status in ("new", "expanded"):
            parts.append(self._string(f"program_status.{program.status}"))
        if "FT" in program.strategies:
            parts.append(self._string("program_foreign_talent"))
        else:
            parts.append(self._string("program_strategy", strategies=", ".join(program.strategies)))
        return " ".join(parts)

    def _seminars(self, ids) -> tuple[dict[str, str], list[dict], list[str]]:
        by_id = {seminar.id: seminar for seminar in self._catalog.seminars}
        seminars = [by_id[i] for i in ids or [] if i in by_id]
        lines = [self._seminar_line(seminar) for seminar in seminars]
        if any(seminar.sample for seminar in seminars):
            lines.append(self._string("sample_schedule_note"))
        sources = sorted(
            {self._catalog.program(s.program_id).source for s in seminars if self._catalog.program(s.program_id)}
        )
        return {"seminar_lines": "\n".join(lines)}, [], sources

    def _seminar_line(self, seminar: Seminar) -> str:
        start = seminar.starts_at.astimezone(TOKYO)
        end = start + dt.timedelta(minutes=seminar.duration_minutes)
        program = self._catalog.program(seminar.program_id)
        return self._string(
            "seminar_line",
            date=format_skeleton("MMMEd", start, tzinfo=TOKYO, locale=self._locale),
            start=format_time(start, format="short", tzinfo=TOKYO, locale=self._locale),
            end=format_time(end, format="short", tzinfo=TOKYO, locale=self._locale),
            format=self._string(f"format.{seminar.format}"),
            name=program_name(program, self._translate) if program else seminar.program_id,
        )

    def _field(self, field_id) -> tuple[dict[str, str], list[dict], list[str]]:
        field: SswField | None = self._catalog.field(str(field_id))
        if field is None:
            return {}, [], []
        notes = [self._string(f"field_type2.{field.type2_available}")]
        if field.dispatch_allowed:
            notes.append(self._string("field_dispatch"))
        name = self._translate(f"field.{field.id}.name", field.name_en)
        values = {
            "field_name": name,
            "field_name_ja": self._japanese_name(field.name_ja, name),
            "field_description": self._translate(f"field.{field.id}.description", field.description_en),
            "japanese_test": self._translate(f"field.{field.id}.japanese_test", field.japanese_test_en),
            "field_notes": " ".join(notes),
        }
        return values, [], [field.source]
