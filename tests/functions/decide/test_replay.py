"""`stacklens replay` on a log the real demo POS wrote: what would happen, with no Jira."""

import json

import pytest

from demo_pos.app import create_app
from functions.decide import replay_command

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def pos_log(tmp_path_factory):
    log = tmp_path_factory.mktemp("replay") / "pos.log"
    app = create_app(log, failure_rates={})
    client = app.test_client()
    for _ in range(30):
        client.post("/orders", json={"items": [{"productId": 999, "quantity": 1}]})
    for kind in ["payment-timeout", "inventory-lock", "printer-offline", "crash", "slow-query"] * 3:
        client.post(f"/simulate/{kind}", json={})
    for _ in range(20):
        client.post("/orders", json={"items": [{"productId": 1, "quantity": 2}]})
    app.extensions["demo_pos"].close()
    return log


def run(capsys, *args) -> dict:
    assert replay_command.main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_each_problem_would_open_one_issue_and_repeats_would_not(capsys, pos_log):
    report = run(capsys, str(pos_log))
    created = {item["summary"].split(" | ")[0]: item["count"] for item in report["would_create"]}
    assert created["[CRITICAL] Pricing error"] == 30
    assert report["decisions"]["create"] == len(report["would_create"]) == 5
    # The crash's traceback was joined to its line: one group, not one per traceback line.
    assert any("crash" in item["summary"].lower() for item in report["would_create"])
    assert report["groups"] == 6  # the slow query is an error of LOW severity, skipped


def test_higher_thresholds_open_fewer_issues(capsys, pos_log):
    default = run(capsys, str(pos_log))
    strict = run(capsys, str(pos_log), "--thresholds", "HIGH=0.99,MEDIUM=0.99")
    assert len(strict["would_create"]) < len(default["would_create"])
    assert strict["thresholds"]["HIGH"] == 0.99
    assert any("Pricing error" in item["summary"] for item in strict["would_create"])


def test_the_hourly_budget_is_played_too(capsys, pos_log, monkeypatch):
    monkeypatch.setenv("MAX_NEW_TICKETS_PER_HOUR", "2")
    report = run(capsys, str(pos_log))
    assert report["decisions"]["create"] == 2
    assert len(report["would_suppress"]) == 3  # three problems, each seen three times
    assert report["decisions"]["suppress"] == 9


def test_bad_thresholds_and_missing_files_are_clear_errors(capsys, pos_log, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        replay_command.main([str(pos_log), "--thresholds", "URGENT=1"])
    assert exit_info.value.code == 2
    assert "URGENT" in capsys.readouterr().err
    assert replay_command.main([str(tmp_path / "missing.log")]) == 1
    assert "missing.log" in capsys.readouterr().err
