"""The booking form (domain/booking.yml): role, topic, language, format, a
free time, consent, name, contact, then a summary to confirm. Every message
while it is active comes here first: an answer, a change of an earlier answer
("actually, make it online"), "stop", or a question answered on the side.
The form never rejects a message, so it cannot lose its place."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.booking import access, arguments
from actions.booking.asides import answer_aside, is_aside
from actions.booking.reading import (
    Turn,
    consultation_language,
    contact_of,
    contact_problem_response,
    contact_slot,
    meeting_format,
    proof,
    role,
    topic,
)
from actions.booking.times import offered_languages, read_time, when_from_slot
from bot.booking.contact import NOT_CONTACT, Contact, parse_contact
from bot.booking.names import parse_name
from bot.booking.staff import TOKYO
from bot.booking.store import BookingRequest, Taken
from bot.i18n.languages import display_name

FORM_SLOTS = (
    "booking_role", "booking_topic", "booking_language", "booking_format", "booking_time",
    "booking_consent", "booking_name", "booking_contact", "booking_confirmed",
)  # fmt: skip
BOOKKEEPING = ("booking_when", "booking_stopped", "booking_request_key", "booking_aside")


class ValidateBookingForm(Action):
    def name(self) -> str:
        return "validate_booking_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = Turn.of(tracker)
        requested = tracker.get_slot("requested_slot")
        slots = dict(tracker.slots)
        changes: dict[str, Any] = {"booking_aside": None}  # always one slot event: the form never rejects
        if not slots.get("booking_request_key"):
            changes["booking_request_key"] = uuid.uuid4().hex

        if requested and turn.says_stop():
            dispatcher.utter_message(response="utter_booking_stopped")
            return _stop("user")
        change = turn.entities.get("booking_change")
        if change in FORM_SLOTS:
            changes.update({change: None, "booking_confirmed": None})
            return _events(changes)

        offered = offered_languages(access.store().staff)
        noticed = self._noticed(turn, requested, offered)
        changed_other = any(
            value is not None and value != slots.get(slot) and slot != requested for slot, value in noticed.items()
        )
        changes.update({slot: value for slot, value in noticed.items() if value is not None})
        slots.update(changes)
        if not await self._times_exist(slots, changes, dispatcher, turn):
            return _stop("no_times")

        handler = getattr(self, f"_answer_{requested}", None) if requested else None
        if handler is not None and not (requested in noticed and noticed[requested] is not None):
            stop = await handler(turn, slots, changes, dispatcher, tracker, domain, changed_other)
            if stop:
                return _stop(stop)
        return _events(changes)

    @staticmethod
    def _noticed(turn: Turn, requested: str | None, offered: tuple[str, ...]) -> dict[str, str | None]:
        """Answers the message gives whatever was asked: buttons, and words that
        cannot be a name or a contact ("online", "as a company", "in Vietnamese")."""
        noticed = {"booking_role": role(turn), "booking_format": meeting_format(turn)}
        if requested != "booking_topic":  # "Japanese language" is a topic there, not the language
            noticed["booking_language"] = consultation_language(turn, offered)
        if requested in (None, "booking_topic") or turn.entities.get("consultation_topic"):
            noticed["booking_topic"] = topic(turn)
        return noticed

    async def _times_exist(self, slots, changes, dispatcher, turn: Turn) -> bool:
        """After the language or format changes: is the chosen time still
        possible, and is any time possible at all?"""
        if "booking_language" not in changes and "booking_format" not in changes:
            return True
        language = slots.get("booking_language")
        if not language:
            return True
        free = await access.in_thread(access.store().free_times, language, access.now())
        if not free:
            dispatcher.utter_message(
                response="utter_booking_no_times",
                language_name=display_name(language, turn.language),
                horizon_days=access.store().staff.horizon_days,
            )
            return False
        chosen = slots.get("booking_time")
        if chosen and all(item.starts_at != dt.datetime.fromisoformat(chosen) for item in free):
            dispatcher.utter_message(response="utter_booking_time_reset")
            changes.update(booking_time=None, booking_confirmed=None)
        return True

    # --- the answer to the slot that was asked for ------------------------------

    async def _choice(self, turn, changes, dispatcher, tracker, domain, changed_other) -> None:
        if changed_other:
            return
        if is_aside(turn):
            await _aside(turn, changes, dispatcher, tracker, domain)
        else:
            dispatcher.utter_message(response="utter_booking_choose_option")

    async def _answer_booking_role(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        await self._choice(turn, changes, dispatcher, tracker, domain, changed_other)

    _answer_booking_topic = _answer_booking_language = _answer_booking_format = _answer_booking_role

    async def _answer_booking_time(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        if changed_other:
            return
        outcome = await read_time(turn, slots["booking_language"])
        if outcome.start:
            changes.update(booking_time=outcome.start, booking_when=None)
        elif outcome.when is not None:
            changes["booking_when"] = outcome.when
        elif outcome.problem is None and is_aside(turn):
            await _aside(turn, changes, dispatcher, tracker, domain)
        else:
            dispatcher.utter_message(response=outcome.problem or "utter_booking_time_unclear")

    async def _answer_booking_consent(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        if turn.means("affirm"):
            changes["booking_consent"] = True
        elif turn.means("deny"):
            dispatcher.utter_message(response="utter_booking_consent_refused")
            return "no_consent"
        elif is_aside(turn):
            await _aside(turn, changes, dispatcher, tracker, domain)
        elif not changed_other:
            dispatcher.utter_message(response="utter_booking_consent_unclear")

    async def _answer_booking_name(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        if changed_other:
            return
        if is_aside(turn) and any(mark in turn.text for mark in "?？"):
            await _aside(turn, changes, dispatcher, tracker, domain)
            return
        name, problem = parse_name(turn.text)
        if name:
            changes["booking_name"] = name
        else:
            dispatcher.utter_message(response="utter_booking_bad_name")

    async def _answer_booking_contact(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        if changed_other:
            return
        contact = parse_contact(turn.text)
        if isinstance(contact, Contact):
            changes["booking_contact"] = contact_slot(contact)
        elif contact == NOT_CONTACT and is_aside(turn):
            await _aside(turn, changes, dispatcher, tracker, domain)
        else:
            dispatcher.utter_message(response=contact_problem_response(contact))

    async def _answer_booking_confirmed(self, turn, slots, changes, dispatcher, tracker, domain, changed_other):
        if changed_other:
            return
        if turn.means("affirm"):
            await self._book(slots, changes, dispatcher)
        elif turn.means("deny"):
            changes["booking_aside"] = "change"
        elif is_aside(turn):
            await _aside(turn, changes, dispatcher, tracker, domain)
        else:
            dispatcher.utter_message(response="utter_booking_choose_option")

    async def _book(self, slots, changes, dispatcher) -> None:
        contact = contact_of(slots.get("booking_contact"))
        now = access.now()
        request = BookingRequest(
            request_key=slots["booking_request_key"],
            role=slots["booking_role"],
            topic=slots["booking_topic"],
            language=slots["booking_language"],
            format=slots["booking_format"],
            starts_at=dt.datetime.fromisoformat(slots["booking_time"]),
            name=slots["booking_name"],
            contact=contact,
            consent_at=now,
        )
        result = await access.in_thread(access.store().book, request, now)
        if isinstance(result, Taken):
            dispatcher.utter_message(response="utter_booking_time_taken")
            changes.update(booking_time=None, booking_when=None, booking_confirmed=None)
            return
        changes.update(
            booking_confirmed=True, verified_reference=result.reference, verified_contact=proof(contact, now)
        )


async def _aside(turn: Turn, changes: dict, dispatcher, tracker, domain) -> None:
    for event in await answer_aside(turn, dispatcher, tracker, domain):
        if event.get("event") == "slot":
            changes[event["name"]] = event["value"]
    dispatcher.utter_message(response="utter_booking_back_to_form")
    changes["booking_aside"] = turn.intent


def _events(changes: dict[str, Any]) -> list[dict[str, Any]]:
    return [SlotSet(slot, value) for slot, value in changes.items()]


def _stop(reason: str) -> list[dict[str, Any]]:
    """Ends the form: nothing was stored; every answer is forgotten."""
    forgotten = [SlotSet(slot, None) for slot in (*FORM_SLOTS, *BOOKKEEPING) if slot != "booking_stopped"]
    return [*forgotten, SlotSet("booking_stopped", reason), SlotSet("requested_slot", None)]


# --- asking -------------------------------------------------------------------


class ActionAskBookingLanguage(Action):
    def name(self) -> str:
        return "action_ask_booking_language"

    async def run(self, dispatcher, tracker, domain):
        offered = offered_languages(access.store().staff)
        mine = tracker.get_slot("language")
        ordered = sorted(offered, key=lambda code: code != mine)  # the chat's own language first
        dispatcher.utter_message(response="utter_booking_language_question", languages=ordered)
        return []


class ActionAskBookingTime(Action):
    def name(self) -> str:
        return "action_ask_booking_time"

    async def run(self, dispatcher, tracker, domain):
        language = tracker.get_slot("booking_language")
        free = await access.in_thread(access.store().free_times, language, access.now())
        when = when_from_slot(tracker.get_slot("booking_when"))
        if when is None:
            dispatcher.utter_message(response="utter_booking_time_question", times=arguments.time_choices(free))
            return []
        matching = [item for item in free if when.allows(item.starts_at)]
        if matching:
            dispatcher.utter_message(response="utter_booking_times_then", times=arguments.time_choices(matching))
        else:
            first_day = when.days[0] if when.days else access.now().astimezone(TOKYO).date()
            target = dt.datetime.combine(first_day, dt.time(when.hour or 9), TOKYO)
            nearest = sorted(free, key=lambda item: abs(item.starts_at - target))[: arguments.MAX_TIME_BUTTONS]
            dispatcher.utter_message(response="utter_booking_nothing_then", times=arguments.time_choices(nearest))
        return []


class ActionAskBookingConsent(Action):
    def name(self) -> str:
        return "action_ask_booking_consent"

    async def run(self, dispatcher, tracker, domain):
        days = access.store().staff.retention_days
        dispatcher.utter_message(response="utter_booking_consent_question", retention_days=days)
        return []


class ActionAskBookingConfirmed(Action):
    def name(self) -> str:
        return "action_ask_booking_confirmed"

    async def run(self, dispatcher, tracker, domain):
        if tracker.get_slot("booking_aside") == "change":
            dispatcher.utter_message(response="utter_booking_change_what")
        else:
            dispatcher.utter_message(response="utter_booking_summary_question", booking=arguments.draft(tracker.slots))
        return []


class ActionBookingFormEnded(Action):
    """Says the booking is made (the validation already said why it stopped
    otherwise) and forgets the form's answers; the booking itself is in the database."""

    def name(self) -> str:
        return "action_booking_form_ended"

    async def run(self, dispatcher, tracker, domain):
        contact = contact_of(tracker.get_slot("verified_contact"))
        reference = tracker.get_slot("verified_reference")
        if not tracker.get_slot("booking_stopped") and tracker.get_slot("booking_confirmed") and contact:
            booking = await access.in_thread(access.store().find, reference, contact)
            if booking:
                dispatcher.utter_message(response="utter_booking_done", booking=arguments.booked(booking))
        return [SlotSet(slot, None) for slot in (*FORM_SLOTS, *BOOKKEEPING)]
