"""Feedback's persistence: find the fingerprint behind a ticket or decision, store labels."""

import uuid

from pynamodb.exceptions import TransactWriteError, UpdateError
from pynamodb.transactions import TransactWrite

from functions.common import clock
from functions.common.models import (
    DecisionModel,
    FeedbackModel,
    GroupModel,
    SettingModel,
    TicketModel,
    as_dict,
    feedback_tally_name,
)

TICKET_ACTIONS = ("create", "update", "reopen")


def fingerprint_of_ticket(jira_key: str) -> str | None:
    """The fingerprint whose ticket is `jira_key` (Tickets holds one row per problem)."""
    for ticket in TicketModel.scan(TicketModel.jira_key == jira_key):
        return ticket.fingerprint
    return None


def mark_ticket(fingerprint: str, jira_key: str, status: str) -> None:
    """Record what Jira says of the group's issue (open, resolved or closed), if the record
    still names that issue."""
    try:
        TicketModel(fingerprint).update(
            actions=[TicketModel.status.set(status)],
            condition=TicketModel.jira_key == jira_key,
        )
    except UpdateError as error:
        if getattr(error, "cause_response_code", None) != "ConditionalCheckFailedException":
            raise


def read_group(fingerprint: str) -> dict | None:
    try:
        return as_dict(GroupModel.get(fingerprint))
    except GroupModel.DoesNotExist:
        return None


def read_decision(fingerprint: str, decision_key: str) -> dict | None:
    try:
        return as_dict(DecisionModel.get(fingerprint, decision_key))
    except DecisionModel.DoesNotExist:
        return None


def record(
    group: dict,
    actionable: int,
    source: str,
    reason: str,
    jira_key: str | None = None,
    decision_key: str | None = None,
    feedback_key: str | None = None,
) -> dict | None:
    """Store one labelled example of the group's message; returns it as saved, or None when
    a row with the same `feedback_key` exists (a redelivered webhook counts once)."""
    created_at = clock.iso()
    item = FeedbackModel(
        group["fingerprint"],
        feedback_key or f"{created_at}#{uuid.uuid4().hex}",
        actionable=actionable,
        source=source,
        reason=reason,
        message=group.get("message") or group.get("template") or "",
        level=group.get("level"),
        severity=group.get("severity"),
        jira_key=jira_key,
        decision_key=decision_key,
        created_at=created_at,
    )
    tally = SettingModel(feedback_tally_name(group["fingerprint"]))
    counted = SettingModel.actionable_labels if actionable else SettingModel.not_actionable_labels
    try:
        # The row and the tally decide reads change together, or not at all.
        with TransactWrite(connection=FeedbackModel._get_connection().connection) as transaction:
            transaction.save(item, condition=FeedbackModel.feedback_key.does_not_exist())
            transaction.update(tally, [counted.add(1), SettingModel.updated_at.set(created_at)])
    except TransactWriteError as error:
        reasons = [reason.code if reason else None for reason in error.cancellation_reasons]
        if reasons[:1] == ["ConditionalCheckFailed"]:
            return None
        raise
    return as_dict(item)


def export() -> list[dict]:
    """Every Feedback row (the table stays small: one row per human verdict)."""
    return [as_dict(item) for item in FeedbackModel.scan()]
