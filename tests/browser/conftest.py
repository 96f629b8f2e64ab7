"""The widget in a real browser: Debian's chromium driven by Playwright (sync
API), against the real servers of the integration tests."""

import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_DIR
from tests.integration.conftest import expected, servers  # noqa: F401  (the running assistant)

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_DIR / "test-artifacts" / "browser"


SKIP_REASON = f"browser tests skipped: {CHROMIUM} is missing (apt-get install chromium; scripts/test.sh does)"
HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    """Without chromium, skip before any server starts, and say why."""
    if CHROMIUM.exists():
        return
    browser_tests = [item for item in items if HERE in item.path.parents]
    if browser_tests:
        print(f"\n{SKIP_REASON}", file=sys.stderr)
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="module")
def browser():
    """One chromium per test module (closed before other modules' event loops run)."""
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-US", viewport={"width": 1024, "height": 768})
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def screenshot(page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return lambda name: page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
