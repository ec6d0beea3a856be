"""Decide's persistence: read a batch's settings, tickets and feedback, log decisions, queue
ticket jobs."""

import json
import os
import uuid
from dataclasses import dataclass
from functools import lru_cache

import boto3
from aws_lambda_powertools import Logger

from functions.common import clock
from functions.common.models import (
    DecisionModel,
    GroupModel,
    SettingModel,
    TicketModel,
    as_dict,
    feedback_tally_name,
)
from functions.common.settings import DEFAULT_THRESHOLDS, Settings
from functions.decide.policy import Decision

logger = Logger(child=True)

AUTOMATION_SETTING = "automation"
THRESHOLDS_SETTING = "thresholds"


@dataclass(frozen=True)
class RuntimeSettings:
    """What an admin can change while StackLens runs."""

    automation_enabled: bool
    thresholds: dict


def group_from_image(image: dict) -> dict:
    """A stream image (DynamoDB JSON) as the plain group dict the policy reads."""
    return as_dict(GroupModel.from_raw_data(image))


def _valid_thresholds(value) -> dict:
    if not isinstance(value, dict):
        return {}
    valid = {}
    for severity, threshold in value.items():
        try:
            number = float(threshold)
        except (TypeError, ValueError):
            number = -1.0
        if 0.0 <= number <= 1.0:
            valid[str(severity).upper()] = number
        else:
            logger.warning("ignoring a bad threshold", severity=severity, threshold=threshold)
    return valid


def _runtime_settings(items: list[SettingModel]) -> RuntimeSettings:
    """Automation on/off (on unless switched off) and thresholds over the defaults."""
    enabled = True
    thresholds = dict(DEFAULT_THRESHOLDS)
    for item in items:
        if item.name == AUTOMATION_SETTING and item.enabled is not None:
            enabled = bool(item.enabled)
        elif item.name == THRESHOLDS_SETTING:
            thresholds.update(_valid_thresholds(item.value))
    return RuntimeSettings(automation_enabled=enabled, thresholds=thresholds)


# BatchGetItem reads at most 100 keys a request.
KEYS_PER_BATCH_GET = 100


@dataclass(frozen=True)
class BatchContext:
    """What decide reads once per stream batch, in one BatchGetItem over two tables: a new
    error's decision waits on one read, not one per kind of thing."""

    runtime: RuntimeSettings
    tickets: dict[str, dict]  # by fingerprint, for the groups that have one
    feedback: dict[str, list[int]]  # by fingerprint: its feedback labels (1 actionable, 0 not)


def _labels(tally: SettingModel) -> list[int]:
    return [1] * int(tally.actionable_labels or 0) + [0] * int(tally.not_actionable_labels or 0)


def read_batch_context(fingerprints: list[str]) -> BatchContext:
    """The runtime settings, and the tickets and feedback tallies of `fingerprints`."""
    client = SettingModel._get_connection().connection.client
    unique = list(dict.fromkeys(fingerprints))
    names = [AUTOMATION_SETTING, THRESHOLDS_SETTING] + [feedback_tally_name(fp) for fp in unique]
    wanted = [(SettingModel, {"name": {"S": name}}) for name in names]
    wanted += [(TicketModel, {"fingerprint": {"S": fp}}) for fp in unique]
    settings_rows: list[SettingModel] = []
    tickets: dict[str, dict] = {}
    for start in range(0, len(wanted), KEYS_PER_BATCH_GET):
        request: dict[str, dict] = {}
        for model, key in wanted[start : start + KEYS_PER_BATCH_GET]:
            table = request.setdefault(model.Meta.table_name, {"Keys": [], "ConsistentRead": True})
            table["Keys"].append(key)
        while request:  # what DynamoDB could not read now comes back as UnprocessedKeys
            answer = client.batch_get_item(RequestItems=request)
            for table_name, items in answer.get("Responses", {}).items():
                if table_name == SettingModel.Meta.table_name:
                    settings_rows += [SettingModel.from_raw_data(item) for item in items]
                else:
                    for item in items:
                        ticket = as_dict(TicketModel.from_raw_data(item))
                        tickets[ticket["fingerprint"]] = ticket
            request = answer.get("UnprocessedKeys") or {}
    tallies = {row.name: row for row in settings_rows}
    feedback = {
        fp: _labels(tallies[feedback_tally_name(fp)])
        for fp in unique
        if feedback_tally_name(fp) in tallies
    }
    return BatchContext(_runtime_settings(settings_rows), tickets, feedback)


def decision_row(group: dict, decision: Decision, model_version: str) -> DecisionModel:
    """The decision's row in the automation log, not saved yet (see save_decisions); its
    decision_key names it to the ticket job and the page before it is written."""
    decided_at = clock.iso()
    return DecisionModel(
        group["fingerprint"],
        f"{decided_at}#{uuid.uuid4().hex}",
        action=decision.action,
        reason=decision.reason,
        severity=decision.severity,
        confidence=decision.confidence,
        threshold=decision.threshold,
        model_probability=decision.model_probability,
        feedback_adjustment=decision.feedback_adjustment,
        rules_version=group.get("rules_version"),
        model_version=model_version,
        count=int(group.get("count") or 0),
        decided_at=decided_at,
    )


def save_decisions(rows: list[DecisionModel]) -> None:
    """Write a batch's decision rows together (25 to a request, not a request each)."""
    with DecisionModel.batch_write() as writer:
        for row in rows:
            writer.save(row)


def sqs_client():
    """The container's SQS client for the endpoint the environment names now (AWS_ENDPOINT_URL:
    tests and the local runner move it); made once, as a Lambda container keeps its clients."""
    return _sqs_client_for(os.environ.get("AWS_ENDPOINT_URL"), os.environ.get("AWS_REGION"))


@lru_cache(maxsize=4)
def _sqs_client_for(endpoint_url: str | None, region: str | None):
    return boto3.client("sqs", endpoint_url=endpoint_url, region_name=region)


def enqueue_ticket_job(
    sqs,
    settings: Settings,
    group: dict,
    action: str,
    decision_key: str,
    budget_hour: str | None = None,
) -> None:
    """Hand the job to the jira function through the ticket queue. `budget_hour`: the hour
    whose budget of new issues a create was booked in (or a suppress was held back in)."""
    job = {
        "fingerprint": group["fingerprint"],
        "action": action,
        "decision_key": decision_key,
        "count": int(group.get("count") or 0),
    }
    if budget_hour:
        job["budget_hour"] = budget_hour
    sqs.send_message(QueueUrl=settings.ticket_queue_url, MessageBody=json.dumps(job))
