"""The feedback function: Jira's issue-updated webhook and the admin's "this decision was
wrong" both store a labelled example in Feedback, which decide reads at once and
`stacklens train --with-feedback` learns from (the GET route exports the rows for it)."""

import json

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from functions.common import models
from functions.common.http import (
    ApiError,
    install_error_handlers,
    json_body,
    raw_body,
    require_admin,
)
from functions.common.metrics import count, publishes_metrics
from functions.common.settings import load
from functions.feedback import jira_webhook, store

logger = Logger()
app = APIGatewayHttpResolver()
install_error_handlers(app)
models.bind(load())


def _ignored(why: str) -> Response:
    # 202, not 4xx: Jira retries failures, and these events are simply not ours to learn from.
    return Response(202, "application/json", json.dumps({"ignored": why}))


@app.post("/api/jira/webhook")
def jira_issue_updated() -> Response:
    settings = load()
    raw = raw_body(app)
    try:
        jira_webhook.verify(
            settings.jira_webhook_secret, raw, app.current_event.headers.get("x-hub-signature")
        )
        resolution = jira_webhook.read_event(raw)
    except jira_webhook.WebhookRefused as refused:
        raise ApiError(refused.status, refused.message, refused.field) from None
    if resolution is None:
        return _ignored("not an issue-updated event")
    fingerprint = store.fingerprint_of_ticket(resolution.jira_key)
    group = store.read_group(fingerprint) if fingerprint else None
    if group is None:
        return _ignored(f"{resolution.jira_key} is not a StackLens ticket")
    # Decide reads this: a resolved issue is reopened when its error comes back, a closed
    # one (Won't Do and the like) stays closed.
    store.mark_ticket(fingerprint, resolution.jira_key, resolution.ticket_status)
    if not resolution.rejects_the_ticket:
        return _ignored(f"resolution {resolution.resolution!r} says nothing against the ticket")
    row = store.record(
        group,
        actionable=0,
        source="jira-webhook",
        reason=f"{resolution.jira_key} resolved as {resolution.resolution}",
        jira_key=resolution.jira_key,
        feedback_key=f"jira#{resolution.jira_key}#{resolution.resolution}",
    )
    if row is not None:
        count("FeedbackRecorded")
    if row is None:
        return _ignored("this resolution was already recorded")
    logger.info("ticket rejected in Jira", extra={"fingerprint": fingerprint})
    return Response(201, "application/json", json.dumps({"feedback": row}))


def _text_field(body: dict, name: str, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    # Bytes, not characters: fingerprint and decision_key are DynamoDB keys (1,024 bytes at most).
    size = len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) else 0
    if not isinstance(value, str) or not value.strip() or size > 1024:
        raise ApiError(400, f"{name} must be a non-empty string (at most 1024 bytes)", name)
    return value


@app.post("/api/decisions/feedback")
def mark_decision_wrong() -> Response:
    """The decision was wrong: a ticket that should not have been, or a skip that should not."""
    require_admin(app, load().admin_token)
    body = json_body(app)
    fingerprint = _text_field(body, "fingerprint")
    decision_key = _text_field(body, "decision_key")
    note = _text_field(body, "note", required=False)
    decision = store.read_decision(fingerprint, decision_key)
    if decision is None:
        raise ApiError(404, "no such decision for this fingerprint", "decision_key")
    group = store.read_group(fingerprint)
    if group is None:
        raise ApiError(404, "no such group", "fingerprint")
    actionable = 0 if decision["action"] in store.TICKET_ACTIONS else 1
    reason = f"decision {decision['action']} marked wrong" + (f": {note}" if note else "")
    row = store.record(group, actionable, "status-page", reason, decision_key=decision_key)
    count("FeedbackRecorded")
    return Response(201, "application/json", json.dumps({"feedback": row}))


@app.get("/api/decisions/feedback")
def export_feedback() -> Response:
    """Every Feedback row as JSON lines: the file `stacklens train --with-feedback` reads."""
    require_admin(app, load().admin_token)
    lines = "".join(json.dumps(row) + "\n" for row in store.export())
    return Response(200, "application/x-ndjson", lines)


@publishes_metrics
def lambda_handler(event: dict, context) -> dict:
    return app.resolve(event, context)
