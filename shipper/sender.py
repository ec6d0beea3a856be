"""Batches events and delivers them to ingest, one batch at a time, until ingest takes them.

One batch is in flight at a time, up to 500 events and 1 MiB of JSON: what is read during a
delivery waits for it and goes in the next batch, so batches grow with the load. A batch leaves
as soon as it holds an event that looks like an error (shipper/urgency.py), else when the
linger (a second) after its first event is over: errors are never held back, and ordinary lines
travel in batches of dozens rather than one request each. It is gzipped above
1 KiB and signed. Network errors, 429, 5xx and anything unexpected are retried
for ever (backoff with full jitter, or Retry-After); 413 splits the batch; 400 sets it aside
in a dead-letter file. Only then does the spool acknowledge the batch, so the loop can move
the checkpoints.
"""

import gzip
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from shipper.event import rfc3339_now
from shipper.retry import BACKOFF_BASE_SECONDS, BACKOFF_CAP_SECONDS, next_delay
from shipper.spool import Spool, SpooledEvent
from shipper.stats import ShipperStats
from shipper.switch import ShippingSwitch
from shipper.transport import TransportError, post_signed
from shipper.urgency import looks_like_error
from shipper.worker import Worker

log = logging.getLogger(__name__)

MAX_BATCH_EVENTS = 500
MAX_BATCH_BYTES = 1 << 20
# How long a batch of lines that do not look like errors waits for more once nothing is in
# flight. A batch with an error in it leaves at once (a new error must not wait for company).
# At 50 lines/s a second makes batches of about 40 lines (errors cut some short) instead of one
# line each: a fortieth of the requests, and of the per-request prices (BENCHMARKS.md, cost).
LINGER_SECONDS = 1.0
GZIP_ABOVE_BYTES = 1024
REQUEST_TIMEOUT_SECONDS = 10.0
# Answers that say the batch itself is wrong: sending it again cannot help.
REJECTED_STATUSES = (400, 422)


@dataclass(frozen=True)
class SenderSettings:
    endpoint: str  # the API base URL; batches go to {endpoint}/ingest
    host_id: str
    store_id: str
    key: str
    dead_letter_path: Path
    max_events: int = MAX_BATCH_EVENTS
    max_bytes: int = MAX_BATCH_BYTES
    linger: float = LINGER_SECONDS
    backoff_base: float = BACKOFF_BASE_SECONDS
    backoff_cap: float = BACKOFF_CAP_SECONDS
    timeout: float = REQUEST_TIMEOUT_SECONDS


class Sender(Worker):
    """A thread that turns spooled events into delivered batches, in spool order. Stopping
    abandons the current attempt: undelivered events stay in the spool for the next run."""

    def __init__(
        self,
        settings: SenderSettings,
        spool: Spool,
        switch: ShippingSwitch | None = None,
        stats: ShipperStats | None = None,
    ):
        self.settings = settings
        self.spool = spool
        self.switch = switch or ShippingSwitch()
        self.stats = stats or ShipperStats()
        # False from a failed attempt until the next success: the loop reads on into the spool.
        self.healthy = True
        super().__init__("stacklens-sender")
        self._room_for_events = settings.max_bytes - len(self._body(str(uuid.uuid4()), []))

    def _run(self) -> None:
        while not self._stopping.is_set():
            batch = self._next_batch()
            if batch and self._deliver(batch):
                self.spool.delivered(batch)

    def _next_batch(self) -> list[SpooledEvent]:
        """Events taken from the spool until the batch is full, holds an error or its linger is
        over. Nothing is in flight here (one delivery at a time): with no linger, or with an
        error among them, what the spool holds now leaves at once."""
        batch: list[SpooledEvent] = []
        size = 0
        deadline = None
        while not self._stopping.is_set():
            taken, full = self.spool.take(
                self.settings.max_events - len(batch),
                self._room_for_events - size,
                new_batch=not batch,
            )
            batch += taken
            size += sum(len(event.wire) + 2 for event in taken)
            if full or len(batch) >= self.settings.max_events:
                return batch
            if (
                taken
                and self.settings.linger > 0
                and any(looks_like_error(event.wire) for event in taken)
            ):
                return batch
            now = time.monotonic()
            if batch and deadline is None:
                # read_at of an event spooled by an earlier run means nothing here: clamp it.
                deadline = min(batch[0].read_at, now) + self.settings.linger
            if deadline is not None and now >= deadline:
                return batch
            wait = 0.2 if deadline is None else deadline - now
            if not taken:
                self.spool.wait_for_events(wait)
        return []

    def _body(self, batch_id: str, batch: list[SpooledEvent]) -> bytes:
        settings = self.settings
        head = {"batch_id": batch_id, "host": settings.host_id, "store": settings.store_id}
        opening = json.dumps(head, ensure_ascii=False)[:-1].encode() + b', "events": ['
        return opening + b", ".join(event.wire for event in batch) + b"]}"

    def _deliver(self, batch: list[SpooledEvent]) -> bool:
        """Deliver or set aside `batch`; False only when stopping first."""
        batch_id = str(uuid.uuid4())
        body = self._body(batch_id, batch)
        payload, headers = body, {}
        if len(body) > GZIP_ABOVE_BYTES:
            payload, headers = gzip.compress(body, mtime=0), {"Content-Encoding": "gzip"}
        attempt = 0
        while self.switch.wait_until_running(self._stopping):
            if not self.spool.still_holds_batch():
                return True  # dropped from a full spool meanwhile: counted there
            retry_after = None
            try:
                reply = post_signed(
                    f"{self.settings.endpoint}/ingest",
                    payload,
                    host_id=self.settings.host_id,
                    key=self.settings.key,
                    headers=headers,
                    timeout=self.settings.timeout,
                )
            except TransportError as error:
                problem = f"ingest unreachable: {error}"
            else:
                if 200 <= reply.status < 300:
                    self.healthy = True
                    self._count_delivered(batch, len(payload))
                    return True
                if reply.status == 413 and len(batch) > 1:
                    self.stats.add("batches_split")
                    half = len(batch) // 2
                    return self._deliver(batch[:half]) and self._deliver(batch[half:])
                if reply.status in REJECTED_STATUSES or reply.status == 413:
                    self._dead_letter(batch, body, reply.status, reply.body)
                    return True
                problem = f"ingest answered {reply.status}"
                retry_after = reply.headers.get("Retry-After")
            self.healthy = False
            delay = next_delay(
                attempt, retry_after, self.settings.backoff_base, self.settings.backoff_cap
            )
            attempt += 1
            self.stats.add("retries")
            self.stats.set("last_error", problem)
            log.warning("%s; retry %d in %.2f s", problem, attempt, delay)
            if self._stopping.wait(delay):
                return False
        return False

    def _count_delivered(self, batch: list[SpooledEvent], payload_bytes: int) -> None:
        self.stats.add("batches_sent")
        self.stats.add("events_sent", len(batch))
        self.stats.add("bytes_sent", payload_bytes)
        self.stats.set("last_error", None)
        self.stats.set("last_acknowledged_at", rfc3339_now())

    def _dead_letter(
        self, batch: list[SpooledEvent], body: bytes, status: int, answer: bytes
    ) -> None:
        """Keep a refused batch on disk for a person to look at, then carry on."""
        record = {
            "dead_lettered_at": rfc3339_now(),
            "status": status,
            "answer": answer.decode("utf-8", errors="replace")[:4000],
            "batch": json.loads(body),
        }
        path = self.settings.dead_letter_path
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.stats.add("events_dead_lettered", len(batch))
        log.error(
            "ingest refused batch %s (HTTP %d: %s); %d events set aside in %s",
            record["batch"]["batch_id"],
            status,
            record["answer"][:200],
            len(batch),
            path,
        )
