"""The decide function: each change of a group (Groups stream) becomes a logged decision and,
when it calls for one, a ticket job for the jira function."""

from dataclasses import replace
from functools import partial

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
)
from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.common import live_feed, models
from functions.common.settings import Settings, load
from functions.decide import confidence, feedback, policy, store

logger = Logger()
# A batch whose every record failed is answered with every id, like any partial failure.
processor = BatchProcessor(
    event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False
)
models.bind(load())
# Load the model in Lambda's init phase, not on the first record: a new error must not wait.
confidence.trained_model()


def _previous_count(record: DynamoDBRecord) -> int | None:
    old_image = record.raw_event["dynamodb"].get("OldImage")
    if not old_image:
        return None
    return int(store.group_from_image(old_image).get("count") or 0)


def decide_change(
    record: DynamoDBRecord, settings: Settings, runtime: store.RuntimeSettings, sqs
) -> None:
    """Decide about one changed group: log the decision, feed it live, queue its ticket job."""
    if record.event_name == DynamoDBRecordEventName.REMOVE:
        return
    group = store.group_from_image(record.raw_event["dynamodb"]["NewImage"])
    adjusted = feedback.adjust(
        confidence.score(group.get("level", ""), group.get("message", "")),
        feedback.labels_for(group["fingerprint"]),
    )
    decision = policy.decide(
        group,
        store.read_ticket(group["fingerprint"]),
        runtime.automation_enabled,
        runtime.thresholds,
        adjusted.confidence,
        previous_count=_previous_count(record),
    )
    reason = decision.reason
    if adjusted.feedback_adjustment:
        reason += (
            f" (model {adjusted.model_probability:.2f}, "
            f"feedback {adjusted.feedback_adjustment:+.2f})"
        )
    decision = replace(
        decision,
        reason=reason,
        model_probability=adjusted.model_probability,
        feedback_adjustment=adjusted.feedback_adjustment,
    )
    decision_key = store.record_decision(group, decision, confidence.MODEL_VERSION)
    live_feed.append(
        "decision",
        {
            "fingerprint": group["fingerprint"],
            "decision_key": decision_key,  # the page's "mark wrong" names the decision by it
            **decision.as_dict(),
            "template": group.get("template"),
        },
        settings.retention_days,
    )
    if decision.action in policy.TICKET_ACTIONS:
        store.enqueue_ticket_job(sqs, settings, group, decision.action, decision_key)
    logger.info(
        "decided",
        fingerprint=group["fingerprint"],
        action=decision.action,
        reason=decision.reason,
        decision_key=decision_key,
    )


@logger.inject_lambda_context
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    # Settings are read once per batch: a toggle takes effect on the next batch.
    settings = load()
    runtime = store.read_runtime_settings()
    handle = partial(decide_change, settings=settings, runtime=runtime, sqs=store.sqs_client())
    return process_partial_response(
        event=event, record_handler=handle, processor=processor, context=context
    )
