"""A ticket job's flow: one Jira issue per group, created once, then commented or reopened.

Creation is guarded by a claim in the Tickets table and, for a lost record, by the fingerprint
label; it is never retried blindly. Jira failures raise, so SQS retries the job later, except a
400 (Jira refused our fields): retrying cannot help, so it is logged and fed live as "rejected".
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from atlassian import Jira
from aws_lambda_powertools import Logger
from requests import HTTPError

from functions.common import clock, live_feed
from functions.common.settings import Settings
from functions.jira import issue, sample_lines, ticket_budget, ticket_store

logger = Logger(child=True)

CREATE = "create"
UPDATE = "update"
REOPEN = "reopen"
SUPPRESS = "suppress"  # decide found the hour's budget of new issues spent: list on the digest
ACTIONS = (CREATE, UPDATE, REOPEN, SUPPRESS)


# A create racing this job normally finishes within this long; a claim older than it belongs
# to a job that timed out or died, and is waited out to the end of its lease.
LIVE_CREATE_SECONDS = 10
NOT_READY_RETRY_SECONDS = 2


class TicketNotReady(Exception):
    """The group's issue is being created by another job: retry this job after `wait_seconds`."""

    def __init__(self, message: str, wait_seconds: float = NOT_READY_RETRY_SECONDS):
        super().__init__(message)
        self.wait_seconds = wait_seconds


class CommentLater(TicketNotReady):
    """Storm control: the ticket was commented on lately; this job reports at `wait_seconds`."""


class BadJob(ValueError):
    """A job message that no retry can fix."""


@dataclass(frozen=True)
class Outcome:
    action: str  # created | commented | reopened | suppressed | rejected | forgotten | ...
    key: str | None = None


def _status(error: HTTPError) -> int | None:
    return error.response.status_code if error.response is not None else None


def _jira_errors(error: HTTPError) -> dict:
    try:
        return error.response.json().get("errors") or {}
    except (ValueError, AttributeError):
        return {}


def _feed(settings: Settings, group: dict, action: str, key: str | None, **extra) -> None:
    live_feed.append(
        "ticket",
        {
            "fingerprint": group["fingerprint"],
            "action": action,
            "key": key,
            "url": f"{settings.jira_url.rstrip('/')}/browse/{key}" if key else None,
            "summary": issue.summary(group),
            "severity": group.get("severity"),
            **extra,
        },
        settings.retention_days,
    )


def _rejected(settings: Settings, group: dict, key: str | None, error: HTTPError) -> Outcome:
    logger.error(
        "Jira rejected the request; not retried",
        fingerprint=group["fingerprint"],
        key=key,
        status=_status(error),
        jira_error=str(error),
    )
    _feed(settings, group, "rejected", key, error=str(error))
    return Outcome("rejected", key)


def handle_job(job: dict, group: dict, jira: Jira, settings: Settings) -> Outcome:
    """Carry out one ticket job for `group` (its current state)."""
    action = job.get("action")
    # The hour decide booked the new issue in, or held it back in.
    budget_hour = job.get("budget_hour")
    if action == CREATE:
        return create(group, jira, settings, budget_hour)
    if action == UPDATE:
        return update(group, jira, settings)
    if action == REOPEN:
        return reopen(group, jira, settings)
    if action == SUPPRESS:
        return hold_back(group, budget_hour or ticket_budget.current_hour(), jira, settings)
    raise BadJob(f"unknown action {action!r}; expected one of {', '.join(ACTIONS)}")


def find_issue_by_label(jira: Jira, fingerprint: str) -> dict | None:
    """The oldest issue carrying the group's fingerprint label, if any."""
    found = jira.jql(issue.label_jql(fingerprint), fields="summary,status", limit=5) or {}
    issues = found.get("issues") or []
    return issues[0] if issues else None


def create(group: dict, jira: Jira, settings: Settings, budget_hour: str | None = None) -> Outcome:
    """Open the group's issue. `budget_hour`: decide booked it in the hourly budget already;
    None (a create reached another way) books it here."""
    fingerprint = group["fingerprint"]
    claimed_at = ticket_store.claim(fingerprint)
    if claimed_at is None:
        ticket = ticket_store.get(fingerprint)
        if ticket and ticket_store.claim_is_stale(ticket, settings.claim_lease_seconds):
            claimed_at = ticket_store.take_over(ticket)
        if claimed_at is None:
            # Another job holds the group's issue: this job's occurrences become a comment.
            return update(group, jira, settings, ticket)

    try:
        existing = find_issue_by_label(jira, fingerprint)
    except Exception:
        ticket_store.release(fingerprint, claimed_at)
        raise
    if existing:
        return _restore(group, existing["key"], jira, settings)

    if budget_hour is None:
        hour = ticket_budget.current_hour()
        if not ticket_budget.book(hour, fingerprint, settings.max_new_tickets_per_hour).granted:
            ticket_store.release(fingerprint, claimed_at)
            return hold_back(group, hour, jira, settings)

    fields = issue.issue_fields(group, settings, sample_lines.first_lines(fingerprint))
    try:
        created = _create_issue(jira, fields)
    except HTTPError as error:
        if _status(error) == 400:
            ticket_store.release(fingerprint, claimed_at)
            return _rejected(settings, group, None, error)
        # Anything else may have created the issue after all: the claim stays until its lease
        # runs out, and the retry that takes it over finds the issue by its label.
        raise
    key = created["key"]
    ticket_store.mark_open(fingerprint, key, int(group.get("count") or 0), clock.iso())
    _feed(settings, group, "created", key)
    logger.info("issue created", fingerprint=fingerprint, key=key)
    return Outcome("created", key)


def hold_back(group: dict, hour: str, jira: Jira, settings: Settings) -> Outcome:
    """Storm control: the hour's budget of new issues is spent. The group is listed once on
    the hour's digest issue instead; it gets its own issue when it comes back later."""
    fingerprint = group["fingerprint"]
    key = _digest_issue(hour, jira, settings)
    if ticket_budget.hold_back(hour, fingerprint):
        try:
            jira.issue_add_comment(key, issue.held_back_text(group, settings.status_page_url))
        except Exception:
            ticket_budget.unhold(hour, fingerprint)  # the retry lists it
            raise
        _feed(settings, group, "suppressed", key)
    logger.info("held back by the hourly budget", fingerprint=fingerprint, digest=key)
    return Outcome("suppressed", key)


def _digest_issue(hour: str, jira: Jira, settings: Settings) -> str:
    """The key of the hour's digest issue, opened once, with the same claim, lease and label
    recovery as a group's issue: a claim left by a job that died is taken over after its
    lease, and the label search finds an issue that job did create."""
    claim = ticket_budget.digest(hour)
    if claim and claim.jira_key:
        return claim.jira_key
    if claim is None:
        claimed_at = ticket_budget.claim_digest(hour)
    elif claim.age_seconds() > settings.claim_lease_seconds:
        claimed_at = ticket_budget.take_over_digest(hour, claim)
    else:
        claimed_at = None
    if claimed_at is None:
        wait = _claim_wait(claim.age_seconds() if claim else 0.0, settings)
        raise TicketNotReady(f"the digest issue of {hour} is being opened", wait)
    try:
        found = (jira.jql(issue.digest_jql(hour), fields="summary", limit=1) or {}).get("issues")
    except Exception:
        ticket_budget.release_digest(hour, claimed_at)
        raise
    if found:
        key = found[0]["key"]
        logger.warning("restoring the digest issue from its label", hour=hour, key=key)
    else:
        try:
            key = jira.create_issue(fields=issue.digest_fields(hour, settings))["key"]
        except HTTPError as error:
            if _status(error) == 400:
                ticket_budget.release_digest(hour, claimed_at)
            # Anything else may have created it: the claim stays until its lease runs out.
            raise
    ticket_budget.record_digest(hour, key)
    return key


def _claim_wait(age: float, settings: Settings) -> float:
    """How long a job waits for another job's create: briefly while that create is live, else
    until its claim's lease runs out and can be taken over."""
    if age < LIVE_CREATE_SECONDS:
        return NOT_READY_RETRY_SECONDS
    return max(settings.claim_lease_seconds - age, 0) + 1


def _create_issue(jira: Jira, fields: dict) -> dict:
    """POST the issue once; if Jira refuses only the priority (another priority scheme), once
    more without it: a 400 means nothing was created, so this cannot duplicate the issue."""
    try:
        return jira.create_issue(fields=fields)
    except HTTPError as error:
        if _status(error) != 400 or set(_jira_errors(error)) != {"priority"}:
            raise
        logger.warning(
            "Jira refused the priority; creating without it",
            priority=fields.get("priority"),
            jira_error=str(error),
        )
        return jira.create_issue(fields={k: v for k, v in fields.items() if k != "priority"})


def _restore(group: dict, key: str, jira: Jira, settings: Settings) -> Outcome:
    """The Tickets record was lost but the issue exists: record it again and comment there."""
    fingerprint = group["fingerprint"]
    logger.warning(
        "restoring a lost ticket record from the label", fingerprint=fingerprint, key=key
    )
    ticket_store.mark_open(fingerprint, key, int(group.get("count") or 0), clock.iso())
    jira.issue_add_comment(key, issue.comment_text(group, None, settings.status_page_url))
    _feed(settings, group, "commented", key)
    return Outcome("commented", key)


def update(group: dict, jira: Jira, settings: Settings, ticket: dict | None = None) -> Outcome:
    """Comment on the group's issue with the occurrences not reported yet."""
    fingerprint = group["fingerprint"]
    ticket = ticket or ticket_store.get(fingerprint)
    if ticket is None:
        # The record is gone (deleted or never written): creating finds the issue by label.
        return create(group, jira, settings)
    key = ticket.get("jira_key")
    if not key:
        wait = _claim_wait(ticket_store.claim_age_seconds(ticket), settings)
        raise TicketNotReady(f"the issue of {fingerprint} is still being created", wait)
    reported = int(ticket.get("commented_count") or 0)
    total = int(group.get("count") or 0)
    if total <= reported:
        return Outcome("nothing-new", key)
    wait = _comment_wait(ticket, settings)
    if wait > 0:
        due_at = clock.iso(clock.now() + timedelta(seconds=wait))
        if ticket_store.schedule_comment(fingerprint, due_at):
            raise CommentLater(f"{key} was commented on lately; next comment at {due_at}", wait)
        return Outcome("throttled", key)  # the booked comment will carry these occurrences
    text = issue.comment_text(group, total - reported, settings.status_page_url)
    return _report(
        group, ticket, total, lambda: jira.issue_add_comment(key, text), settings, "commented"
    )


def _comment_wait(ticket: dict, settings: Settings) -> float:
    """Seconds until the ticket may be commented on again (0: now)."""
    last = ticket.get("last_comment_at") or ticket.get("created_at")
    if not last:
        return 0.0
    since = (clock.now() - datetime.fromisoformat(last.replace("Z", "+00:00"))).total_seconds()
    return max(settings.comment_interval_seconds - since, 0.0)


def reopen(group: dict, jira: Jira, settings: Settings) -> Outcome:
    """Move a resolved issue back to an open status and report the new occurrences there."""
    fingerprint = group["fingerprint"]
    ticket = ticket_store.get(fingerprint)
    if ticket is None or ticket.get("status") != ticket_store.RESOLVED:
        return update(group, jira, settings, ticket)
    key = ticket["jira_key"]
    new = max(int(group.get("count") or 0) - int(ticket.get("commented_count") or 0), 0)
    text = issue.reopen_text(group, new, settings.status_page_url)

    def reopen_in_jira() -> None:
        _transition_to_open(jira, key)
        jira.issue_add_comment(key, text)

    return _report(
        group, ticket, int(group.get("count") or 0), reopen_in_jira, settings, "reopened"
    )


def _transition_to_open(jira: Jira, key: str) -> None:
    status = (jira.issue(key, fields="status") or {}).get("fields", {}).get("status") or {}
    if status.get("statusCategory", {}).get("key") != "done":
        return  # someone reopened it already
    transitions = (jira.get_issue_transitions_full(key) or {}).get("transitions") or []
    for transition in transitions:
        category = transition.get("to", {}).get("statusCategory", {}).get("key")
        if category in ("new", "indeterminate"):
            jira.set_issue_status_by_transition_id(key, transition["id"])
            return
    logger.warning("no transition leads back to an open status", key=key)


def _report(
    group: dict, ticket: dict, total: int, in_jira, settings: Settings, action: str
) -> Outcome:
    """Reserve the unreported occurrences, tell Jira (`in_jira`), undo the reservation if it
    fails: a racing job can never report the same occurrences a second time."""
    fingerprint, key = group["fingerprint"], ticket["jira_key"]
    reported = int(ticket.get("commented_count") or 0)
    status = ticket_store.OPEN if action == "reopened" else ticket.get("status", ticket_store.OPEN)
    if not ticket_store.advance_comment(fingerprint, reported, total, status):
        raise TicketNotReady(f"another job is reporting on {key}; retry with fresh counts")
    try:
        in_jira()
    except Exception as error:
        ticket_store.advance_comment(fingerprint, total, reported, ticket["status"])
        if isinstance(error, HTTPError) and _status(error) == 404:
            ticket_store.forget(fingerprint, key)
            logger.warning("the issue is gone from Jira; its record is dropped", key=key)
            return Outcome("forgotten", key)
        if isinstance(error, HTTPError) and _status(error) == 400:
            return _rejected(settings, group, key, error)
        raise
    _feed(settings, group, action, key)
    logger.info("issue updated", fingerprint=fingerprint, key=key, action=action)
    return Outcome(action, key)
