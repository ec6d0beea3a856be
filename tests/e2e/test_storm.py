"""Issue 6's storm: 10,000 occurrences of one error from 20 hosts within seconds open one Jira
issue and, one comment interval later, one comment that carries every occurrence."""

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
import requests
from atlassian import Jira

from shipper.signing import signed_headers
from tests.running_stack import start_running_stack, wait_until

pytestmark = pytest.mark.e2e

HOSTS = 20
EVENTS_PER_HOST = 500  # one full shipper batch each: 10,000 occurrences in all
# Longer than the storm takes to arrive, so all of it falls in one interval: one comment.
COMMENT_INTERVAL_SECONDS = 45


@pytest.fixture(scope="module")
def storm_stack(tmp_path_factory):
    """A stack of its own: the shared one comments every second, this storm needs an interval
    longer than itself."""
    yield from start_running_stack(
        tmp_path_factory,
        with_demo=False,
        extra_environment={"COMMENT_INTERVAL_SECONDS": str(COMMENT_INTERVAL_SECONDS)},
    )


def register(stack, host_id: str) -> str:
    answer = requests.post(
        f"{stack.api_url}/api/hosts",
        json={"host_id": host_id, "store": f"S{host_id[-1]}"},
        headers=stack.admin,
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["key"]


def storm_batch(host: str, line: str) -> bytes:
    """One host's signed-batch body: EVENTS_PER_HOST occurrences of `line`."""
    now = datetime.now(UTC).isoformat()
    events = [
        {
            "source": "/var/log/pos/app.log",
            "file_id": f"file-{host}",
            "offset": n * 200,
            "line": line,
            "observed_at": now,
        }
        for n in range(EVENTS_PER_HOST)
    ]
    body = {"batch_id": str(uuid.uuid4()), "host": host, "store": f"S{host[-1]}"}
    return json.dumps({**body, "events": events}).encode()


def test_ten_thousand_occurrences_open_one_issue_and_one_comment(storm_stack):
    stack = storm_stack
    run = uuid.uuid4().hex[:8]
    hosts = {f"storm-{run}-{n:02d}": "" for n in range(HOSTS)}
    for host in hosts:
        hosts[host] = register(stack, host)
    line = (
        "2026-11-26 12:00:00,000 CRITICAL [pos.payment] Card terminal lost its link to the "
        f"acquirer {run}"
    )

    def deliver(host: str) -> requests.Response:
        """Post the host's batch as the shipper does: 429 and 503 are retried after Retry-After."""
        body = storm_batch(host, line)
        while True:
            signed = signed_headers(host, hosts[host], body)
            headers = {"Content-Type": "application/json", **signed}
            answer = requests.post(
                f"{stack.api_url}/ingest", data=body, headers=headers, timeout=60
            )
            if answer.status_code not in (429, 503):
                return answer
            time.sleep(min(float(answer.headers.get("Retry-After") or 1), 2))

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=5) as pool:
        answers = list(pool.map(deliver, hosts))
    storm_seconds = time.monotonic() - started
    assert [answer.status_code for answer in answers] == [202] * HOSTS
    assert sum(answer.json()["accepted"] for answer in answers) == HOSTS * EVENTS_PER_HOST
    assert storm_seconds < COMMENT_INTERVAL_SECONDS, "the storm outlasted one comment interval"

    jira = Jira(url=stack.jira_url, username="demo@example.com", password="demo-token", cloud=True)

    def storm_issues() -> list[dict]:
        found = jira.jql('project = "STACK" AND labels = "stacklens" ORDER BY created ASC')
        return [i for i in found.get("issues", []) if run in i["fields"]["summary"]]

    def comments() -> list[str]:
        (issue,) = storm_issues()
        return [c["body"] for c in jira.issue_get_comments(issue["key"])["comments"]]

    assert wait_until(storm_issues, 20, interval=0.2), "no issue was opened"
    group = next(g for g in stack.get("/api/groups")["groups"] if run in g["message"])
    assert group["count"] == HOSTS * EVENTS_PER_HOST
    assert len(group["hosts"]) == HOSTS
    # Within the interval the storm is counted, not commented.
    assert comments() == []

    [comment] = wait_until(comments, COMMENT_INTERVAL_SECONDS + 15, interval=0.5) or [None]
    assert comment is not None, "the storm's comment never came"
    assert "(total 10,000) on 20 hosts in 10 stores" in comment
    wait_until(lambda: False, 2)  # a second comment or issue would show by now
    assert len(comments()) == 1
    assert len(storm_issues()) == 1
