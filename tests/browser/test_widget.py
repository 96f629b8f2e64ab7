"""The job seekers' chat widget in chromium, talking to the real assistant over
socket.io: language menu, history across reloads and dropped connections,
Japanese input (IME), counselor messages, phone size and keyboard only."""

import json
import re
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from bot.i18n.catalog import Catalogs
from bot.web.widget_labels import widget_labels

pytestmark = pytest.mark.integration

ANSWER_TIMEOUT = 30_000  # ms: the first answers of a fresh server are slower
SOCKET_IO = re.compile(r"/socket\.io/")


def open_widget(page, servers, language: str | None = None):
    page.goto(servers.web_url + "/")
    if language:
        with page.expect_response(lambda reply: f"/api/widget-labels?language={language}" in reply.url) as labels:
            page.select_option("#language", language)
        assert labels.value.ok, "GET /api/widget-labels failed"
        expect(page.locator("html")).to_have_attribute("lang", language.split("-")[0])


def say(page, text: str):
    page.locator("#message").fill(text)
    page.locator("#message").press("Enter")
    expect(page.locator("#log .msg.user").last).to_have_text(text)


def wait_for_answer(page, count: int = 1):
    """Until the log holds at least `count` messages from the assistant."""
    expect(page.locator("#log .msg.bot").nth(count - 1)).to_be_visible(timeout=ANSWER_TIMEOUT)


def session_id(page) -> str:
    return json.loads(page.evaluate("localStorage.getItem('navi-chat.session')"))


def unsent(page) -> list:
    """The widget's queue of messages Rasa has not acknowledged yet."""
    return page.evaluate("id => JSON.parse(localStorage.getItem('navi-chat.session.' + id)).queue", session_id(page))


def push_bot_event(servers, conversation: str, event: dict):
    """What the counselor console does: a bot event sent to the user's socket.io channel."""
    query = urllib.parse.urlencode(
        {"token": servers.auth_token, "execute_side_effects": "true", "output_channel": "socketio"}
    )
    url = f"{servers.rasa_url}/conversations/{urllib.parse.quote(conversation)}/tracker/events?{query}"
    request = urllib.request.Request(
        url, data=json.dumps(event).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 200


def test_a_job_seeker_asks_in_vietnamese_and_keeps_the_history_after_a_reload(page, servers, expected, screenshot):
    open_widget(page, servers, "vi")
    question = "Tôi muốn tìm việc ở Tokyo"
    say(page, question)
    first_line = expected("utter_ask_job_search", "vi").splitlines()[0]
    answer = page.locator("#log .msg.bot").filter(has_text=first_line)
    expect(answer).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(answer.locator("a[href^='http']").first).to_have_attribute("rel", re.compile("noopener"))
    screenshot("vietnamese-answer")

    page.reload()
    expect(page.locator("#language")).to_have_value("vi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("#log .msg.user").filter(has_text=question)).to_be_visible()
    expect(page.locator("#log .msg.bot").filter(has_text=first_line)).to_be_visible()
    # the same conversation goes on after the reload
    answers = page.locator("#log .msg.bot").count()
    say(page, "Cảm ơn bạn nhiều")
    wait_for_answer(page, answers + 1)
    assert unsent(page) == []
    screenshot("vietnamese-after-reload")


def test_the_enter_that_confirms_a_japanese_conversion_does_not_send(page, servers, screenshot):
    open_widget(page, servers, "ja")
    message = page.locator("#message")
    message.focus()
    message.dispatch_event("compositionstart", {"data": ""})
    page.keyboard.insert_text("東京で仕事を探したいです")
    message.dispatch_event("keydown", {"key": "Enter", "code": "Enter", "isComposing": True, "bubbles": True})
    message.dispatch_event("compositionend", {"data": "東京で仕事を探したいです"})
    # Safari: keydown Enter right after compositionend, with isComposing false
    message.evaluate(
        """input => {
            input.dispatchEvent(new CompositionEvent("compositionend", {data: input.value}));
            input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "Enter", bubbles: true}));
        }"""
    )
    page.wait_for_timeout(300)
    expect(page.locator("#log .msg.user")).to_have_count(0)
    expect(message).to_have_value("東京で仕事を探したいです")

    page.keyboard.press("Enter")  # a real Enter, after the conversion
    expect(page.locator("#log .msg.user")).to_have_count(1)
    expect(page.locator("#log .msg.user")).to_have_text("東京で仕事を探したいです")
    expect(message).to_have_value("")
    wait_for_answer(page)
    screenshot("japanese-ime")


def test_phone_size_and_keyboard_only(page, servers, screenshot):
    page.set_viewport_size({"width": 360, "height": 640})
    open_widget(page, servers, "en")
    for text in ("hello", "How do I find a job in Tokyo?"):
        say(page, text)
    wait_for_answer(page, 2)
    message = page.locator("#message")
    expect(message).to_be_in_viewport()
    expect(page.get_by_role("button", name="Send")).to_be_in_viewport()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    screenshot("phone")

    # keyboard only: from the top of the page, Tab reaches the menu, an answer's button, the input, Send
    page.evaluate("document.activeElement.blur()")
    page.locator("h1").click()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("(e => e.id || e.className || e.tagName)(document.activeElement)"))
        if reached[-1] == "message":
            break
    assert reached[0] == "language" and "message" in reached, reached
    choice = page.locator("#log .choices button").first
    choice.focus()
    title = choice.inner_text()
    users = page.locator("#log .msg.user").count()
    page.keyboard.press("Space")
    expect(page.locator("#log .msg.user")).to_have_count(users + 1)
    expect(page.locator("#log .msg.user").last).to_have_text(title)
    message.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button shows no focus outline"
    screenshot("phone-keyboard")


def test_labels_roles_and_contrast(page, servers):
    open_widget(page, servers, "en")
    say(page, "hello")
    wait_for_answer(page)
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_label("Type your question…")).to_be_visible()
    expect(page.get_by_label("Language")).to_be_visible()
    ratios = page.evaluate(
        """() => {
            const rgb = c => c.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            }).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = e => {
                for (; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length < 4 || c[3] > 0) return c;
                }
                return [255, 255, 255];
            };
            const ratio = e => {
                const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            };
            const selectors = ["h1", "#log .msg.bot p", "#log .msg.user p", "#log .choices button", "#message",
                               "form button", "label[for=language]"];
            return selectors.map(s => [s, document.querySelector(s) && ratio(document.querySelector(s))]);
        }"""
    )
    low = [(selector, ratio) for selector, ratio in ratios if ratio is None or ratio < 4.5]
    assert not low, f"contrast below 4.5:1: {low}"
    scrolling = "getComputedStyle(document.getElementById('log')).scrollBehavior"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(scrolling) == "auto"
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(scrolling) == "smooth"


def test_counselor_messages_come_from_the_named_person(page, servers, screenshot):
    open_widget(page, servers, "vi")
    say(page, "Xin chào")
    wait_for_answer(page)
    conversation = session_id(page)

    push_bot_event(servers, conversation, {"event": "bot", "data": {"custom": {"data": {"handoff": "waiting"}}}})
    labels = widget_labels(Catalogs(), "vi")  # the widget speaks the menu's language
    expect(page.locator("#status")).to_have_text(labels["widget.waiting"])
    joined = {"handoff": "joined", "name": "Sato Hanako"}
    push_bot_event(servers, conversation, {"event": "bot", "data": {"custom": {"data": joined}}})
    expect(page.locator("#log .msg.note").last).to_have_text(
        labels["widget.counselor_joined"].format(name="Sato Hanako")
    )
    expect(page.locator("#status")).to_be_hidden()

    # as the console sends it: the text (for the history) and the payload that names the person
    text = "Xin chào, tôi là Sato.\n\nTôi có thể giúp gì cho bạn?"
    custom = {"data": {"text": text, "sender": "counselor", "name": "Sato Hanako"}}
    push_bot_event(servers, conversation, {"event": "bot", "text": text, "data": {"custom": custom}})
    counselor = page.locator("#log .msg.counselor")
    expect(counselor).to_have_count(1)
    expect(counselor.locator(".who")).to_have_text(labels["widget.from_counselor"].format(name="Sato Hanako"))
    expect(counselor.locator(".text")).to_have_text(text)
    expect(page.locator("#log .msg.bot").filter(has_text="tôi là Sato")).to_have_count(0)

    push_bot_event(servers, conversation, {"event": "bot", "data": {"custom": {"data": {"handoff": "ended"}}}})
    expect(page.locator("#log .msg.note").last).to_have_text(labels["widget.counselor_left"])
    screenshot("counselor")
    page.reload()
    expect(page.locator("#log .msg.counselor .who")).to_have_text(
        labels["widget.from_counselor"].format(name="Sato Hanako")
    )


def test_messages_typed_while_offline_are_sent_when_the_connection_is_back(page, servers, screenshot):
    offline = {"now": False}
    sockets = []

    def websocket(route):
        if offline["now"]:
            route.close()
            return
        route.connect_to_server()
        sockets.append(route)

    def polling(route):
        if offline["now"]:
            route.abort()
        else:
            route.continue_()

    page.route_web_socket(SOCKET_IO, websocket)
    page.route(SOCKET_IO, polling)
    open_widget(page, servers, "en")
    say(page, "hello")
    wait_for_answer(page)

    offline["now"] = True
    for route in sockets:
        route.close()
    expect(page.locator("#status")).to_have_text(re.compile("Reconnecting…|not reachable"))
    say(page, "How do I find a job in Tokyo?")
    expect(page.locator("#log .msg.user.pending")).to_have_count(1)
    screenshot("offline")
    page.reload()  # even a reload while offline keeps the unsent message
    expect(page.locator("#log .msg.user.pending")).to_have_text("How do I find a job in Tokyo?")

    offline["now"] = False
    expect(page.locator("#log .msg.user.pending")).to_have_count(0, timeout=ANSWER_TIMEOUT)
    wait_for_answer(page, 2)
    expect(page.locator("#status")).to_be_hidden()
    assert unsent(page) == []
    expect(page.locator("#log .msg.user")).to_have_count(2)  # sent once, shown once


def test_a_message_lost_with_a_dying_connection_is_sent_again(page, servers):
    losing = {"now": False}
    routes = []

    def websocket(route):
        server = route.connect_to_server()

        def to_server(message):
            if not (losing["now"] and "user_uttered" in str(message)):
                server.send(message)

        route.on_message(to_server)
        routes.append(route)

    page.route_web_socket(SOCKET_IO, websocket)
    open_widget(page, servers, "en")
    say(page, "hello")
    wait_for_answer(page)

    losing["now"] = True  # a phone changing networks: the socket still looks open, nothing arrives
    say(page, "How do I find a job in Tokyo?")
    page.wait_for_timeout(1500)
    assert len(unsent(page)) == 1, "a message Rasa never got left the queue"
    expect(page.locator("#log .msg.bot")).to_have_count(1)

    losing["now"] = False
    routes[-1].close()  # the dead connection is noticed; the widget reconnects and sends it again
    wait_for_answer(page, 2)
    assert unsent(page) == []
    expect(page.locator("#log .msg.user")).to_have_count(2)


def test_the_menu_follows_the_language_the_assistant_announces(page, servers):
    routes = []

    def websocket(route):
        route.connect_to_server()
        routes.append(route)

    page.route_web_socket(SOCKET_IO, websocket)
    open_widget(page, servers, "en")
    say(page, "hello")
    wait_for_answer(page)
    # a custom payload as socket.io delivers it (its `data`), then as the REST channel shapes it
    for payload, language in (({"language": "vi"}, "vi"), ({"custom": {"language": "ja-easy"}}, "ja")):
        with page.expect_response(lambda reply: "/api/widget-labels" in reply.url):
            routes[-1].send("42" + json.dumps(["bot_uttered", payload]))
        expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("#language")).to_have_value("ja-easy")
    page.reload()
    expect(page.locator("#language")).to_have_value("ja-easy")


def test_asking_for_a_language_in_the_chat_switches_the_menu(page, servers):
    open_widget(page, servers)
    say(page, "Please answer in Vietnamese")
    wait_for_answer(page)
    expect(page.locator("#language")).to_have_value("vi", timeout=5_000)


def test_plain_japanese_answers_have_furigana(page, servers):
    open_widget(page, servers, "ja-easy")
    say(page, "東京で仕事を探したいです")
    expect(page.locator("#log .msg.bot ruby rt").first).to_be_attached(timeout=ANSWER_TIMEOUT)


def test_a_new_conversation_and_a_day_old_one_leave_nothing_on_the_device(page, servers):
    open_widget(page, servers, "en")
    say(page, "hello")
    wait_for_answer(page)
    first = session_id(page)
    page.click("#new-conversation")
    expect(page.locator("#log .msg")).to_have_count(0)
    assert session_id(page) != first
    assert page.evaluate("id => localStorage.getItem('navi-chat.session.' + id)", first) is None

    say(page, "hello again")
    wait_for_answer(page)
    second = session_id(page)
    page.evaluate(  # as if the last message were two days old
        """id => {
            const key = 'navi-chat.session.' + id;
            const state = JSON.parse(localStorage.getItem(key));
            state.savedAt = Date.now() - 2 * 24 * 3600 * 1000;
            localStorage.setItem(key, JSON.stringify(state));
        }""",
        second,
    )
    page.reload()
    expect(page.locator("#log .msg")).to_have_count(0)
    assert session_id(page) != second


def test_a_counselor_reply_sent_while_the_widget_was_closed_appears_when_it_is_back(page, servers):
    open_widget(page, servers, "vi")
    say(page, "Xin chào")
    wait_for_answer(page)
    conversation = session_id(page)
    page.goto("about:blank")  # the widget is gone: nothing can be pushed to it
    text = "Tôi là Sato, tôi đã đọc câu hỏi của bạn.\n\nBạn cần giấy tờ gì?"  # one message, two paragraphs
    custom = {"data": {"text": text, "sender": "counselor", "name": "Sato Hanako"}}
    push_bot_event(servers, conversation, {"event": "bot", "text": text, "data": {"custom": custom}})
    page.goto(servers.web_url + "/")
    counselor = page.locator("#log .msg.counselor").filter(has_text=text)
    expect(counselor).to_have_count(1, timeout=ANSWER_TIMEOUT)
    page.reload()  # and only once, however often it reconnects
    expect(page.locator("#log .msg.counselor").filter(has_text=text)).to_have_count(1)
    page.wait_for_timeout(1000)
    expect(page.locator("#log .msg.counselor").filter(has_text=text)).to_have_count(1)
    expect(page.locator("#log .msg.bot").filter(has_text=text)).to_have_count(0)
