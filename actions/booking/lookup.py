"""The look-up form: check, cancel or move a booking. It shows or changes a
booking only for someone who gives its reference AND the contact given when
booking, and answers a wrong pair the same way whichever half is wrong, so a
guessed reference tells a stranger nothing. Three wrong pairs end it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.booking import access, arguments
from actions.booking.asides import answer_aside, is_aside
from actions.booking.reading import Turn, contact_of, contact_problem_response, contact_slot, proof, proof_is_fresh
from actions.booking.times import read_time, when_from_slot
from bot.booking.contact import Contact, parse_contact
from bot.booking.lexicon import mentions_change
from bot.booking.reference import normalise_reference
from bot.booking.store import CANCELLED, Booking, Taken

# lookup_attempts is kept: three wrong pairs per conversation, not per try
LOOKUP_SLOTS = (
    "lookup_purpose", "lookup_reference", "lookup_contact",
    "cancel_confirmed", "new_booking_time", "lookup_outcome", "booking_when", "booking_aside",
)  # fmt: skip
PURPOSES = ("check", "cancel", "reschedule")
MAX_ATTEMPTS = 3


def purpose_of(turn: Turn, current: str | None) -> str:
    if turn.entities.get("lookup_purpose") in PURPOSES:
        return turn.entities["lookup_purpose"]
    if current:
        return current
    if turn.intent == "cancel_booking":
        return "cancel"
    return "reschedule" if mentions_change(turn.text, turn.language) else "check"


class ValidateBookingLookupForm(Action):
    def name(self) -> str:
        return "validate_booking_lookup_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        turn = Turn.of(tracker)
        requested = tracker.get_slot("requested_slot")
        slots = dict(tracker.slots)
        changes: dict[str, Any] = {"lookup_purpose": purpose_of(turn, slots.get("lookup_purpose"))}

        if requested is None:  # just started: a booking this conversation already proved it owns
            reference = normalise_reference(turn.text) if not turn.is_button else None
            proven = slots.get("verified_reference") and proof_is_fresh(slots.get("verified_contact"), access.now())
            if proven and reference in (None, slots["verified_reference"]):
                contact = contact_slot(contact_of(slots["verified_contact"]))
                changes.update(lookup_reference=slots["verified_reference"], lookup_contact=contact)
            elif reference:
                changes["lookup_reference"] = reference
        else:
            stop = await self._answer(requested, turn, slots, changes, dispatcher, tracker, domain)
            if stop:
                return _finish(changes, stop)
        slots.update(changes)
        if slots.get("lookup_reference") and slots.get("lookup_contact") and not slots.get("lookup_outcome"):
            outcome = await self._verify(slots, changes, dispatcher)
            if outcome:
                return _finish(changes, outcome)
        slots.update(changes)
        changes["requested_slot"] = _next_step(slots)
        if changes["requested_slot"] is None and not slots.get("lookup_outcome"):
            changes["lookup_outcome"] = "shown"
        return [SlotSet(slot, value) for slot, value in changes.items()]

    async def _answer(self, requested, turn: Turn, slots, changes, dispatcher, tracker, domain) -> str | None:
        """Reads the answer to what was asked; returns an outcome that ends the form."""
        if requested == "lookup_reference":
            reference = turn.entities.get("booking_reference") or normalise_reference(turn.text)
            if reference:
                changes["lookup_reference"] = reference
            elif turn.says_stop():
                dispatcher.utter_message(response="utter_booking_stopped")
                return "stopped"
            elif is_aside(turn):
                await _aside(turn, dispatcher, tracker, domain)
            else:
                dispatcher.utter_message(response="utter_lookup_bad_reference")
        elif requested == "lookup_contact":
            contact = parse_contact(turn.text)
            if isinstance(contact, Contact):
                changes["lookup_contact"] = contact_slot(contact)
            elif turn.says_stop():
                dispatcher.utter_message(response="utter_booking_stopped")
                return "stopped"
            else:
                dispatcher.utter_message(response=contact_problem_response(contact))
        elif requested == "cancel_confirmed":
            return await self._cancel(turn, slots, changes, dispatcher)
        elif requested == "new_booking_time":
            return await self._reschedule(turn, slots, changes, dispatcher, tracker, domain)
        return None

    async def _verify(self, slots, changes, dispatcher) -> str | None:
        booking = await access.in_thread(
            access.store().find, slots["lookup_reference"], contact_of(slots["lookup_contact"])
        )
        if booking is None:
            attempts = int(slots.get("lookup_attempts") or 0) + 1  # per conversation
            if attempts >= MAX_ATTEMPTS:
                dispatcher.utter_message(response="utter_lookup_gave_up")
                return "gave_up"
            dispatcher.utter_message(response="utter_lookup_not_found")
            changes.update(lookup_reference=None, lookup_contact=None, lookup_attempts=attempts)
            return None
        proven = proof(contact_of(slots["lookup_contact"]), access.now())
        changes.update(verified_reference=booking.reference, verified_contact=proven)
        if booking.status == CANCELLED:
            return "already_cancelled" if slots.get("lookup_purpose") == "cancel" else "was_cancelled"
        return None

    async def _cancel(self, turn: Turn, slots, changes, dispatcher) -> str | None:
        if turn.means("deny"):
            return "kept"
        if not turn.means("affirm"):
            dispatcher.utter_message(response="utter_booking_choose_option")
            return None
        outcome = await access.in_thread(
            access.store().cancel, slots["lookup_reference"], contact_of(slots["lookup_contact"]), access.now()
        )
        return "not_found" if outcome == "not_found" else outcome

    async def _reschedule(self, turn: Turn, slots, changes, dispatcher, tracker, domain) -> str | None:
        if turn.says_stop() or turn.means("deny"):
            return "kept"
        booking = await _booking(slots)
        if booking is None:
            return "not_found"
        outcome = await read_time(turn, booking.language)
        if outcome.when is not None:
            changes["booking_when"] = outcome.when
        elif outcome.problem or not outcome.start:
            if outcome.problem is None and is_aside(turn):
                await _aside(turn, dispatcher, tracker, domain)
            else:
                dispatcher.utter_message(response=outcome.problem or "utter_booking_time_unclear")
        else:
            moved = await access.in_thread(
                access.store().reschedule,
                booking.reference,
                booking.contact,
                dt.datetime.fromisoformat(outcome.start),
                access.now(),
            )
            if isinstance(moved, Taken):
                dispatcher.utter_message(response="utter_booking_time_taken")
                changes["booking_when"] = None
            elif moved is not None:
                changes["new_booking_time"] = outcome.start
                return "rescheduled"
        return None


def _next_step(slots: dict[str, Any]) -> str | None:
    if not slots.get("lookup_reference"):
        return "lookup_reference"
    if not slots.get("lookup_contact"):
        return "lookup_contact"
    if slots.get("lookup_purpose") == "cancel" and slots.get("cancel_confirmed") is None:
        return "cancel_confirmed"
    if slots.get("lookup_purpose") == "reschedule" and not slots.get("new_booking_time"):
        return "new_booking_time"
    return None


def _finish(changes: dict[str, Any], outcome: str) -> list[dict[str, Any]]:
    changes.update(lookup_outcome=outcome, requested_slot=None)
    return [SlotSet(slot, value) for slot, value in changes.items()]


async def _aside(turn: Turn, dispatcher, tracker, domain) -> None:
    await answer_aside(turn, dispatcher, tracker, domain)
    dispatcher.utter_message(response="utter_booking_back_to_form")


async def _booking(slots: dict[str, Any]) -> Booking | None:
    """The booking this look-up is about (the one just proven, else the one proven earlier)."""
    if slots.get("lookup_reference") and slots.get("lookup_contact"):
        reference, contact = slots["lookup_reference"], contact_of(slots["lookup_contact"])
    else:
        reference, contact = slots.get("verified_reference"), contact_of(slots.get("verified_contact"))
    if not (contact and reference):
        return None
    return await access.in_thread(access.store().find, reference, contact)


class ActionAskCancelConfirmed(Action):
    def name(self) -> str:
        return "action_ask_cancel_confirmed"

    async def run(self, dispatcher, tracker, domain):
        booking = await _booking(dict(tracker.slots))
        if booking:
            dispatcher.utter_message(response="utter_cancel_question", booking=arguments.booked(booking))
        return []


class ActionAskNewBookingTime(Action):
    def name(self) -> str:
        return "action_ask_new_booking_time"

    async def run(self, dispatcher, tracker, domain):
        booking = await _booking(dict(tracker.slots))
        if booking is None:
            return []
        free = await access.in_thread(access.store().free_times, booking.language, access.now())
        when = when_from_slot(tracker.get_slot("booking_when"))
        if when is not None:
            free = [item for item in free if when.allows(item.starts_at)] or free
        dispatcher.utter_message(response="utter_new_booking_time_question", times=arguments.time_choices(free))
        return []


class ActionBookingLookupEnded(Action):
    """Reports what the look-up did, then forgets its answers (the verified
    booking stays, so a follow-up "cancel it" needs no second proof)."""

    RESPONSES = {
        "shown": "utter_booking_details",
        "was_cancelled": "utter_booking_is_cancelled",
        "already_cancelled": "utter_booking_already_cancelled",
        "cancelled": "utter_booking_cancelled",
        "kept": "utter_booking_kept",
        "rescheduled": "utter_booking_rescheduled",
        "not_found": "utter_lookup_not_found",
    }

    def name(self) -> str:
        return "action_booking_lookup_ended"

    async def run(self, dispatcher, tracker, domain):
        response = self.RESPONSES.get(tracker.get_slot("lookup_outcome") or "")
        booking = await _booking(dict(tracker.slots))
        if response and booking:
            dispatcher.utter_message(response=response, booking=arguments.booked(booking))
        elif response == "utter_lookup_not_found":
            dispatcher.utter_message(response=response)
        return [SlotSet(slot, None) for slot in LOOKUP_SLOTS]
