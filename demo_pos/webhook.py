"""Reports each POS failure to StackLens (POST {url}/api/demo-events), signed like ingest.

A background thread sends from a bounded queue, so a slow or absent StackLens never slows a sale:
when the queue is full the failure is dropped (and counted), and a batch that cannot be
delivered after a few attempts is logged here, never raised into the POS.
"""

import json
import logging
import queue
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import requests

from shipper.signing import signed_headers

SOURCE = "webhook:demo-pos"
EVENTS_PATH = "/api/demo-events"

# Problems of the reporter itself go to stderr, not into the POS log it reports on.
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # StackLens base URL, e.g. http://127.0.0.1:3000
    host_id: str
    key: str

    @classmethod
    def from_key_file(cls, url: str, host_id: str, key_file: Path) -> "WebhookConfig":
        """The config with the host key read from `key_file` (one line)."""
        key = key_file.read_text(encoding="utf-8").strip()
        if not key:
            raise ValueError(f"{key_file} holds no host key")
        return cls(url=url, host_id=host_id, key=key)

    @property
    def endpoint(self) -> str:
        return self.url.rstrip("/") + EVENTS_PATH


def demo_event(line: str, offset_ns: int) -> dict[str, object]:
    """One ingest event; `offset_ns` (time.time_ns() at the failure) names it for ever."""
    observed = datetime.fromtimestamp(offset_ns / 1e9, tz=UTC)
    return {
        "source": SOURCE,
        "file_id": SOURCE,
        "offset": offset_ns,
        "line": line,
        "observed_at": observed.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }


def batch_body(batch_id: str, host_id: str, store_id: str, events: list[dict]) -> bytes:
    """The exact bytes posted (and signed) for one batch."""
    batch = {"batch_id": batch_id, "host": host_id, "store": store_id, "events": events}
    return json.dumps(batch, separators=(",", ":")).encode()


class WebhookReporter:
    """Queues failure lines and posts them in signed batches from a background thread."""

    def __init__(
        self,
        config: WebhookConfig,
        store_id: str,
        *,
        queue_size: int = 1000,
        max_batch: int = 50,
        attempts: int = 4,
        retry_delay_seconds: float = 0.5,
        timeout_seconds: float = 5.0,
    ) -> None:
        self.config = config
        self.store_id = store_id
        self.dropped = 0
        self.delivered = 0
        self.undelivered = 0
        self._queue: queue.Queue[dict] = queue.Queue(maxsize=queue_size)
        self._max_batch = max_batch
        self._attempts = attempts
        self._retry_delay = retry_delay_seconds
        self._timeout = timeout_seconds
        self._session = requests.Session()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending = 0
        self._last_offset = 0
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demo-pos-webhook", daemon=True)
        self._thread.start()

    def report(self, line: str) -> bool:
        """Queues `line` for delivery without blocking; False when the queue was full."""
        with self._lock:
            # Unique even for two failures within one clock tick, so none replaces another.
            offset = max(time.time_ns(), self._last_offset + 1)
            self._last_offset = offset
            try:
                self._queue.put_nowait(demo_event(line, offset))
            except queue.Full:
                self.dropped += 1
                return False
            self._pending += 1
            return True

    def flush(self, timeout: float) -> bool:
        """Waits until every queued event was sent or given up on; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Sends what is queued (up to `timeout`), then stops the thread."""
        self.flush(timeout)
        self._closed.set()
        self._thread.join(timeout=1.0)
        self._session.close()

    def _run(self) -> None:
        while not self._closed.is_set():
            try:
                events = [self._queue.get(timeout=0.2)]
            except queue.Empty:
                continue
            while len(events) < self._max_batch:
                try:
                    events.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            delivered = self._deliver(events)
            with self._idle:
                if delivered:
                    self.delivered += len(events)
                else:
                    self.undelivered += len(events)
                self._pending -= len(events)
                self._idle.notify_all()

    def _deliver(self, events: list[dict]) -> bool:
        # One batch id and one body for every attempt: a retry is a harmless duplicate.
        body = batch_body(str(uuid.uuid4()), self.config.host_id, self.store_id, events)
        problem = ""
        for attempt in range(self._attempts):
            if attempt:
                time.sleep(self._retry_delay * 2 ** (attempt - 1))
            headers = signed_headers(self.config.host_id, self.config.key, body)
            headers["Content-Type"] = "application/json"
            try:
                response = self._session.post(
                    self.config.endpoint, data=body, headers=headers, timeout=self._timeout
                )
            except requests.RequestException as error:
                problem = f"{type(error).__name__}: {error}"
                continue
            if response.ok:
                return True
            problem = f"HTTP {response.status_code}: {response.text[:200]}"
            if response.status_code < 500 and response.status_code != 429:
                break  # the request itself is wrong: resending cannot help
        _log.warning(
            "Could not report %d POS failure(s) to %s: %s",
            len(events),
            self.config.endpoint,
            problem,
        )
        return False


class WebhookLogHandler(logging.Handler):
    """Hands every POS log record at WARNING or above to the reporter, formatted as logged."""

    def __init__(self, reporter: WebhookReporter, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.reporter = reporter

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.reporter.report(self.format(record))
        except Exception:
            self.handleError(record)
