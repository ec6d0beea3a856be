"""`python -m shipper` as a real process for the model-based and chaos tests."""

import signal
import subprocess
from pathlib import Path

from tests.shipper.ingest_server import FakeIngest
from tests.shipper.support import shipper_command

ROOT = Path(__file__).resolve().parents[2]


class ShipperProcess:
    """Starts, stops (SIGTERM) and kills (SIGKILL) one shipper on a state dir."""

    def __init__(self, ingest: FakeIngest, root: Path, watch: str, *extra: str):
        self.command = shipper_command(ingest, root, watch, "--log-level", "WARNING", *extra)
        self.log = open(root / "shipper.log", "ab")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT
        )

    def stop(self) -> None:
        """SIGTERM: flush what it can and checkpoint."""
        self._end(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL: no chance to flush or checkpoint."""
        self._end(signal.SIGKILL)

    def _end(self, signal_number: int) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal_number)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def close(self) -> None:
        self.kill()
        self.log.close()
