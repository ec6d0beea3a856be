"""Small helpers for the shipper's tests."""

import time
from pathlib import Path


def append(path: Path, text: str) -> None:
    """Write like a logging handler does: the whole record in one write, flushed."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def wait_until(condition, timeout: float = 5.0, message: str = "condition"):
    """Poll `condition()` until it is truthy; returns its value."""
    deadline = time.monotonic() + timeout
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        time.sleep(0.01)
    return value
