"""`GET /api/jira/status?test=1`: reaches Jira with the configured account, or says why not;
never a 5xx and never the token."""

import socket

import pytest
import requests

from tests.functions.status.http import call, json_of

pytestmark = pytest.mark.integration

TOKEN = "demo-token"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _use_jira(monkeypatch, url: str, user: str = "demo@example.com", token: str = TOKEN):
    monkeypatch.setenv("JIRA_URL", url)
    monkeypatch.setenv("JIRA_USER", user)
    monkeypatch.setenv("JIRA_API_TOKEN", token)


@pytest.fixture
def jira():
    from local_runner.jira_emulator import serve

    server = serve(port=0)
    yield server
    server.shutdown()


def test_an_unreachable_jira_is_reported_not_raised(aws, monkeypatch):
    _use_jira(monkeypatch, f"http://127.0.0.1:{_closed_port()}")
    answer = call("GET", "/api/jira/status", query="test=1")
    assert answer.status == 200
    status = json_of(answer)
    assert status["configured"] is True
    assert status["reachable"] is False
    assert "Connection" in status["account"]
    assert TOKEN.encode() not in answer.body


def test_the_emulated_jira_is_reachable_as_the_demo_user(aws, monkeypatch, jira):
    _use_jira(monkeypatch, jira.url)
    answer = call("GET", "/api/jira/status", query="test=1")
    assert answer.status == 200
    status = json_of(answer)
    assert status["reachable"] is True, status["account"]
    me = requests.get(f"{jira.url}/rest/api/2/myself", auth=("demo@example.com", TOKEN), timeout=5)
    assert status["account"] == me.json()["displayName"]
    assert status["url"] == jira.url
    assert TOKEN.encode() not in answer.body


def test_a_wrong_token_is_reported_as_unreachable_without_the_token(aws, monkeypatch, jira):
    _use_jira(monkeypatch, jira.url, token="wrong-token-123")
    answer = call("GET", "/api/jira/status", query="test=1")
    assert answer.status == 200
    status = json_of(answer)
    assert status["reachable"] is False
    assert status["account"].startswith("HTTP 401")
    assert b"wrong-token-123" not in answer.body


def test_the_test_checks_server_project_and_the_right_to_create(aws, monkeypatch, jira):
    _use_jira(monkeypatch, jira.url)
    status = json_of(call("GET", "/api/jira/status", query="test=1"))
    assert [(c["check"], c["ok"]) for c in status["checks"]] == [
        ("credentials", True),
        ("server", True),
        ("project", True),
        ("create permission", True),
    ]
    assert status["can_create"] is True


def test_a_project_that_does_not_exist_is_named_as_the_problem(aws, monkeypatch, jira):
    _use_jira(monkeypatch, jira.url)
    monkeypatch.setenv("JIRA_PROJECT", "NOPE")
    answer = call("GET", "/api/jira/status", query="test=1")
    status = json_of(answer)
    assert status["reachable"] is True
    assert status["can_create"] is False
    assert status["checks"][-1]["check"] == "project"
    assert status["checks"][-1]["ok"] is False
    assert "NOPE" in status["checks"][-1]["detail"]
    assert TOKEN.encode() not in answer.body
