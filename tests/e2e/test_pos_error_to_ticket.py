"""The whole path with real processes: a POS order for a product without a price becomes one
Jira issue, live on the status stream, and a repeat comments instead of opening another."""

import pytest
import requests
from atlassian import Jira

from tests.running_stack import LiveStream, wait_until

pytestmark = pytest.mark.e2e

TICKET_SECONDS = 5


def order_product_999(stack) -> None:
    answer = requests.post(
        f"{stack.pos_url}/orders",
        json={"items": [{"productId": 999, "quantity": 1}]},
        timeout=5,
    )
    assert answer.status_code == 422, answer.text


def pricing_issues(jira: Jira) -> list[dict]:
    """StackLens's pricing issues (other tests on the same stack open issues of their own)."""
    found = jira.jql(
        'project = "STACK" AND labels = "stacklens" AND labels = "pricing" ORDER BY created ASC'
    )
    return found.get("issues", [])


def test_a_missing_price_becomes_one_ticket_live(running_stack):
    stack = running_stack
    jira = Jira(url=stack.jira_url, username="demo@example.com", password="demo-token", cloud=True)
    stream = LiveStream(f"{stack.api_url}/api/monitoring/live", headers=stack.admin)
    stream.start()
    assert stream.connected.wait(10), "the live stream did not open"

    order_product_999(stack)
    issues = wait_until(lambda: pricing_issues(jira), TICKET_SECONDS, interval=0.1)
    assert issues and len(issues) == 1, (
        f"expected one issue within {TICKET_SECONDS}s, got {issues}\n"
        + stack.output.read_text()[-3000:]
    )
    issue = jira.issue(issues[0]["key"])
    fields = issue["fields"]
    assert fields["priority"]["name"] == "Highest"
    assert "stacklens" in fields["labels"]
    assert any(label.startswith("stacklens-fp-") for label in fields["labels"])
    assert "pricing" in fields["labels"]
    assert "999" in fields["summary"] and "\n" not in fields["summary"]
    # The POS's own log line, as the shipper sent it (ingest's occurrence of the error).
    assert "Missing price for product 999" in fields["description"].split("Sample lines:")[1]

    def pricing_events():
        errors = [
            e["data"]
            for e in stream.of_kind("error")
            if "Missing price for product 999" in e["data"]["message"]
        ]
        tickets = [e["data"] for e in stream.of_kind("ticket") if e["data"]["key"] == issue["key"]]
        return (errors, tickets) if errors and tickets else None

    seen = wait_until(pricing_events, 5)
    assert seen, f"the live stream delivered {stream.events}"
    errors, tickets = seen
    assert errors[0]["severity"] == "CRITICAL"
    assert tickets[0]["action"] == "created"

    order_product_999(stack)

    def commented():
        return jira.issue_get_comments(issue["key"]).get("comments")

    assert wait_until(commented, TICKET_SECONDS, interval=0.1), "the repeat was not commented"
    assert [i["key"] for i in pricing_issues(jira)] == [issue["key"]]
    assert wait_until(
        lambda: any(
            e["data"]["action"] == "commented" and e["data"]["key"] == issue["key"]
            for e in stream.of_kind("ticket")
        ),
        5,
    )
    stream.closed = True
