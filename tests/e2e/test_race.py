"""Issue 6's race: one new error delivered at the same moment from 20 hosts opens one issue."""

import json
import threading
import uuid
from datetime import UTC, datetime

import pytest
import requests
from atlassian import Jira

from shipper.signing import signed_headers
from tests.running_stack import wait_until

pytestmark = pytest.mark.e2e

HOSTS = 20


def register(stack, host_id: str) -> str:
    answer = requests.post(
        f"{stack.api_url}/api/hosts",
        json={"host_id": host_id, "store": "S900"},
        headers={"Authorization": f"Bearer {stack.admin_token}"},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["key"]


def test_one_new_error_from_twenty_hosts_at_once_opens_one_issue(running_stack):
    stack = running_stack
    run = uuid.uuid4().hex[:8]
    keys = {f"race-{run}-{n:02d}": None for n in range(HOSTS)}
    for host in keys:
        keys[host] = register(stack, host)
    line = (
        "2026-11-26 12:00:00,000 CRITICAL [pos.fiscal] Fiscal printer rejected the receipt "
        f"signature on lane {run}"
    )
    start = threading.Barrier(HOSTS)
    answers: list[int] = []

    def deliver(host: str, key: str) -> None:
        body = json.dumps(
            {
                "batch_id": str(uuid.uuid4()),
                "host": host,
                "store": "S900",
                "events": [
                    {
                        "source": "/var/log/pos/app.log",
                        "file_id": f"file-{host}",
                        "offset": 0,
                        "line": line,
                        "observed_at": datetime.now(UTC).isoformat(),
                    }
                ],
            }
        ).encode()
        headers = {"Content-Type": "application/json", **signed_headers(host, key, body)}
        start.wait()
        answers.append(
            requests.post(
                f"{stack.api_url}/ingest", data=body, headers=headers, timeout=30
            ).status_code
        )

    threads = [threading.Thread(target=deliver, args=item) for item in keys.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert answers == [202] * HOSTS

    jira = Jira(url=stack.jira_url, username="demo@example.com", password="demo-token", cloud=True)

    def issues_for_lane():
        found = jira.jql('project = "STACK" AND labels = "stacklens" ORDER BY created ASC')
        return [i for i in found.get("issues", []) if run in i["fields"]["summary"]]

    assert wait_until(issues_for_lane, 20, interval=0.2)

    def all_reported():
        # Every delivery is counted in the issue: the create, then comments for the rest.
        groups = stack.get("/api/groups")["groups"]
        group = next((g for g in groups if run in g["message"]), None)
        return group if group and group["count"] == HOSTS and group["ticket"] else None

    group = wait_until(all_reported, 20, interval=0.2)
    groups = stack.get("/api/groups")["groups"]
    assert group, (
        f"the group did not count every delivery: {[g for g in groups if run in g['message']]}"
    )
    assert len(group["hosts"]) == HOSTS
    wait_until(lambda: False, 2)  # any second issue would have been opened by now
    assert len(issues_for_lane()) == 1
