"""Booking conversations through the running assistant (REST channel): book,
check, move and cancel; stop half-way; bad input; the calendar file; and no
personal data in any server log."""

import re
import urllib.error
import urllib.request

import pytest

from bot.settings import PROJECT_DIR
from tests.integration.client import Conversation

pytestmark = pytest.mark.integration
REFERENCE = re.compile(r"\b[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}\b")
NAME, EMAIL = "Maria Quiroga-Santos", "maria.quiroga@example.org"


def buttons(replies: list[dict]) -> list[dict]:
    return [button for reply in replies for button in reply.get("buttons") or []]


def text_of(replies: list[dict]) -> str:
    return "\n".join(reply.get("text") or "" for reply in replies)


def book(chat: Conversation, language: str = "en") -> tuple[str, str]:
    """Goes through the whole form; returns (reference, the final answer)."""
    chat.say("I would like to book a consultation with a counselor", language)
    chat.say("I'm a job seeker", language)
    chat.say('/book_consultation{"consultation_topic": "visa"}', language)
    replies = chat.say("English please", language)
    assert "in person" in text_of(replies).lower()  # the format question
    replies = chat.say("online", language)
    times = [b for b in buttons(replies) if "booking_time" in b["payload"]]
    assert times, text_of(replies)
    replies = chat.say(times[0]["payload"], language)
    assert "erased" in text_of(replies)  # the consent question names what is kept and for how long
    chat.say("yes", language)
    chat.say(NAME, language)
    replies = chat.say(EMAIL, language)
    summary = text_of(replies)
    assert NAME in summary and EMAIL in summary and "online" in summary.lower()
    done = text_of(chat.say("yes", language))
    match = REFERENCE.search(done)
    assert match, done
    return match.group(0), done


def test_book_then_check_then_cancel_in_english(servers):
    chat = Conversation(servers)
    reference, done = book(chat)
    assert "Japan time" in done and "/bookings/" in done
    details = chat.say("can you check my booking?", "en")
    assert reference in text_of(details)
    cancel = [b for b in buttons(details) if "cancel" in b["payload"]]
    question = chat.say(cancel[0]["payload"], "en")
    assert reference in text_of(question)
    assert "is cancelled" in text_of(chat.say("yes", "en"))
    # later, in a new conversation: reference and contact are needed, and it is already cancelled
    stranger = Conversation(servers)
    stranger.say("I want to cancel my booking", "en")
    stranger.say(reference, "en")
    assert "already cancelled" in text_of(stranger.say(EMAIL, "en"))


def test_a_stranger_with_the_reference_but_not_the_contact_learns_nothing(servers):
    reference, _ = book(Conversation(servers))
    stranger = Conversation(servers)
    stranger.say("check booking", "en")
    stranger.say(reference, "en")
    answer = text_of(stranger.say("someone.else@example.com", "en"))
    assert "found no booking" in answer and NAME not in answer and "Japan time" not in answer


def test_the_calendar_link_serves_an_ics_and_refuses_a_forged_token(servers):
    _, done = book(Conversation(servers))
    link = re.search(r"http://\S+/bookings/\S+\.ics\?token=\w+", done).group(0)
    with urllib.request.urlopen(link, timeout=10) as reply:
        body = reply.read().decode()
        assert reply.headers["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "Asia/Tokyo" in body and EMAIL not in body and NAME not in body
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(link[: link.index("token=") + 6] + "0" * 32, timeout=10)
    assert refused.value.code == 404


def test_japanese_day_words_filter_the_times_and_stop_stores_nothing(servers, expected):
    chat = Conversation(servers)
    chat.say("相談を予約したいです", "ja")
    chat.say("企業です", "ja")
    chat.say('/book_consultation{"consultation_topic": "hiring"}', "ja")
    chat.say("日本語", "ja")
    chat.say("オンライン", "ja")
    replies = chat.say("来週の火曜日の午後", "ja")
    times = [b["title"] for b in buttons(replies) if "booking_time" in b["payload"]]
    assert times and all("火" in title for title in times), times
    assert expected("utter_booking_stopped", "ja") in text_of(chat.say("やめます", "ja"))
    assert chat.slot("booking_format") is None and chat.slot("requested_slot") is None


def test_bad_answers_get_a_reason_in_the_users_language_and_the_form_goes_on(servers, expected):
    chat = Conversation(servers)
    chat.say("Tôi muốn đặt lịch tư vấn", "vi")
    chat.say("tôi là người tìm việc", "vi")
    chat.say('/book_consultation{"consultation_topic": "job_search"}', "vi")
    chat.say("tiếng Việt", "vi")
    replies = chat.say("trực tuyến", "vi")
    times = [b for b in buttons(replies) if "booking_time" in b["payload"]]
    chat.say(times[0]["payload"], "vi")
    chat.say("đồng ý", "vi")
    chat.say("Nguyễn Văn An", "vi")
    bad_email = text_of(chat.say("an@", "vi"))
    assert expected("utter_booking_bad_email", "vi") in bad_email
    assert chat.slot("requested_slot") == "booking_contact"
    summary = text_of(chat.say("０９０－１２３４－５６７８", "vi"))
    assert "090-1234-5678" in summary


def test_no_personal_data_reaches_the_server_logs(servers):
    book(Conversation(servers))
    logs = list((PROJECT_DIR / "test-artifacts" / "server-logs").glob("*.log"))
    assert logs
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert EMAIL not in text and NAME not in text, log
