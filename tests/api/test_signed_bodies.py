"""What schemathesis cannot do: sign. Bodies the description calls valid, generated from it and
signed with a registered host's key, are taken by the real local runner, and each answer is
one the description allows; error events delivered again are all duplicates."""

import json
import uuid

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from shipper.signing import signed_headers
from tests.api.routes import OPENAPI_PATH

DESCRIPTION = schemathesis.openapi.from_path(OPENAPI_PATH)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
BATCH_ROUTES = ("/ingest", "/api/demo-events")


def _register(stack, host_id: str) -> str:
    answer = requests.post(
        f"{stack.api_url}/api/hosts", json={"host_id": host_id}, headers=stack.admin, timeout=10
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["key"]


def _within_unstated_rules(body: dict, host_id: str) -> dict:
    """The body with the rules OpenAPI 3.0 cannot state kept (the description says them): the
    host is the signing one, and stats keys are 1-255 bytes."""
    body = {**body, "host": host_id}
    if "stats" in body:
        stats = body["stats"].items()
        body["stats"] = {name: value for name, value in stats if 0 < len(name.encode()) <= 255}
    return body


def _post(stack, path: str, host_id: str, key: str, body: dict) -> requests.Response:
    raw = json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **signed_headers(host_id, key, raw)}
    return requests.post(f"{stack.api_url}{path}", data=raw, headers=headers, timeout=30)


def _delivered_again_is_all_duplicates(stack, path, host_id, key, body) -> None:
    """Error events are stored once (other lines are counted, not stored): the same events as
    errors, sent twice, are all duplicates the second time."""
    errors = {
        **body,
        "batch_id": str(uuid.uuid4()),
        "events": [{**event, "line": f"ERROR {event['line']}"} for event in body["events"]],
    }
    assert _post(stack, path, host_id, key, errors).status_code == 202
    again = _post(stack, path, host_id, key, errors)
    assert again.status_code == 202, again.text
    assert again.json() == {"accepted": 0, "duplicates": len(body["events"])}


@pytest.mark.e2e
@pytest.mark.parametrize("path", [*BATCH_ROUTES, "/api/watcher/heartbeat"])
def test_signed_bodies_the_description_calls_valid_are_taken(secret_stack, path):
    host_id = f"signed-{uuid.uuid4().hex[:12]}"
    key = _register(secret_stack, host_id)
    operation = DESCRIPTION[path]["POST"]

    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def post_signed(case):
        body = _within_unstated_rules(case.body, host_id)
        answer = _post(secret_stack, path, host_id, key, body)
        case.validate_response(answer, checks=CHECKS)
        assert answer.status_code in (200, 202), answer.text
        if path in BATCH_ROUTES:
            _delivered_again_is_all_duplicates(secret_stack, path, host_id, key, body)

    post_signed()
