"""The live stream, which schemathesis cannot read (the local runner holds it open): its answers
are those the description lists."""

import pytest
import requests
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.routes import OPENAPI_PATH

LIVE = schemathesis.openapi.from_path(OPENAPI_PATH)["/api/monitoring/live"]["GET"]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong-token"}, 401),
        ({"Last-Event-ID": "not-a-number"}, 400),
        ({"Last-Event-ID": "9" * 40}, 400),
    ],
)
def test_refusals_of_the_live_stream_are_described(secret_stack, headers, status):
    if "Last-Event-ID" in headers:
        headers = {**secret_stack.admin, **headers}
    case = LIVE.Case(headers=headers)
    answer = requests.get(
        f"{secret_stack.api_url}/api/monitoring/live", headers=headers, timeout=10
    )
    assert answer.status_code == status
    case.validate_response(answer, checks=CHECKS)


@pytest.mark.e2e
def test_the_live_stream_answers_server_sent_events(secret_stack):
    with requests.get(
        f"{secret_stack.api_url}/api/monitoring/live",
        headers={**secret_stack.admin, "Last-Event-ID": "0"},
        stream=True,
        timeout=10,
    ) as answer:
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith("text/event-stream")
        first = next(answer.iter_content(chunk_size=None)).decode()
    assert first.startswith(("id:", "retry:", "event:", ":"))
