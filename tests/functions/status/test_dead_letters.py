"""Ticket jobs that used up their tries are shown and can be sent back (issue 6)."""

import json

import boto3
import pytest

from tests.functions.status.http import ADMIN, call, json_of

pytestmark = pytest.mark.integration


def dead_letter(aws, *jobs: dict) -> None:
    sqs = boto3.client("sqs")
    for job in jobs:
        sqs.send_message(QueueUrl=aws.queues["TicketDeadLetterQueue"], MessageBody=json.dumps(job))


def queued_jobs(aws) -> list[dict]:
    messages = boto3.client("sqs").receive_message(
        QueueUrl=aws.queues["TicketQueue"], MaxNumberOfMessages=10
    )
    return [json.loads(message["Body"]) for message in messages.get("Messages", [])]


def test_the_jira_status_shows_how_many_jobs_are_dead_lettered(aws):
    dead_letter(
        aws, {"fingerprint": "a", "action": "create"}, {"fingerprint": "b", "action": "update"}
    )
    assert json_of(call("GET", "/api/jira/status"))["dead_letter_jobs"] == 2


def test_redrive_needs_the_admin_token(aws):
    dead_letter(aws, {"fingerprint": "a", "action": "create"})
    assert call("POST", "/api/jira/redrive", headers={}).status == 401
    assert json_of(call("GET", "/api/jira/status"))["dead_letter_jobs"] == 1


def test_redrive_sends_every_job_back_to_start_over(aws):
    jobs = [{"fingerprint": f"fp-{n}", "action": "create", "waits": 3} for n in range(3)]
    dead_letter(aws, *jobs)

    answer = call("POST", "/api/jira/redrive", headers=ADMIN)

    assert answer.status == 200
    assert json_of(answer) == {"redriven": 3, "remaining": 0}
    back = queued_jobs(aws)
    assert sorted(job["fingerprint"] for job in back) == ["fp-0", "fp-1", "fp-2"]
    assert all("waits" not in job for job in back)


def test_redrive_takes_a_limit(aws):
    dead_letter(aws, *({"fingerprint": f"fp-{n}", "action": "create"} for n in range(4)))
    answer = call("POST", "/api/jira/redrive", headers=ADMIN, body={"limit": 1})
    assert json_of(answer) == {"redriven": 1, "remaining": 3}


@pytest.mark.parametrize("limit", [0, 1001, "ten", True])
def test_a_bad_limit_is_a_400_naming_it(aws, limit):
    answer = call("POST", "/api/jira/redrive", headers=ADMIN, body={"limit": limit})
    assert answer.status == 400
    assert json_of(answer)["field"] == "limit"
