"""The booking forms' actions with real rasa-sdk trackers and a real store on
a temporary SQLite file: answers, changes mid-form, stop, questions on the
side, bad input, and the confirmation that books (or finds the time taken)."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from actions.booking import access
from actions.booking.form import (
    ActionAskBookingTime,
    ActionBookingFormEnded,
    ValidateBookingForm,
)
from actions.booking.lookup import ActionBookingLookupEnded, ValidateBookingLookupForm
from bot.booking.contact import Contact
from bot.booking.store import BookingRequest, BookingStore
from bot.store.database import session_scope, upgrade_schema
from bot.store.schema import BookingRow
from tests.actions.helpers import run, slot_values, tracker
from tests.booking.conftest import NOW, TOKYO, small_staff

TUESDAY_9 = dt.datetime(2026, 12, 1, 9, tzinfo=TOKYO)
FILLED = {
    "booking_role": "employer",
    "booking_topic": "hiring",
    "booking_language": "ja",
    "booking_format": "online",
    "booking_time": TUESDAY_9.isoformat(),
    "booking_consent": True,
    "booking_name": "山田太郎",
    "booking_contact": {"kind": "email", "value": "taro@example.com"},
    "booking_request_key": "form-1",
}


@pytest.fixture(autouse=True)
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_schema(url)
    store = BookingStore(url, small_staff())
    store.sync_staff(NOW)
    monkeypatch.setattr(access, "store", lambda: store)
    monkeypatch.setattr(access, "now", lambda: NOW)
    monkeypatch.setattr(access, "_last_refresh", float("inf"))  # no hourly refresh inside a test
    return store


def form_turn(text, requested, intent="nlu_fallback", entities=(), language="en", slots=None, confidence=0.9):
    t = tracker(
        text=text, intent=intent, entities=entities,
        slots={"requested_slot": requested, "language": language, **(slots or {})},
    )  # fmt: skip
    t.latest_message["intent"]["confidence"] = confidence
    return t


def responses(messages):
    return [message.get("response") for message in messages]


def bookings(store) -> int:
    with session_scope(store._url) as session:
        return session.scalar(select(func.count()).select_from(BookingRow))


def test_the_first_message_fills_what_it_already_says():
    messages, events = run(
        ValidateBookingForm(),
        form_turn("I'd like an online consultation as a company, in Vietnamese", None, intent="book_consultation"),
    )
    values = slot_values(events)
    assert values["booking_format"] == "online"
    assert values["booking_role"] == "employer"
    assert values["booking_language"] == "vi"
    assert values["booking_request_key"]


def test_an_earlier_answer_changes_mid_form_and_is_not_taken_as_a_name():
    _, events = run(ValidateBookingForm(), form_turn("actually, make it by phone", "booking_name", slots=FILLED))
    values = slot_values(events)
    assert values["booking_format"] == "phone"
    assert "booking_name" not in values


@pytest.mark.parametrize(("text", "language"), [("やめます", "ja"), ("stop", "en"), ("thôi", "vi"), ("算了", "zh")])
def test_stop_forgets_every_answer(text, language):
    messages, events = run(ValidateBookingForm(), form_turn(text, "booking_contact", language=language, slots=FILLED))
    values = slot_values(events)
    assert responses(messages) == ["utter_booking_stopped"]
    assert values["requested_slot"] is None and values["booking_stopped"] == "user"
    assert values["booking_name"] is None and values["booking_contact"] is None


def test_a_question_inside_the_form_is_answered_and_the_form_goes_on():
    messages, events = run(
        ValidateBookingForm(), form_turn("does it cost anything?", "booking_format", intent="ask_cost", slots=FILLED)
    )
    assert responses(messages) == ["utter_ask_cost", "utter_booking_back_to_form"]
    assert slot_values(events)["booking_aside"] == "ask_cost"


def test_a_named_day_filters_the_offered_times():
    # next Tuesday morning = Tuesday 8 Dec (the week after Monday 30 Nov's)
    _, events = run(
        ValidateBookingForm(),
        form_turn("next week tuesday morning", "booking_time", slots={**FILLED, "booking_time": None}),
    )
    when = slot_values(events)["booking_when"]
    assert when["days"] == ["2026-12-08"] and when["part_of_day"] == "morning"
    messages, _ = run(
        ActionAskBookingTime(),
        form_turn("", "booking_time", slots={**FILLED, "booking_time": None, "booking_when": when}),
    )
    assert responses(messages) == ["utter_booking_times_then"]
    offered = [dt.datetime.fromisoformat(start) for start in messages[0]["times"]]
    assert offered and all(start.date() == dt.date(2026, 12, 8) and start.hour < 12 for start in offered)


def test_a_day_with_nobody_free_offers_the_nearest_times():
    when = {"days": ["2026-12-05"], "part_of_day": None, "hour": None, "minute": 0}  # a Saturday
    messages, _ = run(
        ActionAskBookingTime(),
        form_turn("", "booking_time", slots={**FILLED, "booking_time": None, "booking_when": when}),
    )
    assert responses(messages) == ["utter_booking_nothing_then"] and messages[0]["times"]


@pytest.mark.parametrize(
    ("text", "response"), [("2月30日", "utter_booking_time_impossible"), ("qwerty", "utter_booking_time_unclear")]
)
def test_a_date_that_cannot_be_booked_is_explained(text, response):
    messages, events = run(
        ValidateBookingForm(), form_turn(text, "booking_time", language="ja", slots={**FILLED, "booking_time": None})
    )
    assert response in responses(messages)
    assert "booking_time" not in slot_values(events)


@pytest.mark.parametrize(
    ("text", "response"),
    [("taro@", "utter_booking_bad_email"), ("12345", "utter_booking_bad_phone"), ("hmm", "utter_booking_not_contact")],
)
def test_a_bad_contact_is_refused_with_the_reason(text, response):
    messages, events = run(ValidateBookingForm(), form_turn(text, "booking_contact", slots=FILLED))
    assert responses(messages) == [response]
    assert "booking_contact" not in slot_values(events)


def test_a_full_width_japanese_phone_number_is_read():
    _, events = run(ValidateBookingForm(), form_turn("０９０－１２３４－５６７８", "booking_contact", language="ja"))
    assert slot_values(events)["booking_contact"] == {"kind": "phone", "value": "+819012345678"}


def test_refusing_consent_stops_and_stores_nothing(store):
    messages, events = run(ValidateBookingForm(), form_turn("no", "booking_consent", intent="deny", slots=FILLED))
    assert responses(messages) == ["utter_booking_consent_refused"]
    assert slot_values(events)["booking_stopped"] == "no_consent" and bookings(store) == 0


def test_confirming_books_once_and_the_end_reports_it(store):
    _, events = run(ValidateBookingForm(), form_turn("yes", "booking_confirmed", intent="affirm", slots=FILLED))
    values = slot_values(events)
    assert values["booking_confirmed"] is True and values["verified_reference"]
    # a retry of the same confirmation (the reply was lost) makes no second booking
    run(ValidateBookingForm(), form_turn("yes", "booking_confirmed", intent="affirm", slots=FILLED))
    assert bookings(store) == 1
    ended = {**FILLED, **values}
    messages, events = run(ActionBookingFormEnded(), form_turn("yes", None, slots=ended))
    assert responses(messages) == ["utter_booking_done"]
    assert messages[0]["booking"]["reference"] == values["verified_reference"]
    assert slot_values(events)["booking_name"] is None and slot_values(events)["booking_contact"] is None


def test_a_time_taken_meanwhile_is_offered_again_not_double_booked(store):
    other = BookingRequest(
        "other", "job_seeker", "visa", "ja", "phone", TUESDAY_9, "B", Contact("email", "b@example.com"), NOW
    )
    store.book(other, NOW)
    messages, events = run(ValidateBookingForm(), form_turn("yes", "booking_confirmed", intent="affirm", slots=FILLED))
    assert responses(messages) == ["utter_booking_time_taken"]
    assert slot_values(events)["booking_time"] is None and bookings(store) == 1


def booked(store, email="taro@example.com"):
    request = BookingRequest("k", "employer", "hiring", "ja", "online", TUESDAY_9, "Taro", Contact("email", email), NOW)
    return store.book(request, NOW)


def lookup_turn(text, requested, slots, intent="nlu_fallback"):
    return form_turn(text, requested, intent=intent, slots={"lookup_purpose": "cancel", **slots})


def test_a_wrong_contact_learns_nothing_and_three_tries_end_it(store):
    booking = booked(store)
    slots = {"lookup_reference": booking.reference}
    for attempt in (1, 2):
        messages, events = run(
            ValidateBookingLookupForm(),
            lookup_turn("someone@example.com", "lookup_contact", {**slots, "lookup_attempts": attempt - 1}),
        )
        assert responses(messages) == ["utter_lookup_not_found"]
        values = slot_values(events)
        assert values["lookup_reference"] is None and values["requested_slot"] == "lookup_reference"
    messages, events = run(
        ValidateBookingLookupForm(),
        lookup_turn("someone@example.com", "lookup_contact", {**slots, "lookup_attempts": 2}),
    )
    assert responses(messages) == ["utter_lookup_gave_up"] and slot_values(events)["requested_slot"] is None


def test_cancel_with_reference_and_contact_then_a_second_cancel_is_told(store):
    booking = booked(store)
    typed = "my ref is " + booking.reference.lower().replace("-", "")
    _, events = run(ValidateBookingLookupForm(), lookup_turn(typed, "lookup_reference", {}))
    assert slot_values(events)["lookup_reference"] == booking.reference
    assert slot_values(events)["requested_slot"] == "lookup_contact"
    slots = {"lookup_reference": booking.reference}
    _, events = run(ValidateBookingLookupForm(), lookup_turn("taro@example.com", "lookup_contact", slots))
    values = slot_values(events)
    assert values["requested_slot"] == "cancel_confirmed" and values["verified_reference"] == booking.reference
    confirmed = {**slots, **values}
    _, events = run(ValidateBookingLookupForm(), lookup_turn("yes", "cancel_confirmed", confirmed, intent="affirm"))
    assert slot_values(events)["lookup_outcome"] == "cancelled"
    messages, _ = run(ActionBookingLookupEnded(), lookup_turn("", None, {**confirmed, **slot_values(events)}))
    assert responses(messages) == ["utter_booking_cancelled"]
    _, events = run(ValidateBookingLookupForm(), lookup_turn("taro@example.com", "lookup_contact", slots))
    assert slot_values(events)["lookup_outcome"] == "already_cancelled"


def test_reschedule_moves_to_a_chosen_free_time(store):
    booking = booked(store)
    new_time = dt.datetime(2026, 12, 2, 10, tzinfo=TOKYO).isoformat()
    slots = {
        "lookup_purpose": "reschedule",
        "lookup_reference": booking.reference,
        "lookup_contact": {"kind": "email", "value": "taro@example.com"},
        "verified_reference": booking.reference,
        "verified_contact": {"kind": "email", "value": "taro@example.com"},
        "lookup_outcome": None,
    }
    _, events = run(
        ValidateBookingLookupForm(),
        form_turn(f'/book_consultation{{"booking_time": "{new_time}"}}', "new_booking_time", intent="book_consultation",
                  entities=[{"entity": "booking_time", "value": new_time}], slots=slots, confidence=1.0),
    )  # fmt: skip
    assert slot_values(events)["lookup_outcome"] == "rescheduled"
    moved = store.find(booking.reference, Contact("email", "taro@example.com"))
    assert moved.starts_at == dt.datetime.fromisoformat(new_time)


@pytest.mark.parametrize(("minutes_ago", "asked_again"), [(5, False), (31, True)])
def test_a_proof_of_ownership_lasts_half_an_hour(store, minutes_ago, asked_again):
    booking = booked(store)
    verified_at = (NOW - dt.timedelta(minutes=minutes_ago)).isoformat()
    proven = {"kind": "email", "value": "taro@example.com", "verified_at": verified_at}
    slots = {"verified_reference": booking.reference, "verified_contact": proven, "lookup_purpose": None}
    _, events = run(
        ValidateBookingLookupForm(), form_turn("check my booking", None, intent="check_booking", slots=slots)
    )
    assert (slot_values(events)["requested_slot"] == "lookup_reference") is asked_again
