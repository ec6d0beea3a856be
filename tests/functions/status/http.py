"""Calls the status function as API Gateway would, for the handler tests."""

import json

from local_runner.apigw import HttpAnswer, http_answer, http_event
from local_runner.invoke import LambdaContext
from tests.conftest import ADMIN_TOKEN

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def call(
    method: str,
    path: str,
    *,
    route: str | None = None,
    path_parameters: dict | None = None,
    headers: dict | None = None,
    query: str = "",
    body=None,
) -> HttpAnswer:
    from functions.status.handler import lambda_handler

    raw = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
    # As the admin unless the test says otherwise (headers={} for an anonymous call).
    headers = dict(ADMIN if headers is None else headers)
    if raw:
        headers.setdefault("Content-Type", "application/json")
    event = http_event(
        method,
        path,
        route_key=f"{method} {route or path}",
        path_parameters=path_parameters,
        headers=headers,
        query=query,
        body=raw,
    )
    return http_answer(lambda_handler(event, LambdaContext("StatusFunction", 15)))


def json_of(answer: HttpAnswer):
    assert answer.headers["content-type"].startswith("application/json")
    return json.loads(answer.body)
