"""Counters of what the shipper did, reported in every heartbeat."""

import threading
from collections import Counter


class ShipperStats:
    """Thread-safe counters (the loop, the sender and the heartbeat all touch them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._values: dict[str, object] = {}

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._counts[name] += amount

    def set(self, name: str, value: object) -> None:
        with self._lock:
            self._values[name] = value

    def snapshot(self) -> dict:
        with self._lock:
            return {**self._counts, **self._values}
