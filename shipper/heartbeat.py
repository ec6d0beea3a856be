"""The heartbeat: tells ingest what this shipper is doing, and learns whether to ship.

Every 30 s a signed `POST {endpoint}/api/watcher/heartbeat` carries the host, the store, each file's
acknowledged offset and size, and the counters; a 200 answer's `desired_state` ("running" or
"paused") flips the shipping switch. A failed heartbeat changes nothing. When the files shipped
change (the first ones found after start, a rotation), the next beat comes at once, at most one
a second: the status page lists a new shipper's files without waiting half a minute.
"""

import json
import logging
import threading
from collections.abc import Callable

from shipper.stats import ShipperStats
from shipper.switch import ShippingSwitch
from shipper.transport import TransportError, post_signed
from shipper.worker import Worker

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL_SECONDS = 30.0
HEARTBEAT_TIMEOUT_SECONDS = 5.0
EARLY_BEATS_APART_SECONDS = 1.0
DESIRED_STATES = {"running": True, "paused": False}


class Heartbeat(Worker):
    """A thread that beats every `interval` seconds once started."""

    def __init__(
        self,
        *,
        endpoint: str,
        host_id: str,
        store_id: str,
        key: str,
        files: Callable[[], list[dict]],
        stats: ShipperStats,
        switch: ShippingSwitch,
        interval: float = HEARTBEAT_INTERVAL_SECONDS,
        timeout: float = HEARTBEAT_TIMEOUT_SECONDS,
    ):
        self.url = f"{endpoint}/api/watcher/heartbeat"
        self.host_id = host_id
        self.store_id = store_id
        self.key = key
        self.files = files
        self.stats = stats
        self.switch = switch
        self.interval = interval
        self.timeout = timeout
        self._early = threading.Event()
        super().__init__("stacklens-heartbeat")

    def files_changed(self) -> None:
        """Beat now rather than at the end of the interval."""
        self._early.set()

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        self._early.set()  # wakes the wait at once
        super().stop(timeout)

    def _run(self) -> None:
        # The first beat is the caller's (`beat()`), so shipping can wait for its answer.
        while True:
            early = self._early.wait(self.interval)
            if self._stopping.is_set():
                return
            self._early.clear()
            self.beat()
            if early and self._stopping.wait(EARLY_BEATS_APART_SECONDS):
                return

    def beat(self) -> bool:
        """Send one heartbeat and obey its answer; True when ingest answered 200."""
        stats = self.stats.snapshot()
        stats["paused"] = not self.switch.running
        body = {"host": self.host_id, "store": self.store_id, "files": self.files(), "stats": stats}
        try:
            reply = post_signed(
                self.url,
                json.dumps(body).encode(),
                host_id=self.host_id,
                key=self.key,
                timeout=self.timeout,
            )
        except TransportError as error:
            log.warning("heartbeat failed: %s", error)
            return False
        if reply.status != 200:
            log.warning("heartbeat answered %d: %s", reply.status, reply.body[:200])
            return False
        self._obey(reply.body)
        return True

    def _obey(self, answer: bytes) -> None:
        try:
            desired = json.loads(answer).get("desired_state")
        except (ValueError, AttributeError):
            log.warning("heartbeat answer is not a JSON object: %s", answer[:200])
            return
        if desired not in DESIRED_STATES:
            return
        running = DESIRED_STATES[desired]
        if running != self.switch.running:
            log.info("ingest asks this shipper to be %s", desired)
        self.switch.set_running(running)
