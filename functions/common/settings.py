"""Every setting of the functions, read from the environment, with the defaults in one place.

Table and queue names come from `template.yaml` (the functions' Environment); the local runner
sets the same variables from the same template.
"""

import json
import os
from dataclasses import dataclass, field

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW")

# Confidence a group needs before a ticket is opened, per severity (issue 6 makes it editable).
# A deployment chooses its own with CONFIDENCE_THRESHOLD_<SEVERITY> (template.yaml's Threshold*
# parameters), read once at import: a function's environment does not change while it runs.
DEFAULT_THRESHOLDS = {
    severity: float(os.environ.get(f"CONFIDENCE_THRESHOLD_{severity}") or built_in)
    for severity, built_in in {"CRITICAL": 0.0, "HIGH": 0.5, "MEDIUM": 0.75, "LOW": 0.9}.items()
}

# Jira Cloud's default priority scheme. A scheme with Blocker maps CRITICAL there via
# JIRA_PRIORITY_MAP='{"CRITICAL": "Blocker", ...}'.
DEFAULT_PRIORITY_MAP = {"CRITICAL": "Highest", "HIGH": "High", "MEDIUM": "Medium", "LOW": "Low"}


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    groups_table: str = field(default_factory=lambda: _env("GROUPS_TABLE", "stacklens-groups"))
    occurrences_table: str = field(
        default_factory=lambda: _env("OCCURRENCES_TABLE", "stacklens-occurrences")
    )
    seen_table: str = field(default_factory=lambda: _env("SEEN_TABLE", "stacklens-seen"))
    decisions_table: str = field(
        default_factory=lambda: _env("DECISIONS_TABLE", "stacklens-decisions")
    )
    tickets_table: str = field(default_factory=lambda: _env("TICKETS_TABLE", "stacklens-tickets"))
    events_table: str = field(default_factory=lambda: _env("EVENTS_TABLE", "stacklens-events"))
    hosts_table: str = field(default_factory=lambda: _env("HOSTS_TABLE", "stacklens-hosts"))
    settings_table: str = field(
        default_factory=lambda: _env("SETTINGS_TABLE", "stacklens-settings")
    )
    audit_table: str = field(default_factory=lambda: _env("AUDIT_TABLE", "stacklens-audit"))
    feedback_table: str = field(
        default_factory=lambda: _env("FEEDBACK_TABLE", "stacklens-feedback")
    )
    ticket_queue_url: str = field(default_factory=lambda: _env("TICKET_QUEUE_URL"))
    ticket_dlq_url: str = field(default_factory=lambda: _env("TICKET_DLQ_URL"))
    jira_url: str = field(default_factory=lambda: _env("JIRA_URL"))
    jira_user: str = field(default_factory=lambda: _env("JIRA_USER"))
    jira_project: str = field(default_factory=lambda: _env("JIRA_PROJECT", "STACK"))
    jira_issue_type: str = field(default_factory=lambda: _env("JIRA_ISSUE_TYPE", "Bug"))
    # The token comes from Secrets Manager on AWS (JIRA_SECRET_ARN); JIRA_API_TOKEN overrides.
    jira_secret_arn: str = field(default_factory=lambda: _env("JIRA_SECRET_ARN"))
    jira_api_token: str = field(default_factory=lambda: _env("JIRA_API_TOKEN"))
    jira_priority_map: dict = field(
        default_factory=lambda: (
            json.loads(_env("JIRA_PRIORITY_MAP") or "null") or dict(DEFAULT_PRIORITY_MAP)
        )
    )
    # A Jira call that takes longer fails the job, which retries through the queue. Whole
    # seconds: atlassian-python-api truncates the timeout to an int.
    jira_timeout_seconds: int = field(
        default_factory=lambda: max(1, int(_env("JIRA_TIMEOUT_SECONDS", "10")))
    )
    # A creation claim without an issue key after this long belongs to a job that died or timed
    # out; longer than a Jira call and than Jira's search lag, so the label search that follows
    # a take-over finds an issue the dead job did create.
    claim_lease_seconds: float = field(
        default_factory=lambda: float(_env("TICKET_CLAIM_LEASE_SECONDS", "60"))
    )
    # Storm control: a ticket gets at most one comment this often; what happens in between is
    # counted and reported in the next one.
    comment_interval_seconds: float = field(
        default_factory=lambda: float(_env("COMMENT_INTERVAL_SECONDS", "900"))
    )
    # Storm control: at most this many new issues an hour; beyond it, one digest issue lists
    # the problems held back.
    max_new_tickets_per_hour: int = field(
        default_factory=lambda: int(_env("MAX_NEW_TICKETS_PER_HOUR", "20"))
    )
    admin_token: str = field(default_factory=lambda: _env("ADMIN_TOKEN"))
    # Jira signs each webhook call with it (X-Hub-Signature: sha256=<HMAC of the body>).
    jira_webhook_secret: str = field(default_factory=lambda: _env("JIRA_WEBHOOK_SECRET"))
    retention_days: int = field(default_factory=lambda: int(_env("RETENTION_DAYS", "14")))
    # Where the status page is, for links in ticket descriptions.
    status_page_url: str = field(default_factory=lambda: _env("STATUS_PAGE_URL"))


def load() -> Settings:
    """Settings as the environment says now (tests and the local runner change it)."""
    return Settings()
