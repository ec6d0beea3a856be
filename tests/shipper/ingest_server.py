"""A small real ingest for the shipper's tests: an HTTP server on a free port that checks
signatures like the real one, records every delivery, and answers as a test tells it to."""

import gzip
import json
import random
import socket
import threading
import time
import uuid
from collections import deque
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from shipper.signing import verify

EVENT_FIELDS = {"source": str, "file_id": str, "offset": int, "line": str, "observed_at": str}


class FakeIngest:
    def __init__(self, key: str = "test-host-key", host_id: str = "pos-7", store_id: str = "s-42"):
        self.key = key
        self.host_id = host_id
        self.store_id = store_id
        self.desired_state = "running"
        self.max_events_per_batch: int | None = None  # more than this answers 413
        self.reject_lines_containing: str | None = None  # such a line answers 400
        self.requests: list[dict] = []  # every request: path, status answered, events, gzip
        self.deliveries: list[dict] = []  # every event of every accepted batch, duplicates too
        self.stored: dict[tuple, dict] = {}  # (host, file_id, offset) -> event, as ingest keeps
        self.heartbeats: list[dict] = []
        # An outage of /ingest: None, "error" (503), "stall" (hold, then hang up) or "drop"
        # (hang up at once, no answer).
        self.outage: str | None = None
        self.stall_seconds = 0.5
        self.flakiness = 0.0  # the share of /ingest requests answered 503 or hung up on
        self._scripted: deque[tuple[int, dict]] = deque()
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "FakeIngest":
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer_next(self, status: int, times: int = 1, headers: dict | None = None) -> None:
        """Answer the next `times` ingest requests with `status` instead of taking them."""
        with self._changed:
            self._scripted.extend([(status, headers or {})] * times)

    def recover(self) -> None:
        """Forget the answers still scripted: take every batch from now on."""
        with self._changed:
            self._scripted.clear()

    def lines(self) -> list[str]:
        """The stored event texts, in the order they arrived."""
        with self._changed:
            return [event["line"] for event in self.stored.values()]

    def wait_for(self, condition, timeout: float = 5.0):
        """Wait until `condition()` is truthy (checked on every request); returns its value."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (value := condition()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out; stored lines: {self.lines_unlocked()}")
                self._changed.wait(min(remaining, 0.05))
            return value

    def wait_for_lines(self, count: int, timeout: float = 5.0) -> list[str]:
        self.wait_for(lambda: len(self.stored) >= count, timeout)
        return self.lines()

    def lines_unlocked(self) -> list[str]:
        return [event["line"] for event in self.stored.values()]

    # -- the server side ----------------------------------------------------------------------

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outage = fake.outage if self.path == "/ingest" else None
                if outage is None and self.path == "/ingest" and random.random() < fake.flakiness:
                    outage = random.choice(["error", "drop"])
                if outage in ("stall", "drop"):
                    if outage == "stall":
                        time.sleep(fake.stall_seconds)
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if outage == "error":
                    status, body, headers = 503, {"error": "down"}, {"Retry-After": "0.05"}
                else:
                    status, body, headers = fake._handle(self.path, self.headers, raw)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def _handle(self, path: str, headers, raw: bytes) -> tuple[int, dict, dict]:
        signed = verify(
            self.key,
            headers.get("X-StackLens-Timestamp", ""),
            raw,
            headers.get("X-StackLens-Signature", ""),
        )
        if not signed or headers.get("X-StackLens-Host") != self.host_id:
            return self._record(path, 401, {"error": "bad or missing signature"}, [], raw, headers)
        body = gzip.decompress(raw) if headers.get("Content-Encoding") == "gzip" else raw
        document = json.loads(body)
        if path == "/api/watcher/heartbeat":
            with self._changed:
                self.heartbeats.append(document)
                self._changed.notify_all()
            return 200, {"desired_state": self.desired_state}, {}
        if path != "/ingest":
            return 404, {"error": "no such route"}, {}
        events = document.get("events", [])
        problem = _problem_with(document)
        if problem:
            return self._record(path, 400, {"error": problem}, events, raw, headers)
        with self._changed:
            scripted = self._scripted.popleft() if self._scripted else None
        if scripted:
            return self._record(
                path, scripted[0], {"error": "told to"}, events, raw, headers, scripted[1]
            )
        if self.max_events_per_batch and len(events) > self.max_events_per_batch:
            return self._record(path, 413, {"error": "batch too large"}, events, raw, headers)
        marker = self.reject_lines_containing
        if marker and any(marker in event["line"] for event in events):
            return self._record(
                path, 400, {"error": "bad line", "field": "events"}, events, raw, headers
            )
        accepted = duplicates = 0
        with self._changed:
            for event in events:
                key = (document["host"], event["file_id"], event["offset"])
                self.deliveries.append(event)
                if key in self.stored:
                    duplicates += 1
                else:
                    self.stored[key] = event
                    accepted += 1
        answer = {"accepted": accepted, "duplicates": duplicates}
        return self._record(path, 202, answer, events, raw, headers)

    def _record(self, path, status, body, events, raw, headers, extra_headers=None):
        with self._changed:
            self.requests.append(
                {
                    "path": path,
                    "status": status,
                    "events": events,
                    "bytes": len(raw),
                    "gzip": headers.get("Content-Encoding") == "gzip",
                    "at": time.monotonic(),
                }
            )
            self._changed.notify_all()
        return status, body, extra_headers or {}


def _problem_with(document: dict) -> str | None:
    for name in ("batch_id", "host", "store"):
        if not isinstance(document.get(name), str) or not document[name]:
            return f"{name} missing"
    try:
        if uuid.UUID(document["batch_id"]).version != 4:
            return "batch_id is not a uuid4"
    except ValueError:
        return "batch_id is not a uuid4"
    if not isinstance(document.get("events"), list):
        return "events missing"
    for event in document["events"]:
        for name, kind in EVENT_FIELDS.items():
            if not isinstance(event.get(name), kind):
                return f"events[].{name} missing or not {kind.__name__}"
        try:
            datetime.fromisoformat(event["observed_at"])
        except ValueError:
            return "events[].observed_at is not RFC 3339"
    return None
