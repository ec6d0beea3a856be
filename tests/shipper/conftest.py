"""Fixtures for the shipper's tests: a real ingest on a free port and a shipper in a thread."""

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from shipper.config import ShipperConfig
from shipper.loop import Shipper
from tests.shipper.ingest_server import FakeIngest


@pytest.fixture
def ingest():
    server = FakeIngest().start()
    yield server
    server.close()


@pytest.fixture
def logs(tmp_path) -> Path:
    directory = tmp_path / "logs"
    directory.mkdir()
    return directory


@pytest.fixture
def config(tmp_path, ingest, logs) -> ShipperConfig:
    return ShipperConfig(
        watch=(str(logs / "*.log*"),),
        endpoint=ingest.url,
        host_id=ingest.host_id,
        store_id=ingest.store_id,
        key=ingest.key,
        state_dir=tmp_path / "state",
        heartbeat_interval=0.1,
        backoff_base=0.01,
        backoff_cap=0.2,
        checkpoint_interval=0.02,
    )


class RunningShipper:
    """A shipper running in a thread, stopped at the end of the test."""

    def __init__(self, config: ShipperConfig):
        self.shipper = Shipper(config)
        self.thread = threading.Thread(target=self.shipper.run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.shipper.stop()
        self.thread.join(timeout=5)
        assert not self.thread.is_alive(), "the shipper did not stop"


@pytest.fixture
def start_shipper():
    running = []

    def start(config: ShipperConfig, **overrides) -> RunningShipper:
        shipper = RunningShipper(replace(config, **overrides))
        running.append(shipper)
        return shipper

    yield start
    for shipper in running:
        shipper.stop()
