"""Calls the feedback function as API Gateway would, for its handler tests."""

import json

from local_runner.apigw import HttpAnswer, http_answer, http_event
from local_runner.invoke import LambdaContext


def call(method: str, path: str, *, headers: dict | None = None, body=None) -> HttpAnswer:
    from functions.feedback.handler import lambda_handler

    raw = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
    headers = dict(headers or {})
    if raw:
        headers.setdefault("Content-Type", "application/json")
    event = http_event(method, path, route_key=f"{method} {path}", headers=headers, body=raw)
    return http_answer(lambda_handler(event, LambdaContext("FeedbackFunction", 15)))
