"""Looking things up over HTTP with the real servers and the real catalog."""

import pytest

from tests.integration.client import Conversation

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "question",
    [
        "Is there support for business succession?",
        "事業承継の支援はありますか",
        "có hỗ trợ kế thừa doanh nghiệp không ad",
    ],
)
def test_a_program_is_found_in_every_language(servers, question):
    conversation = Conversation(servers)
    replies = conversation.say(question)
    everything = " ".join(
        (r.get("text") or "") + " ".join(b["payload"] for b in r.get("buttons") or []) for r in replies
    )
    assert "事業承継・再生支援事業" in everything or "business_succession" in everything


def test_details_and_budget_of_a_listed_program(servers):
    conversation = Conversation(servers)
    conversation.say("Is there support for business succession?")
    details = conversation.texts('/ask_program_details{"program_id": "business_succession"}')
    assert "事業承継・再生支援事業" in details and "Source:" in details
    budget = conversation.texts("what is its budget?")
    assert "FY2021 budget" in budget and "¥" in budget


def test_upcoming_seminars_never_include_past_ones(servers):
    conversation = Conversation(servers)
    reply = conversation.texts("Are there any seminars for job seekers?")
    assert "sample data" in reply
    assert "Nov 7" not in reply  # the sample schedule's past seminar


def test_an_ssw_field_check_for_a_ramen_shop(servers):
    conversation = Conversation(servers)
    reply = conversation.texts("Can I hire SSW workers for my ramen shop?")
    assert "外食業" in reply and "JFT-Basic" in reply
