"""The counselors' console in the web service: the `/console` blueprint.

Every route of the blueprint is for signed-in staff except GET and POST
`/console/login`. Two locks, so a route added later cannot be left open:

* the blueprint's request middleware refuses any of its routes that is not
  marked public (the login routes) unless a live session comes with it, and
  checks the CSRF token of every POST/PUT/PATCH/DELETE;
* `staff_only` (and `require_csrf`) do the same on the handler itself, for
  routes added after the blueprint is mounted or living in another blueprint.

Refusals: pages answer 303 to /console/login, `/console/api/*` answers 401
JSON; a missing or wrong CSRF token answers 403 and the handler never runs.
An unknown, forged or expired session cookie is the same as none.

    from bot.console.web import require_csrf, staff_only

    @bp.get("/queue")
    @staff_only
    async def queue(request):
        staff = request.ctx.staff  # bot.console.sessions.StaffSession
        ...

Tokens, CSRF tokens and passwords are never logged."""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from argon2 import PasswordHasher
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.console.accounts import Clock, LoginThrottle, StaffAccounts, utc_now
from bot.console.sessions import StaffSession, StaffSessions
from bot.i18n.languages import autonym
from bot.settings import Settings

logger = logging.getLogger(__name__)

CONSOLE_BLUEPRINT = "console"
URL_PREFIX = "/console"
LOGIN_URL = "/console/login"
HOME_URL = "/console/"
API_PREFIX = "/console/api/"
SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"  # the pre-session token of the login form (double submit)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_FIELD_LENGTH = 1024
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PUBLIC_MARK = "__console_public__"
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
}

Handler = Callable[..., Awaitable[HTTPResponse]]


@dataclass(frozen=True)
class Console:
    """What the console's routes share: stores and templates."""

    settings: Settings
    accounts: StaffAccounts
    sessions: StaffSessions
    throttle: LoginThrottle
    templates: Environment


def templates() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(("html",), default_for_string=True, default=True),
        undefined=StrictUndefined,
    )
    environment.filters["autonym"] = autonym
    return environment


def console_blueprint(settings: Settings, *, clock: Clock = utc_now, hasher: PasswordHasher | None = None) -> Blueprint:
    """The console's blueprint on `settings.database`. Add further routes to it
    before `app.blueprint(...)` so the blueprint's middleware covers them too."""
    bp = Blueprint(CONSOLE_BLUEPRINT, url_prefix=URL_PREFIX)
    url = settings.database
    bp.ctx.console = Console(
        settings=settings,
        accounts=StaffAccounts(url, hasher=hasher, clock=clock),
        sessions=StaffSessions(url, clock=clock),
        throttle=LoginThrottle(url, clock=clock),
        templates=templates(),
    )

    @bp.middleware("request")
    async def guard(request: Request):
        handler = request.route.handler if request.route else None
        if getattr(handler, PUBLIC_MARK, False):
            return None
        return await refusal(request)

    @bp.middleware("response")
    async def security_headers(_: Request, reply: HTTPResponse):
        for name, value in SECURITY_HEADERS.items():
            reply.headers.setdefault(name, value)

    @bp.get("/login")
    @public
    async def login_form(request: Request):
        if await current_staff(request) is not None:
            return response.redirect(HOME_URL, status=303)
        return login_page(request)

    @bp.post("/login")
    @public
    async def login(request: Request):
        console = console_of(request)
        expected = request.cookies.get(LOGIN_CSRF_COOKIE)
        if not tokens_match(supplied_csrf(request), expected):
            return login_page(request, 403, "This form has expired. Please sign in again.")
        username = field(request, "username")
        password = field(request, "password")
        if not username.strip() or not password:
            return login_page(request, 400, "Enter your username and password.", username)
        if await asyncio.to_thread(console.throttle.blocked, username):
            logger.warning("Console sign-in refused: too many failures for one username")
            message = "Too many failed sign-ins for this username. Wait 15 minutes and try again."
            return login_page(request, 429, message, username)
        account = await asyncio.to_thread(console.accounts.authenticate, username, password)
        if account is None:
            await asyncio.to_thread(console.throttle.record_failure, username)
            logger.info("Console sign-in failed")
            return login_page(request, 401, "Wrong username or password.", username)
        await asyncio.to_thread(console.throttle.clear, username)
        previous = request.cookies.get(SESSION_COOKIE)
        if previous:  # a fresh session on every sign-in: no fixation, no leftovers
            await asyncio.to_thread(console.sessions.logout, previous)
        token, _ = await asyncio.to_thread(console.sessions.login, account)
        logger.info("Staff account %s signed in to the console", account.id)
        reply = response.redirect(HOME_URL, status=303)
        set_cookie(request, reply, SESSION_COOKIE, token)
        clear_cookie(request, reply, LOGIN_CSRF_COOKIE)
        return reply

    @bp.post("/logout")
    @staff_only
    async def logout(request: Request):
        await asyncio.to_thread(console_of(request).sessions.logout, request.cookies.get(SESSION_COOKIE))
        logger.info("Staff account %s signed out of the console", request.ctx.staff.account_id)
        reply = response.redirect(LOGIN_URL, status=303)
        clear_cookie(request, reply, SESSION_COOKIE)
        return reply

    @bp.get("/")
    @staff_only
    async def dashboard(request: Request):
        return render(request, "dashboard.html", staff=request.ctx.staff)

    @bp.post("/availability")
    @staff_only
    async def availability(request: Request):
        available = field(request, "available").lower() in ("1", "true", "on", "yes")
        token = request.cookies.get(SESSION_COOKIE)
        await asyncio.to_thread(console_of(request).sessions.set_available, token, available)
        return response.redirect(HOME_URL, status=303)

    @bp.get("/api/me")
    @staff_only
    async def me(request: Request):
        staff: StaffSession = request.ctx.staff
        return response.json(
            {
                "username": staff.username,
                "display_name": staff.display_name,
                "languages": list(staff.languages),
                "available": staff.available,
                "expires_at": staff.expires_at.isoformat(),
            }
        )

    return bp


# --- for every console route -------------------------------------------------------------


def public(handler: Handler) -> Handler:
    """Marks a route that needs no session (only the login routes)."""
    setattr(handler, PUBLIC_MARK, True)
    return handler


def staff_only(handler: Handler) -> Handler:
    """Runs the handler only for a live staff session (then `request.ctx.staff`
    is its StaffSession) and, for POST/PUT/PATCH/DELETE, only with the
    session's CSRF token; otherwise 303 to the login page (pages), 401 JSON
    (`/console/api/*`), or 403 for a missing or wrong CSRF token."""

    @wraps(handler)
    async def guarded(request: Request, *args, **kwargs):
        refused = await refusal(request)
        if refused is not None:
            return refused
        return await handler(request, *args, **kwargs)

    return guarded


def require_csrf(handler: Handler) -> Handler:
    """Runs the handler only when the request carries the live session's CSRF
    token (form field `csrf_token` or header `X-CSRF-Token`), whatever its method."""

    @wraps(handler)
    async def checked(request: Request, *args, **kwargs):
        staff = await current_staff(request)
        if staff is None:
            return not_signed_in(request)
        if not csrf_valid(request, staff):
            return csrf_refused(request)
        return await handler(request, *args, **kwargs)

    return checked


async def refusal(request: Request) -> HTTPResponse | None:
    """None when the request may go on; else the answer that refuses it."""
    staff = await current_staff(request)
    if staff is None:
        return not_signed_in(request)
    if request.method.upper() in UNSAFE_METHODS and not csrf_valid(request, staff):
        return csrf_refused(request)
    return None


async def current_staff(request: Request) -> StaffSession | None:
    """The request's live staff session (once per request; also `request.ctx.staff`)."""
    if not hasattr(request.ctx, "staff"):
        token = request.cookies.get(SESSION_COOKIE)
        request.ctx.staff = await asyncio.to_thread(console_of(request).sessions.current, token) if token else None
    return request.ctx.staff


def csrf_valid(request: Request, staff: StaffSession) -> bool:
    return tokens_match(supplied_csrf(request), staff.csrf_token)


def supplied_csrf(request: Request) -> str | None:
    return request.headers.get(CSRF_HEADER) or field(request, CSRF_FIELD) or None


def tokens_match(supplied: str | None, expected: str | None) -> bool:
    if not supplied or not expected or len(supplied) > MAX_FIELD_LENGTH:
        return False
    return hmac.compare_digest(supplied.encode("utf-8"), expected.encode("utf-8"))


def console_of(request: Request) -> Console:
    blueprint = request.app.blueprints.get(CONSOLE_BLUEPRINT)
    console = getattr(getattr(blueprint, "ctx", None), "console", None)
    if console is None:
        raise RuntimeError("mount console_blueprint(settings) on the app first")
    return console


def wants_json(request: Request) -> bool:
    return request.path.startswith(API_PREFIX)


def not_signed_in(request: Request) -> HTTPResponse:
    if wants_json(request):
        return response.json({"error": "not signed in"}, 401)
    return response.redirect(LOGIN_URL, status=303)


def csrf_refused(request: Request) -> HTTPResponse:
    logger.warning("Console request refused: missing or wrong CSRF token (%s %s)", request.method, request.path)
    if wants_json(request):
        return response.json({"error": "missing or wrong CSRF token"}, 403)
    return response.text("Forbidden: this form has expired. Reload the page and try again.", 403)


def field(request: Request, name: str) -> str:
    """A form field's value ('' when absent or not a form), at most MAX_FIELD_LENGTH characters."""
    try:
        value = request.form.get(name) if request.form else None
    except Exception:  # a malformed body is a missing field
        value = None
    return value[:MAX_FIELD_LENGTH] if isinstance(value, str) else ""


# --- pages and cookies -------------------------------------------------------------------


def render(request: Request, template: str, status: int = 200, **context) -> HTTPResponse:
    """A console page from bot/console/templates (autoescaped); `csrf_token` is the session's."""
    staff = getattr(request.ctx, "staff", None)
    context.setdefault("csrf_token", staff.csrf_token if staff else "")
    page = console_of(request).templates.get_template(template).render(**context)
    return response.html(page, status=status, headers=dict(SECURITY_HEADERS))


def login_page(request: Request, status: int = 200, error: str | None = None, username: str = "") -> HTTPResponse:
    """The sign-in form with a new pre-session CSRF token (cookie + hidden field)."""
    token = secrets.token_urlsafe(32)
    reply = render(request, "login.html", status, csrf_token=token, error=error, username=username[:64])
    set_cookie(request, reply, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return reply


def set_cookie(request: Request, reply: HTTPResponse, name: str, value: str, max_age: int | None = None) -> None:
    """HttpOnly, SameSite=Strict, Path=/console; Secure when the request came over https."""
    reply.cookies[name] = value
    cookie = reply.cookies[name]
    cookie["path"] = URL_PREFIX
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    if request.scheme == "https":
        cookie["secure"] = True
    if max_age is not None:
        cookie["max-age"] = max_age


def clear_cookie(request: Request, reply: HTTPResponse, name: str) -> None:
    set_cookie(request, reply, name, "", max_age=0)
