"""The admin session: the token is traded for a signed, HttpOnly, SameSite=Strict cookie; every
/api route takes it; a state change by cookie needs the CSRF header."""

import time

import pytest

from functions.common import sessions
from tests.conftest import ADMIN_TOKEN
from tests.functions.status.http import call, json_of

pytestmark = pytest.mark.integration

ANONYMOUS: dict = {}


def session_cookie() -> dict:
    answer = call("POST", "/api/session", headers=ANONYMOUS, body={"token": ADMIN_TOKEN})
    assert answer.status == 200
    (cookie,) = answer.cookies
    value = cookie.split(";")[0]
    return {"Cookie": value}


@pytest.mark.parametrize(
    "path",
    [
        "/api/session",
        "/api/jira/status",
        "/api/automation/status",
        "/api/watcher/status",
        "/api/groups",
        "/api/tickets",
        "/api/monitoring/live",
        "/api/stats",
        "/api/history/decisions",
        "/api/export/groups",
    ],
)
def test_every_api_route_needs_the_token_or_the_session(aws, path):
    assert call("GET", path, headers=ANONYMOUS).status == 401
    assert call("GET", path, headers=session_cookie()).status == 200


def test_the_page_itself_is_open(aws):
    assert call("GET", "/", headers=ANONYMOUS).status == 200


def test_logging_in_sets_a_cookie_no_script_or_other_site_can_use(aws):
    answer = call("POST", "/api/session", headers=ANONYMOUS, body={"token": ADMIN_TOKEN})
    (cookie,) = answer.cookies
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert ADMIN_TOKEN not in cookie


@pytest.mark.parametrize(
    "body, status", [({"token": "wrong"}, 401), ({"token": 7}, 400), ({}, 400)]
)
def test_a_wrong_or_missing_token_opens_no_session(aws, body, status):
    answer = call("POST", "/api/session", headers=ANONYMOUS, body=body)
    assert answer.status == status
    assert answer.cookies == []


def test_a_change_by_session_needs_the_csrf_header(aws):
    cookie = session_cookie()
    refused = call("POST", "/api/automation/toggle", headers=cookie, body={"enabled": False})
    assert refused.status == 403
    assert json_of(call("GET", "/api/automation/status", headers=cookie))["enabled"] is True
    allowed = call(
        "POST",
        "/api/automation/toggle",
        headers={**cookie, "X-StackLens-CSRF": "1"},
        body={"enabled": False},
    )
    assert allowed.status == 200 and json_of(allowed)["enabled"] is False


def test_expired_forged_and_other_token_sessions_are_refused(aws):
    expired = sessions.issue(ADMIN_TOKEN, now=time.time() - sessions.SESSION_SECONDS - 1)
    other_key = sessions.issue("another-admin-token-0123456789")
    forged = session_cookie()["Cookie"].rsplit(".", 1)[0] + ".0000"
    for value in (f"stacklens_session={expired}", f"stacklens_session={other_key}", forged):
        assert call("GET", "/api/groups", headers={"Cookie": value}).status == 401


def test_logging_out_clears_the_cookie(aws):
    answer = call("DELETE", "/api/session", headers=ANONYMOUS)
    (cookie,) = answer.cookies
    assert cookie.startswith("stacklens_session=;") and "Max-Age=0" in cookie
