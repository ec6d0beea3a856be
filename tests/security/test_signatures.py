"""Signed ingest: a stale or replayed signature, a signature moved to another body, an unknown
host and a retired key are all refused, and nothing is stored; key rotation keeps two keys
valid for its grace period only."""

import json
import time

import pytest
import requests

from functions.ingest.hosts import Host, authenticate
from functions.ingest.validation import Rejected
from shipper.config import build_parser, config_from_args
from shipper.signing import MAX_CLOCK_SKEW_SECONDS, sign, signed_headers
from tests.security.stack import error_batch, post_signed, register, rotate, snapshot

INGEST_ROUTES = ("/ingest", "/api/demo-events", "/api/watcher/heartbeat")
# Every signed route through both ways in: the API, and the ingest function's URL where the
# shippers post.
ENTRIES = [(via, path) for via in ("api_url", "shipper_url") for path in INGEST_ROUTES]


def _body(path: str, host_id: str) -> bytes:
    if path.endswith("heartbeat"):
        return json.dumps({"host": host_id, "files": [], "stats": {"sent": time.time()}}).encode()
    return json.dumps(error_batch(host_id)).encode()


def _refused(answer, field: str) -> None:
    assert answer.status_code == 401, answer.text
    assert answer.json()["field"] == field


@pytest.mark.e2e
@pytest.mark.parametrize(("via", "path"), ENTRIES)
# 2 s past the window, not 1: the header holds whole seconds (a future time rounds down) and
# the stack reads its clock a moment later, so 301 s ahead could arrive as 300.x s ahead.
@pytest.mark.parametrize("age", [MAX_CLOCK_SKEW_SECONDS + 2, -(MAX_CLOCK_SKEW_SECONDS + 2)])
def test_a_stale_or_future_signature_is_refused_and_nothing_stored(secret_stack, via, path, age):
    # A captured request replayed later looks like this: a right signature of an old timestamp.
    host_id, key = register(secret_stack)
    before = snapshot(secret_stack)
    answer = post_signed(
        secret_stack, path, host_id, key, _body(path, host_id), now=time.time() - age, via=via
    )
    _refused(answer, "X-StackLens-Timestamp")
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
@pytest.mark.parametrize(("via", "path"), ENTRIES)
def test_a_signature_replayed_on_another_body_or_timestamp_is_refused(secret_stack, via, path):
    host_id, key = register(secret_stack)
    signed = signed_headers(host_id, key, _body(path, host_id))
    before = snapshot(secret_stack)
    other_body = _body(path, host_id)
    _refused(
        post_signed(secret_stack, path, host_id, key, other_body, headers=signed, via=via),
        "X-StackLens-Signature",
    )
    moved = {**signed, "X-StackLens-Timestamp": str(int(signed["X-StackLens-Timestamp"]) - 1)}
    _refused(
        post_signed(secret_stack, path, host_id, key, other_body, headers=moved, via=via),
        "X-StackLens-Signature",
    )
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_a_request_replayed_within_the_window_is_stored_once(secret_stack):
    host_id, key = register(secret_stack)
    raw = json.dumps(error_batch(host_id)).encode()
    headers = signed_headers(host_id, key, raw)
    first = post_signed(secret_stack, "/ingest", host_id, key, raw, headers=headers)
    assert first.json() == {"accepted": 1, "duplicates": 0}
    before = snapshot(secret_stack)
    replayed = post_signed(secret_stack, "/ingest", host_id, key, raw, headers=headers)
    assert replayed.status_code == 202
    assert replayed.json() == {"accepted": 0, "duplicates": 1}
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("via", "path", "host_id"),
    [(via, path, "never-registered") for via, path in ENTRIES]
    + [("api_url", "/ingest", host_id) for host_id in ("../../etc", "x" * 65, "")],
)
def test_an_unknown_host_is_refused_and_nothing_stored(secret_stack, via, path, host_id):
    before = snapshot(secret_stack)
    raw = _body(path, host_id or "h")
    headers = {"X-StackLens-Host": host_id} if host_id else {}
    answer = post_signed(
        secret_stack, path, host_id or "h", "some-key", raw, headers=headers, via=via
    )
    _refused(answer, "X-StackLens-Host")
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_a_missing_signature_is_refused(secret_stack):
    host_id, key = register(secret_stack)
    before = snapshot(secret_stack)
    for header in ("X-StackLens-Host", "X-StackLens-Timestamp", "X-StackLens-Signature"):
        raw = _body("/ingest", host_id)
        signed = {**signed_headers(host_id, key, raw), header: ""}
        _refused(post_signed(secret_stack, "/ingest", host_id, key, raw, headers=signed), header)
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_after_a_rotation_both_keys_sign_until_the_grace_period_ends(secret_stack):
    host_id, old_key = register(secret_stack)
    new_key = rotate(secret_stack, host_id, grace_seconds=2)
    assert new_key != old_key
    for key in (old_key, new_key):
        answer = post_signed(secret_stack, "/ingest", host_id, key, _body("/ingest", host_id))
        assert answer.status_code == 202, answer.text
    time.sleep(2.5)
    before = snapshot(secret_stack)
    answer = post_signed(secret_stack, "/ingest", host_id, old_key, _body("/ingest", host_id))
    _refused(answer, "X-StackLens-Signature")
    assert "retired" in answer.json()["error"]
    assert snapshot(secret_stack) == before
    answer = post_signed(secret_stack, "/ingest", host_id, new_key, _body("/ingest", host_id))
    assert answer.status_code == 202, answer.text


@pytest.mark.e2e
def test_a_leaked_key_is_retired_at_once_and_the_shippers_key_file_takes_the_new_one(
    secret_stack, tmp_path
):
    host_id, leaked = register(secret_stack)
    new_key = rotate(secret_stack, host_id, grace_seconds=0)
    before = snapshot(secret_stack)
    for via, path in ENTRIES:
        _refused(
            post_signed(secret_stack, path, host_id, leaked, _body(path, host_id), via=via),
            "X-StackLens-Signature",
        )
    assert snapshot(secret_stack) == before
    # The operator's step: the new key into the shipper's key file, named by its config file.
    key_file = tmp_path / "host.key"
    key_file.write_text(new_key + "\n")
    config_file = tmp_path / "shipper.toml"
    config_file.write_text(
        f'watch = ["{tmp_path}/*.log"]\nendpoint = "{secret_stack.api_url}"\n'
        f'host_id = "{host_id}"\nstore_id = "S-SEC"\nkey_file = "{key_file}"\n'
        f'state_dir = "{tmp_path / "state"}"\n'
    )
    parser = build_parser()
    config = config_from_args(parser.parse_args(["--config", str(config_file)]), parser)
    for path in INGEST_ROUTES:
        answer = post_signed(secret_stack, path, host_id, config.key, _body(path, host_id))
        assert answer.status_code in (200, 202), answer.text


@pytest.mark.e2e
@pytest.mark.parametrize(
    "body",
    [
        {"grace_seconds": -1},
        {"grace_seconds": 604801},
        {"grace_seconds": "1"},
        {"grace_seconds": True},
        [],
        "x",
    ],
)
def test_a_rotation_with_a_bad_grace_period_changes_nothing(secret_stack, body):
    host_id, key = register(secret_stack)
    before = snapshot(secret_stack)
    answer = requests.post(
        f"{secret_stack.api_url}/api/hosts/{host_id}/rotate",
        json=body,
        headers=secret_stack.admin,
        timeout=10,
    )
    assert answer.status_code == 400, answer.text
    assert snapshot(secret_stack) == before


@pytest.mark.e2e
def test_rotating_an_unknown_host_is_a_404(secret_stack):
    before = snapshot(secret_stack)
    answer = requests.post(
        f"{secret_stack.api_url}/api/hosts/no-such-host/rotate",
        headers=secret_stack.admin,
        timeout=10,
    )
    assert answer.status_code == 404
    assert snapshot(secret_stack) == before


# The same rules on the domain function, with the clock in the test's hands.

HOST = Host("pos-1", key="new-key", previous_key="old-key", previous_key_until=1_000_000.0)


def _signed_by(key: str, now: float, body: bytes = b"{}") -> dict:
    timestamp = str(int(now))
    return {
        "X-StackLens-Host": "pos-1",
        "X-StackLens-Timestamp": timestamp,
        "X-StackLens-Signature": sign(key, timestamp, body),
    }


@pytest.mark.unit
@pytest.mark.parametrize("key", ["new-key", "old-key"])
def test_both_keys_sign_within_the_grace_period(key):
    now = 999_999.0
    assert authenticate(_signed_by(key, now), b"{}", lambda _: HOST, now=now) == HOST


@pytest.mark.unit
def test_the_replaced_key_is_retired_when_the_grace_period_ends():
    now = 1_000_000.0
    assert authenticate(_signed_by("new-key", now), b"{}", lambda _: HOST, now=now) == HOST
    with pytest.raises(Rejected) as refused:
        authenticate(_signed_by("old-key", now), b"{}", lambda _: HOST, now=now)
    assert (refused.value.status, refused.value.field) == (401, "X-StackLens-Signature")
    assert "retired" in refused.value.message


@pytest.mark.unit
def test_a_key_never_given_is_refused_in_and_after_the_grace_period():
    for now in (999_999.0, 1_000_001.0):
        with pytest.raises(Rejected) as refused:
            authenticate(_signed_by("guessed", now), b"{}", lambda _: HOST, now=now)
        assert refused.value.message == "signature does not match the body"


@pytest.mark.unit
@pytest.mark.parametrize(
    ("clock_ahead", "fresh"),
    [
        (MAX_CLOCK_SKEW_SECONDS, True),
        (MAX_CLOCK_SKEW_SECONDS + 1, False),
        (-MAX_CLOCK_SKEW_SECONDS, True),
        (-(MAX_CLOCK_SKEW_SECONDS + 1), False),
    ],
)
def test_the_replay_window_ends_exactly_at_its_edge(clock_ahead, fresh):
    signed_at = 999_000.0
    headers = _signed_by("new-key", signed_at)
    now = signed_at + clock_ahead
    if fresh:
        assert authenticate(headers, b"{}", lambda _: HOST, now=now) == HOST
    else:
        with pytest.raises(Rejected) as refused:
            authenticate(headers, b"{}", lambda _: HOST, now=now)
        assert (refused.value.status, refused.value.field) == (401, "X-StackLens-Timestamp")
