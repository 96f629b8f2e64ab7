import json
import urllib.error
import urllib.request
import uuid


def post(url: str, body: dict, timeout: float = 30.0) -> tuple[int, object]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class Conversation:
    """One user talking to the REST channel."""

    def __init__(self, settings, sender: str | None = None):
        self.settings = settings
        self.url = f"{settings.rasa_url}/webhooks/rest/webhook"
        self.sender = sender or f"test-{uuid.uuid4().hex[:8]}"

    def say(self, text: str, language: str | None = None) -> list[dict]:
        body = {"sender": self.sender, "message": text}
        if language:
            body["metadata"] = {"language": language}
        status, replies = post(self.url, body)
        assert status == 200, f"{status}: {replies}"
        assert isinstance(replies, list) and replies, f"no reply to {text!r}"
        return replies

    def texts(self, text: str, language: str | None = None) -> str:
        # Rasa's output channels send each paragraph ("\n\n") as its own message;
        # a language announcement for the widget comes as a message without text.
        return "\n\n".join(reply["text"] for reply in self.say(text, language) if reply.get("text"))

    def slot(self, name: str):
        """A slot of this conversation, read through Rasa's HTTP API (token)."""
        url = f"{self.settings.rasa_url}/conversations/{self.sender}/tracker?token={self.settings.auth_token}"
        with urllib.request.urlopen(url, timeout=10) as reply:
            return json.loads(reply.read())["slots"].get(name)
