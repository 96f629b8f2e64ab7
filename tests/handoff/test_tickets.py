"""The handoff queue on SQLite and PostgreSQL: one open ticket per
conversation, one counselor per ticket however many try at once, no reply
to a closed ticket."""

import datetime as dt
import threading

from bot.handoff.tickets import TicketStore
from tests.booking.conftest import database_url  # noqa: F401 - the two-database fixture

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone.utc)


def test_a_conversation_has_one_open_ticket(database_url):  # noqa: F811
    store = TicketStore(database_url)
    first = store.open("user-1", "vi", "ask_visa_types", "asked", "socketio", NOW)
    again = store.open("user-1", "vi", None, "fallbacks", "socketio", NOW + dt.timedelta(minutes=1))
    assert again.id == first.id and again.status == "waiting"
    store.close(first.id, None, NOW)
    assert store.open("user-1", "vi", None, "asked", "socketio", NOW).id != first.id


def test_the_queue_is_by_language_and_age_with_a_wait_estimate(database_url):  # noqa: F811
    store = TicketStore(database_url)
    older = store.open("a", "vi", None, "asked", "socketio", NOW)
    store.open("b", "ja-easy", None, "asked", "socketio", NOW + dt.timedelta(minutes=1))
    newer = store.open("c", "vi", None, "asked", "socketio", NOW + dt.timedelta(minutes=2))
    assert [t.conversation_id for t in store.queue(("vi",))] == ["a", "c"]
    assert [t.conversation_id for t in store.queue(("ja",))] == ["b"]
    assert store.waiting_ahead(older) == 0 and store.waiting_ahead(newer) == 2
    assert store.wait_minutes(newer) > store.wait_minutes(older)


def test_two_counselors_taking_one_ticket_at_once_one_gets_it(database_url):  # noqa: F811
    store = TicketStore(database_url)
    ticket = store.open("user-2", "en", None, "asked", "socketio", NOW)
    barrier, results = threading.Barrier(8), []

    def take(counselor: int) -> None:
        barrier.wait()
        results.append(store.take(ticket.id, counselor, f"Counselor {counselor}", NOW))

    threads = [threading.Thread(target=take, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [result for result in results if result is not None]
    assert len(winners) == 1 and store.get(ticket.id).counselor_id == winners[0].counselor_id


def test_only_the_holder_closes_a_taken_ticket_and_closed_stays_closed(database_url):  # noqa: F811
    store = TicketStore(database_url)
    ticket = store.open("user-3", "en", None, "asked", "socketio", NOW)
    store.take(ticket.id, 7, "Sato", NOW)
    assert store.close(ticket.id, 8, NOW) is None
    assert store.close(ticket.id, 7, NOW).status == "closed"
    assert store.close(ticket.id, 7, NOW) is None
    assert store.take(ticket.id, 8, "Ito", NOW) is None
