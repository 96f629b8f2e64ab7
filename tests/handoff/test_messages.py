"""Messages left for counselors, on SQLite and PostgreSQL: by language, marked
answered once, and erased with their contact after the retention period."""

import datetime as dt

from bot.booking.contact import Contact
from bot.handoff.messages import RETENTION, MessageStore
from tests.booking.conftest import database_url  # noqa: F401 - the two-database fixture

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone.utc)
PHONE = Contact("phone", "+819012345678")


def test_messages_by_language_answered_once_then_erased(database_url):  # noqa: F811
    store = MessageStore(database_url)
    first = store.leave("user-1", "vi", "Tôi cần hỏi về visa", PHONE, NOW)
    store.leave("user-2", "ja-easy", "ビザのことを聞きたいです", PHONE, NOW)
    assert [m.id for m in store.open_messages(("vi",))] == [first]
    assert [m.text for m in store.open_messages(("ja",))] == ["ビザのことを聞きたいです"]
    assert store.mark_answered(first, "Lan", NOW) and not store.mark_answered(first, "Sato", NOW)
    assert store.open_messages(("vi",)) == []
    assert store.purge_expired(NOW + RETENTION - dt.timedelta(days=1)) == 0
    assert store.purge_expired(NOW + RETENTION + dt.timedelta(days=1)) == 2
    assert [m.contact for m in store.open_messages(("ja",))] == [None]
