"""The chat widget's own texts (the `widget.*` keys of locales/strings.yml) in
one language, from the gettext catalogs: GET /api/widget-labels?language=xx.

Placeholders such as {name} stay in the texts; the widget fills them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sanic import response
from sanic.request import Request

from bot.i18n.catalog import Catalogs
from bot.i18n.languages import SOURCE_LANGUAGE, normalise_code
from bot.i18n.strings import source_strings

PREFIX = "widget."


def widget_labels(catalogs: Catalogs, language: str) -> dict[str, str]:
    """Every `widget.*` text in `language` (English until it is translated, or for a language we do not ship)."""
    if language not in catalogs.languages:
        language = normalise_code(language) or SOURCE_LANGUAGE
    return {
        key: catalogs.translate(language, key, english)
        for key, english in source_strings().items()
        if key.startswith(PREFIX)
    }


def widget_labels_handler(catalogs: Catalogs) -> Callable[[Request], Awaitable[response.HTTPResponse]]:
    """The Sanic handler of GET /api/widget-labels?language=xx."""

    async def widget_labels_route(request: Request) -> response.HTTPResponse:
        language = request.args.get("language") or SOURCE_LANGUAGE
        return response.json(widget_labels(catalogs, language), headers={"Cache-Control": "max-age=300"})

    return widget_labels_route
