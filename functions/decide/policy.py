"""The automation policy: given a group that changed, open, update, reopen or leave its ticket,
or hold a new one back when the hour's budget of new issues is spent.

Pure domain code: the handler reads the group, its ticket and the runtime settings and passes
them in as plain values, so every rule here is testable without AWS.
"""

from dataclasses import asdict, dataclass, replace

from functions.common.settings import DEFAULT_THRESHOLDS

CREATE = "create"
UPDATE = "update"
REOPEN = "reopen"
SKIP = "skip"
SUPPRESS = "suppress"
# Actions that become a ticket job for the jira function (suppress: a line on the digest issue).
TICKET_ACTIONS = (CREATE, UPDATE, REOPEN, SUPPRESS)

# Ticket states in which new occurrences are added to the existing issue.
LIVE_TICKET_STATUSES = ("open", "claimed")
RESOLVED = "resolved"


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str
    severity: str
    confidence: float
    threshold: float
    # What the confidence is made of (issue 5): the model's probability plus feedback's shift.
    model_probability: float | None = None
    feedback_adjustment: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def threshold_for(severity: str, thresholds: dict) -> float:
    """The confidence a group of this severity needs; an unknown severity needs the most."""
    merged = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    if severity in merged:
        return float(merged[severity])
    return max(float(value) for value in merged.values())


def decide(
    group: dict,
    ticket: dict | None,
    automation_enabled: bool,
    thresholds: dict,
    confidence: float,
    previous_count: int | None = None,
) -> Decision:
    """What to do about `group` now.

    `previous_count` is the group's count before this change (the stream's old image); None
    means a new group, compared with what its ticket last reported (`commented_count`), if any.
    """
    severity = str(group.get("severity") or "LOW").upper()
    threshold = threshold_for(severity, thresholds)
    count = int(group.get("count") or 0)

    def decision(action: str, reason: str) -> Decision:
        return Decision(action, reason, severity, round(float(confidence), 4), threshold)

    baseline = previous_count
    if baseline is None:
        baseline = int(ticket.get("commented_count") or 0) if ticket else 0
    grown = count - baseline

    if not automation_enabled:
        return decision(SKIP, "automation is off: no ticket is opened or updated")
    if grown <= 0:
        return decision(SKIP, f"nothing changed: count still {count}")

    if ticket is None:
        if confidence >= threshold:
            return decision(
                CREATE, f"confidence {confidence:.2f} >= {severity} threshold {threshold:.2f}"
            )
        return decision(
            SKIP, f"confidence {confidence:.2f} below {severity} threshold {threshold:.2f}"
        )

    status = ticket.get("status")
    key = ticket.get("jira_key") or "the claimed ticket"
    if status == RESOLVED:
        if confidence >= threshold:
            return decision(REOPEN, f"{key} was resolved but the error came back ({grown} more)")
        return decision(
            SKIP,
            f"{key} is resolved; confidence {confidence:.2f} below {severity} threshold "
            f"{threshold:.2f}",
        )
    if status in LIVE_TICKET_STATUSES:
        return decision(UPDATE, f"seen {grown} more times (total {count}) on {key}")
    return decision(SKIP, f"ticket status {status!r} takes no automatic action")


def comment_booked(ticket: dict | None, now: str) -> str | None:
    """When the ticket's next comment is booked for, if it is still to come: the job that
    booked it reports every occurrence up to then, so another job would only be turned away."""
    due = (ticket or {}).get("comment_due_at")
    return due if due and due > now else None


def report_with_booked_comment(decision: Decision, due_at: str) -> Decision:
    reason = f"{decision.reason}; the comment booked for {due_at} reports it"
    return replace(decision, reason=reason)


def being_opened(decision: Decision) -> Decision:
    """A create for a group whose issue an earlier decision this hour is opening already: its
    Tickets record is not written yet, so this one reports to that issue instead (the jira
    function waits for the create to finish, or opens the issue itself if that one failed)."""
    return replace(
        decision,
        action=UPDATE,
        reason=f"its issue is being opened by an earlier decision this hour; {decision.reason}",
    )


def over_budget(decision: Decision, limit: int) -> Decision:
    """Storm control: a create beyond the hour's `limit` of new issues becomes a suppress."""
    return replace(
        decision,
        action=SUPPRESS,
        reason=(
            f"{limit} new issues opened this hour (the hourly limit): listed on the hour's "
            f"digest issue instead; {decision.reason}"
        ),
    )
