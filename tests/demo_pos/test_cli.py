"""`python -m demo_pos`: serving the POS and sending it traffic, as a user runs them."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from demo_pos.__main__ import main
from tests.running_stack import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.unit
@pytest.mark.parametrize(
    "argv",
    [
        ["--port", "3001"],  # no --log
        ["--log", "pos.log", "--webhook-url", "http://127.0.0.1:3000"],  # no host id / key
        ["--log", "pos.log", "--store-id", "S 001"],
        ["--traffic", "--rate", "0"],
        ["--traffic", "--count", "0"],
    ],
)
def test_bad_arguments_exit_with_usage(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.unit
def test_a_missing_key_file_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(
            ["--log", str(tmp_path / "pos.log"), "--webhook-url", "http://127.0.0.1:1",
             "--host-id", "h1", "--key-file", str(tmp_path / "absent.key")]
        )  # fmt: skip
    assert "--key-file" in capsys.readouterr().err


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            return requests.get(f"{url}/health", timeout=1).status_code == 200
        except requests.ConnectionError:
            time.sleep(0.05)
    return False


@pytest.mark.e2e
def test_serve_then_send_traffic_then_stop(tmp_path):
    port, log_path = free_port(), tmp_path / "logs" / "pos.log"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "demo_pos", "--port", str(port), "--log", str(log_path),
               "--store-id", "S123", "--terminal", "T05", "--no-random-failures"]  # fmt: skip
    pos = subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_for_health(url, pos), pos.stdout.read() if pos.poll() is not None else ""
        answer = requests.post(f"{url}/orders", json={"items": [{"productId": 999}]}, timeout=5)
        assert answer.status_code == 422
        assert (
            log_path.read_text()
            .splitlines()[-1]
            .endswith(f"(order {answer.json()['orderId']}, store S123, terminal T05)")
        )
        traffic = subprocess.run(
            [sys.executable, "-m", "demo_pos", "--traffic", "--target", url, "--rate", "50",
             "--count", "8"],
            env=environment, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert traffic.returncode == 0, traffic.stderr
        shown = traffic.stdout.splitlines()
        assert len([line for line in shown if " /orders " in line or " /products" in line]) == 8
        assert shown[-1].startswith("Summary: ")
    finally:
        pos.send_signal(signal.SIGTERM)
        assert pos.wait(timeout=10) == 0
