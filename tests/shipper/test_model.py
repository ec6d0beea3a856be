"""A model-based test of the whole shipper, like Vector's file-watcher experiments.

Hypothesis drives a real `python -m shipper` process with random appends, torn writes,
rotations by rename and by copytruncate, deletions, clean restarts, SIGKILLs and an ingest
that fails, stalls and drops connections. The model is only the set of complete lines written;
once things settle, ingest must hold exactly those lines, each under one key.
SHIPPER_MODEL_EXAMPLES and SHIPPER_MODEL_STEPS make the search longer (60 x 30 runs in ~45 s).
"""

import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from tests.shipper.ingest_server import FakeIngest
from tests.shipper.processes import ShipperProcess

pytestmark = pytest.mark.e2e

LIVE_NAMES = ("app.log", "payments.log")
SETTLE_SECONDS = 30.0


class ShipperMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="shipper-model-"))
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.ingest = FakeIngest().start()
        self.ingest.stall_seconds = 0.3
        self.shipper = ShipperProcess(
            self.ingest,
            self.root,
            str(self.logs / "*.log*"),
            "--rescan-interval",
            "0.3",
            "--backoff-cap",
            "0.3",
        )
        self.shipper.start()
        self.complete: set[str] = set()  # every complete line written: what must arrive
        self.lines_in: dict[str, set[str]] = defaultdict(set)  # by file name, complete lines
        self.torn: dict[str, str] = {}  # live name -> the start of a line not ended yet
        self.numbered = 0
        self.rotated: list[str] = []

    def _line(self, name: str) -> str:
        self.numbered += 1
        return f"2024-05-01 10:00:00 INFO {name} line {self.numbered}"

    def _write(self, name: str, text: str) -> None:
        with open(self.logs / name, "a", encoding="utf-8") as handle:
            handle.write(text)

    @rule(name=st.sampled_from(LIVE_NAMES), count=st.integers(1, 40))
    def append(self, name, count):
        lines = [self._line(name) for _ in range(count)]
        torn = self.torn.pop(name, "")
        lines[0] = torn + lines[0][len(torn) :]  # the writer finishes the line it tore
        self._write(name, "".join(line + "\n" for line in lines)[len(torn) :])
        self.complete.update(lines)
        self.lines_in[name].update(lines)

    @rule(name=st.sampled_from(LIVE_NAMES), cut=st.integers(1, 30))
    def torn_write(self, name, cut):
        if name in self.torn:
            return
        line = self._line(name)
        self.numbered -= 1  # the next line of this name completes it with the same number
        self.torn[name] = line[:cut]
        self._write(name, line[:cut])

    def _rotated_name(self, name: str) -> str:
        self.numbered += 1
        return f"{name}.{self.numbered}"

    @rule(name=st.sampled_from(LIVE_NAMES))
    def rotate_by_rename(self, name):
        if not (self.logs / name).exists():
            return
        rotated = self._rotated_name(name)
        os.rename(self.logs / name, self.logs / rotated)
        self.lines_in[rotated] = self.lines_in.pop(name, set())
        self.torn.pop(name, None)  # left unfinished in the rotated file for ever
        self.rotated.append(rotated)

    @rule(name=st.sampled_from(LIVE_NAMES))
    def rotate_by_copytruncate(self, name):
        if not (self.logs / name).exists():
            return
        rotated = self._rotated_name(name)
        shutil.copyfile(self.logs / name, self.logs / rotated)
        with open(self.logs / name, "r+b") as handle:
            handle.truncate(0)
        self.lines_in[rotated] = self.lines_in.pop(name, set())
        self.torn.pop(name, None)
        self.rotated.append(rotated)

    @precondition(lambda self: self.rotated and self.ingest.outage is None)
    @rule(data=st.data())
    def delete_rotated(self, data):
        """Delete a rotated file once its lines arrived (deleting unread lines loses them)."""
        rotated = data.draw(st.sampled_from(self.rotated))
        wanted = self.lines_in[rotated]
        self.ingest.wait_for(lambda: wanted <= set(self.ingest.lines_unlocked()), timeout=20)
        (self.logs / rotated).unlink()
        self.rotated.remove(rotated)

    @rule()
    def restart_cleanly(self):
        self.shipper.stop()
        self.shipper.start()

    @rule()
    def kill_and_restart(self):
        self.shipper.kill()
        self.shipper.start()

    @rule(outage=st.sampled_from(["error", "stall", "drop"]))
    def ingest_fails(self, outage):
        self.ingest.outage = outage

    @rule()
    def ingest_recovers(self):
        self.ingest.outage = None

    @rule(seconds=st.sampled_from([0.0, 0.05, 0.3]))
    def time_passes(self, seconds):
        time.sleep(seconds)

    def teardown(self):
        try:
            self.ingest.outage = None
            self.ingest.wait_for(
                lambda: self.complete <= set(self.ingest.lines_unlocked()),
                timeout=SETTLE_SECONDS,
            )
            time.sleep(0.3)  # anything extra or repeated would show up by now
            with self.ingest._changed:
                deliveries = list(self.ingest.deliveries)
            received = {event["line"] for event in deliveries}
            assert received == self.complete, f"unexpected: {sorted(received - self.complete)}"
            keys_of = defaultdict(set)
            lines_of = defaultdict(set)
            for event in deliveries:
                key = (event["file_id"], event["offset"])
                keys_of[event["line"]].add(key)
                lines_of[key].add(event["line"])
            assert all(len(keys) == 1 for keys in keys_of.values()), "a line under two keys"
            assert all(len(lines) == 1 for lines in lines_of.values()), "two lines, one key"
        finally:
            self.shipper.close()
            self.ingest.close()
            shutil.rmtree(self.root, ignore_errors=True)


ShipperMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("SHIPPER_MODEL_EXAMPLES", "10")),
    stateful_step_count=int(os.environ.get("SHIPPER_MODEL_STEPS", "20")),
    deadline=None,
    # Each step drives real processes: shrinking would take minutes; the failing steps print.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
TestShipperModel = ShipperMachine.TestCase
