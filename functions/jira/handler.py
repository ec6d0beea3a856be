"""The jira function: each ticket job (SQS) opens, comments on or reopens the group's issue.

A job that fails is reported back alone (partial batch failure), so SQS retries just that one
and moves it to the dead-letter queue after the queue's maxReceiveCount.
"""

import json
from functools import partial

import boto3
from atlassian import Jira
from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.common import models
from functions.common.metrics import count, publishes_metrics
from functions.common.models import GroupModel
from functions.common.settings import Settings, load
from functions.jira import retry, tickets
from functions.jira.client import kept_client

logger = Logger()

# A batch whose every job failed is answered with every id, like any partial failure.
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
models.bind(load())


def read_job(body: str) -> dict:
    """The job a message carries: {"fingerprint", "action", "decision_key", "count"} and, for
    a create or a suppress, "budget_hour"."""
    try:
        job = json.loads(body)
    except json.JSONDecodeError as error:
        raise tickets.BadJob(f"the message is not JSON: {error}") from error
    if not isinstance(job, dict) or not isinstance(job.get("fingerprint"), str):
        raise tickets.BadJob("the message has no fingerprint")
    return job


def run_job(record: SQSRecord, jira: Jira, settings: Settings) -> None:
    """One job; an exception leaves the message on the queue for a later retry."""
    try:
        job = read_job(record.body)
    except tickets.BadJob as error:
        # Retrying cannot fix a malformed message: log it and let it go.
        logger.error(
            "dropping a malformed ticket job", message_id=record.message_id, error=str(error)
        )
        return
    try:
        group = models.as_dict(GroupModel.get(job["fingerprint"], consistent_read=True))
    except GroupModel.DoesNotExist:
        logger.warning("dropping a job for a group that no longer exists", job=job)
        return
    try:
        outcome = tickets.handle_job(job, group, jira, settings)
    except tickets.BadJob as error:
        logger.error("dropping a ticket job", job=job, error=str(error))
        return
    except Exception as error:
        waits = int(job.get("waits") or 0)
        next_step = retry.plan(error, int(record.attributes.approximate_receive_count), waits)
        if next_step.requeue:
            requeue({**job, "waits": waits + 1}, next_step.delay_seconds, settings)
            logger.info(
                "ticket job waits", job=job, seconds=next_step.delay_seconds, why=str(error)
            )
            return
        retry_later(record, next_step.delay_seconds, settings)
        raise
    count("Ticket" + outcome.action.title().replace("-", ""))  # TicketCreated, ...
    logger.info("ticket job done", job=job, outcome=outcome.action, key=outcome.key)


def requeue(job: dict, delay_seconds: int, settings: Settings) -> None:
    """Send the job again, delayed; this message then counts as done."""
    boto3.client("sqs").send_message(
        QueueUrl=settings.ticket_queue_url,
        MessageBody=json.dumps(job),
        DelaySeconds=delay_seconds,
    )


def retry_later(record: SQSRecord, delay_seconds: int, settings: Settings) -> None:
    """A failed try comes back after its backoff, not after the queue's visibility timeout."""
    boto3.client("sqs").change_message_visibility(
        QueueUrl=settings.ticket_queue_url,
        ReceiptHandle=record.receipt_handle,
        VisibilityTimeout=delay_seconds,
    )


@logger.inject_lambda_context
@publishes_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    settings = load()
    handle = partial(run_job, jira=kept_client(settings), settings=settings)
    return process_partial_response(
        event=event, record_handler=handle, processor=processor, context=context
    )
