"""Chaos with real processes: a busy POS writing several files that rotate both ways, while
the shipper is SIGKILLed and ingest goes down, stalls and flakes. Nothing lost, nothing under
two keys. SHIPPER_CHAOS_LINES sets the size (default 100,000 lines)."""

import os
import random
import shutil
import threading
import time
from collections import defaultdict

import pytest

from tests.shipper.ingest_server import FakeIngest
from tests.shipper.processes import ShipperProcess

pytestmark = pytest.mark.e2e

FILES = ("app.log", "payments.log", "printer.log")
LINES = int(os.environ.get("SHIPPER_CHAOS_LINES", "100000"))
ROTATIONS_PER_FILE = 4  # alternately by rename and by copytruncate: 12 rotations in all


class BusyPos(threading.Thread):
    """Writes `total` unique lines over the files like a logging handler does, rotating each
    file every so often (the writer itself rotates, as logrotate's copytruncate race aside)."""

    def __init__(self, logs, total: int, duration: float):
        super().__init__(daemon=True)
        self.logs = logs
        self.total = total
        self.duration = duration
        self.written: set[str] = set()
        self.rotations = defaultdict(int)
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._write_all()
        except BaseException as error:  # reported by the test
            self.error = error

    def _write_all(self) -> None:
        handles = {name: open(self.logs / name, "a", encoding="utf-8") for name in FILES}
        chunk = 40
        rotate_every = self.total // (len(FILES) * (ROTATIONS_PER_FILE + 1))
        since_rotation = defaultdict(int)
        pause = self.duration / (self.total / chunk)
        rotated = 0
        for start in range(0, self.total, chunk):
            name = FILES[(start // chunk) % len(FILES)]
            lines = [
                f"2024-05-01 10:00:00 INFO {name} sale {n}"
                for n in range(start, min(start + chunk, self.total))
            ]
            handles[name].write("".join(line + "\n" for line in lines))
            handles[name].flush()
            self.written.update(lines)
            since_rotation[name] += len(lines)
            if since_rotation[name] >= rotate_every and self.rotations[name] < ROTATIONS_PER_FILE:
                rotated += 1
                handles[name] = self._rotate(name, handles[name], rotated)
                since_rotation[name] = 0
            time.sleep(pause)
        for handle in handles.values():
            handle.close()

    def _rotate(self, name, handle, number: int):
        self.rotations[name] += 1
        live = self.logs / name
        if self.rotations[name] % 2:
            handle.close()
            os.rename(live, self.logs / f"{name}.{number}")
            return open(live, "a", encoding="utf-8")
        shutil.copyfile(live, self.logs / f"{name}.{number}")
        handle.truncate(0)  # copytruncate; the handle appends from the new end
        return handle


def test_nothing_lost_nothing_twice_through_kills_outages_and_rotations(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    ingest = FakeIngest().start()
    ingest.stall_seconds = 0.3
    shipper = ShipperProcess(
        ingest, tmp_path, str(logs / "*.log*"), "--rescan-interval", "0.5", "--backoff-cap", "0.5"
    )
    duration = max(6.0, LINES / 8000)
    pos = BusyPos(logs, LINES, duration)
    chaos = random.Random(LINES)
    try:
        shipper.start()
        pos.start()
        step = duration / 10
        # Three SIGKILLs, three outages of each kind, then a flaky phase, while the POS writes.
        for outage in ("error", "stall", "drop"):
            time.sleep(step * chaos.uniform(0.5, 1.0))
            shipper.kill()
            time.sleep(step * 0.2)
            shipper.start()
            ingest.outage = outage
            time.sleep(step * chaos.uniform(0.5, 1.0))
            ingest.outage = None
        ingest.flakiness = 0.3
        pos.join(timeout=duration * 3 + 30)
        assert not pos.is_alive() and pos.error is None, pos.error
        ingest.flakiness = 0.0

        assert len(pos.written) == LINES
        assert sum(pos.rotations.values()) >= 6
        ingest.wait_for(lambda: pos.written <= set(ingest.lines_unlocked()), timeout=60)
        time.sleep(0.5)
        with ingest._changed:
            deliveries = list(ingest.deliveries)
        received = {event["line"] for event in deliveries}
        assert received == pos.written
        keys_of = defaultdict(set)
        for event in deliveries:
            keys_of[event["line"]].add((event["file_id"], event["offset"]))
        twice = [line for line, keys in keys_of.items() if len(keys) > 1]
        assert twice == [], f"{len(twice)} lines under two keys, e.g. {twice[:3]}"
        assert len(ingest.stored) == LINES
    finally:
        shipper.close()
        ingest.close()
