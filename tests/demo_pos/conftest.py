"""Fixtures for the demo POS tests: the app served over real HTTP on a free port."""

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from flask import Flask
from werkzeug.serving import make_server

from demo_pos.app import create_app


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Serves `app` on 127.0.0.1 (port 0) in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval lets shutdown() return at once instead of after up to 0.5 s.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class RunningPos:
    url: str
    log_path: Path
    app: Flask

    def get(self, path: str) -> requests.Response:
        return requests.get(self.url + path, timeout=5)

    def post(self, path: str, json: object = None, **kwargs) -> requests.Response:
        return requests.post(self.url + path, json=json, timeout=5, **kwargs)

    def log_lines(self) -> list[str]:
        return self.log_path.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def start_pos(tmp_path) -> Iterator:
    """Starts a POS (create_app keyword arguments; random failures off unless given)."""
    with ExitStack() as running:

        def start(**options) -> RunningPos:
            options.setdefault("failure_rates", {})
            log_path = tmp_path / f"pos-{len(list(tmp_path.glob('pos-*.log')))}.log"
            app = create_app(log_path, **options)
            running.callback(app.extensions["demo_pos"].close)
            return RunningPos(running.enter_context(serving(app)), log_path, app)

        yield start


@pytest.fixture
def pos(start_pos) -> RunningPos:
    """A POS for store S001, terminal T01, whose outside systems never fail by themselves."""
    return start_pos()
