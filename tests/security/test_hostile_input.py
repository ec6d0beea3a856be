"""Hostile input that once made a 5xx (found by schemathesis or by reading the code): each
is now a 4xx naming the problem. In process, on moto."""

import json

import pytest
import requests

from functions.common import sessions
from tests.functions.feedback import http as feedback
from tests.functions.status.http import ADMIN, call, json_of


@pytest.mark.integration
@pytest.mark.parametrize("token", ["t\u00f6ken", "\u20ac" * 30, "\ud800"])
def test_a_non_ascii_token_is_a_401(aws, token):
    answer = call("POST", "/api/session", headers={}, body={"token": token})
    assert answer.status == 401
    answer = call("GET", "/api/groups", headers={"Authorization": f"Bearer {token}"})
    assert answer.status == 401


@pytest.mark.integration
@pytest.mark.parametrize(
    "value", ["v1.\u00b2.abc", "v1." + "9" * 5000 + ".abc", "v1.99999999999.m\u00e4c"]
)
def test_a_malformed_session_cookie_is_a_401(aws, value):
    answer = call("GET", "/api/groups", headers={"Cookie": f"{sessions.COOKIE_NAME}={value}"})
    assert answer.status == 401


@pytest.mark.integration
@pytest.mark.parametrize("body", [b"\x1e", b"\x1c\x1d", b"\x85"])
def test_a_body_of_non_json_whitespace_is_a_400(aws, body):
    answer = call("POST", "/api/automation/toggle", body=body)
    assert answer.status == 400
    assert json_of(answer)["field"] == "body"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/stats", "minutes=%C2%B2"),
        ("/api/stats", "minutes=" + "9" * 5000),
        ("/api/history/groups", "limit=%C2%B2"),
        ("/api/history/groups", "limit=" + "9" * 5000),
    ],
)
def test_a_number_that_is_not_ascii_digits_is_a_400(aws, path, query):
    answer = call(
        "GET",
        path,
        route="/api/history/{kind}" if "history" in path else path,
        path_parameters={"kind": "groups"} if "history" in path else None,
        query=query,
    )
    assert answer.status == 400, answer.body


@pytest.mark.integration
def test_a_decision_key_longer_than_a_dynamodb_key_is_a_400(aws):
    body = {"fingerprint": "f" * 32, "decision_key": "\u00e9" * 600}
    answer = feedback.call("POST", "/api/decisions/feedback", headers=ADMIN, body=body)
    assert answer.status == 400
    assert json.loads(answer.body)["field"] == "decision_key"


@pytest.mark.e2e
def test_a_method_a_route_does_not_take_is_a_405_that_lists_the_ones_it_does(secret_stack):
    answer = requests.patch(f"{secret_stack.api_url}/api/groups", headers=secret_stack.admin)
    assert answer.status_code == 405
    assert answer.headers["Allow"].split(", ") == sorted(["GET", "HEAD", "OPTIONS"])
