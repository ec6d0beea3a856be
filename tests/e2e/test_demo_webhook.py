"""An application can report a failure directly (signed like ingest): a demo POS configured
with the webhook reports to the running stack, and its error joins the same path, marked with
its source."""

import subprocess
import sys

import pytest
import requests

from tests.running_stack import free_port, wait_until

pytestmark = pytest.mark.e2e


def test_a_failure_reported_by_webhook_becomes_a_group_marked_webhook(running_stack, tmp_path):
    stack = running_stack
    port = free_port()
    pos = subprocess.Popen(
        [
            sys.executable, "-m", "demo_pos",
            "--port", str(port),
            "--log", str(tmp_path / "unwatched.log"),
            "--store-id", "S002",
            "--no-random-failures",
            "--webhook-url", stack.api_url,
            "--host-id", "pos-demo-01",
            "--key-file", str(stack.state_dir / "demo" / "pos-demo-01.key"),
        ]
    )  # fmt: skip
    try:

        def pos_ready():
            try:
                return requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok
            except requests.RequestException:
                return False

        assert wait_until(pos_ready, 20), "the webhook POS did not start"
        answer = requests.post(f"http://127.0.0.1:{port}/simulate/inventory-lock", timeout=5)
        assert answer.status_code != 404, answer.text

        def webhook_group():
            groups = stack.get("/api/groups")["groups"]
            return next(
                (g for g in groups if "webhook:demo-pos" in g["sources"] and "S002" in g["stores"]),
                None,
            )

        group = wait_until(webhook_group, 5, interval=0.1)
        assert group, "no group from the webhook"
        assert "Inventory lock" in group["message"]
        assert group["severity"] == "HIGH"
    finally:
        pos.terminate()
        pos.wait(timeout=10)
