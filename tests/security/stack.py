"""What the security tests do to the secret stack (tests/conftest.py): look into its tables,
register hosts, post signed requests."""

import json
import uuid

import boto3
import requests

from local_runner.aws_resources import REGION, physical_name
from shipper.signing import signed_headers

# The tables a refused request must leave as they were. The live feed (Events) is written by
# decide and the jira function only, from the Groups stream: a Groups table left as it was
# leaves it too (and earlier tests' groups still feed it meanwhile).
STORED = (
    "GroupsTable",
    "OccurrencesTable",
    "SeenTable",
    "HostsTable",
    "SettingsTable",
    "AuditTable",
    "FeedbackTable",
)


def table_items(stack, logical_id: str) -> list[dict]:
    """Every item of one of the stack's tables (moto, so a scan is cheap)."""
    dynamodb = boto3.client(
        "dynamodb",
        endpoint_url=stack.aws_url,
        region_name=REGION,
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    pages = dynamodb.get_paginator("scan").paginate(TableName=physical_name(logical_id))
    return [item for page in pages for item in page["Items"]]


def _written_by_requests(logical_id: str, item: dict) -> bool:
    """False for what decide and the jira function write on their own, later, for groups of
    earlier tests: the hourly ticket budget."""
    if logical_id == "SettingsTable":
        return not item["name"]["S"].startswith("ticket-budget")
    return True


def snapshot(stack) -> dict[str, list]:
    """The items requests can write, comparable before and after a request."""
    return {
        logical_id: sorted(
            json.dumps(item, sort_keys=True)
            for item in table_items(stack, logical_id)
            if _written_by_requests(logical_id, item)
        )
        for logical_id in STORED
    }


def register(stack, host_id: str | None = None) -> tuple[str, str]:
    """A new host through the admin route: (host id, key)."""
    host_id = host_id or f"sec-{uuid.uuid4().hex[:12]}"
    answer = requests.post(
        f"{stack.api_url}/api/hosts", json={"host_id": host_id}, headers=stack.admin, timeout=10
    )
    assert answer.status_code == 201, answer.text
    return host_id, answer.json()["key"]


def rotate(stack, host_id: str, grace_seconds: int | None = None) -> str:
    body = {} if grace_seconds is None else {"grace_seconds": grace_seconds}
    answer = requests.post(
        f"{stack.api_url}/api/hosts/{host_id}/rotate", json=body, headers=stack.admin, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["key"]


def error_batch(host_id: str, line: str | None = None, offset: int = 0) -> dict:
    return {
        "batch_id": str(uuid.uuid4()),
        "host": host_id,
        "store": "S-SEC",
        "events": [
            {
                "source": "/var/log/pos/app.log",
                "file_id": f"file-{uuid.uuid4().hex[:8]}",
                "offset": offset,
                "line": line
                or f"2026-11-26 12:00:00 ERROR pos.payment Card {uuid.uuid4()} refused",
            }
        ],
    }


def post_signed(
    stack,
    path: str,
    host_id: str,
    key: str,
    raw: bytes,
    now: float | None = None,
    headers: dict | None = None,
    via: str = "api_url",
) -> requests.Response:
    """POST `raw` signed to `path` through the API, or through the shippers' URL with
    `via="shipper_url"`."""
    signed = {
        "Content-Type": "application/json",
        **signed_headers(host_id, key, raw, now=now),
        **(headers or {}),
    }
    base = getattr(stack, via)
    return requests.post(f"{base}{path}", data=raw, headers=signed, timeout=30)
