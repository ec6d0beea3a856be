"""The decide function: each group changed in a batch of the Groups stream gets one logged
decision covering all its changes in the batch and, when it calls for one, a ticket job for the
jira function. In a storm the stream poller falls behind and batches grow, so deciding once per
group per batch keeps the work (and the queue) bounded by groups, not by changes."""

from dataclasses import dataclass, field, replace
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

from functions.common import clock, models
from functions.common.metrics import count, publishes_metrics
from functions.common.settings import Settings, load
from functions.decide import confidence, feedback, policy, store
from functions.decide.feed import BatchFeed
from functions.jira import ticket_budget

logger = Logger()
# A batch whose every record failed is answered with every id, like any partial failure.
processor = BatchProcessor(
    event_type=EventType.DynamoDBStreams, raise_on_entire_batch_failure=False
)
models.bind(load())
# Load the model in Lambda's init phase, not on the first record: a new error must not wait.
confidence.trained_model()


def _previous_count(change: dict) -> int | None:
    """The group's count before this stream change; None for a new group."""
    old_image = change.get("OldImage")
    if not old_image:
        return None
    return int(store.group_from_image(old_image).get("count") or 0)


@dataclass
class Coalesced:
    """A batch's changes per group: only a group's last change is decided, against the count
    before its first one; the earlier ones stand behind it (and fail with it)."""

    # sequence number of a group's last change -> the group's count before the batch
    baseline: dict[str, int | None] = field(default_factory=dict)
    # sequence number of the last change -> sequence numbers of the group's earlier changes
    behind: dict[str, list[str]] = field(default_factory=dict)
    # the groups to decide, in the batch's order
    fingerprints: list[str] = field(default_factory=list)

    def superseded(self, sequence_number: str) -> bool:
        return any(sequence_number in earlier for earlier in self.behind.values())


def coalesce(records: list[dict]) -> Coalesced:
    changes: dict[str, list[dict]] = {}
    for record in records:
        change = record.get("dynamodb") or {}
        fingerprint = (change.get("Keys") or {}).get("fingerprint", {}).get("S")
        if record.get("eventName") != "REMOVE" and "NewImage" in change and fingerprint:
            changes.setdefault(fingerprint, []).append(change)
    coalesced = Coalesced(fingerprints=list(changes))
    for group_changes in changes.values():
        last = group_changes[-1]["SequenceNumber"]
        coalesced.baseline[last] = _previous_count(group_changes[0])
        coalesced.behind[last] = [change["SequenceNumber"] for change in group_changes[:-1]]
    return coalesced


def decide_change(
    record: DynamoDBRecord,
    settings: Settings,
    known: store.BatchContext,
    sqs,
    feed: BatchFeed,
    decided: list[models.DecisionModel],
    batch: Coalesced | None = None,
) -> None:
    """Decide about one changed group: queue its ticket job, add the decision's row to
    `decided` and the group's change and the decision to the batch's `feed` (both written
    after the batch).
    `known`: the batch's settings, tickets and feedback, read before its first decision."""
    if record.event_name == DynamoDBRecordEventName.REMOVE:
        return
    change = record.raw_event["dynamodb"]
    sequence_number = change.get("SequenceNumber")
    if batch and batch.superseded(sequence_number):
        return  # a later change of the group in this batch is decided for both
    if batch and sequence_number in batch.baseline:
        previous_count = batch.baseline[sequence_number]
    else:
        previous_count = _previous_count(change)
    group = store.group_from_image(change["NewImage"])
    adjusted = feedback.adjust(
        confidence.score(group.get("level", ""), group.get("message", "")),
        known.feedback.get(group["fingerprint"], []),
    )
    ticket = known.tickets.get(group["fingerprint"])
    decision = policy.decide(
        group,
        ticket,
        known.runtime.automation_enabled,
        known.runtime.thresholds,
        adjusted.confidence,
        previous_count=previous_count,
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
    budget_hour, already_listed = None, False
    if decision.action == policy.CREATE:
        # Storm control is decided here, so the Decision says what happens: the new issue is
        # booked in the hour's budget before its job is queued, or the decision is suppress.
        budget_hour = ticket_budget.current_hour()
        limit = settings.max_new_tickets_per_hour
        booking = ticket_budget.book(budget_hour, group["fingerprint"], limit)
        if not booking.granted:
            decision = policy.over_budget(decision, limit)
            already_listed = booking.listed
        elif booking.earlier:
            decision, budget_hour = policy.being_opened(decision), None
    booked_for = None
    if decision.action == policy.UPDATE:
        # In a storm most updates fall inside a throttled ticket's wait: no job for those.
        booked_for = policy.comment_booked(ticket, clock.iso())
        if booked_for:
            decision = policy.report_with_booked_comment(decision, booked_for)
    row = store.decision_row(group, decision, confidence.MODEL_VERSION)
    decision_key = row.decision_key
    # The job goes first; the decision's row (one write for the batch's rows) and the live
    # feed follow after the batch: the page can wait a few ms, a new issue should not.
    if decision.action in policy.TICKET_ACTIONS and not already_listed and not booked_for:
        store.enqueue_ticket_job(sqs, settings, group, decision.action, decision_key, budget_hour)
        count("TicketJobsQueued")
    # Logged when the job is out: the latency bench times its stages by this line.
    logger.info(
        "decided",
        fingerprint=group["fingerprint"],
        action=decision.action,
        reason=decision.reason,
        decision_key=decision_key,
    )
    feed.add(group, previous_count, decision, decision_key)
    decided.append(row)
    count("Decision" + decision.action.title())  # DecisionCreate, DecisionSkip, ...


@logger.inject_lambda_context
@publishes_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    # Settings are read once per batch: a toggle takes effect on the next batch. The groups'
    # tickets and feedback tallies come in the same read (one round trip before the first
    # decision): feedback given before the batch counts in it.
    settings = load()
    batch = coalesce(event.get("Records") or [])
    feed, decided = BatchFeed(), []
    handle = partial(
        decide_change,
        settings=settings,
        known=store.read_batch_context(batch.fingerprints),
        sqs=store.sqs_client(),
        feed=feed,
        decided=decided,
        batch=batch,
    )
    answer = process_partial_response(
        event=event, record_handler=handle, processor=processor, context=context
    )
    # The jobs are out: the decisions' rows follow in one write, then the page's events (which
    # name the rows). A failed write fails the batch: the stream delivers it again, and the
    # jira function takes a job it had already as a duplicate.
    store.save_decisions(decided)
    feed.publish(settings.retention_days)
    # A failed decision fails the changes behind it too: the retry starts from the first.
    failed = [failure["itemIdentifier"] for failure in answer.get("batchItemFailures", [])]
    for sequence_number in list(failed):
        failed += [s for s in batch.behind.get(sequence_number, []) if s not in failed]
    return {"batchItemFailures": [{"itemIdentifier": s} for s in failed]}
