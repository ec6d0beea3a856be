"""Jira Cloud's issue-updated webhook: check its signature and read the resolution.

Jira signs each call made with a secret as `X-Hub-Signature: sha256=<HMAC-SHA256(secret, body)>`
(the WebSub convention); we compare in constant time and refuse anything unsigned.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass

# Resolutions that say the ticket should not have been opened (compared case-free, without
# apostrophes: Jira sites spell "Won't Do" with either quote).
REJECTING_RESOLUTIONS = {"wont do", "wont fix", "duplicate", "cannot reproduce"}


class WebhookRefused(Exception):
    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Resolution:
    jira_key: str
    resolution: str | None  # None while the issue is unresolved

    @property
    def ticket_status(self) -> str:
        """The Tickets status this means: open (unresolved), resolved (fixed: the error coming
        back reopens it) or closed (rejected: it stays closed and its events are skipped)."""
        if self.resolution is None:
            return "open"
        return "closed" if self.rejects_the_ticket else "resolved"

    @property
    def rejects_the_ticket(self) -> bool:
        name = (self.resolution or "").lower().replace("'", "").replace("\u2019", "")
        return " ".join(name.split()) in REJECTING_RESOLUTIONS


def verify(secret: str, body: bytes, signature_header: str | None) -> None:
    """401 unless the body carries a valid signature made with `secret`."""
    if not secret:
        raise WebhookRefused(503, "the Jira webhook secret is not configured")
    scheme, _, given = (signature_header or "").partition("=")
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    if scheme.strip().lower() != "sha256" or not hmac.compare_digest(
        given.strip().lower(), expected
    ):
        raise WebhookRefused(401, "webhook signature missing or wrong", "X-Hub-Signature")


def sign(secret: str, body: bytes) -> str:
    """The header value Jira would send for `body` (tests and the Jira emulator use it)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def read_event(body: bytes) -> Resolution | None:
    """The issue and its resolution of an issue-updated event; None for other events."""
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise WebhookRefused(400, f"body is not JSON: {error}", "body") from None
    if not isinstance(document, dict):
        raise WebhookRefused(400, "body must be a JSON object", "body")
    event = document.get("webhookEvent")
    if not isinstance(event, str):
        raise WebhookRefused(400, "webhookEvent must be a string", "webhookEvent")
    if event != "jira:issue_updated":
        return None
    issue = document.get("issue")
    if not isinstance(issue, dict) or not isinstance(issue.get("key"), str) or not issue["key"]:
        raise WebhookRefused(400, "issue.key must be a non-empty string", "issue.key")
    fields = issue.get("fields", {})
    if not isinstance(fields, dict):
        raise WebhookRefused(400, "issue.fields must be an object", "issue.fields")
    resolution = fields.get("resolution")
    if resolution is not None and not (
        isinstance(resolution, dict) and isinstance(resolution.get("name"), str)
    ):
        raise WebhookRefused(
            400, "issue.fields.resolution must be null or have a name", "issue.fields.resolution"
        )
    return Resolution(issue["key"], resolution["name"] if resolution else None)
