"""Oversized bodies are refused with a 413 naming the part, before anything is stored: a batch
over 5 MiB, a gzip bomb, one event over 1 MiB, a heartbeat over 64 KiB, an admin request over
64 KiB. Unsigned, a large body is refused before it is read (401)."""

import gzip
import json

import pytest
import requests

from functions.common.http import MAX_JSON_BODY_BYTES
from functions.ingest.batch import MAX_BODY_BYTES, MAX_LINE_BYTES
from functions.ingest.hosts import MAX_HEARTBEAT_BYTES
from tests.api.routes import admin_routes, concrete_path
from tests.security.stack import error_batch, post_signed, register, snapshot


def _too_large(answer, field: str) -> None:
    assert answer.status_code == 413, answer.text[:300]
    assert answer.json()["field"] == field


@pytest.fixture
def host(secret_stack):
    return register(secret_stack)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("via", "path"),
    [("api_url", "/ingest"), ("api_url", "/api/demo-events"), ("shipper_url", "/ingest")],
)
def test_a_batch_over_the_limit_is_refused_and_nothing_stored(secret_stack, host, via, path):
    host_id, key = host
    before = snapshot(secret_stack)
    batch = error_batch(host_id)
    batch["padding"] = " " * MAX_BODY_BYTES
    raw = json.dumps(batch).encode()
    _too_large(post_signed(secret_stack, path, host_id, key, raw, via=via), "body")
    bomb = gzip.compress(json.dumps(batch).encode() + b" " * (50 * MAX_BODY_BYTES))
    answer = post_signed(
        secret_stack, path, host_id, key, bomb, headers={"Content-Encoding": "gzip"}, via=via
    )
    _too_large(answer, "body")
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_an_event_over_the_limit_refuses_its_whole_batch(secret_stack, host):
    host_id, key = host
    before = snapshot(secret_stack)
    batch = error_batch(host_id)
    batch["events"].append({**batch["events"][0], "offset": 10, "line": "E" * (MAX_LINE_BYTES + 1)})
    answer = post_signed(secret_stack, "/ingest", host_id, key, json.dumps(batch).encode())
    _too_large(answer, "events[1].line")
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_a_heartbeat_over_the_limit_is_refused(secret_stack, host):
    host_id, key = host
    before = snapshot(secret_stack)
    body = {"host": host_id, "files": [], "stats": {"padding": "x" * MAX_HEARTBEAT_BYTES}}
    answer = post_signed(
        secret_stack, "/api/watcher/heartbeat", host_id, key, json.dumps(body).encode()
    )
    _too_large(answer, "body")
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_an_unsigned_large_body_is_refused_before_it_is_read(secret_stack):
    before = snapshot(secret_stack)
    answer = requests.post(
        f"{secret_stack.api_url}/ingest", data=b" " * (2 * MAX_BODY_BYTES), timeout=30
    )
    assert answer.status_code == 401
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_every_admin_change_refuses_a_body_over_the_limit(secret_stack):
    body = json.dumps({"padding": "x" * MAX_JSON_BODY_BYTES}).encode()
    before = snapshot(secret_stack)
    changes = [(method, path) for method, path in admin_routes() if method != "GET"]
    assert changes
    for method, path in changes:
        answer = requests.request(
            method,
            f"{secret_stack.api_url}{concrete_path(path)}",
            data=body,
            headers={**secret_stack.admin, "Content-Type": "application/json"},
            timeout=30,
        )
        assert answer.status_code == 413, (method, path, answer.text[:300])
    login = requests.post(f"{secret_stack.api_url}/api/session", data=body, timeout=30)
    assert login.status_code == 413
    assert snapshot(secret_stack) == before
