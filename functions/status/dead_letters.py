"""The ticket jobs that used up their tries (the dead-letter queue): how many, and sending them
back to the ticket queue once the cause is fixed."""

import json

import boto3

from functions.common.settings import Settings

RECEIVE_BATCH = 10


def depth(settings: Settings) -> int:
    """Jobs waiting in the dead-letter queue (SQS's approximate count)."""
    attributes = boto3.client("sqs").get_queue_attributes(
        QueueUrl=settings.ticket_dlq_url, AttributeNames=["ApproximateNumberOfMessages"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"])


def redrive(settings: Settings, limit: int) -> int:
    """Move up to `limit` jobs back to the ticket queue, each with its tries counted afresh.
    A job is deleted from the dead-letter queue only once it is on the ticket queue."""
    sqs = boto3.client("sqs")
    moved = 0
    while moved < limit:
        messages = sqs.receive_message(
            QueueUrl=settings.ticket_dlq_url,
            MaxNumberOfMessages=min(RECEIVE_BATCH, limit - moved),
            VisibilityTimeout=30,
        ).get("Messages", [])
        if not messages:
            break
        for message in messages:
            sqs.send_message(
                QueueUrl=settings.ticket_queue_url, MessageBody=_fresh(message["Body"])
            )
            sqs.delete_message(
                QueueUrl=settings.ticket_dlq_url, ReceiptHandle=message["ReceiptHandle"]
            )
            moved += 1
    return moved


def _fresh(body: str) -> str:
    """The job without its count of waits: a redriven job starts over."""
    try:
        job = json.loads(body)
    except ValueError:
        return body  # the jira function drops what it cannot read, with a log line
    if isinstance(job, dict):
        job.pop("waits", None)
        return json.dumps(job)
    return body
