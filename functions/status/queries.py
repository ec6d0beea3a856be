"""The status function's reads and its few writes (automation switch, shipper desired state),
on the pynamodb models. Rows come back as plain dicts for views.py.

Decisions, the table that grows with every stream batch, are read newest first from their
by-action index, only as far as a page needs. Groups and tickets (one row per problem) are
read whole. The last hour of
the live feed is read newest first from the day partition and stops at the hour's start.
"""

import heapq
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from pynamodb.exceptions import UpdateError

from functions.common import clock, live_feed
from functions.common.models import (
    AuditModel,
    DecisionModel,
    EventModel,
    GroupModel,
    HostModel,
    SettingModel,
    TicketModel,
)
from functions.common.settings import DEFAULT_THRESHOLDS
from functions.status.history import DECISION_ACTIONS

AUTOMATION_SETTING = "automation"
THRESHOLDS_SETTING = "thresholds"
# Automation is on until an admin turns it off.
AUTOMATION_DEFAULT = True


def _setting(name: str) -> SettingModel | None:
    try:
        return SettingModel.get(name)
    except SettingModel.DoesNotExist:
        return None


def automation_enabled() -> bool:
    setting = _setting(AUTOMATION_SETTING)
    if setting is None or setting.enabled is None:
        return AUTOMATION_DEFAULT
    return bool(setting.enabled)


def set_automation(enabled: bool) -> None:
    SettingModel(AUTOMATION_SETTING, enabled=enabled, updated_at=clock.iso()).save()


def thresholds() -> dict[str, float]:
    """The confidence thresholds in force: the stored ones over the defaults."""
    setting = _setting(THRESHOLDS_SETTING)
    stored = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    return {**DEFAULT_THRESHOLDS, **stored}


def set_thresholds(thresholds: dict[str, float]) -> None:
    SettingModel(THRESHOLDS_SETTING, value=thresholds, updated_at=clock.iso()).save()


def record_audit(what: str, before, after, who: str) -> None:
    moment = clock.now()
    AuditModel(
        moment.strftime("%Y-%m-%d"),
        f"{clock.iso(moment)}#{uuid.uuid4().hex}",
        what=what,
        before=before,
        after=after,
        who=who,
        at=clock.iso(moment),
    ).save()


def audit(days: int) -> list[dict]:
    """The admin's changes over the last `days` days, newest first."""
    today = clock.now()
    entries = []
    for back in range(days):
        day = (today - timedelta(days=back)).strftime("%Y-%m-%d")
        for row in AuditModel.query(day, scan_index_forward=False):
            entries.append(
                {
                    "at": row.at,
                    "what": row.what,
                    "before": row.before,
                    "after": row.after,
                    "who": row.who,
                }
            )
    return entries


def decision_counts() -> dict[str, int]:
    """How many decisions of each action are stored: a count query per action on the
    by-action index (DynamoDB counts server side; nothing comes back but the number)."""
    # The model's `count` attribute hides pynamodb's Model.count (and so Index.count).
    count_query = super(DecisionModel, DecisionModel).count
    return {
        action: count_query(action, index_name=DecisionModel.by_action.Meta.index_name)
        for action in DECISION_ACTIONS
    }


def decisions_newest_first(
    fingerprint: str | None = None,
    action: str | None = None,
    before: str | None = None,
    since: datetime | None = None,
) -> Iterator[dict]:
    """Decisions newest first, read a page at a time as the caller takes them: one group's
    from its partition, else one query per action on the by-action index, merged by
    decision_key (it starts with the decision's time). `before` is a decision_key to start
    after; `since` stops the reading at that time."""
    condition = None
    if before is not None:
        condition = DecisionModel.decision_key < before
    if since is not None:
        after = DecisionModel.decision_key >= clock.iso(since.astimezone(UTC))
        condition = after if condition is None else condition & after
    if fingerprint:
        queries = [
            DecisionModel.query(
                fingerprint,
                range_key_condition=condition,
                filter_condition=(DecisionModel.action == action) if action else None,
                scan_index_forward=False,
            )
        ]
    else:
        queries = [
            DecisionModel.by_action.query(
                each, range_key_condition=condition, scan_index_forward=False
            )
            for each in ([action] if action else DECISION_ACTIONS)
        ]
    rows = heapq.merge(*queries, key=lambda row: row.decision_key, reverse=True)
    return (row.to_simple_dict() for row in rows)


def group_summaries() -> dict[str, dict]:
    """What a ticket or decision row shows of its group, by fingerprint."""
    fields = ["fingerprint", "template", "message", "severity", "category"]
    return {
        row.fingerprint: {name: getattr(row, name) for name in fields}
        for row in GroupModel.scan(attributes_to_get=fields)
    }


def feed_since(start: datetime, max_events: int) -> tuple[list[dict], bool]:
    """Feed events written since `start`, oldest first, at most `max_events` (the newest);
    and whether older ones of the window were left out."""
    cutoff = clock.iso(start)
    days = sorted({start.strftime("%Y-%m-%d"), clock.now().strftime("%Y-%m-%d")}, reverse=True)
    events: list[dict] = []
    for day in days:
        for row in EventModel.query(day, scan_index_forward=False):
            if (row.created_at or "") < cutoff:
                break
            for event in reversed(live_feed.events_of(row)):  # a row may hold a run of events
                if len(events) == max_events:
                    return events[::-1], True
                events.append(event)
    return events[::-1], False


def groups() -> list[dict]:
    return [row.to_simple_dict(force=True) for row in GroupModel.scan()]


def tickets() -> list[dict]:
    return [row.to_simple_dict() for row in TicketModel.scan()]


def ticket_keys(fingerprints: list[str]) -> dict[str, str]:
    """The Jira key of each of these groups that has one."""
    if not fingerprints:
        return {}
    return {
        row.fingerprint: row.jira_key for row in TicketModel.batch_get(fingerprints) if row.jira_key
    }


def hosts() -> list[dict]:
    rows = [row.to_simple_dict() for row in HostModel.scan()]
    for row in rows:
        for secret in ("key", "previous_key"):  # signing keys never leave this module
            row.pop(secret, None)
    return sorted(rows, key=lambda row: row["host_id"])


def _set_state(host_id: str, state: str) -> bool:
    try:
        HostModel(host_id).update(
            actions=[HostModel.desired_state.set(state)],
            condition=HostModel.host_id.exists(),
        )
    except UpdateError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True


def set_desired_state(state: str, host_id: str | None = None) -> list[str] | None:
    """Set one host's desired state (None when it is unknown) or every host's; the ids set."""
    if host_id is not None:
        return [host_id] if _set_state(host_id, state) else None
    every_host = [row.host_id for row in HostModel.scan(attributes_to_get=["host_id"])]
    return [each for each in every_host if _set_state(each, state)]
