"""The jira function on moto against the real Jira emulator over HTTP: one issue per group,
comments for repeats, and recovery of a lost Tickets record by the fingerprint label."""

import json
import time

import boto3
import pytest
import requests
from atlassian import Jira

from functions.common import live_feed
from functions.common.models import DecisionModel, GroupModel, SettingModel, TicketModel
from functions.common.settings import load
from functions.jira import issue
from local_runner.invoke import LambdaContext
from local_runner.jira_emulator import serve
from tests.functions.groups import save_group, save_occurrences

pytestmark = pytest.mark.integration

FINGERPRINT = "pricing:missing-price"
LABEL = issue.fingerprint_label(FINGERPRINT)
SAMPLE_LINE = "2024-05-01 10:00:00 ERROR Missing price for product 999 (store 0042)"


@pytest.fixture(scope="module")
def jira_server():
    server = serve()
    yield server
    server.shutdown()


@pytest.fixture
def jira(aws, jira_server, monkeypatch) -> Jira:
    """A clean emulator, the functions pointed at it, and a client to look at it with."""
    requests.post(f"{jira_server.url}/_emulator/reset", timeout=5).raise_for_status()
    monkeypatch.setenv("JIRA_URL", jira_server.url)
    monkeypatch.setenv("JIRA_USER", "demo@example.com")
    monkeypatch.setenv("JIRA_API_TOKEN", "demo-token")
    # Storm control is tested on its own; elsewhere every update comments at once.
    monkeypatch.setenv("COMMENT_INTERVAL_SECONDS", "0")
    return Jira(url=jira_server.url, username="demo@example.com", password="demo-token", cloud=True)


def write_group(count: int = 1, severity: str = "CRITICAL", hosts=("till-01",)) -> None:
    GroupModel(
        FINGERPRINT,
        template="Missing price for product <num> (store <num>)",
        message="Missing price for product 999 (store 0042)",
        level="ERROR",
        severity=severity,
        category="pricing",
        count=count,
        first_seen="2024-05-01T10:00:00.000Z",
        last_seen="2024-05-01T10:05:00.000Z",
        hosts=set(hosts),
        stores={"0042"},
        sources={"/var/log/pos/app.log"},
    ).save()
    save_occurrences(FINGERPRINT, [SAMPLE_LINE])


def run_jobs(queue_url: str, *jobs: dict) -> dict:
    """Send the jobs through the real queue and hand them to the function as Lambda would."""
    from functions.jira.handler import lambda_handler

    sqs = boto3.client("sqs")
    for job in jobs:
        body = job if isinstance(job, str) else json.dumps({"decision_key": "k", **job})
        sqs.send_message(QueueUrl=queue_url, MessageBody=body)
    messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
    event = {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": {"ApproximateReceiveCount": "1"},
                "messageAttributes": {},
                "md5OfBody": message["MD5OfBody"],
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:stacklens-TicketQueue",
                "awsRegion": "us-east-1",
            }
            for message in messages
        ]
    }
    context = LambdaContext(function_name="JiraFunction", timeout_seconds=15)
    return lambda_handler(event, context)


def issues_with_label(jira: Jira) -> list[dict]:
    return jira.jql(f'labels = "{LABEL}" ORDER BY created ASC').get("issues", [])


def comments(jira: Jira, key: str) -> list[str]:
    return [comment["body"] for comment in jira.issue_get_comments(key)["comments"]]


def ticket_feed() -> list[dict]:
    return [event["data"] for event in live_feed.read_after(None) if event["kind"] == "ticket"]


def create(count: int = 1) -> dict:
    return {"fingerprint": FINGERPRINT, "action": "create", "count": count}


def update(count: int) -> dict:
    return {"fingerprint": FINGERPRINT, "action": "update", "count": count}


def test_a_create_job_opens_one_issue_with_priority_and_labels(aws, jira):
    write_group(count=1)

    answer = run_jobs(aws.queues["TicketQueue"], create())

    assert answer == {"batchItemFailures": []}
    [found] = issues_with_label(jira)
    fields = jira.issue(found["key"])["fields"]
    assert fields["priority"]["name"] == "Highest"
    assert {"stacklens", LABEL, "critical", "pricing"} <= set(fields["labels"])
    assert (
        fields["summary"] == "[CRITICAL] Pricing error | Missing price for product 999 (store 0042)"
    )
    assert "Count: 1" in fields["description"]
    # The raw line of the group's first occurrence, read from the Occurrences table.
    assert fields["description"].split("Sample lines:")[1].count(SAMPLE_LINE) == 1
    ticket = TicketModel.get(FINGERPRINT)
    assert (ticket.jira_key, ticket.status, ticket.commented_count) == (found["key"], "open", 1)
    [fed] = ticket_feed()
    assert fed["action"] == "created" and fed["key"] == found["key"]
    assert fed["url"] == f"{jira.url}/browse/{found['key']}"


def test_a_new_issue_shows_the_groups_first_lines_oldest_first(aws, jira):
    lines = [f"2024-05-01 10:00:{n:02d} ERROR Missing price for product {n}" for n in range(7)]
    save_group(FINGERPRINT, "Missing price for product 0", lines)

    run_jobs(aws.queues["TicketQueue"], create())

    [found] = issues_with_label(jira)
    shown = jira.issue(found["key"])["fields"]["description"].split("Sample lines:")[1]
    positions = [shown.find(line) for line in lines]
    assert positions[:5] == sorted(positions[:5]) and -1 not in positions[:5]
    assert positions[5:] == [-1, -1]  # five at most


def test_a_group_without_stored_lines_still_gets_its_issue(aws, jira):
    save_group(FINGERPRINT, "Missing price for product 0")

    assert run_jobs(aws.queues["TicketQueue"], create()) == {"batchItemFailures": []}

    [found] = issues_with_label(jira)
    description = jira.issue(found["key"])["fields"]["description"]
    assert "Missing price for product 0" in description and "Sample lines:" not in description


def test_a_second_create_for_the_same_group_comments_instead(aws, jira):
    write_group(count=1)
    run_jobs(aws.queues["TicketQueue"], create(1))
    write_group(count=3, hosts=("till-01", "till-02"))

    answer = run_jobs(aws.queues["TicketQueue"], create(3))

    assert answer == {"batchItemFailures": []}
    [found] = issues_with_label(jira)
    [comment] = comments(jira, found["key"])
    assert comment.startswith(
        "Seen 2 more times (total 3) on 2 hosts in 1 store (till-01, till-02)."
    )
    assert [fed["action"] for fed in ticket_feed()] == ["created", "commented"]


def test_an_update_job_comments_once_even_when_delivered_twice(aws, jira):
    write_group(count=1)
    run_jobs(aws.queues["TicketQueue"], create(1))
    write_group(count=4)

    run_jobs(aws.queues["TicketQueue"], update(4))
    run_jobs(aws.queues["TicketQueue"], update(4))  # SQS delivers at least once

    [found] = issues_with_label(jira)
    assert comments(jira, found["key"]) == [
        "Seen 3 more times (total 4) on 1 host in 1 store (till-01). "
        "Last seen 2024-05-01T10:05:00.000Z."
    ]
    assert TicketModel.get(FINGERPRINT).commented_count == 4


def test_a_lost_ticket_record_is_found_again_by_its_label(aws, jira):
    write_group(count=1)
    run_jobs(aws.queues["TicketQueue"], create(1))
    [original] = issues_with_label(jira)
    TicketModel.get(FINGERPRINT).delete()
    write_group(count=2)

    answer = run_jobs(aws.queues["TicketQueue"], create(2))

    assert answer == {"batchItemFailures": []}
    assert [found["key"] for found in issues_with_label(jira)] == [original["key"]]
    assert TicketModel.get(FINGERPRINT).jira_key == original["key"]
    assert comments(jira, original["key"])[0].startswith("Seen again (total 2)")


def test_an_update_while_the_issue_is_being_created_is_retried(aws, jira):
    write_group(count=2)
    TicketModel(FINGERPRINT, status="claimed", claimed_at="2999-01-01T00:00:00.000Z").save()

    answer = run_jobs(aws.queues["TicketQueue"], update(2))

    # Waiting is not failing: the job goes back to the queue, without using up a try...
    assert answer["batchItemFailures"] == []
    assert issues_with_label(jira) == []
    # ...and comes back within seconds, not after the queue's 90 s visibility timeout.
    sqs = boto3.client("sqs")
    deadline = time.monotonic() + 5
    redelivered = []
    while not redelivered and time.monotonic() < deadline:
        redelivered = sqs.receive_message(
            QueueUrl=aws.queues["TicketQueue"], WaitTimeSeconds=1
        ).get("Messages", [])
    assert redelivered
    assert json.loads(redelivered[0]["Body"]) | {"decision_key": "k"} == update(2) | {
        "decision_key": "k",
        "waits": 1,
    }


def test_a_claim_left_by_a_dead_job_is_taken_over(aws, jira):
    write_group(count=2)
    TicketModel(FINGERPRINT, status="claimed", claimed_at="2020-01-01T00:00:00.000Z").save()

    answer = run_jobs(aws.queues["TicketQueue"], create(2))

    assert answer == {"batchItemFailures": []}
    [found] = issues_with_label(jira)
    assert TicketModel.get(FINGERPRINT).jira_key == found["key"]


def test_jira_unreachable_fails_the_job_and_frees_the_claim(aws, jira, monkeypatch):
    write_group(count=1)
    stopped = serve()  # its port is free again once it stops: nothing answers there
    stopped.shutdown()
    monkeypatch.setenv("JIRA_URL", stopped.url)

    answer = run_jobs(aws.queues["TicketQueue"], create(1))

    assert len(answer["batchItemFailures"]) == 1
    with pytest.raises(TicketModel.DoesNotExist):
        TicketModel.get(FINGERPRINT)


def test_fields_jira_rejects_are_logged_not_retried(aws, jira, monkeypatch):
    monkeypatch.setenv("JIRA_PROJECT", "NOPE")
    write_group(count=1)

    answer = run_jobs(aws.queues["TicketQueue"], create(1))

    assert answer == {"batchItemFailures": []}
    assert issues_with_label(jira) == []
    [fed] = ticket_feed()
    assert fed["action"] == "rejected" and fed["key"] is None
    assert "project" in fed["error"].lower()
    with pytest.raises(TicketModel.DoesNotExist):
        TicketModel.get(FINGERPRINT)


def test_a_priority_scheme_jira_does_not_have_still_opens_the_issue(aws, jira, monkeypatch):
    monkeypatch.setenv("JIRA_PRIORITY_MAP", json.dumps({"CRITICAL": "Blocker"}))
    write_group(count=1)

    answer = run_jobs(aws.queues["TicketQueue"], create(1))

    assert answer == {"batchItemFailures": []}
    [found] = issues_with_label(jira)
    assert LABEL in jira.issue(found["key"])["fields"]["labels"]


def test_a_resolved_issue_is_reopened_when_the_error_comes_back(aws, jira):
    write_group(count=1)
    run_jobs(aws.queues["TicketQueue"], create(1))
    [found] = issues_with_label(jira)
    jira.set_issue_status(found["key"], "Done")
    TicketModel(FINGERPRINT).update(actions=[TicketModel.status.set("resolved")])
    write_group(count=5)

    answer = run_jobs(
        aws.queues["TicketQueue"], {"fingerprint": FINGERPRINT, "action": "reopen", "count": 5}
    )

    assert answer == {"batchItemFailures": []}
    status = jira.issue(found["key"])["fields"]["status"]
    assert status["statusCategory"]["key"] != "done"
    [comment] = comments(jira, found["key"])
    assert "reopened" in comment and "Seen 4 more times (total 5)" in comment
    assert TicketModel.get(FINGERPRINT).status == "open"
    assert ticket_feed()[-1]["action"] == "reopened"


def test_malformed_jobs_are_dropped_not_retried(aws, jira):
    answer = run_jobs(
        aws.queues["TicketQueue"],
        "not json",
        json.dumps({"action": "create"}),
        json.dumps({"fingerprint": FINGERPRINT, "action": "explode"}),
        json.dumps({"fingerprint": "no-such-group", "action": "create"}),
    )
    assert answer == {"batchItemFailures": []}
    assert issues_with_label(jira) == []


def test_a_decision_of_the_decide_function_becomes_an_issue(aws, jira):
    """The two functions agree on the ticket job: decide's message is what jira carries out."""
    from functions.decide.handler import lambda_handler as decide
    from tests.functions.decide.test_handler import GroupsStream

    stream = GroupsStream(aws.streams["GroupsTable"])
    write_group(count=1)
    decide(stream.event(), LambdaContext(function_name="DecideFunction", timeout_seconds=15))

    answer = run_jobs(aws.queues["TicketQueue"])

    assert answer == {"batchItemFailures": []}
    [found] = issues_with_label(jira)
    assert TicketModel.get(FINGERPRINT).jira_key == found["key"]


def delayed_jobs(queue_url: str) -> int:
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessagesDelayed"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessagesDelayed"])


# Long enough that the storm's jobs below all run inside it even on a loaded machine (at 1 s a
# full-suite run once posted the comment mid-storm), short enough to wait out.
STORM_INTERVAL_SECONDS = 4


def test_storm_control_one_comment_per_interval_carrying_every_count(aws, jira, monkeypatch):
    monkeypatch.setenv("COMMENT_INTERVAL_SECONDS", str(STORM_INTERVAL_SECONDS))
    queue = aws.queues["TicketQueue"]
    write_group(count=1)
    run_jobs(queue, create(1))
    (key,) = [found["key"] for found in issues_with_label(jira)]

    # Right after the issue was opened: no comment yet, one comment booked for later...
    write_group(count=3)
    assert run_jobs(queue, update(3))["batchItemFailures"] == []
    # ...and a storm adds no second booking and no comment.
    write_group(count=40, hosts=("till-01", "till-02"))
    for count in (10, 25, 40):
        assert run_jobs(queue, update(count))["batchItemFailures"] == []
    assert comments(jira, key) == []
    assert delayed_jobs(queue) == 1

    time.sleep(STORM_INTERVAL_SECONDS + 0.3)
    run_jobs(queue)  # the booked job, now due
    assert comments(jira, key) == [
        "Seen 39 more times (total 40) on 2 hosts in 1 store (till-01, till-02). "
        "Last seen 2024-05-01T10:05:00.000Z."
    ]
    assert TicketModel.get(FINGERPRINT).comment_due_at is None


HOSTILE_MESSAGES = {
    "quotes": 'Payment "declined" for card \'4111\' by "Adyen"',
    "backslashes": "Path C:\\POS\\data\\prices.db is locked \\\\ retry",
    "jql-words": 'x" OR labels = "stacklens" OR summary ~ "y AND project != STACK ORDER BY key',
    "newlines": "Printer offline\nlane 4\r\nretrying\tnow",
    "ten-kb": "Checksum mismatch " + "0123456789abcdef" * 640,
    "non-ascii": "Kassenfehler – Überweisung abgelehnt 💳 (Filiale Zürich, 収納)",
    "markup": "<img src=x onerror=alert(1)> {noformat} [~admin] h1. *bold*",
}


@pytest.mark.parametrize("name", list(HOSTILE_MESSAGES))
def test_hostile_text_never_breaks_jql_or_the_create(aws, jira, name):
    message = HOSTILE_MESSAGES[name]
    fingerprint = f"hostile-{name}"
    save_group(fingerprint, message, [f"2024-05-01 10:00:00 ERROR {message}"], category="pos")
    create_job = {"fingerprint": fingerprint, "action": "create", "count": 1}

    assert run_jobs(aws.queues["TicketQueue"], create_job)["batchItemFailures"] == []

    label = issue.fingerprint_label(fingerprint)
    found = jira.jql(f'labels = "{label}"').get("issues", [])
    assert len(found) == 1
    fields = jira.issue(found[0]["key"])["fields"]
    assert "\n" not in fields["summary"] and len(fields["summary"]) <= 255
    assert message.splitlines()[0][:40] in fields["summary"]
    # A retry of the create finds the issue by its label: still one.
    TicketModel(fingerprint).delete()
    assert run_jobs(aws.queues["TicketQueue"], create_job)["batchItemFailures"] == []
    assert len(jira.jql(f'labels = "{label}"').get("issues", [])) == 1


def opened_and_held_back(jira: Jira) -> tuple[list[dict], str, list[str]]:
    """The problems' own issues, the one digest issue's key, and what it lists."""
    opened = jira.jql('labels = "stacklens" AND labels != "stacklens-digest"')["issues"]
    (digest,) = jira.jql('labels = "stacklens-digest"')["issues"]
    return opened, digest["key"], comments(jira, digest["key"])


def test_beyond_the_hourly_budget_new_problems_go_to_one_digest_issue(aws, jira, monkeypatch):
    monkeypatch.setenv("MAX_NEW_TICKETS_PER_HOUR", "2")
    fingerprints = [f"budget-{n}" for n in range(4)]
    for n, fingerprint in enumerate(fingerprints):
        save_group(fingerprint, f"Scale {n} out of calibration")
    jobs = [{"fingerprint": fp, "action": "create", "count": 1} for fp in fingerprints]
    for job in jobs:
        assert run_jobs(aws.queues["TicketQueue"], job)["batchItemFailures"] == []
    # A held-back problem seen again within the hour is not listed twice.
    assert run_jobs(aws.queues["TicketQueue"], jobs[3])["batchItemFailures"] == []

    opened, _digest, listed = opened_and_held_back(jira)
    assert len(opened) == 2
    assert len(listed) == 2
    assert "Scale 2 out of calibration" in listed[0] and "budget-2" in listed[0]
    assert "Scale 3 out of calibration" in listed[1]
    assert [e["action"] for e in ticket_feed()].count("suppressed") == 2
    assert TicketModel.count() == 2  # held-back problems keep no ticket: they get one later


def test_decide_suppresses_beyond_the_budget_and_the_digest_lists_each_once(aws, jira, monkeypatch):
    """decide books the budget and records suppress; jira lists those on one digest issue."""
    from functions.decide.handler import lambda_handler as decide
    from tests.functions.decide.test_handler import GroupsStream

    monkeypatch.setenv("MAX_NEW_TICKETS_PER_HOUR", "2")
    stream = GroupsStream(aws.streams["GroupsTable"])
    groups = [save_group(f"budget-{n}", f"Scale {n} out of calibration") for n in range(4)]
    decide(stream.event(), LambdaContext(function_name="DecideFunction", timeout_seconds=15))
    groups[3].update(actions=[GroupModel.count.add(1)])  # a held-back problem seen again
    decide(stream.event(), LambdaContext(function_name="DecideFunction", timeout_seconds=15))

    assert run_jobs(aws.queues["TicketQueue"])["batchItemFailures"] == []

    actions = {
        g.fingerprint: [d.action for d in DecisionModel.query(g.fingerprint)] for g in groups
    }
    assert actions == {
        "budget-0": ["create"],
        "budget-1": ["create"],
        "budget-2": ["suppress"],
        "budget-3": ["suppress", "suppress"],
    }
    opened, digest, listed = opened_and_held_back(jira)
    assert len(opened) == 2
    assert len(listed) == 2
    assert "budget-2" in listed[0] and "budget-3" in listed[1]
    # Decided again later in the hour: suppress, and as it is listed already, no job at all.
    groups[2].update(actions=[GroupModel.count.add(1)])
    decide(stream.event(), LambdaContext(function_name="DecideFunction", timeout_seconds=15))
    assert [d.action for d in DecisionModel.query("budget-2")] == ["suppress", "suppress"]
    queued = boto3.client("sqs").receive_message(QueueUrl=aws.queues["TicketQueue"])
    assert queued.get("Messages", []) == []
    assert len(comments(jira, digest)) == 2


@pytest.mark.parametrize("died", ["before creating", "after creating"])
def test_a_digest_claim_left_by_a_crashed_job_is_taken_over(aws, jira, died):
    hour = "2024-05-01T10"
    # The job that claimed the digest issue died 2 minutes ago, past the claim's lease...
    SettingModel(f"ticket-digest#{hour}", updated_at="2000-01-01T00:00:00.000Z").save()
    if died == "after creating":  # ...after Jira had created the issue, before recording it
        jira.create_issue(fields=issue.digest_fields(hour, load()))
    save_group("scale:calibration", "Scale out of calibration")
    job = {"fingerprint": "scale:calibration", "action": "suppress", "budget_hour": hour}

    assert run_jobs(aws.queues["TicketQueue"], job)["batchItemFailures"] == []

    (digest,) = jira.jql(f'labels = "{issue.digest_label(hour)}"')["issues"]
    assert SettingModel.get(f"ticket-digest#{hour}").jira_key == digest["key"]
    (listed,) = comments(jira, digest["key"])
    assert "Scale out of calibration" in listed


def test_a_live_digest_claim_is_waited_for_not_duplicated(aws, jira):
    from functions.common import clock

    hour = "2024-05-01T10"
    SettingModel(f"ticket-digest#{hour}", updated_at=clock.iso()).save()
    save_group("scale:calibration", "Scale out of calibration")
    job = {"fingerprint": "scale:calibration", "action": "suppress", "budget_hour": hour}

    assert run_jobs(aws.queues["TicketQueue"], job)["batchItemFailures"] == []

    assert jira.jql('labels = "stacklens-digest"')["issues"] == []
    assert delayed_jobs(aws.queues["TicketQueue"]) == 1  # it comes back after the other job
