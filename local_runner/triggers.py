"""Pollers that play the template's event source mappings, as Lambda's pollers do on AWS:
a DynamoDB stream and an SQS queue, read in batches, handed to the function as the same
events, with partial batch failures (ReportBatchItemFailures) honoured."""

import logging
import threading
import time
from datetime import datetime

import boto3

from local_runner.aws_resources import REGION, Resources
from local_runner.aws_server import read_stream_records
from local_runner.invoke import invoke, invoked
from local_runner.template import FunctionSpec, Trigger

log = logging.getLogger("stacklens.triggers")

# An idle stream poller looks again after this long, or at once when a table was written.
STREAM_IDLE_SECONDS = 0.25
# But it invokes the function at most once in this long, and reads again only after it, as
# Lambda polls a DynamoDB stream's shards "at a base rate of 4 times per second" and invokes the
# function with what it read (AWS Lambda guide, "Using AWS Lambda with Amazon DynamoDB"). On an
# idle stack a new error is decided at once (the last invocation is long past); under a storm of
# writes the changes gather into batches, each paying decide's fixed reads and writes once. At
# 50 ms the runner spent 11-17 % more CPU per line at 5,000 lines/s (BENCHMARKS.md).
STREAM_MIN_INTERVAL_SECONDS = 0.25
SHARDS_REFRESH_SECONDS = 2.0
RETRY_BACKOFF_CAP_SECONDS = 5.0


DYNAMODB_WRITES = frozenset(
    ("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems")
)


class WakeOnTableWrite:
    """WSGI middleware around the AWS server: each answered DynamoDB write wakes the stream
    pollers at once, so decide starts on a new group while ingest still writes the rest of its
    batch (occurrences, live feed), instead of when ingest returns."""

    def __init__(self, app, wake):
        self.app = app
        self.wake = wake

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        service, _, operation = target.partition(".")
        if not (service.startswith("DynamoDB_") and operation in DYNAMODB_WRITES):
            return self.app(environ, start_response)
        answer = list(self.app(environ, start_response))  # the write is done once answered
        self.wake()
        return answer


def failed_item_ids(result, report_failures: bool) -> list[str] | None:
    """The item ids a function reported as failed; None when the whole batch failed."""
    if not report_failures:
        return []
    if not isinstance(result, dict):
        return []
    failures = result.get("batchItemFailures") or []
    try:
        return [str(failure["itemIdentifier"]) for failure in failures]
    except (KeyError, TypeError):
        return None  # an answer Lambda cannot read fails the whole batch


class Poller(threading.Thread):
    def __init__(self, spec: FunctionSpec, trigger: Trigger, stop: threading.Event):
        super().__init__(name=f"poller-{spec.logical_id}", daemon=True)
        self.spec = spec
        self.trigger = trigger
        self.stop_event = stop

    def call(self, event: dict) -> list[str] | None:
        try:
            result = invoke(self.spec, event)
        except Exception:
            log.exception("%s failed on a batch", self.spec.logical_id)
            return None
        return failed_item_ids(result, self.trigger.report_batch_item_failures)


def _stream_record(record: dict, stream_arn: str) -> dict:
    """A record of dynamodbstreams.get_records in the shape Lambda hands it to a function."""
    change = dict(record["dynamodb"])
    created = change.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):  # botocore's reading of the wire's epoch seconds
        change["ApproximateCreationDateTime"] = int(created.timestamp())
    elif isinstance(created, float):
        change["ApproximateCreationDateTime"] = int(created)
    return {
        "eventID": record["eventID"],
        "eventName": record["eventName"],
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": record.get("awsRegion", REGION),
        "dynamodb": change,
        "eventSourceARN": stream_arn,
    }


def without_phantom_inserts(records: list[dict]) -> list[dict]:
    """Drop moto's extra record: when UpdateItem creates an item, moto streams a key-only
    INSERT before the real one, where DynamoDB streams one INSERT."""
    kept = []
    for index, record in enumerate(records):
        change = record["dynamodb"]
        phantom = (
            record["eventName"] == "INSERT"
            and change.get("NewImage") == change.get("Keys")
            and any(
                later["eventName"] == "INSERT" and later["dynamodb"].get("Keys") == change["Keys"]
                for later in records[index + 1 :]
            )
        )
        if not phantom:
            kept.append(record)
    return kept


class StreamPoller(Poller):
    """Reads every shard of a table's stream in order; a failed batch is retried from its
    first failed record (as Lambda bisects), so no change is skipped."""

    def __init__(self, spec, trigger, stop, stream_arn: str):
        super().__init__(spec, trigger, stop)
        self.stream_arn = stream_arn
        self.client = boto3.client("dynamodbstreams", region_name=REGION)
        self.iterators: dict[str, str] = {}
        self.pending: list[dict] = []
        self.shards_seen_at = float("-inf")

    def _refresh_shards(self) -> None:
        if time.monotonic() - self.shards_seen_at < SHARDS_REFRESH_SECONDS:
            return
        self.shards_seen_at = time.monotonic()
        description = self.client.describe_stream(StreamArn=self.stream_arn)["StreamDescription"]
        for shard in description["Shards"]:
            shard_id = shard["ShardId"]
            if shard_id not in self.iterators:
                # The stack is new when the runner starts: every change is for us to play.
                self.iterators[shard_id] = self.client.get_shard_iterator(
                    StreamArn=self.stream_arn, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON"
                )["ShardIterator"]

    def _read(self) -> None:
        for shard_id, iterator in list(self.iterators.items()):
            if not iterator or len(self.pending) >= self.trigger.batch_size:
                continue
            limit = self.trigger.batch_size
            answer = read_stream_records(iterator, limit) or self.client.get_records(
                ShardIterator=iterator, Limit=limit
            )
            self.iterators[shard_id] = answer.get("NextShardIterator")
            self.pending.extend(
                _stream_record(record, self.stream_arn)
                for record in without_phantom_inserts(answer["Records"])
            )

    def run(self) -> None:
        backoff = 0.1
        last_call = float("-inf")
        while not self.stop_event.is_set():
            gathering = last_call + STREAM_MIN_INTERVAL_SECONDS - time.monotonic()
            if gathering > 0 and self.stop_event.wait(gathering):
                break
            invoked.clear()  # a write after this wakes the wait below at once
            try:
                self._refresh_shards()
                self._read()
            except Exception:
                log.exception("reading the stream %s failed", self.stream_arn)
                self.stop_event.wait(1)
                continue
            if not self.pending:
                invoked.wait(STREAM_IDLE_SECONDS)
                continue
            batch = self.pending[: self.trigger.batch_size]
            last_call = time.monotonic()
            failed = self.call({"Records": batch})
            if failed == []:
                del self.pending[: len(batch)]
                backoff = 0.1
                continue
            sequence = [record["dynamodb"]["SequenceNumber"] for record in batch]
            first = (
                0
                if failed is None
                else min((sequence.index(item) for item in failed if item in sequence), default=0)
            )
            del self.pending[:first]
            log.warning("%s: retrying the stream from record %s", self.spec.logical_id, first)
            self.stop_event.wait(backoff)
            backoff = min(backoff * 2, RETRY_BACKOFF_CAP_SECONDS)


class QueuePoller(Poller):
    """Long-polls a queue; deletes what succeeded, leaves failures to the visibility timeout
    (and so to the queue's redrive policy and dead-letter queue)."""

    def __init__(self, spec, trigger, stop, queue_url: str, queue_arn: str):
        super().__init__(spec, trigger, stop)
        self.queue_url = queue_url
        self.queue_arn = queue_arn
        self.client = boto3.client("sqs", region_name=REGION)

    def _record(self, message: dict) -> dict:
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": message.get("Attributes", {}),
            "messageAttributes": message.get("MessageAttributes", {}),
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self.queue_arn,
            "awsRegion": REGION,
        }

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                messages = self.client.receive_message(
                    QueueUrl=self.queue_url,
                    MaxNumberOfMessages=min(self.trigger.batch_size, 10),
                    WaitTimeSeconds=1,
                    AttributeNames=["All"],
                    MessageAttributeNames=["All"],
                ).get("Messages", [])
            except Exception:
                log.exception("receiving from %s failed", self.queue_url)
                self.stop_event.wait(1)
                continue
            if not messages:
                continue
            records = [self._record(message) for message in messages]
            failed = self.call({"Records": records})
            if failed is None:
                continue  # all stay on the queue and come back after the visibility timeout
            done = [r for r in records if r["messageId"] not in set(failed)]
            if done:
                self.client.delete_message_batch(
                    QueueUrl=self.queue_url,
                    Entries=[
                        {"Id": str(i), "ReceiptHandle": r["receiptHandle"]}
                        for i, r in enumerate(done)
                    ],
                )


def start_pollers(
    functions: dict[str, FunctionSpec], triggers: list[Trigger], resources: Resources
) -> threading.Event:
    """Start a poller per trigger; set the returned event to stop them."""
    stop = threading.Event()
    for trigger in triggers:
        spec = functions[trigger.function]
        if trigger.kind == "DynamoDB":
            poller = StreamPoller(spec, trigger, stop, resources.streams[trigger.source])
        else:
            poller = QueuePoller(
                spec,
                trigger,
                stop,
                resources.queues[trigger.source],
                resources.queue_arns[trigger.source],
            )
        poller.start()
    return stop
