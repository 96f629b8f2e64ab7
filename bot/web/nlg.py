"""Rasa's NLG endpoint: turns a response name into text in the conversation's
language, from the gettext catalogs, with facts formatted for the reader and
the sources of every answer shown under it.

Rasa POSTs {"response", "arguments", "tracker", "channel"}; we answer
{"text", "buttons"} (rasa/core/nlg/callback.py), plus {"custom": {"data": {"language"}}}
when the conversation's language changes, so a widget can follow (its menu,
furigana for plain Japanese).
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from babel.lists import format_list

from bot.i18n.catalog import Catalogs
from bot.i18n.formatting import format_value
from bot.i18n.languages import autonym, babel_locale
from bot.i18n.policy import DEFAULT_LANGUAGE
from bot.i18n.strings import source_strings
from bot.kb.catalog import Catalog
from bot.kb.knowledge import Knowledge
from bot.web.booking_views import ARGUMENTS as BOOKING_ARGUMENTS
from bot.web.booking_views import BookingViews
from bot.web.catalog_views import ARGUMENTS as CATALOG_ARGUMENTS
from bot.web.catalog_views import CatalogViews

logger = logging.getLogger(__name__)

# Responses for a reader whose language we do not speak: said in these at once.
MULTILINGUAL_RESPONSES = {"utter_unsupported_language": ("en", "ja")}
# Arguments an action may pass to fill a placeholder (anything else is ignored).
ARGUMENT_PLACEHOLDERS = frozenset(
    {"language_name", "length", "max_characters", "retention_days", "horizon_days", "wait_minutes"}
)
# The last "did you mean" button: none of these, ask me to rephrase.
SOMETHING_ELSE = ("utter_something_else", "/nlu_fallback")
# Responses that announce a new conversation language to the widget.
LANGUAGE_ANNOUNCEMENTS = frozenset({"utter_language_changed"})
# Responses that change the widget's handoff state ("waiting for a counselor").
HANDOFF_SIGNALS = {"utter_handoff_waiting": "waiting", "utter_handoff_returned": "ended"}
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        logger.error("No value for placeholder {%s}", key)
        return "{" + key + "}"


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class ResponseRenderer:
    def __init__(
        self,
        responses: Mapping[str, dict],
        catalogs: Catalogs,
        knowledge: Knowledge,
        catalog: Callable[[], Catalog] | None = None,
    ) -> None:
        self._responses = responses
        self._catalogs = catalogs
        self._knowledge = knowledge
        self._catalog = catalog

    def render(self, name: str, language: str, arguments: Mapping[str, Any] | None = None) -> dict:
        response = self._responses.get(name)
        if response is None:
            logger.error("Unknown response %s", name)
            return {"text": None}
        arguments = arguments or {}
        languages = MULTILINGUAL_RESPONSES.get(name, (language,))
        rendered = {each: self._render_in(name, response, each, arguments) for each in languages}
        _, buttons = rendered.get(language) or self._render_in(name, response, language, arguments)
        message = {"text": "\n\n".join(text for text, _ in rendered.values()), "buttons": buttons}
        # Under "data": Rasa's socket.io output emits a custom payload's keys as
        # emit() arguments, so anything else there crashes it (the widget reads both).
        if name in LANGUAGE_ANNOUNCEMENTS:
            message["custom"] = {"data": {"language": language}}
        if name in HANDOFF_SIGNALS:
            message["custom"] = {"data": {"handoff": HANDOFF_SIGNALS[name]}}
        return message

    def _render_in(self, name: str, response: dict, language: str, arguments: Mapping[str, Any]):
        source = response.get("text") or ""
        catalog_values, catalog_buttons, catalog_sources = self._catalog_view(language, arguments)
        booking_values, booking_buttons = self._booking_view(language, arguments)
        values = {**self._values(placeholders(source), language, arguments), **catalog_values, **booking_values}
        translated = self._catalogs.translate(language, name, source)
        try:
            text = translated.format_map(_KeepMissing(values))
        except (ValueError, IndexError):  # a broken translation must not silence the bot
            logger.exception("Translation of %s into %s cannot be filled; using the source text", name, language)
            text = source.format_map(_KeepMissing(values))
        text = _BLANK_LINES.sub("\n", text).strip()
        footer = self._footer(name, placeholders(source), language, catalog_sources)
        buttons = self._buttons(name, response, language, arguments) + catalog_buttons + booking_buttons
        return (f"{text}\n\n{footer}" if footer else text), buttons

    def _catalog_view(self, language: str, arguments: Mapping[str, Any]):
        if self._catalog is None or not CATALOG_ARGUMENTS & set(arguments):
            return {}, [], []  # most answers need no catalog read
        views = CatalogViews(
            self._catalog(),
            language,
            lambda context, text: self._catalogs.translate(language, context, text),
            lambda key, **values: self._string(key, language, **values),
        )
        return views.values(arguments)

    def _booking_view(self, language: str, arguments: Mapping[str, Any]) -> tuple[dict[str, str], list[dict]]:
        if not BOOKING_ARGUMENTS & set(arguments):
            return {}, []
        return BookingViews(language, lambda key, **values: self._string(key, language, **values)).values(arguments)

    def _values(self, names: set[str], language: str, arguments: Mapping[str, Any]) -> dict[str, str]:
        values: dict[str, str] = {}
        for name in names:
            if name in ARGUMENT_PLACEHOLDERS and name in arguments:
                value = arguments[name]
                values[name] = format_value("number", value, language) if isinstance(value, int) else str(value)
            elif name == "supported_languages":
                names_ = [autonym(code) for code in self._catalogs.languages]
                values[name] = format_list(names_, locale=babel_locale(language))
            elif name in self._knowledge.facts:
                fact = self._knowledge.facts[name]
                values[name] = format_value(fact.type, fact.value, language)
        return values

    def _footer(self, name: str, used: set[str], language: str, extra_sources: list[str]) -> str | None:
        answer = self._knowledge.answers.get(name)
        if answer is None and not extra_sources:
            return None  # not an answer of facts (greetings, prompts): no footer
        fact_sources = [self._knowledge.facts[fact].source for fact in sorted(used & set(self._knowledge.facts))]
        source_ids = list(dict.fromkeys([*(answer.sources if answer else ()), *extra_sources, *fact_sources]))
        names = [
            self._catalogs.translate(language, f"source.{source}", self._knowledge.sources[source].publisher)
            for source in source_ids
        ]
        publishers = format_list(list(dict.fromkeys(names)), locale=babel_locale(language))  # once each
        lines = [self._string("source_line", language, sources=publishers)]
        if answer and answer.dated:
            as_of = self._knowledge.facts["as_of"]
            lines.append(self._string("as_of_line", language, as_of=format_value(as_of.type, as_of.value, language)))
        return "\n".join(lines)

    def string(self, key: str, language: str, **values: str) -> str:
        """A sentence of locales/strings.yml in `language`, filled."""
        return self._string(key, language, **values)

    def _string(self, key: str, language: str, **values: str) -> str:
        return self._catalogs.translate(language, key, source_strings()[key]).format_map(_KeepMissing(values))

    def _buttons(self, name: str, response: dict, language: str, arguments: Mapping[str, Any]) -> list[dict]:
        buttons = [
            (self._catalogs.translate(language, f"{name}.button", button["title"]), button["payload"])
            for button in response.get("buttons") or []
        ]
        choices = [intent for intent in arguments.get("intent_choices") or [] if f"intent.{intent}" in source_strings()]
        buttons += [(self._string(f"intent.{intent}", language), f"/{intent}") for intent in choices]
        if choices:
            context, payload = SOMETHING_ELSE
            buttons.append((self._catalogs.translate(language, context, self._responses[context]["text"]), payload))
        return [{"title": title, "payload": payload} for title, payload in buttons]


def conversation_language(
    tracker: Mapping[str, Any], shipped: tuple[str, ...], arguments: Mapping[str, Any] | None = None
) -> str:
    """The reply language: the `language` slot, set by the action server each turn.

    An action that changes the slot passes the new language as the argument
    `language` too: Rasa renders an action's messages before it applies the
    action's events.
    """
    requested = (arguments or {}).get("language")
    language = requested if requested in shipped else (tracker.get("slots") or {}).get("language")
    if language in shipped:
        return language
    return DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in shipped else shipped[0]
