"""Calls the ingest function as API Gateway or its function URL does, with signed bodies like
the shipper's."""

import gzip
import json
import uuid

from functions.ingest import handler
from local_runner.apigw import HttpAnswer, http_answer, http_event
from shipper.signing import signed_headers
from tests.conftest import ADMIN_TOKEN

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def call(
    path: str, body: bytes = b"", headers: dict | None = None, route_key: str | None = None
) -> HttpAnswer:
    """POST to the function; `route_key` FUNCTION_URL_ROUTE_KEY comes through the shippers'
    URL."""
    event = http_event("POST", path, route_key=route_key, headers=headers, body=body)
    return http_answer(handler.lambda_handler(event, None))


def json_of(answer: HttpAnswer):
    return json.loads(answer.body)


def register(host_id: str = "pos-1", store: str | None = "S001") -> str:
    """Register a host through the admin route; its signing key."""
    body = {"host_id": host_id} if store is None else {"host_id": host_id, "store": store}
    answer = call(
        "/api/hosts", json.dumps(body).encode(), {**ADMIN, "Content-Type": "application/json"}
    )
    assert answer.status == 201, answer.body
    return json_of(answer)["key"]


def event(line: str, offset: int, file_id: str = "inode-1", source: str = "/var/log/pos/app.log"):
    return {
        "source": source,
        "file_id": file_id,
        "offset": offset,
        "line": line,
        "observed_at": f"2026-11-26T12:00:{offset % 60:02d}.000Z",
    }


def batch(events: list[dict], host: str = "pos-1", store: str | None = "S001") -> dict:
    return {"batch_id": str(uuid.uuid4()), "host": host, "store": store, "events": events}


def post_signed(
    path: str,
    key: str,
    body: dict | bytes,
    host: str = "pos-1",
    compress: bool = False,
    now: float | None = None,
    extra_headers: dict | None = None,
    route_key: str | None = None,
) -> HttpAnswer:
    """POST `body` signed with `key` (the signature covers the bytes as sent)."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if compress:
        raw = gzip.compress(raw)
        headers["Content-Encoding"] = "gzip"
    headers.update(signed_headers(host, key, raw, now=now))
    headers.update(extra_headers or {})
    return call(path, raw, headers, route_key)
