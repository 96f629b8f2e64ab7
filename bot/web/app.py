"""The project's web service: Rasa's NLG endpoint, the demo chat page, the
furigana the page shows over kanji in plain Japanese, and bookings' calendar files."""

from __future__ import annotations

import asyncio
import html
import logging
import re

from sanic import Sanic, response
from sanic.request import Request

from bot.booking.links import token_matches
from bot.booking.store import BookingStore
from bot.console.web import console_blueprint
from bot.contract import base_language
from bot.domain_responses import load_responses
from bot.handoff.console_routes import add_handoff_routes
from bot.handoff.rasa_api import RasaApi, RasaApiError
from bot.i18n.catalog import Catalogs
from bot.i18n.furigana import ruby_html
from bot.i18n.languages import autonym
from bot.kb.knowledge import Knowledge
from bot.kb.repository import CatalogRepository
from bot.settings import PROJECT_DIR, Settings
from bot.web.booking_views import calendar_file
from bot.web.nlg import ResponseRenderer, conversation_language
from bot.web.widget_labels import widget_labels_handler

logger = logging.getLogger(__name__)
STATIC_DIR = PROJECT_DIR / "bot" / "web" / "static"
SOCKET_IO_CLIENT = PROJECT_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
MAX_FURIGANA_CHARACTERS = 5000  # longer than any answer we send
WIDGET_SESSION = re.compile(r"[0-9a-f]{32}")  # the widget's own ids (chat.js newId), nothing else


def create_app(settings: Settings, name: str = "assistant_web") -> Sanic:
    app = Sanic(name)
    app.config.FALLBACK_ERROR_FORMAT = "json"  # errors as JSON, never an HTML traceback
    catalogs = Catalogs()
    repository = CatalogRepository(settings.database)
    knowledge = Knowledge()
    renderer = ResponseRenderer(load_responses(), catalogs, knowledge, repository.catalog)
    bookings = BookingStore(settings.database)

    @app.post("/nlg")
    async def nlg(request: Request):
        body = request.json or {}
        language = conversation_language(body.get("tracker") or {}, catalogs.languages, body.get("arguments"))
        return response.json(renderer.render(body.get("response", ""), language, body.get("arguments")))

    @app.get("/health")
    async def health(_: Request):
        return response.json({"status": "ok", "languages": list(catalogs.languages)})

    @app.post("/api/furigana")
    async def furigana(request: Request):
        """{"text"} -> {"html"}: the text with <ruby> readings over its kanji, escaped."""
        body = request.json  # malformed JSON: Sanic answers 400 itself
        text = body.get("text") if isinstance(body, dict) else None
        if not isinstance(text, str) or len(text) > MAX_FURIGANA_CHARACTERS:
            reason = f'send {{"text": ...}} of at most {MAX_FURIGANA_CHARACTERS} characters'
            return response.json({"error": reason}, 400)
        return response.json({"html": ruby_html(text)})

    @app.get("/bookings/<file_name>")
    async def booking_calendar(request: Request, file_name: str):
        """A booking's .ics, for whoever holds the signed link the assistant gave."""
        reference = file_name.removesuffix(".ics")
        booking = None
        if file_name.endswith(".ics") and token_matches(reference, request.args.get("token", "")):
            booking = await asyncio.to_thread(bookings.by_reference, reference)
        if booking is None:
            return response.json({"error": "no such calendar file"}, 404)  # same answer for a bad token
        body = calendar_file(
            booking,
            lambda key, **values: renderer.string(key, booking.language, **values),
            knowledge.facts["center_url"].value,
        )
        headers = {"Content-Disposition": f'attachment; filename="{reference}.ics"', "Cache-Control": "no-store"}
        return response.raw(body, content_type="text/calendar; charset=utf-8", headers=headers)

    app.add_route(widget_labels_handler(catalogs), "/api/widget-labels", methods=["GET"])
    rasa = RasaApi(settings.rasa_url, settings.auth_token)

    @app.get("/api/missed")
    async def missed(request: Request):
        """What the assistant or a counselor said in a widget conversation after
        `after` (a server timestamp): the widget asks after every reconnect, so a
        message pushed while it was offline is not lost. The session id is the
        widget's random 128-bit secret; the Rasa token stays here."""
        session_id = request.args.get("session_id", "")
        if not WIDGET_SESSION.fullmatch(session_id):
            return response.json({"error": "unknown session"}, 404)
        try:
            after = float(request.args.get("after", "0"))
            events = await asyncio.to_thread(rasa.events, session_id)
        except ValueError:
            return response.json({"error": "after must be a number"}, 400)
        except RasaApiError:
            return response.json({"error": "the assistant is not reachable"}, 502)
        said = [event for event in events if event.get("event") == "bot"]
        latest = max([after, *(event.get("timestamp") or 0 for event in said)])
        messages = [
            {"text": event.get("text"), **((event.get("data") or {}).get("custom") or {})}
            for event in said
            if (event.get("timestamp") or 0) > after
        ]
        return response.json({"latest": latest, "messages": messages})

    @app.get("/")
    async def index(_: Request):
        page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
        return response.html(
            page.replace("__RASA_URL__", settings.rasa_url).replace("__LANGUAGE_OPTIONS__", language_options(catalogs))
        )

    console = console_blueprint(settings)
    welcome_back = lambda language: renderer.render("utter_handoff_returned", language)["text"]  # noqa: E731
    add_handoff_routes(console, settings, welcome_back)  # before mounting: the blueprint's guard covers them
    app.blueprint(console)

    app.static("/static", str(STATIC_DIR))
    # the widget's browser packages, from npm (package-lock.json; `make install`)
    app.static("/vendor/socket.io.min.js", str(SOCKET_IO_CLIENT), content_type="application/javascript")
    return app


def language_options(catalogs: Catalogs) -> str:
    """The widget's language menu: every shipped language in its own name."""
    return "\n".join(
        f'<option value="{code}" lang="{base_language(code)}">{html.escape(autonym(code))}</option>'
        for code in catalogs.languages
    )


def main() -> None:
    from bot.settings import from_environment

    settings = from_environment()
    logging.basicConfig(level=logging.INFO)
    create_app(settings).run(host=settings.host, port=settings.web_port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
