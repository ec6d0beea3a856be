"""Every admin route of template.yaml (all but the public and the signed ones, see
tests/api/routes.py) refuses a missing, wrong or forged credential, and a change by the
session without its CSRF header; nothing is stored or changed."""

import pytest
import requests

from functions.common import sessions
from tests.api.routes import admin_routes, concrete_path
from tests.security.stack import snapshot

ADMIN_ROUTES = admin_routes()
WRONG_CREDENTIALS = {
    "none": {},
    "wrong token": {"Authorization": "Bearer not-the-admin-token-0000"},
    "empty bearer": {"Authorization": "Bearer "},
    "basic scheme": {"Authorization": "Basic YWRtaW46YWRtaW4="},
    "non-ASCII token": {"Authorization": "Bearer t\u00f6ken"},
    "forged session": {"Cookie": f"{sessions.COOKIE_NAME}=v1.99999999999.{'0' * 64}"},
    "expired session": {"Cookie": f"{sessions.COOKIE_NAME}={sessions.issue('guess', now=0)}"},
    "session of another token": {
        "Cookie": f"{sessions.COOKIE_NAME}={sessions.issue('another-admin-token')}",
        sessions.CSRF_HEADER: "1",
    },
}
# A body each route would accept from the admin: the refusal must not depend on a bad body.
BODIES = {
    ("POST", "/api/hosts"): {"host_id": "pos-should-not-exist"},
    ("PUT", "/api/automation/rules"): {"thresholds": {"LOW": 0.99}},
    ("POST", "/api/automation/toggle"): {"enabled": False},
    ("POST", "/api/decisions/feedback"): {"fingerprint": "f", "decision_key": "d"},
}


def _call(stack, method: str, path: str, headers: dict) -> requests.Response:
    return requests.request(
        method,
        f"{stack.api_url}{concrete_path(path)}",
        headers=headers,
        json=BODIES.get((method, path), {}) if method != "GET" else None,
        timeout=10,
        stream=True,  # the live stream must not be read to its (never) end
    )


@pytest.mark.unit
def test_the_template_has_admin_routes_to_check():
    assert ("POST", "/api/hosts") in ADMIN_ROUTES
    assert ("POST", "/api/hosts/{host_id}/rotate") in ADMIN_ROUTES
    assert len(ADMIN_ROUTES) >= 20


@pytest.mark.e2e
@pytest.mark.parametrize("credential", WRONG_CREDENTIALS)
def test_every_admin_route_refuses_a_wrong_credential(secret_stack, credential):
    before = snapshot(secret_stack)
    for method, path in ADMIN_ROUTES:
        with _call(secret_stack, method, path, WRONG_CREDENTIALS[credential]) as answer:
            assert answer.status_code == 401, (method, path, answer.text)
            assert answer.headers["Content-Type"].startswith("application/json")
            assert answer.json()["field"] == "Authorization"
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_a_change_by_the_session_needs_the_csrf_header(secret_stack):
    login = requests.post(
        f"{secret_stack.api_url}/api/session", json={"token": secret_stack.admin_token}, timeout=10
    )
    assert login.status_code == 200
    cookie = {"Cookie": f"{sessions.COOKIE_NAME}={login.cookies[sessions.COOKIE_NAME]}"}
    before = snapshot(secret_stack)
    for method, path in ADMIN_ROUTES:
        if method == "GET":
            continue
        with _call(secret_stack, method, path, cookie) as answer:
            assert answer.status_code == 403, (method, path, answer.text)
            assert answer.json()["field"] == sessions.CSRF_HEADER
    assert snapshot(secret_stack) == before
    # The same session reads (it is a real one).
    with _call(secret_stack, "GET", "/api/session", cookie) as answer:
        assert answer.status_code == 200


@pytest.mark.e2e
def test_the_shippers_url_serves_no_admin_route_even_to_the_admin(secret_stack):
    """The ingest function's URL is public and takes signed routes only: registering a host or
    rotating a key there is a 404 with the right token too, and stores nothing."""
    before = snapshot(secret_stack)
    for method, path in ADMIN_ROUTES:
        answer = requests.request(
            method,
            f"{secret_stack.shipper_url}{concrete_path(path)}",
            headers=secret_stack.admin,
            json=BODIES.get((method, path), {}) if method != "GET" else None,
            timeout=10,
        )
        assert answer.status_code == 404, (method, path, answer.text)
        assert answer.json() == {"error": "no such route on the shippers' URL"}
    assert snapshot(secret_stack) == before
