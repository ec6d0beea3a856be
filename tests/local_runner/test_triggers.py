"""The pollers play the template's event source mappings with AWS's batch events and
partial-failure answers. The function here is a recorder: the pollers' contract is with any
function."""

import json
import threading
import time

import boto3
import pytest

from local_runner import triggers
from local_runner.aws_server import read_stream_records
from local_runner.invoke import invoked
from local_runner.template import FunctionSpec, Trigger
from local_runner.triggers import QueuePoller, StreamPoller, WakeOnTableWrite, failed_item_ids

pytestmark = pytest.mark.integration

received: list[dict] = []
fail_once: set[str] = set()
invocations: list[tuple[float, int]] = []  # (when it began, how many records)


def recording_handler(event, context):
    """Records every record; reports the ones named in `fail_once` as failed, once."""
    failures = []
    invocations.append((time.monotonic(), len(event["Records"])))
    for record in event["Records"]:
        received.append(record)
        item = record.get("messageId") or record["dynamodb"]["SequenceNumber"]
        key = record.get("body") or record["dynamodb"]["Keys"]["fingerprint"]["S"]
        if key in fail_once:
            fail_once.discard(key)
            failures.append({"itemIdentifier": item})
    return {"batchItemFailures": failures}


SPEC = FunctionSpec("Recorder", "tests.local_runner.test_triggers.recording_handler", {}, 30)


def wait_for(check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture(autouse=True)
def clean():
    received.clear()
    fail_once.clear()
    invocations.clear()


def test_failed_item_ids_reads_the_partial_failure_answer():
    assert failed_item_ids({"batchItemFailures": [{"itemIdentifier": "7"}]}, True) == ["7"]
    assert failed_item_ids({"batchItemFailures": []}, True) == []
    assert failed_item_ids(None, True) == []
    assert failed_item_ids({"batchItemFailures": [{"oops": 1}]}, True) is None


def test_stream_changes_arrive_in_order_and_a_failure_is_retried_from_it(aws):
    table = aws.tables["GroupsTable"]
    stop = threading.Event()
    trigger = Trigger("Recorder", "DynamoDB", "GroupsTable", 100, True)
    poller = StreamPoller(SPEC, trigger, stop, aws.streams["GroupsTable"])
    fail_once.add("fp-2")
    dynamodb = boto3.client("dynamodb")
    for name in ("fp-1", "fp-2", "fp-3"):
        dynamodb.put_item(TableName=table, Item={"fingerprint": {"S": name}})
    poller.start()
    try:
        assert wait_for(lambda: len(received) >= 5)
    finally:
        stop.set()
        poller.join(5)
    keys = [r["dynamodb"]["Keys"]["fingerprint"]["S"] for r in received]
    # fp-2 failed: the batch is replayed from fp-2, never skipping it, never replaying fp-1.
    assert keys == ["fp-1", "fp-2", "fp-3", "fp-2", "fp-3"]
    record = received[0]
    assert record["eventSource"] == "aws:dynamodb" and record["eventName"] == "INSERT"
    assert record["eventSourceARN"] == aws.streams["GroupsTable"]
    assert isinstance(record["dynamodb"]["ApproximateCreationDateTime"], int)


def test_a_lone_change_is_read_at_once_and_a_storm_of_changes_is_gathered_into_batches(
    aws, monkeypatch
):
    table = aws.tables["GroupsTable"]
    stop = threading.Event()
    trigger = Trigger("Recorder", "DynamoDB", "GroupsTable", 100, True)
    poller = StreamPoller(SPEC, trigger, stop, aws.streams["GroupsTable"])
    dynamodb = boto3.client("dynamodb")
    # An idle poll far slower than the wake: a change read within a second was woken for.
    monkeypatch.setattr(triggers, "STREAM_IDLE_SECONDS", 10.0)
    poller.start()
    try:
        time.sleep(0.5)  # idle: shards known, nothing to read, waiting
        written = time.monotonic()
        dynamodb.put_item(TableName=table, Item={"fingerprint": {"S": "lone"}})
        invoked.set()  # what the runner's WakeOnTableWrite does after each write
        assert wait_for(lambda: len(received) == 1)
        assert invocations[0][0] - written < 1.0  # woken, not polled
        storm_began = time.monotonic()
        for n in range(40):
            dynamodb.put_item(TableName=table, Item={"fingerprint": {"S": f"storm-{n}"}})
            invoked.set()
        storm_seconds = time.monotonic() - storm_began
        assert wait_for(lambda: len(received) == 41)
    finally:
        stop.set()
        poller.join(5)
    keys = [r["dynamodb"]["Keys"]["fingerprint"]["S"] for r in received]
    assert keys == ["lone"] + [f"storm-{n}" for n in range(40)]
    starts = [began for began, _ in invocations]
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= triggers.STREAM_MIN_INTERVAL_SECONDS * 0.99
    # The 40 changes came in far fewer invocations than changes: one per interval at most.
    assert len(invocations) - 1 <= storm_seconds / triggers.STREAM_MIN_INTERVAL_SECONDS + 2
    assert len(invocations) - 1 < 40


def test_the_poller_reads_motos_stream_directly_and_gets_what_the_api_answers(aws):
    arn = aws.streams["GroupsTable"]
    dynamodb = boto3.client("dynamodb")
    table = aws.tables["GroupsTable"]
    dynamodb.put_item(TableName=table, Item={"fingerprint": {"S": "a"}, "count": {"N": "1"}})
    dynamodb.update_item(
        TableName=table,
        Key={"fingerprint": {"S": "a"}},
        UpdateExpression="ADD #count :one SET hosts = :hosts",
        ExpressionAttributeNames={"#count": "count"},
        ExpressionAttributeValues={":one": {"N": "1"}, ":hosts": {"L": [{"S": "pos-1"}]}},
    )
    dynamodb.delete_item(TableName=table, Key={"fingerprint": {"S": "a"}})
    streams = boto3.client("dynamodbstreams")
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]

    def iterator():
        return streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]

    direct = read_stream_records(iterator(), 100)
    over_the_api = streams.get_records(ShardIterator=iterator(), Limit=100)
    assert [triggers._stream_record(r, arn) for r in direct["Records"]] == [
        triggers._stream_record(r, arn) for r in over_the_api["Records"]
    ]
    assert [r["eventName"] for r in direct["Records"]] == ["INSERT", "MODIFY", "REMOVE"]
    assert direct["NextShardIterator"]
    # The poller's copy: changing it leaves moto's stream as it was.
    direct["Records"][0]["dynamodb"]["NewImage"]["count"]["N"] = "99"
    again = read_stream_records(iterator(), 100)
    assert again["Records"][0]["dynamodb"]["NewImage"]["count"] == {"N": "1"}
    assert read_stream_records("arn:aws:dynamodb:no-such-iterator", 100) is None


def test_queue_messages_are_deleted_unless_reported_failed(aws):
    sqs = boto3.client("sqs")
    url = aws.queues["TicketQueue"]
    stop = threading.Event()
    trigger = Trigger("Recorder", "SQS", "TicketQueue", 10, True)
    poller = QueuePoller(SPEC, trigger, stop, url, "arn:aws:sqs:us-east-1:123456789012:q")
    fail_once.add(json.dumps({"n": 2}))
    for n in (1, 2, 3):
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps({"n": n}))
    poller.start()
    try:
        assert wait_for(lambda: len(received) >= 3)
    finally:
        stop.set()
        poller.join(5)
    assert sorted(json.loads(r["body"])["n"] for r in received) == [1, 2, 3]
    assert received[0]["eventSource"] == "aws:sqs"
    counts = sqs.get_queue_attributes(
        QueueUrl=url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    # The failed one waits out its visibility timeout (then the redrive policy applies).
    assert counts["ApproximateNumberOfMessagesNotVisible"] == "1"
    assert counts["ApproximateNumberOfMessages"] == "0"


def test_an_item_created_by_update_item_arrives_as_one_insert(aws):
    """moto streams a key-only INSERT before the real one; DynamoDB streams one."""
    stop = threading.Event()
    trigger = Trigger("Recorder", "DynamoDB", "GroupsTable", 100, True)
    poller = StreamPoller(SPEC, trigger, stop, aws.streams["GroupsTable"])
    boto3.client("dynamodb").update_item(
        TableName=aws.tables["GroupsTable"],
        Key={"fingerprint": {"S": "fp-new"}},
        UpdateExpression="ADD #count :one",
        ExpressionAttributeNames={"#count": "count"},
        ExpressionAttributeValues={":one": {"N": "1"}},
    )
    poller.start()
    try:
        assert wait_for(lambda: len(received) >= 1)
        time.sleep(0.3)  # anything more would have arrived by now
    finally:
        stop.set()
        poller.join(5)
    assert [(r["eventName"], r["dynamodb"]["NewImage"]["count"]) for r in received] == [
        ("INSERT", {"N": "1"})
    ]


@pytest.mark.unit
def test_a_dynamodb_write_wakes_the_stream_pollers_once_answered():
    woken = []

    def app(environ, start_response):
        start_response("200 OK", [])
        yield b"written" if not woken else b"woken before the answer"

    middleware = WakeOnTableWrite(app, lambda: woken.append(True))
    for target, wakes in [
        ("DynamoDB_20120810.TransactWriteItems", True),
        ("DynamoDB_20120810.UpdateItem", True),
        ("DynamoDB_20120810.GetItem", False),
        ("DynamoDBStreams_20120810.GetRecords", False),
        ("AmazonSQS.SendMessage", False),
    ]:
        woken.clear()
        body = b"".join(middleware({"HTTP_X_AMZ_TARGET": target}, lambda *_: None))
        assert body == b"written"
        assert woken == ([True] if wakes else []), target
