"""Rasa's HTTP API as the console uses it (the token stays on the server):
pause a conversation, send a counselor's message to the user's widget (and
keep it in the conversation's history), resume with a greeting from the
assistant, read the transcript. Field notes: ../shared/notes/rasa-3.6-field-notes.md."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

TIMEOUT_SECONDS = 10.0


class RasaApiError(RuntimeError):
    pass


class RasaApi:
    def __init__(self, base_url: str, token: str, timeout: float = TIMEOUT_SECONDS) -> None:
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout

    def pause(self, conversation_id: str) -> None:
        self._events(conversation_id, [{"event": "pause"}])

    def say_as_counselor(self, conversation_id: str, text: str, name: str, output_channel: str) -> None:
        """A bot event whose custom payload marks it as from a named person; Rasa
        stores it in the tracker and, with side effects, sends it to the channel."""
        custom = {"data": {"text": text, "sender": "counselor", "name": name}}
        event = {"event": "bot", "text": text, "data": {"custom": custom}, "metadata": {"counselor": name}}
        self._events(conversation_id, [event], output_channel=output_channel)

    def tell(self, conversation_id: str, custom: dict[str, Any], output_channel: str) -> None:
        """A widget signal without text (e.g. {"handoff": "joined", "name": ...})."""
        event = {"event": "bot", "data": {"custom": {"data": custom}}}  # socket.io emits custom["data"]
        self._events(conversation_id, [event], output_channel=output_channel)

    def resume(self, conversation_id: str, greeting: str | None, output_channel: str) -> None:
        """Back to the assistant: it answers again from the next message on. The
        greeting (already in the user's language) and the widget's "handoff
        ended" signal are sent as one assistant message."""
        # A paused conversation never ran action_listen after the action that
        # paused it; without one, the policies' rules (which start after a
        # listen) match nothing and the next question falls back.
        self._events(conversation_id, [{"event": "resume"}, {"event": "action", "name": "action_listen"}])
        custom = {"handoff": "ended"}
        event = {"event": "bot", "text": greeting, "data": {"custom": {"data": custom}}} if greeting else None
        if event:
            self._events(conversation_id, [event], output_channel=output_channel)
        else:
            self.tell(conversation_id, custom, output_channel)

    def slots(self, conversation_id: str) -> dict[str, Any]:
        tracker = self._request("GET", f"/conversations/{_quote(conversation_id)}/tracker", None, {})
        return tracker.get("slots") or {}

    def events(self, conversation_id: str) -> list[dict[str, Any]]:
        tracker = self._request("GET", f"/conversations/{_quote(conversation_id)}/tracker", None, {})
        return tracker.get("events") or []

    def _events(self, conversation_id: str, events: list[dict], output_channel: str | None = None) -> None:
        query = {"execute_side_effects": "true", "output_channel": output_channel} if output_channel else {}
        self._post(f"/conversations/{_quote(conversation_id)}/tracker/events", events, **query)

    def _post(self, path: str, body: Any, **query: str) -> Any:
        return self._request("POST", path, body, query)

    def _request(self, method: str, path: str, body: Any, query: dict[str, str]) -> Any:
        url = f"{self._base}{path}?{urllib.parse.urlencode({**query, 'token': self._token})}"
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as reply:
                return json.loads(reply.read() or b"null")
        except (OSError, ValueError) as error:  # the message says which call, never the token
            raise RasaApiError(f"{method} {path} failed: {type(error).__name__}") from error


def _quote(conversation_id: str) -> str:
    return urllib.parse.quote(conversation_id, safe="")
