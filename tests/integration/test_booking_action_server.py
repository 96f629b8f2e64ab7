"""Bookings through the real action server process, on SQLite and on
PostgreSQL: 2 and then 20 users confirming the same time at once get exactly
one booking (the others are offered other times, no error, no stray row); and
an action server killed inside a confirmation leaves the booking absent, then
whole after a restart and a retry."""

import concurrent.futures
import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

import pytest
from sqlalchemy import func, select

from bot.booking.store import PAUSE_BEFORE_COMMIT, BookingStore
from bot.kb.loader import prepare_database
from bot.settings import PROJECT_DIR
from bot.store.database import session_scope
from bot.store.schema import BookingRow
from tests.actions.helpers import slot_values
from tests.booking.conftest import fresh_postgres_database
from tests.integration.client import post
from tests.integration.conftest import free_port

pytestmark = pytest.mark.integration


class ActionServer:
    def __init__(self, database_url: str, var_dir, pause_seconds: float = 0.0) -> None:
        self.port = free_port()
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "VAR_DIR": str(var_dir),
            "PYTHONPATH": str(PROJECT_DIR),
            PAUSE_BEFORE_COMMIT: str(pause_seconds),
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = open(PROJECT_DIR / "test-artifacts" / f"action-server-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.port)],
            cwd=PROJECT_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError("action server did not start")

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)

    def confirm(self, slots: dict, sender: str, timeout: float = 60.0):
        """The user's "yes" to the booking summary, as Rasa sends it."""
        latest = {"text": "yes", "intent": {"name": "affirm", "confidence": 0.99}, "entities": []}
        body = {
            "next_action": "validate_booking_form",
            "sender_id": sender,
            "tracker": {
                "sender_id": sender,
                "slots": {**slots, "requested_slot": "booking_confirmed", "language": "en"},
                "latest_message": latest,
                "events": [{"event": "user", "text": "yes", "parse_data": latest}],
                "active_loop": {"name": "booking_form"},
                "latest_action_name": "action_listen",
                "paused": False,
                "followup_action": None,
                "latest_event_time": time.time(),
            },
            "domain": {},
            "version": "3.6.21",
        }
        return post(f"http://127.0.0.1:{self.port}/webhook", body, timeout=timeout)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.db'}"
    else:
        url = request.getfixturevalue("database_url_postgres")
    prepare_database(url)
    store = BookingStore(url)
    store.sync_staff(dt.datetime.now(dt.timezone.utc))
    return url, store


@pytest.fixture
def database_url_postgres(postgres_url):
    return fresh_postgres_database(postgres_url)


def single_counselor_time(store: BookingStore) -> tuple[str, dt.datetime]:
    """A language and a free time that exactly one counselor can take."""
    now = dt.datetime.now(dt.timezone.utc)
    for language in store.staff.languages():
        for free in store.free_times(language, now):
            if len(free.options) == 1:
                return language, free.starts_at
    pytest.fail("the staff file has no time that only one counselor can take")


def form_answers(language: str, starts_at: dt.datetime, key: str, email: str) -> dict:
    return {
        "booking_role": "job_seeker", "booking_topic": "visa", "booking_language": language,
        "booking_format": "online", "booking_time": starts_at.isoformat(), "booking_consent": True,
        "booking_name": "Test User", "booking_contact": {"kind": "email", "value": email},
        "booking_request_key": key,
    }  # fmt: skip


def stored(url: str, *conditions) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(BookingRow).where(*conditions))


@pytest.mark.parametrize("racers", [2, 20])
def test_racers_for_one_time_get_exactly_one_booking(database, tmp_path, racers):
    url, store = database
    server = ActionServer(url, tmp_path)
    server.start()
    try:
        language, starts_at = single_counselor_time(store)
        barrier = threading.Barrier(racers)

        def confirm(number: int):
            barrier.wait()
            answers = form_answers(language, starts_at, f"race-{number}", f"user{number}@example.com")
            return server.confirm(answers, f"racer-{number}")

        with concurrent.futures.ThreadPoolExecutor(racers) as pool:
            replies = list(pool.map(confirm, range(racers)))
    finally:
        server.stop()
    assert all(status == 200 for status, _ in replies), replies
    outcomes = [slot_values(reply["events"]) for _, reply in replies]
    winners = [values for values in outcomes if values.get("booking_confirmed") is True]
    losers = [(values, reply) for values, (_, reply) in zip(outcomes, replies, strict=True) if values not in winners]
    assert len(winners) == 1
    for values, reply in losers:
        assert values["booking_time"] is None  # asked again, with other times
        assert [r.get("response") for r in reply["responses"]] == ["utter_booking_time_taken"]
    assert stored(url) == 1


def test_a_killed_action_server_leaves_the_booking_absent_then_whole_after_a_retry(database, tmp_path):
    url, store = database
    language, starts_at = single_counselor_time(store)
    answers = form_answers(language, starts_at, f"crash-{uuid.uuid4().hex}", "crash@example.com")
    server = ActionServer(url, tmp_path, pause_seconds=30)
    server.start()
    def confirm_and_lose_the_reply():
        with contextlib.suppress(OSError):  # the server dies before it answers
            server.confirm(answers, "crash-user", timeout=40)

    confirmation = threading.Thread(target=confirm_and_lose_the_reply, daemon=True)
    confirmation.start()
    time.sleep(3)  # the booking's INSERT is flushed, its COMMIT is 30 s away
    server.kill()
    confirmation.join(timeout=45)
    assert stored(url, BookingRow.request_key == answers["booking_request_key"]) == 0  # absent, not half there

    restarted = ActionServer(url, tmp_path)
    restarted.start()
    try:
        status, reply = restarted.confirm(answers, "crash-user")
        again_status, again = restarted.confirm(answers, "crash-user")  # a second retry: still one booking
    finally:
        restarted.stop()
    first, second = slot_values(reply["events"]), slot_values(again["events"])
    assert status == 200 and first["booking_confirmed"] is True
    assert again_status == 200 and second["verified_reference"] == first["verified_reference"]
    with session_scope(url) as session:
        row = session.scalars(select(BookingRow).where(BookingRow.request_key == answers["booking_request_key"])).one()
        assert row.status == "confirmed" and row.name == "Test User" and row.contact_value == "crash@example.com"
        assert row.starts_at == starts_at
