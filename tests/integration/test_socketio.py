"""A real socket.io client with session persistence gets the bot's replies:
catches RasaHQ/rasa#13027 (python-socketio >= 5.10 drops them silently)."""

import asyncio
import uuid

import pytest
import socketio

pytestmark = pytest.mark.integration


async def test_socketio_conversation_with_session_persistence(servers, expected):
    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue = asyncio.Queue()
    confirmed = asyncio.Event()
    session_id = uuid.uuid4().hex

    @client.on("session_confirm")
    async def on_confirm(_):
        confirmed.set()

    @client.on("bot_uttered")
    async def on_bot(message):
        await replies.put(message)

    await client.connect(servers.rasa_url, socketio_path="/socket.io", transports=["websocket"])
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), timeout=10)
        await client.emit(
            "user_uttered", {"message": "xin chào", "session_id": session_id, "customData": {"language": "vi"}}
        )
        reply = await asyncio.wait_for(replies.get(), timeout=30)
    finally:
        await client.disconnect()
    assert reply["text"] == expected("utter_greet", "vi")
    assert reply.get("quick_replies") or reply.get("buttons")
