"""The decide function on moto: real Groups stream records in, decisions and ticket jobs out."""

import json
from datetime import datetime

import boto3
import pytest

from functions.common import live_feed
from functions.common.models import DecisionModel, GroupModel, SettingModel, TicketModel
from functions.decide import confidence
from local_runner.invoke import LambdaContext

pytestmark = pytest.mark.integration

FINGERPRINT = "pricing:missing-price"


def context() -> LambdaContext:
    return LambdaContext(function_name="DecideFunction", timeout_seconds=15)


def write_group(
    count: int = 1, severity: str = "CRITICAL", fingerprint: str = FINGERPRINT
) -> GroupModel:
    group = GroupModel(
        fingerprint,
        template="Missing price for product <num> (store <num>)",
        message="Missing price for product 999 (store 0042)",
        level="ERROR",
        severity=severity,
        category="pricing",
        rule="missing-price",
        rules_version="rules-7",
        count=count,
        first_seen="2024-05-01T10:00:00.000Z",
        last_seen="2024-05-01T10:00:00.000Z",
        hosts={"till-01"},
        stores={"0042"},
        sources={"/var/log/pos/app.log"},
        last_host="till-01",
        last_store="0042",
        last_source="/var/log/pos/app.log",
    )
    group.save()
    return group


class GroupsStream:
    """Reads the Groups table's stream from where it is now, in Lambda's record shape."""

    def __init__(self, stream_arn: str):
        self.arn = stream_arn
        self.client = boto3.client("dynamodbstreams")
        shard = self.client.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]
        self.iterator = self.client.get_shard_iterator(
            StreamArn=stream_arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]

    def event(self) -> dict:
        answer = self.client.get_records(ShardIterator=self.iterator)
        self.iterator = answer["NextShardIterator"]
        records = []
        for record in answer["Records"]:
            change = dict(record["dynamodb"])
            if isinstance(change.get("ApproximateCreationDateTime"), datetime):
                change["ApproximateCreationDateTime"] = int(
                    change["ApproximateCreationDateTime"].timestamp()
                )
            records.append(
                {
                    "eventID": record["eventID"],
                    "eventName": record["eventName"],
                    "eventVersion": "1.1",
                    "eventSource": "aws:dynamodb",
                    "awsRegion": "us-east-1",
                    "dynamodb": change,
                    "eventSourceARN": self.arn,
                }
            )
        return {"Records": records}


def ticket_jobs(queue_url: str) -> list[dict]:
    sqs = boto3.client("sqs")
    answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    return [json.loads(message["Body"]) for message in answer.get("Messages", [])]


def decisions() -> list[DecisionModel]:
    return list(DecisionModel.query(FINGERPRINT))


@pytest.fixture
def stream(aws):
    return GroupsStream(aws.streams["GroupsTable"])


def test_a_new_critical_group_is_decided_create_and_queued(aws, stream):
    from functions.decide.handler import lambda_handler

    write_group(count=1)
    event = stream.event()
    assert [record["eventName"] for record in event["Records"]] == ["INSERT"]

    answer = lambda_handler(event, context())

    assert answer == {"batchItemFailures": []}
    [decision] = decisions()
    assert decision.action == "create"
    assert decision.severity == "CRITICAL"
    assert decision.rules_version == "rules-7"
    assert decision.model_version == confidence.MODEL_VERSION
    assert 0.5 < decision.confidence <= 1.0
    assert decision.count == 1
    jobs = ticket_jobs(aws.queues["TicketQueue"])
    assert jobs == [
        {
            "fingerprint": FINGERPRINT,
            "action": "create",
            "decision_key": decision.decision_key,
            "count": 1,
            # The new issue is booked in the hourly budget of the hour it was decided in.
            "budget_hour": decision.decided_at[:13],
        }
    ]
    [feed_event] = [e for e in live_feed.read_after(None) if e["kind"] == "decision"]
    assert feed_event["data"]["action"] == "create"
    assert feed_event["data"]["fingerprint"] == FINGERPRINT
    assert feed_event["data"]["template"].startswith("Missing price")
    assert feed_event["data"]["threshold"] == 0.0


def test_a_batch_feeds_each_groups_change_and_decision_live_in_one_write(aws, stream):
    from functions.common.models import EventModel
    from functions.decide.handler import lambda_handler
    from tests.functions.groups import save_group

    group = write_group(count=1)
    save_group("scale:calibration", "Scale out of calibration", severity="CRITICAL")
    lambda_handler(stream.event(), context())
    rows_before = sum(1 for _ in EventModel.scan())
    group.update(actions=[GroupModel.count.add(2)])
    group.update(actions=[GroupModel.count.add(3)])  # two ingest batches, one stream batch

    lambda_handler(stream.event(), context())

    # The counter and one row for the error event, one for the decision: not a row each.
    assert sum(1 for _ in EventModel.scan()) == rows_before + 2
    errors = [e["data"] for e in live_feed.read_after(None) if e["kind"] == "error"]
    assert [(e["fingerprint"], e["is_new_group"], e["new"]) for e in errors] == [
        (FINGERPRINT, True, 1),
        ("scale:calibration", True, 1),
        (FINGERPRINT, False, 5),  # what the batch's two changes added
    ]
    assert errors[-1] == {
        "fingerprint": FINGERPRINT,
        "template": "Missing price for product <num> (store <num>)",
        "message": "Missing price for product 999 (store 0042)",
        "level": "ERROR",
        "severity": "CRITICAL",
        "category": "pricing",
        "count": 6,
        "new": 5,
        "is_new_group": False,
        "host": "till-01",
        "store": "0042",
        "source": "/var/log/pos/app.log",
        "last_seen": "2024-05-01T10:00:00.000Z",
    }
    kinds = [e["kind"] for e in live_feed.read_after(None)]
    assert kinds == ["error", "error", "decision", "decision", "error", "decision"]


def test_more_occurrences_of_an_open_ticket_become_an_update_job(aws, stream):
    from functions.decide.handler import lambda_handler

    group = write_group(count=2)
    TicketModel(
        FINGERPRINT, jira_key="STACK-1", status="open", claimed_at="x", commented_count=2
    ).save()
    group.update(actions=[GroupModel.count.add(3)])
    event = stream.event()
    assert [record["eventName"] for record in event["Records"]] == ["INSERT", "MODIFY"]

    lambda_handler(event, context())

    # One decision for the group's two changes in the batch, counted from before the first.
    [decision] = decisions()
    assert decision.action == "update"
    assert "seen 3 more times (total 5)" in decision.reason
    assert [job["action"] for job in ticket_jobs(aws.queues["TicketQueue"])] == ["update"]


def test_an_update_within_a_booked_comments_wait_queues_no_job(aws, stream):
    from functions.decide.handler import lambda_handler

    group = write_group(count=2)
    ticket = TicketModel(
        FINGERPRINT,
        jira_key="STACK-1",
        status="open",
        claimed_at="x",
        commented_count=2,
        comment_due_at="2999-01-01T00:00:00.000Z",  # a throttled comment's job is waiting
    )
    ticket.save()
    group.update(actions=[GroupModel.count.add(3)])

    lambda_handler(stream.event(), context())

    [decision] = decisions()
    assert decision.action == "update"
    assert "the comment booked for 2999-01-01T00:00:00.000Z reports it" in decision.reason
    assert ticket_jobs(aws.queues["TicketQueue"]) == []

    # A booking whose time has passed belongs to a job that was lost: this one goes.
    ticket.update(actions=[TicketModel.comment_due_at.set("2000-01-01T00:00:00.000Z")])
    group.update(actions=[GroupModel.count.add(1)])
    lambda_handler(stream.event(), context())
    assert [job["action"] for job in ticket_jobs(aws.queues["TicketQueue"])] == ["update"]


def test_each_group_of_a_batch_is_decided_with_its_own_ticket(aws, stream):
    from functions.decide.handler import lambda_handler

    write_group(count=1, fingerprint="pricing:other")
    write_group(count=2)
    TicketModel(
        FINGERPRINT, jira_key="STACK-1", status="open", claimed_at="x", commented_count=1
    ).save()

    assert lambda_handler(stream.event(), context()) == {"batchItemFailures": []}

    jobs = ticket_jobs(aws.queues["TicketQueue"])
    assert sorted((job["fingerprint"], job["action"]) for job in jobs) == [
        (FINGERPRINT, "update"),
        ("pricing:other", "create"),
    ]


def test_settings_tickets_and_feedback_are_read_together_beyond_one_requests_keys(aws):
    from functions.decide import store
    from functions.feedback.store import record

    SettingModel("automation", enabled=False).save()
    SettingModel("thresholds", value={"HIGH": 0.25}).save()
    fingerprints = [f"group-{n:03}" for n in range(150)]  # BatchGetItem reads 100 keys a call
    for fingerprint in ("group-000", "group-099", "group-149"):
        TicketModel(
            fingerprint, jira_key=f"STACK-{fingerprint[-3:]}", status="open", claimed_at="x"
        ).save()
    group = {"fingerprint": "group-120", "message": "Scale offline"}
    record(group, 0, "status-page", "decision create marked wrong")
    record(group, 0, "jira-webhook", "resolved as Won't Do")
    record({"fingerprint": "group-001", "message": "x"}, 1, "status-page", "should be a ticket")

    known = store.read_batch_context(fingerprints + ["group-000"])

    assert known.runtime.automation_enabled is False
    assert known.runtime.thresholds["HIGH"] == 0.25 and known.runtime.thresholds["CRITICAL"] == 0
    assert sorted(known.tickets) == ["group-000", "group-099", "group-149"]
    assert known.tickets["group-099"]["jira_key"] == "STACK-099"
    assert known.feedback == {"group-120": [0, 0], "group-001": [1]}


def test_a_batch_of_changes_of_a_new_group_is_one_create(aws, stream):
    from functions.decide.handler import lambda_handler

    group = write_group(count=1)
    for _ in range(3):  # a storm: the poller fell behind, the batch holds four changes
        group.update(actions=[GroupModel.count.add(10)])

    assert lambda_handler(stream.event(), context()) == {"batchItemFailures": []}

    [decision] = decisions()
    assert (decision.action, decision.count) == ("create", 31)
    assert [job["action"] for job in ticket_jobs(aws.queues["TicketQueue"])] == ["create"]


def test_a_failed_decision_fails_the_changes_behind_it(aws, stream):
    from functions.decide.handler import lambda_handler

    group = write_group(count=1)
    group.update(actions=[GroupModel.count.add(1)])
    event = stream.event()
    first, last = (record["dynamodb"]["SequenceNumber"] for record in event["Records"])
    event["Records"][1]["dynamodb"]["NewImage"]["count"] = {"S": "not a number"}

    answer = lambda_handler(event, context())

    # The retry starts from the first change, so the group is decided on all of them.
    assert answer == {"batchItemFailures": [{"itemIdentifier": last}, {"itemIdentifier": first}]}
    assert decisions() == []


def test_automation_off_decides_skip_and_queues_nothing(aws, stream):
    from functions.decide.handler import lambda_handler

    SettingModel("automation", enabled=False).save()
    write_group(count=1)

    lambda_handler(stream.event(), context())

    [decision] = decisions()
    assert decision.action == "skip"
    assert "automation is off" in decision.reason
    assert ticket_jobs(aws.queues["TicketQueue"]) == []


def test_admin_thresholds_apply_and_removals_are_ignored(aws, stream):
    from functions.decide.handler import lambda_handler

    SettingModel("thresholds", value={"CRITICAL": 1.0}).save()
    group = write_group(count=1)
    group.delete()

    answer = lambda_handler(stream.event(), context())

    assert answer == {"batchItemFailures": []}
    [decision] = decisions()  # one for the INSERT, none for the REMOVE
    assert decision.action == "skip"
    assert decision.threshold == 1.0
    assert ticket_jobs(aws.queues["TicketQueue"]) == []


def test_a_record_that_fails_is_reported_alone(aws, stream):
    from functions.decide.handler import lambda_handler

    write_group(count=1)
    event = stream.event()
    broken = json.loads(json.dumps(event["Records"][0]))
    broken["eventID"] = "broken-1"
    broken["dynamodb"]["SequenceNumber"] = "999"
    del broken["dynamodb"]["NewImage"]
    event["Records"].append(broken)

    answer = lambda_handler(event, context())

    assert answer == {"batchItemFailures": [{"itemIdentifier": "999"}]}
    assert [decision.action for decision in decisions()] == ["create"]


def test_feedback_changes_the_next_decision_and_the_row_explains_it(aws, stream):
    from functions.decide.handler import lambda_handler
    from functions.feedback.store import record

    write_group(count=1, severity="HIGH")
    lambda_handler(stream.event(), context())
    [first] = decisions()
    assert first.action == "create"
    assert first.feedback_adjustment == 0.0
    assert first.model_probability == first.confidence > first.threshold

    # Someone marks it wrong (what the feedback function stores), then the error happens again.
    group = {"fingerprint": FINGERPRINT, "message": "Missing price for product 999 (store 0042)"}
    assert record(group, 0, "status-page", "decision create marked wrong", feedback_key="k1")
    assert record(group, 0, "status-page", "marked wrong again", feedback_key="k1") is None
    write_group(count=2, severity="HIGH")
    lambda_handler(stream.event(), context())

    second = decisions()[-1]
    assert second.action == "skip"
    assert second.model_probability == first.model_probability
    assert second.feedback_adjustment == -0.5
    assert second.confidence == pytest.approx(first.model_probability - 0.5, abs=1e-4)
    assert second.threshold == 0.5
    assert "feedback -0.50" in second.reason


def test_beyond_the_hourly_budget_a_new_problem_is_decided_suppress(aws, stream, monkeypatch):
    from functions.decide.handler import lambda_handler
    from tests.functions.groups import save_group

    monkeypatch.setenv("MAX_NEW_TICKETS_PER_HOUR", "1")
    first = write_group(count=1)
    held = save_group("scale:calibration", "Scale out of calibration", severity="CRITICAL")
    assert lambda_handler(stream.event(), context()) == {"batchItemFailures": []}
    # Both change again before any issue exists: each is decided anew.
    first.update(actions=[GroupModel.count.add(1)])
    held.update(actions=[GroupModel.count.add(1)])
    assert lambda_handler(stream.event(), context()) == {"batchItemFailures": []}

    # The budget is booked once per problem. The first one's issue is still being opened (no
    # Tickets record yet), so its second change reports to that issue: an update, not a create.
    created, reported = decisions()
    assert (created.action, reported.action) == ("create", "update")
    assert "being opened by an earlier decision" in reported.reason
    suppressed = list(DecisionModel.query("scale:calibration"))
    assert [d.action for d in suppressed] == ["suppress", "suppress"]
    assert "1 new issues opened this hour" in suppressed[0].reason
    assert "CRITICAL threshold" in suppressed[0].reason  # and why it would have been a create
    jobs = ticket_jobs(aws.queues["TicketQueue"])
    digest_jobs = [job for job in jobs if job["fingerprint"] == "scale:calibration"]
    assert [job["action"] for job in digest_jobs] == ["suppress", "suppress"]
    assert [job["action"] for job in jobs if job["fingerprint"] == FINGERPRINT] == [
        "create",
        "update",
    ]
    assert {job.get("budget_hour") for job in jobs if job["action"] != "update"} == {
        suppressed[0].decided_at[:13]
    }
    feed = [e["data"] for e in live_feed.read_after(None) if e["kind"] == "decision"]
    assert [e["action"] for e in feed].count("suppress") == 2


def test_a_batchs_decision_rows_are_written_in_one_request(aws, stream, monkeypatch):
    from botocore.client import BaseClient

    from functions.decide.handler import lambda_handler
    from tests.functions.groups import save_group

    write_group(count=1)
    save_group("scale:calibration", "Scale out of calibration", severity="CRITICAL")
    requests: list[tuple[str, int]] = []
    make_api_call = BaseClient._make_api_call

    def metered(self, operation, params):
        if operation == "BatchWriteItem":
            for table, writes in params["RequestItems"].items():
                requests.append((f"{operation} {table}", len(writes)))
        elif operation in ("PutItem", "UpdateItem"):
            requests.append((f"{operation} {params['TableName']}", 1))
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", metered)
    lambda_handler(stream.event(), context())

    decisions_table = DecisionModel.Meta.table_name
    assert [r for r in requests if decisions_table in r[0]] == [
        (f"BatchWriteItem {decisions_table}", 2)
    ]
    assert {d.action for d in DecisionModel.scan()} == {"create"}
