"""The Tickets table: the record of each group's Jira issue, changed only by conditional writes
so that racing jobs never open a second issue or report the same occurrences twice."""

from datetime import datetime

from pynamodb.exceptions import DeleteError, PutError, UpdateError

from functions.common import clock
from functions.common.models import TicketModel, as_dict

CLAIMED = "claimed"
OPEN = "open"
RESOLVED = "resolved"


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def get(fingerprint: str) -> dict | None:
    try:
        return as_dict(TicketModel.get(fingerprint, consistent_read=True))
    except TicketModel.DoesNotExist:
        return None


def claim(fingerprint: str) -> str | None:
    """Claim the right to create the group's issue; returns the claim time, None if taken."""
    claimed_at = clock.iso()
    try:
        TicketModel(fingerprint, status=CLAIMED, claimed_at=claimed_at).save(
            condition=TicketModel.fingerprint.does_not_exist()
        )
    except PutError as error:
        if _condition_failed(error):
            return None
        raise
    return claimed_at


def claim_age_seconds(ticket: dict, now: datetime | None = None) -> float:
    claimed = datetime.fromisoformat(ticket["claimed_at"].replace("Z", "+00:00"))
    return ((now or clock.now()) - claimed).total_seconds()


def claim_is_stale(ticket: dict, lease_seconds: float, now: datetime | None = None) -> bool:
    """True for a claim without an issue whose lease ran out (settings.claim_lease_seconds)."""
    if ticket.get("jira_key") or ticket.get("status") != CLAIMED:
        return False
    return claim_age_seconds(ticket, now) > lease_seconds


def take_over(ticket: dict) -> str | None:
    """Take over a stale claim (its job died mid-create); None if another job did first."""
    claimed_at = clock.iso()
    try:
        TicketModel(ticket["fingerprint"]).update(
            actions=[TicketModel.claimed_at.set(claimed_at)],
            condition=TicketModel.jira_key.does_not_exist()
            & (TicketModel.claimed_at == ticket["claimed_at"]),
        )
    except UpdateError as error:
        if _condition_failed(error):
            return None
        raise
    return claimed_at


def release(fingerprint: str, claimed_at: str) -> None:
    """Drop our claim when no issue was created, so a retry can claim again at once."""
    try:
        TicketModel(fingerprint).delete(
            condition=TicketModel.jira_key.does_not_exist() & (TicketModel.claimed_at == claimed_at)
        )
    except DeleteError as error:
        if not _condition_failed(error):
            raise


def mark_open(fingerprint: str, jira_key: str, commented_count: int, created_at: str) -> None:
    """Record the issue behind a claim; `commented_count` = occurrences it already reports."""
    TicketModel(fingerprint).update(
        actions=[
            TicketModel.jira_key.set(jira_key),
            TicketModel.status.set(OPEN),
            TicketModel.created_at.set(created_at),
            TicketModel.commented_count.set(commented_count),
        ]
    )


def schedule_comment(fingerprint: str, due_at: str) -> bool:
    """Book the one throttled comment of the ticket for `due_at`; False if one is booked
    already (a booking whose time has passed belongs to a lost job and may be taken)."""
    try:
        TicketModel(fingerprint).update(
            actions=[TicketModel.comment_due_at.set(due_at)],
            condition=TicketModel.comment_due_at.does_not_exist()
            | (TicketModel.comment_due_at < clock.iso()),
        )
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def advance_comment(fingerprint: str, from_count: int, to_count: int, status: str = OPEN) -> bool:
    """Move the reported count from `from_count` to `to_count`; False if another job moved it.
    Reporting frees the comment booking."""
    try:
        TicketModel(fingerprint).update(
            actions=[
                TicketModel.commented_count.set(to_count),
                TicketModel.last_comment_at.set(clock.iso()),
                TicketModel.status.set(status),
                TicketModel.comment_due_at.remove(),
            ],
            condition=TicketModel.commented_count == from_count,
        )
    except UpdateError as error:
        if _condition_failed(error):
            return False
        raise
    return True


def forget(fingerprint: str, jira_key: str) -> None:
    """Drop the record of an issue that no longer exists, so the next change opens a new one."""
    try:
        TicketModel(fingerprint).delete(condition=TicketModel.jira_key == jira_key)
    except DeleteError as error:
        if not _condition_failed(error):
            raise
