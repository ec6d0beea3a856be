"""Small helpers for the shipper's tests."""

import os
import sys
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


def shipper_command(ingest, root: Path, watch: str, *extra: str) -> list[str]:
    """`python -m shipper` against `ingest`, its key file and state dir under `root`."""
    key_file = root / "host.key"
    key_file.write_text(ingest.key + "\n")
    return [
        sys.executable,
        "-m",
        "shipper",
        "--watch",
        watch,
        "--endpoint",
        ingest.url,
        "--host-id",
        ingest.host_id,
        "--store-id",
        ingest.store_id,
        "--key-file",
        str(key_file),
        "--state-dir",
        str(root / "state"),
        *extra,
    ]


def open_paths() -> list[str]:
    """The files this process holds open (Linux: from /proc)."""
    names = []
    for descriptor in os.listdir("/proc/self/fd"):
        try:
            names.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        except OSError:
            pass
    return names
