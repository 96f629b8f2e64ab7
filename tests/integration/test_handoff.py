"""Handoff through the running assistant and the console over HTTP: a user asks
for a person, the conversation pauses and queues, messages sent while paused
reach the console, one of two counselors takes the ticket, replies as a
person, and returns the conversation; replies to a closed ticket are refused."""

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from bot.console.accounts import StaffAccounts
from tests.integration.client import Conversation, post

pytestmark = pytest.mark.integration
PASSWORD = "correct horse battery staple"


class Counselor:
    """A browser-less console session: cookies, CSRF token, forms."""

    def __init__(self, settings, username: str, display_name: str) -> None:
        StaffAccounts(settings.database).create(username, display_name, PASSWORD, ["en", "ja"])
        self.base = settings.web_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        login = self.get("/console/login")
        self.csrf = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
        self.post("/console/login", username=username, password=PASSWORD)
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', self.get("/console/")).group(1)
        self.post("/console/availability", available="1")

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=15) as reply:
            return reply.read().decode()

    def post(self, path: str, **fields) -> int:
        data = urllib.parse.urlencode({"csrf_token": self.csrf, **fields}).encode()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=15) as reply:
                return reply.status
        except urllib.error.HTTPError as error:
            return error.code

    def queue(self) -> list[dict]:
        return json.loads(self.get("/console/api/queue"))


def events(settings, sender: str) -> list[dict]:
    url = f"{settings.rasa_url}/conversations/{sender}/tracker?token={settings.auth_token}"
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.loads(reply.read())["events"]


def test_a_person_takes_over_and_hands_back(servers, expected):
    sato = Counselor(servers, "sato", "Sato")
    ito = Counselor(servers, "ito", "Ito")
    user = Conversation(servers)
    waiting = user.texts("I want to talk to a real person please", "en")
    assert "counselor who speaks English" in waiting

    message = {"sender": user.sender, "message": "hello? is anyone there", "metadata": {"language": "en"}}
    status, replies = post(f"{servers.rasa_url}/webhooks/rest/webhook", message)
    assert status == 200 and replies == []  # paused: the assistant stays quiet
    ticket = next(entry for entry in sato.queue() if entry["status"] == "waiting")
    assert "hello? is anyone there" in [line["text"] for line in ticket["last"]]

    assert sato.post(f"/console/tickets/{ticket['id']}/take") == 200  # 303 → the conversation page
    assert ito.post(f"/console/tickets/{ticket['id']}/take") == 409
    assert ito.post(f"/console/tickets/{ticket['id']}/reply", text="I'm not yours") == 409
    assert sato.post(f"/console/tickets/{ticket['id']}/reply", text="Hello, I'm Sato. How can I help?") == 200
    said = [e for e in events(servers, user.sender) if e.get("event") == "bot" and "Sato" in (e.get("text") or "")]
    assert said and said[-1]["data"]["custom"]["data"]["sender"] == "counselor"

    assert sato.post(f"/console/tickets/{ticket['id']}/return") == 200
    assert sato.post(f"/console/tickets/{ticket['id']}/reply", text="too late") == 409
    said = [e.get("text") for e in events(servers, user.sender) if e.get("event") == "bot"]
    assert said[-1] == expected("utter_handoff_returned", "en")
    assert expected("utter_ask_cost", "en").split("\n")[0] in user.texts("does the consultation cost money?", "en")


def test_a_forged_console_session_is_refused(servers):
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", "console_session=forged-token")]
    with pytest.raises(urllib.error.HTTPError) as refused:
        opener.open(servers.web_url + "/console/api/queue", timeout=10)
    assert refused.value.code == 401


def test_with_nobody_online_a_booking_is_offered(servers):
    user = Conversation(servers)
    replies = user.say("Tôi muốn nói chuyện với nhân viên tư vấn ngay bây giờ", "vi")
    assert any(button["payload"] == "/book_consultation" for reply in replies for button in reply.get("buttons") or [])


def test_with_nobody_online_a_message_can_be_left_with_consent(servers, expected):
    from bot.handoff.messages import MessageStore

    user = Conversation(servers)
    replies = user.say("/request_human", "th")
    assert "/leave_message" in [button["payload"] for reply in replies for button in reply.get("buttons") or []]
    assert expected("utter_message_consent_question", "th").split("{")[0][:20] in user.texts("/leave_message", "th")
    user.say("/affirm", "th")
    user.say("อยากสอบถามเรื่องวีซ่าทักษะเฉพาะทางค่ะ", "th")
    assert user.texts("somchai@example.com", "th") == expected("utter_message_left", "th")
    left = [m for m in MessageStore(servers.database).open_messages(("th",)) if m.conversation_id == user.sender]
    assert [(m.text, m.contact.value) for m in left] == [("อยากสอบถามเรื่องวีซ่าทักษะเฉพาะทางค่ะ", "somchai@example.com")]
