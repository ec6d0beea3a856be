"""Failures reported to StackLens over the signed webhook, without ever slowing the POS."""

import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from demo_pos.webhook import WebhookConfig, WebhookReporter, batch_body, demo_event
from shipper.signing import verify

HOST_KEY = "host-key-for-tests-0123456789abcdef"


class Receiver:
    """A tiny StackLens stand-in: records each POST and answers from a script of statuses."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.statuses = list(statuses or [])
        self.release = threading.Event()
        self.release.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.release.wait(10)
                receiver.requests.append((self.path, dict(self.headers), body))
                status = receiver.statuses.pop(0) if receiver.statuses else 202
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"accepted": 1, "duplicates": 0}')

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def events(self) -> list[dict]:
        return [event for _, _, body in self.requests for event in json.loads(body)["events"]]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    started = Receiver()
    thread = threading.Thread(target=started.server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield started
    started.release.set()
    started.server.shutdown()
    started.server.server_close()


def wait_until(check, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return value


def config(url: str) -> WebhookConfig:
    return WebhookConfig(url=url, host_id="pos-host-7", key=HOST_KEY)


@pytest.mark.unit
def test_an_event_is_named_by_its_failure_time():
    event = demo_event("2026-11-26 12:00:00,123 ERROR [pos.payment] x", 1_795_000_000_123_456_789)
    assert event == {
        "source": "webhook:demo-pos",
        "file_id": "webhook:demo-pos",
        "offset": 1_795_000_000_123_456_789,
        "line": "2026-11-26 12:00:00,123 ERROR [pos.payment] x",
        "observed_at": "2026-11-18T11:06:40.123Z",
    }
    assert datetime.fromisoformat(event["observed_at"]).utcoffset().total_seconds() == 0


@pytest.mark.unit
def test_the_batch_body_is_the_ingest_shape():
    body = json.loads(batch_body("b-1", "pos-host-7", "S001", [{"offset": 1}]))
    assert body == {
        "batch_id": "b-1",
        "host": "pos-host-7",
        "store": "S001",
        "events": [{"offset": 1}],
    }


@pytest.mark.unit
def test_the_key_file_holds_the_key_on_one_line(tmp_path):
    key_file = tmp_path / "host.key"
    key_file.write_text(HOST_KEY + "\n")
    loaded = WebhookConfig.from_key_file("http://stacklens:3000/", "h1", key_file)
    assert loaded.key == HOST_KEY
    assert loaded.endpoint == "http://stacklens:3000/api/demo-events"
    key_file.write_text("\n")
    with pytest.raises(ValueError):
        WebhookConfig.from_key_file("http://stacklens:3000", "h1", key_file)


@pytest.mark.integration
def test_failures_are_posted_signed_with_the_logged_text(start_pos, receiver):
    pos = start_pos(store_id="S007", webhook=config(receiver.url))
    assert pos.post("/orders", {"items": [{"productId": 2}]}).status_code == 201
    assert pos.post("/simulate/missing-price").status_code == 422
    assert pos.post("/simulate/crash").status_code == 500
    assert wait_until(lambda: len(receiver.events()) >= 2), receiver.requests

    for path, headers, body in receiver.requests:
        assert path == "/api/demo-events"
        assert headers["X-StackLens-Host"] == "pos-host-7"
        assert headers["Content-Type"] == "application/json"
        assert verify(
            HOST_KEY, headers["X-StackLens-Timestamp"], body, headers["X-StackLens-Signature"]
        )
        assert not verify("another-key", headers["X-StackLens-Timestamp"], body,
                          headers["X-StackLens-Signature"])  # fmt: skip
        batch = json.loads(body)
        assert batch["host"] == "pos-host-7" and batch["store"] == "S007"
        assert re.fullmatch(r"[0-9a-f-]{36}", batch["batch_id"])

    events = receiver.events()
    assert len(events) == 2, "only failures are reported, not the good order"
    log_text = pos.log_path.read_text()
    missing, crash = events
    assert (
        " CRITICAL [pos.pricing] Pricing error | Missing price for product 999 " in missing["line"]
    )
    assert missing["line"] + "\n" in log_text
    assert crash["line"].splitlines()[1] == "Traceback (most recent call last):"
    assert crash["line"] + "\n" in log_text
    for event in events:
        assert event["source"] == event["file_id"] == "webhook:demo-pos"
        assert isinstance(event["offset"], int)
        assert abs(event["offset"] / 1e9 - time.time()) < 60
        assert event["observed_at"].endswith("Z")
    assert missing["offset"] < crash["offset"]


@pytest.mark.integration
def test_a_failed_send_is_retried_with_the_same_batch(receiver):
    receiver.statuses = [503, 500]
    reporter = WebhookReporter(config(receiver.url), "S001", retry_delay_seconds=0.01)
    reporter.report("2026-11-26 12:00:00,123 ERROR [pos.payment] Payment gateway timeout | x")
    assert reporter.flush(5)
    reporter.close()
    assert len(receiver.requests) == 3
    bodies = {body for _, _, body in receiver.requests}
    assert len(bodies) == 1, "a retry resends the same batch id and offsets"
    for _, headers, body in receiver.requests:
        assert verify(
            HOST_KEY, headers["X-StackLens-Timestamp"], body, headers["X-StackLens-Signature"]
        )
    assert (reporter.delivered, reporter.undelivered) == (1, 0)


@pytest.mark.integration
def test_an_undeliverable_batch_is_logged_not_raised(receiver, caplog):
    receiver.statuses = [503] * 3
    reporter = WebhookReporter(config(receiver.url), "S001", attempts=3, retry_delay_seconds=0.01)
    with caplog.at_level(logging.WARNING, logger="demo_pos.webhook"):
        reporter.report("a failure")
        assert reporter.flush(5)
    reporter.close()
    assert len(receiver.requests) == 3
    assert (reporter.delivered, reporter.undelivered) == (0, 1)
    assert "Could not report 1 POS failure(s)" in caplog.text and "HTTP 503" in caplog.text


@pytest.mark.integration
def test_a_rejected_batch_is_not_resent(receiver):
    receiver.statuses = [401]
    reporter = WebhookReporter(config(receiver.url), "S001", retry_delay_seconds=0.01)
    reporter.report("a failure")
    assert reporter.flush(5)
    reporter.close()
    assert len(receiver.requests) == 1 and reporter.undelivered == 1


@pytest.mark.integration
def test_a_stuck_stacklens_never_blocks_the_pos(receiver):
    receiver.release.clear()  # StackLens holds every request
    reporter = WebhookReporter(config(receiver.url), "S001", queue_size=2)
    started = time.monotonic()
    accepted = [reporter.report(f"failure {n}") for n in range(20)]
    assert time.monotonic() - started < 0.5
    assert accepted.count(False) == reporter.dropped >= 1
    receiver.release.set()
    assert reporter.flush(5)
    reporter.close()
    assert reporter.delivered == accepted.count(True)
    assert len(receiver.events()) == accepted.count(True)


@pytest.mark.integration
def test_offsets_are_unique_even_within_one_clock_tick(receiver):
    reporter = WebhookReporter(config(receiver.url), "S001")
    for n in range(200):
        reporter.report(f"failure {n}")
    assert reporter.flush(5)
    reporter.close()
    offsets = [event["offset"] for event in receiver.events()]
    assert len(offsets) == 200 and len(set(offsets)) == 200
    assert offsets == sorted(offsets)
