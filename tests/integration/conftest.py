"""Starts the real Rasa server, action server and web service on free ports,
with a fresh SQLite tracker store, once for the integration tests."""

import socket

import pytest

from bot.domain_responses import load_responses
from bot.i18n.catalog import Catalogs
from bot.kb.knowledge import Knowledge
from bot.services import Services
from bot.settings import PROJECT_DIR, Settings
from bot.web.nlg import ResponseRenderer

MODEL = PROJECT_DIR / "models" / "current.tar.gz"
TOKEN = "integration-test-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first (scripts/test.sh does)")
    var_dir = tmp_path_factory.mktemp("var")
    settings = Settings(
        rasa_port=free_port(),
        action_port=free_port(),
        web_port=free_port(),
        auth_token=TOKEN,
        model_path=MODEL,
        var_dir=var_dir,
    )
    services = Services(settings, log_dir=PROJECT_DIR / "test-artifacts" / "server-logs")
    try:
        services.start(timeout=240)
        yield settings
    finally:
        services.stop()


@pytest.fixture(scope="session")
def expected():
    """The text a response should have, rendered the way the NLG endpoint does."""
    renderer = ResponseRenderer(load_responses(), Catalogs(), Knowledge())
    return lambda name, language: renderer.render(name, language)["text"]
