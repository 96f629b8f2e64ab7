"""Rasa's REST channel, refusing malformed requests with a 400 and a reason
instead of a 500 (a JSON list, a number as the message, a missing sender).

Registered in credentials.yml under this module path; it keeps the name
`rest`, so the contract's route stays /webhooks/rest/webhook.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

MAX_SENDER_LENGTH = 255


def request_problem(body: Any) -> str | None:
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, (str, int)) or isinstance(sender, bool) or not str(sender).strip():
        return "'sender' must be a non-empty string"
    if len(str(sender)) > MAX_SENDER_LENGTH:
        return f"'sender' must be at most {MAX_SENDER_LENGTH} characters"
    if message is not None and not isinstance(message, str):
        return "'message' must be a string"
    if "metadata" in body and body["metadata"] is not None and not isinstance(body["metadata"], dict):
        return "'metadata' must be a JSON object"
    return None


class ValidatingRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str:
        return str(req.json["sender"])

    def _extract_message(self, req: Request) -> str:
        return req.json.get("message") or ""

    def blueprint(self, on_new_message) -> Blueprint:
        blueprint = super().blueprint(on_new_message)

        @blueprint.on_request
        async def refuse_malformed(request: Request):
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            try:
                body = request.json
            except Exception:  # sanic raises its own error for invalid JSON
                body = None
            problem = request_problem(body)
            if problem:
                return response.json({"error": problem}, status=400)
            return None

        return blueprint
