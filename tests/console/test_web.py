"""The /console blueprint in a Sanic app, driven in-process through ASGI
(sanic-testing is not installed): sign-in and sign-out, cookies, CSRF,
the failed sign-in limit, and that every console route refuses anyone
without a live session."""

# ruff: noqa: F811  (tests take the imported `database_url` fixture as an argument)

from __future__ import annotations

import re
import urllib.parse
import uuid
from dataclasses import dataclass, field

import pytest
from sanic import Sanic, response
from sqlalchemy import func, select

from bot.console.accounts import StaffAccounts
from bot.console.sessions import StaffSessions
from bot.console.tables import StaffLoginFailureRow, StaffSessionRow
from bot.console.web import SECURITY_HEADERS, console_blueprint, require_csrf, staff_only
from bot.settings import Settings
from bot.store.database import session_scope, upgrade_schema
from tests.booking.conftest import database_url  # noqa: F401  (SQLite and PostgreSQL)
from tests.console import PASSWORD, FakeClock, cheap_hasher

PUBLIC_ROUTES = {("GET", "/console/login"), ("POST", "/console/login")}
SAMPLE_PARAMETERS = {"int": "1", "float": "1.5", "uuid": str(uuid.UUID(int=1)), "ymd": "2026-12-01", "ext": "x.txt"}


# --- an ASGI client with a cookie jar ------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    def set_cookies(self) -> dict[str, str]:
        """name -> the whole Set-Cookie line."""
        lines = [value for key, value in self.headers if key.lower() == "set-cookie"]
        return {line.split("=", 1)[0]: line for line in lines}

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        import json

        return json.loads(self.body)


@dataclass
class Client:
    app: Sanic
    scheme: str = "http"
    cookies: dict[str, str] = field(default_factory=dict)

    async def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None,
                      cookies: dict | None = None) -> Reply:  # fmt: skip
        body = urllib.parse.urlencode(form).encode() if form is not None else b""
        jar = self.cookies if cookies is None else cookies
        raw_headers = [(b"host", b"testserver")]
        if jar:
            raw_headers.append((b"cookie", "; ".join(f"{k}={v}" for k, v in jar.items()).encode()))
        if form is not None:
            raw_headers += [(b"content-type", b"application/x-www-form-urlencoded"),
                            (b"content-length", str(len(body)).encode())]  # fmt: skip
        raw_headers += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
            "scheme": self.scheme, "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
            "headers": raw_headers, "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
        }  # fmt: skip
        messages = [{"type": "http.request", "body": body, "more_body": False}]
        sent: list[dict] = []

        async def receive():
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)

        await self.app(scope, receive, send)
        start = next(message for message in sent if message["type"] == "http.response.start")
        reply = Reply(
            start["status"],
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]],
            b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body"),
        )
        if cookies is None:
            for name, line in reply.set_cookies().items():
                value = line.split("=", 1)[1].split(";", 1)[0]
                if "max-age=0" in line.lower():
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        return reply

    async def get(self, path: str, **options) -> Reply:
        return await self.request("GET", path, **options)

    async def post(self, path: str, form: dict | None = None, **options) -> Reply:
        return await self.request("POST", path, form=form if form is not None else {}, **options)

    async def sign_in(self, username: str = "sato", password: str = PASSWORD) -> Reply:
        page = await self.get("/console/login")
        return await self.post("/console/login", {"csrf_token": form_csrf(page), "username": username,
                                                  "password": password})  # fmt: skip


def form_csrf(page: Reply) -> str:
    found = re.search(r'name="csrf_token" value="([^"]*)"', page.text)
    assert found, page.text
    return found.group(1)


async def started(app: Sanic) -> Sanic:
    """Runs the app's ASGI lifespan start-up (routes finalised, listeners run)."""
    inbox = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[dict] = []

    async def receive():
        return inbox.pop(0)

    async def send(message):
        sent.append(message)

    try:
        await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    except AttributeError:  # Sanic 21.12 goes on to handle a request after the lifespan; there is none
        pass
    assert {"type": "lifespan.startup.complete"} in sent
    return app


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Several apps in one process: Sanic's test mode (what sanic-testing sets) lets each
    start from Sanic's original methods instead of the previous app's rewritten ones."""
    monkeypatch.setattr(Sanic, "test_mode", True)


@dataclass
class Console:
    app: Sanic
    url: str
    clock: FakeClock
    accounts: StaffAccounts
    sessions: StaffSessions

    def client(self, scheme: str = "http") -> Client:
        return Client(self.app, scheme)

    def count(self, row) -> int:
        with session_scope(self.url) as session:
            return session.scalar(select(func.count()).select_from(row))


def console_app(url: str, clock: FakeClock, tmp_path, extra_routes=None) -> Sanic:
    app = Sanic(f"console_test_{uuid.uuid4().hex[:12]}")
    app.config.FALLBACK_ERROR_FORMAT = "json"
    blueprint = console_blueprint(Settings(database_url=url, var_dir=tmp_path), clock=clock, hasher=cheap_hasher())
    if extra_routes:
        extra_routes(blueprint)
    app.blueprint(blueprint)
    return app


@pytest.fixture
async def console(database_url, tmp_path):
    clock = FakeClock()
    accounts = StaffAccounts(database_url, hasher=cheap_hasher(), clock=clock)
    accounts.create("sato", "Sato <b>Hanako</b>", PASSWORD, ["ja", "en"])
    app = await started(console_app(database_url, clock, tmp_path))
    return Console(app, database_url, clock, accounts, StaffSessions(database_url, clock=clock))


# --- sign-in ---------------------------------------------------------------------------------------


async def test_the_login_page_is_an_accessible_form_with_a_pre_session_csrf_cookie(console):
    page = await console.client().get("/console/login")
    assert page.status == 200 and page.header("content-type").startswith("text/html")
    for control in ('<label for="username">', 'id="username" name="username"', '<label for="password">',
                    'type="password" id="password"', 'autocomplete="current-password"', 'name="viewport"'):  # fmt: skip
        assert control in page.text
    cookie = page.set_cookies()["console_login_csrf"]
    assert f"console_login_csrf={form_csrf(page)};" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # plain http (local)
    for name, value in SECURITY_HEADERS.items():
        assert page.header(name) == value


async def test_sign_in_sets_a_strict_session_cookie_and_shows_who_is_signed_in(console):
    client = console.client()
    signed_in = await client.sign_in()
    assert signed_in.status == 303 and signed_in.header("location") == "/console/"
    cookie = signed_in.set_cookies()["console_session"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie
    assert "console_login_csrf" not in client.cookies  # the pre-session token is used up
    token = client.cookies["console_session"]
    assert console.sessions.current(token).username == "sato"

    page = await client.get("/console/")
    assert page.status == 200
    assert "Signed in as Sato &lt;b&gt;Hanako&lt;/b&gt; (sato)" in page.text  # autoescaped
    assert "<b>Hanako" not in page.text and token not in page.text
    assert 'action="/console/availability"' in page.text and "日本語" in page.text
    me = await client.get("/console/api/me")
    assert me.status == 200 and me.header("content-type").startswith("application/json")
    assert me.json()["username"] == "sato" and me.json()["languages"] == ["ja", "en"]
    assert me.json()["available"] is False and "csrf_token" not in me.json()
    assert (await client.get("/console/login")).header("location") == "/console/"  # already signed in


async def test_cookies_are_secure_over_https(console):
    client = console.client(scheme="https")
    page = await client.get("/console/login")
    assert "; Secure" in page.set_cookies()["console_login_csrf"]
    signed_in = await client.sign_in()
    assert "; Secure" in signed_in.set_cookies()["console_session"]


async def test_signing_in_again_replaces_the_previous_session(console):
    client = console.client()
    await client.sign_in()
    first = client.cookies["console_session"]
    tab = console.client()  # a login form opened in another tab before the first sign-in
    form = await tab.get("/console/login")
    client.cookies["console_login_csrf"] = tab.cookies["console_login_csrf"]
    again = await client.post("/console/login", {"csrf_token": form_csrf(form), "username": "sato",
                                                 "password": PASSWORD})  # fmt: skip
    assert again.status == 303 and client.cookies["console_session"] != first
    assert console.sessions.current(first) is None and console.count(StaffSessionRow) == 1


async def test_unknown_user_and_wrong_password_get_the_same_answer(console):
    client = console.client()
    wrong_password = await client.sign_in(password="not the password")
    unknown_user = await client.sign_in(username="nobody")
    deactivated = console.accounts.create("suzuki", "Suzuki", PASSWORD, ["ja"])
    console.accounts.deactivate(deactivated.username)
    inactive = await client.sign_in(username="suzuki")
    for reply in (wrong_password, unknown_user, inactive):
        assert reply.status == 401 and "Wrong username or password." in reply.text
        assert "console_session" not in reply.set_cookies()
    assert console.count(StaffSessionRow) == 0


async def test_failed_sign_ins_are_limited_per_username(console):
    client = console.client()
    for _ in range(5):
        assert (await client.sign_in(password="not the password")).status == 401
    refused = await client.sign_in()  # the right password, too late
    assert refused.status == 429 and "Too many failed sign-ins" in refused.text
    assert (await client.sign_in(username="SATO")).status == 429
    assert console.count(StaffSessionRow) == 0
    for _ in range(5):
        await client.sign_in(username="nobody", password="guess")
    assert (await client.sign_in(username="nobody", password="guess")).status == 429  # unknown: the same
    console.clock.advance(minutes=15)
    assert (await client.sign_in()).status == 303


@pytest.mark.parametrize(
    "tamper",
    ["no form token", "no cookie", "wrong form token", "token from another form"],
)
async def test_login_without_the_pre_session_csrf_pair_is_refused(console, tamper):
    client = console.client()
    page = await client.get("/console/login")
    token = form_csrf(page)
    form = {"csrf_token": token, "username": "sato", "password": PASSWORD}
    if tamper == "no form token":
        del form["csrf_token"]
    elif tamper == "no cookie":
        client.cookies.clear()
    elif tamper == "wrong form token":
        form["csrf_token"] = token[:-1] + ("A" if token[-1] != "A" else "B")
    else:
        form["csrf_token"] = form_csrf(await console.client().get("/console/login"))
    refused = await client.post("/console/login", form)
    assert refused.status == 403 and "console_session" not in refused.set_cookies()
    assert console.count(StaffSessionRow) == 0 and console.count(StaffLoginFailureRow) == 0
    assert form_csrf(refused) and "console_login_csrf" in refused.set_cookies()  # a fresh form to try again


# --- sign-out, CSRF on staff actions ------------------------------------------------------------


async def test_logout_deletes_the_session_and_clears_the_cookie(console):
    client = console.client()
    await client.sign_in()
    token = client.cookies["console_session"]
    csrf = form_csrf(await client.get("/console/"))
    out = await client.post("/console/logout", {"csrf_token": csrf})
    assert out.status == 303 and out.header("location") == "/console/login"
    assert "max-age=0" in out.set_cookies()["console_session"].lower()
    assert console.sessions.current(token) is None and console.count(StaffSessionRow) == 0
    replay = await client.get("/console/", cookies={"console_session": token})
    assert replay.status == 303 and replay.header("location") == "/console/login"


@pytest.mark.parametrize("csrf", [None, "", "wrong", "other session"])
async def test_posts_without_the_sessions_csrf_token_are_refused_and_change_nothing(console, csrf):
    client = console.client()
    await client.sign_in()
    token = client.cookies["console_session"]
    if csrf == "other session":
        other = console.client()
        await other.sign_in()
        csrf = form_csrf(await other.get("/console/"))
    form = {"available": "1"} if csrf is None else {"available": "1", "csrf_token": csrf}
    refused = await client.post("/console/availability", form)
    assert refused.status == 403
    assert console.sessions.current(token).available is False
    form = {} if csrf is None else {"csrf_token": csrf}
    assert (await client.post("/console/logout", form)).status == 403
    assert console.sessions.current(token) is not None  # still signed in


async def test_the_availability_switch_with_the_form_field_or_the_header(console):
    client = console.client()
    await client.sign_in()
    token = client.cookies["console_session"]
    page = await client.get("/console/")
    csrf = form_csrf(page)
    assert f'<meta name="csrf-token" content="{csrf}">' in page.text
    switched = await client.post("/console/availability", {"csrf_token": csrf, "available": "1"})
    assert switched.status == 303 and switched.header("location") == "/console/"
    assert console.sessions.current(token).available is True
    assert [staff.username for staff in console.sessions.online_staff("ja-easy")] == ["sato"]
    assert "not available" not in (await client.get("/console/")).text
    await client.post("/console/availability", {"available": "0"}, headers={"X-CSRF-Token": csrf})
    assert console.sessions.current(token).available is False
    assert console.sessions.online_staff("ja") == []


# --- nothing for anyone without a live session ----------------------------------------------------


def console_routes(app: Sanic) -> list[tuple[str, str]]:
    """(method, path) of every route under /console, parameters filled with sample values."""
    found = []
    for route in app.router.routes:
        path = "/" + route.path.lstrip("/")
        if not (path == "/console" or path.startswith("/console/")):
            continue
        path = re.sub(r"<([^>:]+)(?::([^>]+))?>", lambda m: SAMPLE_PARAMETERS.get(m.group(2) or "", "x"), path)
        found += [(method, path) for method in sorted(route.methods) if (method, path) not in PUBLIC_ROUTES]
    return found


async def refuses_anonymous(app: Sanic, cookies: dict[str, str]) -> list[tuple[str, str]]:
    routes = console_routes(app)
    assert routes
    for method, path in routes:
        form = {} if method in ("POST", "PUT", "PATCH", "DELETE") else None
        reply = await Client(app).request(method, path, form=form, cookies=cookies)
        if path.startswith("/console/api/"):
            assert reply.status == 401, (method, path, reply.status)
            assert reply.json() == {"error": "not signed in"}
        else:
            assert (reply.status, reply.header("location")) == (303, "/console/login"), (method, path, reply.status)
    return routes


FORGED_COOKIES = [{}, {"console_session": "forged"}, {"console_session": "A" * 43},
                  {"console_session": "x" * 4000}, {"console_session": ""}]  # fmt: skip


async def test_every_console_route_refuses_an_anonymous_or_forged_request(console):
    await console.client().sign_in()  # someone is signed in; the others cannot borrow it
    with session_scope(console.url) as session:
        stored_hash = session.scalar(select(StaffSessionRow.token_hash))
    for cookies in [*FORGED_COOKIES, {"console_session": stored_hash}]:
        routes = await refuses_anonymous(console.app, cookies)
    assert {("GET", "/console"), ("POST", "/console/logout"), ("POST", "/console/availability"),
            ("GET", "/console/api/me")} <= set(routes)  # fmt: skip


async def test_expired_sessions_are_refused_everywhere(console):
    idle, absolute = console.client(), console.client()
    await absolute.sign_in()
    for _ in range(35):  # a page polling for 11 h 40 min
        console.clock.advance(minutes=20)
        assert (await absolute.get("/console/api/me")).status == 200
    await idle.sign_in()
    console.clock.advance(minutes=20)  # 12 hours after the first sign-in
    await refuses_anonymous(console.app, absolute.cookies)
    assert (await idle.get("/console/")).status == 200
    console.clock.advance(minutes=30)  # 30 minutes without a request
    await refuses_anonymous(console.app, idle.cookies)
    assert console.count(StaffSessionRow) == 0


async def test_a_route_added_later_is_guarded_even_without_the_decorators(database_url, tmp_path):
    calls = []

    def add_routes(blueprint):
        @blueprint.get("/queue")
        async def queue(request):  # forgot @staff_only: the blueprint's guard still refuses
            calls.append("queue")
            return response.text("queue")

        @blueprint.post("/api/conversations/<conversation_id:int>/claim")
        @staff_only
        async def claim(request, conversation_id):
            calls.append(conversation_id)
            return response.json({"claimed": conversation_id, "by": request.ctx.staff.username})

        @blueprint.put("/api/notes/<note:uuid>")
        @staff_only
        @require_csrf
        async def note(request, note):
            calls.append(str(note))
            return response.json({})

    clock = FakeClock()
    StaffAccounts(database_url, hasher=cheap_hasher()).create("sato", "Sato", PASSWORD, ["ja"])
    app = await started(console_app(database_url, clock, tmp_path, add_routes))
    routes = await refuses_anonymous(app, {"console_session": "forged"})
    assert ("POST", "/console/api/conversations/1/claim") in routes and ("GET", "/console/queue") in routes
    assert calls == []

    client = Client(app)
    await client.sign_in()
    csrf = form_csrf(await client.get("/console/"))
    assert (await client.post("/console/api/conversations/7/claim", {})).status == 403  # no CSRF token
    assert (await client.request("PUT", f"/console/api/notes/{uuid.UUID(int=2)}", form={})).status == 403
    assert calls == []
    claimed = await client.post("/console/api/conversations/7/claim", {}, headers={"X-CSRF-Token": csrf})
    assert claimed.status == 200 and claimed.json() == {"claimed": 7, "by": "sato"}
    assert (await client.get("/console/queue")).text == "queue"
    assert calls == [7, "queue"]


async def test_the_web_services_console_routes_refuse_anonymous_requests(tmp_path):
    """The real web service (bot.web.app.create_app), once the blueprint is mounted there."""
    from bot.web.app import create_app

    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_schema(url)
    app = create_app(Settings(database_url=url, var_dir=tmp_path), name=f"web_{uuid.uuid4().hex[:12]}")
    await started(app)
    if not console_routes(app):
        pytest.skip("console_blueprint is not mounted in bot.web.app.create_app yet")
    for cookies in ({}, {"console_session": "forged"}):
        await refuses_anonymous(app, cookies)
    page = await Client(app).get("/console/login")
    assert page.status == 200 and "console_login_csrf" in page.set_cookies()
