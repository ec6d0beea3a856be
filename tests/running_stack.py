"""The local stack as a user starts it (`stacklens local --with-demo`), on free ports, and
clients that watch it as a user would."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from local_runner.ports import free_port

STARTUP_SECONDS = 90
# A port chosen free may still be taken before the stack binds it: a stack that exits with this
# message (werkzeug's) is started again on new ports.
PORT_TAKEN = "Address already in use"
START_ATTEMPTS = 3


def wait_until(check, timeout: float, interval: float = 0.05):
    """Poll `check` until it returns something truthy; the last value, or None on time-out."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


class RunningStack:
    def __init__(
        self,
        process: subprocess.Popen,
        ports: dict,
        state_dir: Path,
        output: Path,
        admin_token: str = "demo-admin-token",
        with_demo: bool = True,
    ):
        self.process = process
        self.with_demo = with_demo
        self.api_url = f"http://127.0.0.1:{ports['api']}"
        self.pos_url = f"http://127.0.0.1:{ports['pos']}"
        self.jira_url = f"http://127.0.0.1:{ports['jira']}"
        # The ingest function's URL, where shippers post (the template's ShipperUrl).
        self.shipper_url = f"http://127.0.0.1:{ports['url']}"
        # Its moto server, so a test can look into the tables.
        self.aws_url = f"http://127.0.0.1:{ports['moto']}"
        self.state_dir = state_dir
        self.output = output
        self.admin_token = admin_token
        self.admin = {"Authorization": f"Bearer {self.admin_token}"}

    def get(self, path: str) -> dict:
        """A GET of the status API, as the admin."""
        answer = requests.get(f"{self.api_url}{path}", headers=self.admin, timeout=5)
        answer.raise_for_status()
        return answer.json()

    def ready(self) -> bool:
        try:
            api = requests.get(
                f"{self.api_url}/api/automation/status", headers=self.admin, timeout=1
            )
            if not self.with_demo:
                return api.status_code == 200
            pos = requests.get(f"{self.pos_url}/products", timeout=1)
            return api.status_code == 200 and pos.status_code == 200
        except requests.RequestException:
            return False

    def ready_or_exited(self) -> bool:
        return self.process.poll() is not None or self.ready()


class LiveStream(threading.Thread):
    """Reads the status API's Server-Sent Events as a browser's EventSource would."""

    def __init__(self, url: str, headers: dict | None = None):
        super().__init__(daemon=True)
        self.url = url
        self.headers = headers or {}
        self.events: list[dict] = []
        self.connected = threading.Event()
        self.closed = False

    def run(self) -> None:
        try:
            self._read()
        except requests.RequestException:
            self.connected.set()  # the stack stopped: the stream ends, as a browser's would

    def _read(self) -> None:
        with requests.get(self.url, headers=self.headers, stream=True, timeout=(5, 60)) as answer:
            answer.raise_for_status()
            self.connected.set()
            event: dict = {}
            for raw in answer.iter_lines(decode_unicode=True):
                if self.closed:
                    return
                if raw == "":
                    if "data" in event:
                        event["data"] = json.loads(event["data"])
                        self.events.append(event)
                    event = {}
                elif not raw.startswith(":"):
                    name, _, value = raw.partition(":")
                    event[name] = value[1:] if value.startswith(" ") else value

    def of_kind(self, kind: str) -> list[dict]:
        return [event for event in self.events if event.get("event") == kind]


def start_running_stack(
    tmp_path_factory, with_demo: bool = True, extra_environment: dict | None = None
):
    """Starts the stack; yields a RunningStack; stops it. `extra_environment` (ADMIN_TOKEN,
    JIRA_API_TOKEN, ...) replaces the demo's settings. A stack that found one of its ports taken
    is started again on others."""
    for attempt in range(1, START_ATTEMPTS + 1):
        stack = _start(tmp_path_factory, with_demo, extra_environment)
        process, output = stack.process, stack.output
        try:
            if not wait_until(stack.ready_or_exited, STARTUP_SECONDS):
                pytest.fail(f"the stack did not start:\n{output.read_text()[-4000:]}")
            if process.poll() is not None:
                printed = output.read_text()
                if PORT_TAKEN in printed and attempt < START_ATTEMPTS:
                    continue
                pytest.fail(f"the stack exited:\n{printed[-4000:]}")
            yield stack
            return
        finally:
            _stop(process)


def _start(tmp_path_factory, with_demo: bool, extra_environment: dict | None) -> RunningStack:
    state_dir = tmp_path_factory.mktemp("stacklens-state")
    ports = {name: free_port() for name in ("api", "pos", "jira", "url", "moto")}
    environment = {
        **os.environ,
        "STACKLENS_API_PORT": str(ports["api"]),
        "STACKLENS_POS_PORT": str(ports["pos"]),
        "STACKLENS_JIRA_PORT": str(ports["jira"]),
        "STACKLENS_FUNCTION_URL_PORT": str(ports["url"]),
        "STACKLENS_MOTO_PORT": str(ports["moto"]),
        "STACKLENS_STATE_DIR": str(state_dir),
        "PYTHONUNBUFFERED": "1",
        # Storm control at a pace a test can watch: one comment per issue per second.
        "COMMENT_INTERVAL_SECONDS": "1",
        # Many tests open issues on this one stack; the hourly budget is tested on its own.
        "MAX_NEW_TICKETS_PER_HOUR": "1000",
    }
    for name in ("AWS_ENDPOINT_URL", "JIRA_URL", "ADMIN_TOKEN", "JIRA_API_TOKEN"):
        environment.pop(name, None)
    environment.update(extra_environment or {})
    output = state_dir / "stacklens-local.log"
    stacklens = Path(sys.executable).parent / "stacklens"
    with open(output, "wb") as sink:
        process = subprocess.Popen(
            [str(stacklens), "local", *(["--with-demo"] if with_demo else [])],
            env=environment,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    admin_token = (extra_environment or {}).get("ADMIN_TOKEN", "demo-admin-token")
    return RunningStack(process, ports, state_dir, output, admin_token, with_demo)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
