"""The shipper against the real local stack: its heartbeat reaches /api/watcher/heartbeat, and
/api/watcher/stop and /api/watcher/start pause and resume shipping from that host."""

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from shipper.status import status_report
from tests.shipper.support import append, wait_until

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def test_watcher_stop_pauses_this_host_and_start_resumes_it(running_stack, tmp_path):
    api, admin = running_stack.api_url, {"Authorization": f"Bearer {running_stack.admin_token}"}
    host_id = f"pos-control-{uuid.uuid4().hex[:8]}"
    registered = requests.post(
        f"{api}/api/hosts", json={"host_id": host_id, "store": "S-CTL"}, headers=admin, timeout=10
    )
    assert registered.status_code == 201, registered.text
    (tmp_path / "host.key").write_text(registered.json()["key"])
    log = tmp_path / "logs" / "app.log"
    log.parent.mkdir()
    append(log, "2024-05-01 10:00:00 INFO pos.checkout sale 1\n")
    state_dir = tmp_path / "state"
    process = subprocess.Popen(
        [
            sys.executable, "-m", "shipper",
            "--watch", str(log.parent / "*.log"),
            "--endpoint", api,
            "--host-id", host_id,
            "--store-id", "S-CTL",
            "--key-file", str(tmp_path / "host.key"),
            "--state-dir", str(state_dir),
            "--heartbeat-interval", "0.3",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def acknowledged() -> int:
        files = status_report(state_dir)["files"]
        return files[0]["offset"] if files else 0

    def host() -> dict:
        hosts = requests.get(f"{api}/api/watcher/status", headers=admin, timeout=10).json()
        hosts = hosts["hosts"]
        return next((item for item in hosts if item["host_id"] == host_id), {})

    try:
        wait_until(lambda: acknowledged() == log.stat().st_size, timeout=30, message="shipped")
        wait_until(lambda: host().get("last_heartbeat"), timeout=10, message="a heartbeat")

        stopped = requests.post(
            f"{api}/api/watcher/stop", json={"host_id": host_id}, headers=admin, timeout=10
        )
        assert stopped.status_code == 200, stopped.text
        wait_until(lambda: (host().get("stats") or {}).get("paused"), timeout=10, message="paused")
        before = acknowledged()
        append(log, "2024-05-01 10:00:01 INFO pos.checkout sale 2\n")
        time.sleep(1.0)  # three heartbeats' worth
        assert acknowledged() == before  # nothing shipped while paused

        started = requests.post(
            f"{api}/api/watcher/start", json={"host_id": host_id}, headers=admin, timeout=10
        )
        assert started.status_code == 200, started.text
        wait_until(lambda: acknowledged() == log.stat().st_size, timeout=10, message="resumed")
    finally:
        process.terminate()
        process.wait(timeout=15)
