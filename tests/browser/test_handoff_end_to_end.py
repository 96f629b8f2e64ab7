"""The whole handoff in two browsers: a job seeker chats in Vietnamese, reloads,
asks for a person; a counselor signs in to the console in a second browser
context, sees the ticket, takes it and replies; the job seeker sees the reply
as from that person; the counselor returns the conversation and the assistant
answers the next question. Screenshots of both screens: test-artifacts/browser/."""

import pytest
from playwright.sync_api import expect

from bot.console.accounts import StaffAccounts
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_widget import ANSWER_TIMEOUT, open_widget, say, wait_for_answer

pytestmark = pytest.mark.integration
PASSWORD = "a long enough counselor password"


def test_a_counselor_takes_over_in_the_console_and_hands_back(browser, servers, expected):
    StaffAccounts(servers.database).create("nguyen", "Nguyen Thi Lan", PASSWORD, ["vi", "ja"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seeker_context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    counselor_context = browser.new_context(locale="ja-JP", viewport={"width": 1024, "height": 768})
    try:
        seeker, console = seeker_context.new_page(), counselor_context.new_page()
        for page in (seeker, console):
            page.set_default_timeout(20_000)

        # the counselor is signed in and available before the job seeker asks
        console.goto(servers.web_url + "/console/login")
        console.fill("input[name=username]", "nguyen")
        console.fill("input[name=password]", PASSWORD)
        console.click("button[type=submit]")
        console.click("text=Take live chats")
        expect(console.locator(".status")).to_contain_text("You are available")

        open_widget(seeker, servers, "vi")
        say(seeker, "Tôi muốn tìm việc ở Tokyo")
        expect(seeker.locator("#log .msg.bot").filter(has_text=expected("utter_ask_job_search", "vi").splitlines()[0])).to_be_visible(timeout=ANSWER_TIMEOUT)  # noqa: E501
        seeker.reload()
        expect(seeker.locator("#log .msg.user").filter(has_text="Tôi muốn tìm việc ở Tokyo")).to_be_visible()
        answers = seeker.locator("#log .msg.bot").count()
        say(seeker, "Tôi muốn nói chuyện với nhân viên tư vấn ngay bây giờ")
        wait_for_answer(seeker, answers + 1)
        expect(seeker.locator("#status")).to_be_visible()  # waiting for a counselor
        say(seeker, "Tôi cần hỏi về visa")  # while paused: reaches the console, not the bot

        ticket = console.locator("ul.queue > li").filter(has_text="Tôi cần hỏi về visa")
        for _ in range(20):  # the queue page is reloaded (by itself every 15 s) until the message is in
            console.goto(servers.web_url + "/console/queue")
            if ticket.count():
                break
            console.wait_for_timeout(500)
        expect(ticket).to_be_visible()
        ticket.locator("a").click()
        console.click("text=Take over")
        console.fill("#reply-text", "Xin chào, tôi là Lan. Tôi có thể giúp gì?")
        console.click("#reply-form button[type=submit]")
        expect(console.locator("#transcript")).to_contain_text("tôi là Lan")
        console.screenshot(path=str(ARTIFACTS / "console-conversation.png"), full_page=True)

        reply = seeker.locator("#log .msg.counselor").filter(has_text="tôi là Lan")
        expect(reply).to_be_visible()
        expect(reply.locator(".who")).to_contain_text("Nguyen Thi Lan")
        seeker.screenshot(path=str(ARTIFACTS / "widget-counselor-reply.png"), full_page=True)

        console.click("text=Return to the assistant")
        expect(seeker.locator("#log .msg.bot").filter(has_text=expected("utter_handoff_returned", "vi"))).to_be_visible()  # noqa: E501
        answers = seeker.locator("#log .msg.bot").count()
        say(seeker, "Tư vấn có mất phí không?")
        cost = expected("utter_ask_cost", "vi").splitlines()[0][:40]
        expect(seeker.locator("#log .msg.bot").nth(answers)).to_contain_text(cost, timeout=ANSWER_TIMEOUT)
        seeker.screenshot(path=str(ARTIFACTS / "widget-back-to-assistant.png"), full_page=True)
    finally:
        seeker_context.close()
        counselor_context.close()
