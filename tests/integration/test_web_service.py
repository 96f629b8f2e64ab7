"""The web service the widget talks to: its page and the furigana for plain Japanese."""

import urllib.request

import pytest

from bot.contract import CONTRACT_LANGUAGES, PLAIN_JAPANESE
from tests.integration.client import post

pytestmark = pytest.mark.integration


def test_the_page_offers_every_language_in_its_own_name(servers):
    with urllib.request.urlopen(servers.web_url + "/", timeout=10) as reply:
        page = reply.read().decode("utf-8")
    for code in (*CONTRACT_LANGUAGES, PLAIN_JAPANESE):
        assert f'<option value="{code}"' in page
    assert "やさしい日本語" in page and "Tiếng Việt" in page and "မြန်မာ" in page
    assert "__" not in page  # every template slot filled


def test_furigana_are_computed_on_the_server(servers):
    status, body = post(servers.web_url + "/api/furigana", {"text": "特定技能の<b>ビザ</b>"})
    assert status == 200
    assert body["html"].startswith("<ruby>特定<rt>とくてい</rt></ruby><ruby>技能<rt>ぎのう</rt></ruby>の")
    assert "&lt;b&gt;" in body["html"] and "<b>" not in body["html"]


@pytest.mark.parametrize("body", [{}, {"text": 5}, {"text": "字" * 5001}, [1, 2]])
def test_furigana_refuses_what_is_not_a_text(servers, body):
    status, reply = post(servers.web_url + "/api/furigana", body)
    assert status == 400 and "text" in reply


def test_missed_messages_only_for_widget_session_ids(servers):
    import urllib.error
    import urllib.request

    for session in ("test-user", "../../etc", ""):
        try:
            urllib.request.urlopen(f"{servers.web_url}/api/missed?session_id={session}", timeout=10)
        except urllib.error.HTTPError as error:
            assert error.code == 404
        else:
            raise AssertionError(f"history of {session!r} was served")
