"""Hostile log text (JQL, HTML, spreadsheet formulas) goes the whole way, signed ingest to
decide to the Jira emulator, and stays text: one issue each with the text as its summary says
it, JSON (never markup) from the API, inert cells in the CSV export, nothing in the page."""

import csv
import io
import json
import uuid

import pytest
import requests

from tests.running_stack import wait_until
from tests.security.stack import error_batch, post_signed, register

PAYLOADS = {
    "jql-or": 'customer "x" OR project != STACK OR labels = "stacklens" ORDER BY created --',
    "jql-escape": 'filter \\") OR 1=1 OR summary ~ "*',
    "jql-quote": "name 'a'\\\"; DROP TABLE issues; --",
    "html": "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>",
    "formula": '=HYPERLINK("http://attacker.example","open") +1 @SUM(A1)',
}


@pytest.fixture(scope="module")
def hostile_groups(secret_stack):
    """Every payload ingested as an ERROR line of its own; the marker that finds each."""
    admin = secret_stack.admin
    api = secret_stack.api_url
    # The API tests may have left the automation off or the thresholds high.
    rules = {"thresholds": {"CRITICAL": 0, "HIGH": 0, "MEDIUM": 0, "LOW": 0}}
    assert requests.put(f"{api}/api/automation/rules", json=rules, headers=admin).ok
    assert requests.post(f"{api}/api/automation/toggle", json={"enabled": True}, headers=admin).ok
    host_id, key = register(secret_stack)
    markers = {}
    # A word of its own keeps each payload in a group of its own (the marker is masked).
    words = ("quorum", "tulip", "walrus", "yonder", "zipper")
    for offset, (name, payload) in enumerate(PAYLOADS.items()):
        marker = f"inj{uuid.uuid4().hex[:10]}"
        line = f"2026-11-26 12:00:00,000 ERROR pos.till {words[offset]} {marker} failed: {payload}"
        raw = json.dumps(error_batch(host_id, line, offset * 100)).encode()
        answer = post_signed(secret_stack, "/ingest", host_id, key, raw)
        assert answer.json() == {"accepted": 1, "duplicates": 0}, answer.text
        markers[name] = marker
    return markers


def _issues(stack) -> list[dict]:
    return requests.get(f"{stack.jira_url}/_emulator/issues", timeout=10).json()["issues"]


@pytest.mark.e2e
def test_each_hostile_error_opens_one_issue_that_shows_its_text(secret_stack, hostile_groups):
    def every_issue():
        issues = _issues(secret_stack)
        found = {
            name: [issue for issue in issues if marker in issue["fields"]["summary"]]
            for name, marker in hostile_groups.items()
        }
        return found if all(found.values()) else None

    found = wait_until(every_issue, timeout=60, interval=0.5)
    assert found, "not every hostile error reached Jira"
    for name, issues in found.items():
        assert len(issues) == 1, name
        summary = issues[0]["fields"]["summary"]
        # The summary keeps the text as it was written (cut to 255 characters at most).
        assert PAYLOADS[name][:40] in summary or len(summary) == 255, (name, summary)
        assert "stacklens" in issues[0]["fields"]["labels"]


@pytest.mark.e2e
def test_hostile_text_comes_back_as_json_data_and_never_in_the_page(secret_stack, hostile_groups):
    answer = requests.get(
        f"{secret_stack.api_url}/api/groups?limit=500", headers=secret_stack.admin
    )
    assert answer.headers["Content-Type"].startswith("application/json")
    messages = " ".join(group["message"] or "" for group in answer.json()["groups"])
    assert PAYLOADS["html"] in messages  # as data, for the page to render as text
    page = requests.get(f"{secret_stack.api_url}/").text
    assets = [
        requests.get(f"{secret_stack.api_url}/assets/{name}").text
        for name in ("app.js", "style.css")
    ]
    for text in (page, *assets):
        assert "onerror=alert" not in text
        assert not any(marker in text for marker in hostile_groups.values())


@pytest.mark.e2e
def test_the_csv_export_keeps_formulas_inert(secret_stack, hostile_groups):
    answer = requests.get(
        f"{secret_stack.api_url}/api/export/groups",
        params={"format": "csv", "q": hostile_groups["formula"]},
        headers=secret_stack.admin,
    )
    assert answer.status_code == 200, answer.text
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert len(rows) == 2, rows  # the header and the one group
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "@")), cell


@pytest.mark.e2e
@pytest.mark.parametrize("query", ['" OR 1=1 --', "' OR ''='", "*", "%", "labels = stacklens"])
def test_a_hostile_search_matches_text_only(secret_stack, hostile_groups, query):
    answer = requests.get(
        f"{secret_stack.api_url}/api/history/groups",
        params={"q": query},
        headers=secret_stack.admin,
    )
    assert answer.status_code == 200, answer.text
    for row in answer.json()["items"]:
        assert (
            query.casefold() in json.dumps(row, ensure_ascii=False).casefold().replace('\\"', '"')
            or query.casefold() in row["fingerprint"].casefold()
        ), row
