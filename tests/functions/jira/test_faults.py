"""Issue 6's fault test: 100 distinct errors while 30 % of Jira requests fail or hang, with a
lagging search index: every error gets its issue, and none gets two. Real pieces throughout:
the queue on moto, the runner's SQS pollers, the jira function, the emulator over HTTP."""

import json
import threading
import time

import boto3
import pytest
import requests

from functions.common.models import TicketModel
from functions.common.settings import load
from functions.jira import issue
from functions.status import dead_letters
from local_runner.jira_emulator import serve
from local_runner.template import read_stack
from local_runner.triggers import QueuePoller
from tests.functions.groups import save_group

pytestmark = pytest.mark.integration

ERRORS = 100
DEADLINE_SECONDS = 240


@pytest.fixture
def faulty_jira(aws, monkeypatch):
    server = serve()
    monkeypatch.setenv("JIRA_URL", server.url)
    monkeypatch.setenv("JIRA_USER", "demo@example.com")
    monkeypatch.setenv("JIRA_API_TOKEN", "demo-token")
    # Short enough for a test, in the same proportions as production (timeout < hang < lease).
    monkeypatch.setenv("JIRA_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("TICKET_CLAIM_LEASE_SECONDS", "4")
    monkeypatch.setenv("MAX_NEW_TICKETS_PER_HOUR", "1000")  # the budget is tested on its own
    faults = {
        "rate": 0.2,
        "statuses": [429, 500, 502, 503],
        "timeout_rate": 0.1,
        "hang_ms": 1500,
        "index_lag_ms": 1500,
        "retry_after": 1,
        "seed": 6,
    }
    requests.post(f"{server.url}/_emulator/faults", json=faults, timeout=5).raise_for_status()
    yield server
    server.shutdown()


def write_groups() -> list[str]:
    fingerprints = [f"fault-test-{n:03d}" for n in range(ERRORS)]
    for n, fingerprint in enumerate(fingerprints):
        save_group(fingerprint, f"Terminal {n} lost its card reader", category="hardware")
    return fingerprints


def all_issues(jira) -> list[dict]:
    return requests.get(f"{jira.url}/_emulator/issues", timeout=10).json()["issues"]


def opened(fingerprints) -> int:
    return sum(
        1 for ticket in TicketModel.scan() if ticket.jira_key and ticket.fingerprint in fingerprints
    )


def test_every_error_gets_one_issue_through_failures_hangs_and_search_lag(aws, faulty_jira):
    fingerprints = write_groups()
    sqs = boto3.client("sqs")
    for fingerprint in fingerprints:
        job = {"fingerprint": fingerprint, "action": "create", "decision_key": "k", "count": 1}
        sqs.send_message(QueueUrl=aws.queues["TicketQueue"], MessageBody=json.dumps(job))

    stack = read_stack()
    (trigger,) = [t for t in stack.triggers if t.function == "JiraFunction"]
    stop = threading.Event()
    # One poller: moto's SQS is not safe for concurrent receives (races are tested apart).
    pollers = [
        QueuePoller(
            stack.functions["JiraFunction"],
            trigger,
            stop,
            aws.queues["TicketQueue"],
            aws.queue_arns["TicketQueue"],
        )
    ]
    for poller in pollers:
        poller.start()
    redriven = 0
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while opened(fingerprints) < ERRORS and time.monotonic() < deadline:
            time.sleep(1)
            # What used up its five tries is sent back, as an operator would.
            redriven += dead_letters.redrive(load(), 100)
    finally:
        stop.set()
        for poller in pollers:
            poller.join(10)
        requests.delete(f"{faulty_jira.url}/_emulator/faults", timeout=5)

    labels = [
        label
        for found in all_issues(faulty_jira)
        for label in found["fields"]["labels"]
        if label.startswith("stacklens-fp-")
    ]
    expected = {issue.fingerprint_label(fingerprint) for fingerprint in fingerprints}
    assert opened(fingerprints) == ERRORS, f"{opened(fingerprints)} opened, {redriven} redriven"
    assert sorted(labels) == sorted(expected), "an error got no issue, or two"
