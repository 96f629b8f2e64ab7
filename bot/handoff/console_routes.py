"""The console's handoff, messages and bookings pages, added to the `/console`
blueprint (so its guard covers them: staff only, CSRF on every POST).

A counselor sees the queue (language, waiting time, topic, last messages),
takes a ticket (one counselor wins, the database decides), reads the live
transcript (Rasa's tracker store is the feed: messages sent while paused are
there), replies as a named person, and returns the conversation to the
assistant or closes it. The Rasa token stays on the server."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request

from bot.booking.staff import TOKYO
from bot.booking.store import BookingStore
from bot.console.web import console_of, render, staff_only
from bot.handoff.messages import MessageStore
from bot.handoff.rasa_api import RasaApi, RasaApiError
from bot.handoff.tickets import CLOSED, TAKEN, Ticket, TicketStore
from bot.settings import Settings

LAST_MESSAGES = 3
MAX_REPLY_CHARACTERS = 2000


def transcript(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The conversation's messages: who said what, and when."""
    lines = []
    for event in events:
        if event.get("event") not in ("user", "bot") or not (event.get("text") or "").strip():
            continue
        custom = ((event.get("data") or {}).get("custom") or {}).get("data") or {}
        who = "user" if event["event"] == "user" else ("counselor" if custom.get("sender") == "counselor" else "bot")
        lines.append(
            {
                "who": who,
                "name": custom.get("name"),
                "text": event["text"],
                "at": dt.datetime.fromtimestamp(event.get("timestamp") or 0, TOKYO).strftime("%H:%M"),
            }
        )
    return lines


def add_handoff_routes(
    bp: Blueprint,
    settings: Settings,
    greeting: Callable[[str], str],
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
) -> None:
    """`greeting(language)`: the assistant's welcome back, in that language."""
    tickets = TicketStore(settings.database)
    bookings = BookingStore(settings.database)
    messages = MessageStore(settings.database)
    rasa = RasaApi(settings.rasa_url, settings.auth_token)

    async def queue_entries(languages: tuple[str, ...]) -> list[dict[str, Any]]:
        entries = []
        for ticket in await asyncio.to_thread(tickets.queue, languages):
            try:
                lines = transcript(await asyncio.to_thread(rasa.events, ticket.conversation_id))
            except RasaApiError:
                lines = []
            waited = int((now() - ticket.created_at).total_seconds() // 60)
            entries.append({"ticket": ticket, "waiting_minutes": waited, "last": lines[-LAST_MESSAGES:]})
        return entries

    def own_ticket(request: Request, ticket: Ticket | None) -> bool:
        return ticket is not None and ticket.status == TAKEN and ticket.counselor_id == request.ctx.staff.account_id

    @bp.get("/queue")
    @staff_only
    async def queue_page(request: Request):
        entries = await queue_entries(request.ctx.staff.languages)
        return render(request, "queue.html", staff=request.ctx.staff, entries=entries)

    @bp.get("/api/queue")
    @staff_only
    async def queue_json(request: Request):
        entries = await queue_entries(request.ctx.staff.languages)
        return response.json(
            [
                {"id": e["ticket"].id, "language": e["ticket"].language, "topic": e["ticket"].topic,
                 "status": e["ticket"].status, "counselor": e["ticket"].counselor_name,
                 "waiting_minutes": e["waiting_minutes"], "last": e["last"]}
                for e in entries
            ]  # fmt: skip
        )

    @bp.get("/tickets/<ticket_id:int>")
    @staff_only
    async def ticket_page(request: Request, ticket_id: int):
        ticket = await asyncio.to_thread(tickets.get, ticket_id)
        if ticket is None or not request.ctx.staff.speaks(ticket.language):
            return response.text("No such ticket.", 404)
        try:
            lines = transcript(await asyncio.to_thread(rasa.events, ticket.conversation_id))
        except RasaApiError:
            return rasa_unreachable()
        return render(request, "ticket.html", staff=request.ctx.staff, ticket=ticket, lines=lines,
                      mine=own_ticket(request, ticket))  # fmt: skip

    @bp.get("/api/tickets/<ticket_id:int>/messages")
    @staff_only
    async def ticket_messages(request: Request, ticket_id: int):
        ticket = await asyncio.to_thread(tickets.get, ticket_id)
        if ticket is None or not request.ctx.staff.speaks(ticket.language):
            return response.json({"error": "no such ticket"}, 404)
        try:
            lines = transcript(await asyncio.to_thread(rasa.events, ticket.conversation_id))
        except RasaApiError:
            return response.json({"error": "the assistant's server is not reachable"}, 502)
        return response.json({"status": ticket.status, "counselor": ticket.counselor_name, "messages": lines})

    @bp.post("/tickets/<ticket_id:int>/take")
    @staff_only
    async def take(request: Request, ticket_id: int):
        staff = request.ctx.staff
        ticket = await asyncio.to_thread(tickets.get, ticket_id)
        if ticket is None or not staff.speaks(ticket.language):
            return response.text("No such ticket.", 404)
        taken = await asyncio.to_thread(tickets.take, ticket_id, staff.account_id, staff.display_name, now())
        if taken is None:
            return response.text("Another counselor has taken this ticket, or it is closed.", 409)
        joined = {"handoff": "joined", "name": staff.display_name}
        try:
            # paused again: Rasa lifts a pause when a new session starts (an hour idle, a restart)
            await asyncio.to_thread(rasa.pause, taken.conversation_id)
            await asyncio.to_thread(rasa.tell, taken.conversation_id, joined, taken.output_channel)
        except RasaApiError:
            return rasa_unreachable()
        return response.redirect(f"/console/tickets/{ticket_id}", status=303)

    @bp.post("/tickets/<ticket_id:int>/reply")
    @staff_only
    async def reply(request: Request, ticket_id: int):
        ticket = await asyncio.to_thread(tickets.get, ticket_id)
        text = (request.form.get("text") or "").strip() if request.form else ""
        if not own_ticket(request, ticket):
            return response.text("This ticket is closed or held by another counselor; the message was not sent.", 409)
        if len(text) > MAX_REPLY_CHARACTERS:
            return response.text(f"The message is longer than {MAX_REPLY_CHARACTERS} characters; it was not sent.", 413)
        if text:
            name = request.ctx.staff.display_name
            try:
                await asyncio.to_thread(
                    rasa.say_as_counselor, ticket.conversation_id, text, name, ticket.output_channel
                )
            except RasaApiError:
                return rasa_unreachable()
        if request.headers.get("X-Requested-With") == "fetch":
            return response.json({"sent": bool(text)})
        return response.redirect(f"/console/tickets/{ticket_id}", status=303)

    async def end(request: Request, ticket_id: int, greet_back: bool):
        ticket = await asyncio.to_thread(tickets.get, ticket_id)
        if ticket is None or ticket.status == CLOSED or not request.ctx.staff.speaks(ticket.language):
            return response.text("This ticket is already closed.", 409)
        if ticket.status == TAKEN and not own_ticket(request, ticket) and await holder_online(request, ticket):
            return response.text("Another counselor holds this ticket.", 409)
        try:  # resumed before closed: a failure leaves the ticket open to try again, never a paused orphan
            text = None
            if greet_back:  # in the conversation's language (its slot), as the assistant
                slots = await asyncio.to_thread(rasa.slots, ticket.conversation_id)
                text = greeting(slots.get("language") or ticket.language)
            await asyncio.to_thread(rasa.resume, ticket.conversation_id, text, ticket.output_channel)
        except RasaApiError:
            return rasa_unreachable()
        if await asyncio.to_thread(tickets.close, ticket_id, None, now()) is None:
            return response.text("This ticket is already closed.", 409)
        return response.redirect("/console/queue", status=303)

    async def holder_online(request: Request, ticket: Ticket) -> bool:
        """Whether the counselor holding the ticket is still signed in (else a colleague may end it)."""
        online = await asyncio.to_thread(console_of(request).sessions.online_staff, ticket.language)
        return any(getattr(person, "account_id", None) == ticket.counselor_id for person in online)

    @bp.post("/tickets/<ticket_id:int>/return")
    @staff_only
    async def return_to_assistant(request: Request, ticket_id: int):
        return await end(request, ticket_id, greet_back=True)

    @bp.post("/tickets/<ticket_id:int>/close")
    @staff_only
    async def close(request: Request, ticket_id: int):
        return await end(request, ticket_id, greet_back=False)

    @bp.get("/messages")
    @staff_only
    async def messages_page(request: Request):
        waiting = await asyncio.to_thread(messages.open_messages, request.ctx.staff.languages)
        return render(request, "messages.html", staff=request.ctx.staff, messages=waiting, tz=TOKYO)

    @bp.post("/messages/<message_id:int>/answered")
    @staff_only
    async def message_answered(request: Request, message_id: int):
        mine = await asyncio.to_thread(messages.open_messages, request.ctx.staff.languages)
        if message_id not in {message.id for message in mine}:
            return response.text("This message is answered already, or not in your languages.", 409)
        done = await asyncio.to_thread(messages.mark_answered, message_id, request.ctx.staff.display_name, now())
        if not done:
            return response.text("This message was already marked as answered.", 409)
        return response.redirect("/console/messages", status=303)

    @bp.get("/bookings")
    @staff_only
    async def bookings_page(request: Request):
        today = now().astimezone(TOKYO).replace(hour=0, minute=0, second=0, microsecond=0)
        upcoming = await asyncio.to_thread(bookings.bookings_between, today, today + dt.timedelta(days=15))
        return render(request, "bookings.html", staff=request.ctx.staff, bookings=upcoming, tz=TOKYO,
                      today=today.date())  # fmt: skip


def rasa_unreachable():
    return response.text("The assistant's server is not reachable; nothing was changed. Please try again.", 502)
