"""The project's web service: Rasa's NLG endpoint, the demo chat page and the
furigana the page shows over kanji in plain Japanese."""

from __future__ import annotations

import html
import logging

from sanic import Sanic, response
from sanic.request import Request

from bot.contract import base_language
from bot.domain_responses import load_responses
from bot.i18n.catalog import Catalogs
from bot.i18n.furigana import ruby_html
from bot.i18n.languages import autonym
from bot.kb.knowledge import Knowledge
from bot.kb.repository import CatalogRepository
from bot.settings import PROJECT_DIR, Settings
from bot.web.nlg import ResponseRenderer, conversation_language

logger = logging.getLogger(__name__)
STATIC_DIR = PROJECT_DIR / "bot" / "web" / "static"
MAX_FURIGANA_CHARACTERS = 5000  # longer than any answer we send


def create_app(settings: Settings, name: str = "assistant_web") -> Sanic:
    app = Sanic(name)
    app.config.FALLBACK_ERROR_FORMAT = "json"  # errors as JSON, never an HTML traceback
    catalogs = Catalogs()
    repository = CatalogRepository(settings.database)
    renderer = ResponseRenderer(load_responses(), catalogs, Knowledge(), repository.catalog)

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

    @app.get("/")
    async def index(_: Request):
        page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
        return response.html(
            page.replace("__RASA_URL__", settings.rasa_url).replace("__LANGUAGE_OPTIONS__", language_options(catalogs))
        )

    app.static("/static", str(STATIC_DIR))
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
