"""The booking store on SQLite and on PostgreSQL: free times by language,
bookings, the database's no-double-booking rule, cancel, move, erase."""

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.booking.contact import Contact
from bot.booking.staff import Person
from bot.booking.store import BookingRequest, BookingStore, Taken
from bot.store.database import session_scope
from bot.store.schema import BookingRow, ConsultationSlotRow
from tests.booking.conftest import NOW, TOKYO, WEEKDAYS_9_TO_12, small_staff

EMAIL = Contact("email", "taro@example.com")
PHONE = Contact("phone", "+819012345678")


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, 0, tzinfo=TOKYO)


def request(starts_at: dt.datetime, key: str = "k1", language: str = "ja", contact: Contact = EMAIL) -> BookingRequest:
    return BookingRequest(
        request_key=key, role="employer", topic="hiring", language=language, format="online",
        starts_at=starts_at, name="Yamada Taro", contact=contact, consent_at=NOW,
    )  # fmt: skip


@pytest.fixture
def store(database_url):
    store = BookingStore(database_url, small_staff())
    store.sync_staff(NOW)
    return store


def count(url, row=BookingRow, *conditions) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(row).where(*conditions))


def test_slots_come_from_working_hours_and_syncing_twice_changes_nothing(store, database_url):
    slots = count(database_url, ConsultationSlotRow)
    store.sync_staff(NOW)
    assert count(database_url, ConsultationSlotRow) == slots
    # 15 days from Monday 30 Nov: 11 weekdays x 3 hours (Sato) + 3 Mondays x 2 hours (Nguyen)
    assert slots == 11 * 3 + 3 * 2


def test_free_times_follow_the_language_and_the_interpreters_hours(store):
    japanese = store.free_times("ja", NOW)
    assert japanese[0].starts_at == dt.datetime(2026, 11, 30, 10, tzinfo=TOKYO)  # 2 hours' notice from 8:00
    assert {free.starts_at.astimezone(TOKYO).weekday() for free in store.free_times("vi", NOW)} == {0}
    nepali = store.free_times("ne", NOW)
    assert nepali and all(free.needs_interpreter for free in nepali)
    assert {(f.starts_at.astimezone(TOKYO).weekday(), f.starts_at.astimezone(TOKYO).hour) for f in nepali} == {
        (1, 9), (1, 10)
    }
    assert store.free_times("th", NOW) == []


def test_a_booking_is_stored_whole_and_found_only_with_its_contact(store):
    booking = store.book(request(at(1, 9)), NOW)
    assert not isinstance(booking, Taken)
    assert booking.starts_at == at(1, 9) and booking.counselor_name == "Sato" and booking.status == "confirmed"
    assert store.find(booking.reference, EMAIL) == booking
    assert store.find(booking.reference, Contact("email", "TARO@example.com")) == booking  # case of an email
    assert store.find(booking.reference, PHONE) is None
    assert store.find("ABCD-EFGH", EMAIL) is None


def test_the_same_confirmation_twice_is_one_booking(store, database_url):
    first = store.book(request(at(1, 9), key="same"), NOW)
    again = store.book(request(at(1, 9), key="same"), NOW)
    assert again == first and count(database_url) == 1


def test_a_taken_time_offers_the_nearest_free_ones(store):
    store.book(request(at(1, 9), key="a"), NOW)
    taken = store.book(request(at(1, 9), key="b", contact=PHONE), NOW)
    assert isinstance(taken, Taken) and taken.alternatives
    assert at(1, 9) not in [free.starts_at for free in taken.alternatives]
    assert at(1, 10) in [free.starts_at for free in taken.alternatives]


def test_a_second_counselor_who_speaks_the_language_takes_the_same_hour(store):
    # Monday 7 Dec 10:00: Sato (ja) and Nguyen (vi, ja) are both free
    first = store.book(request(at(7, 10), key="a"), NOW)
    second = store.book(request(at(7, 10), key="b", contact=PHONE), NOW)
    assert {first.counselor_name, second.counselor_name} == {"Sato", "Nguyen"}


def test_the_database_itself_refuses_a_second_booking_of_a_slot(store, database_url):
    booking = store.book(request(at(1, 9)), NOW)
    with pytest.raises(IntegrityError), session_scope(database_url) as session:
        row = session.scalars(select(BookingRow).where(BookingRow.reference == booking.reference)).one()
        copy = {column.name: getattr(row, column.name) for column in BookingRow.__table__.columns}
        copy.update(id=None, reference="ZZZZ-ZZZZ", request_key="other")
        session.add(BookingRow(**copy))  # straight to the table: no Python check in the way
        session.flush()


def test_an_interpreter_is_never_in_two_consultations_at_once(database_url):
    # Tuesday 1 Dec 9:00: two Japanese counselors free, one Nepali interpreter
    second_counselor = Person("c-ja2", ("ja",), WEEKDAYS_9_TO_12, "Ito")
    store = BookingStore(database_url, small_staff(counselors=(*small_staff().counselors, second_counselor)))
    store.sync_staff(NOW)
    first = store.book(request(at(1, 9), key="a", language="ne"), NOW)
    assert first.with_interpreter
    assert isinstance(store.book(request(at(1, 9), key="b", language="ne", contact=PHONE), NOW), Taken)
    assert not isinstance(store.book(request(at(1, 9), key="c", language="ja", contact=PHONE), NOW), Taken)
    with pytest.raises(IntegrityError), session_scope(database_url) as session:
        row = session.scalars(select(BookingRow).where(BookingRow.reference == first.reference)).one()
        free_slot = session.scalars(
            select(ConsultationSlotRow).where(ConsultationSlotRow.starts_at == at(1, 10))
        ).first()
        copy = {column.name: getattr(row, column.name) for column in BookingRow.__table__.columns}
        copy.update(id=None, reference="ZZZZ-ZZZZ", request_key="other", slot_id=free_slot.id)
        session.add(BookingRow(**copy))  # another slot, same interpreter, same start
        session.flush()
        session.execute(BookingRow.__table__.update().where(BookingRow.reference == "ZZZZ-ZZZZ").values(
            starts_at=at(1, 9)))  # fmt: skip


def test_cancel_frees_the_slot_and_a_second_cancel_says_so(store):
    booking = store.book(request(at(1, 9)), NOW)
    assert store.cancel(booking.reference, PHONE, NOW) == "not_found"
    assert store.cancel(booking.reference, EMAIL, NOW) == "cancelled"
    assert store.cancel(booking.reference, EMAIL, NOW) == "already_cancelled"
    assert at(1, 9) in [free.starts_at for free in store.free_times("ja", NOW)]
    assert not isinstance(store.book(request(at(1, 9), key="again", contact=PHONE), NOW), Taken)


def test_reschedule_moves_the_booking_and_frees_the_old_time(store):
    booking = store.book(request(at(1, 9)), NOW)
    other = store.book(request(at(1, 11), key="other", contact=PHONE), NOW)
    assert isinstance(store.reschedule(booking.reference, EMAIL, at(1, 11), NOW), Taken)
    moved = store.reschedule(booking.reference, EMAIL, at(2, 10), NOW)
    assert moved.reference == booking.reference and moved.starts_at == at(2, 10)
    free = [item.starts_at for item in store.free_times("ja", NOW)]
    assert at(1, 9) in free and at(2, 10) not in free and other.starts_at not in free
    assert store.reschedule(booking.reference, PHONE, at(3, 10), NOW) is None  # not the owner


def test_personal_data_is_erased_after_the_retention_period(store, database_url):
    booking = store.book(request(at(1, 9)), NOW)
    assert store.purge_expired(at(1, 10) + dt.timedelta(days=29)) == 0
    assert store.purge_expired(at(1, 10) + dt.timedelta(days=31)) == 1
    kept = store.by_reference(booking.reference)
    assert kept.name is None and kept.contact is None and kept.starts_at == booking.starts_at


def test_twenty_racers_for_one_slot_make_exactly_one_booking(store, database_url):
    # Wednesday 2 Dec 9:00: only Sato works then
    results, errors = [], []
    barrier = threading.Barrier(20)

    def race(number: int) -> None:
        try:
            barrier.wait()
            results.append(store.book(request(at(2, 9), key=f"racer-{number}"), NOW))
        except Exception as error:  # noqa: BLE001 - any exception is the failure being tested
            errors.append(error)

    threads = [threading.Thread(target=race, args=(number,)) for number in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(not isinstance(result, Taken) for result in results) == 1
    assert all(result.alternatives for result in results if isinstance(result, Taken))
    assert count(database_url) == 1


def test_a_calendar_link_token_that_is_not_ascii_is_simply_wrong(tmp_path, monkeypatch):
    from bot.booking import links

    monkeypatch.setenv(links.SECRET_VARIABLE, "test-secret")
    links._secret.cache_clear()
    token = links.link_token("K7M4-9QXT")
    assert links.token_matches("K7M4-9QXT", token)
    assert not links.token_matches("K7M4-9QXT", "ü" * 32) and not links.token_matches("K7M4-9QXT", "")
    links._secret.cache_clear()
