"""History and audit: every group, ticket and decision, filtered and paged newest first.

Pure domain code over plain rows (queries.py reads them). Pages are cut by a keyset cursor (the
time and id of the last row shown), so rows that arrive between two pages never shift the next
page: nothing is shown twice or skipped.
"""

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from functions.common.settings import SEVERITIES

KINDS = ("groups", "tickets", "decisions")
DECISION_ACTIONS = ("create", "update", "reopen", "skip", "suppress")
TICKET_STATUSES = ("claimed", "open", "resolved")
DEFAULT_PAGE = 50
MAX_PAGE = 500
MAX_QUERY_CHARS = 200
# Parameters each kind takes; any other is refused, so a typo never silently shows everything.
COMMON_PARAMETERS = ("q", "severity", "since", "until", "fingerprint")
KIND_PARAMETERS = {
    "groups": COMMON_PARAMETERS,
    "tickets": (*COMMON_PARAMETERS, "status"),
    "decisions": (*COMMON_PARAMETERS, "action"),
}
PAGING_PARAMETERS = ("limit", "cursor")

# The row of each kind as the page and the export show it, in column order.
COLUMNS = {
    "groups": (
        "last_seen",
        "severity",
        "level",
        "category",
        "template",
        "message",
        "count",
        "first_seen",
        "hosts",
        "more_hosts",
        "stores",
        "more_stores",
        "sources",
        "ticket",
        "fingerprint",
    ),
    "tickets": (
        "at",
        "jira_key",
        "status",
        "severity",
        "template",
        "message",
        "created_at",
        "claimed_at",
        "last_comment_at",
        "url",
        "fingerprint",
    ),
    "decisions": (
        "decided_at",
        "action",
        "severity",
        "confidence",
        "threshold",
        "reason",
        "template",
        "message",
        "category",
        "count",
        "model_probability",
        "feedback_adjustment",
        "model_version",
        "rules_version",
        "decision_key",
        "fingerprint",
    ),
}
# Which field orders each kind (newest first) and which one breaks ties.
TIME_FIELD = {"groups": "last_seen", "tickets": "at", "decisions": "decided_at"}
ID_FIELD = {"groups": "fingerprint", "tickets": "fingerprint", "decisions": "decision_key"}
# Where `q` looks, besides the fingerprint.
SEARCHED = {
    "groups": ("template", "message", "category", "level", "hosts", "stores", "sources", "ticket"),
    "tickets": ("jira_key", "template", "message", "status"),
    "decisions": ("template", "message", "reason", "action", "category"),
}


class BadParameter(ValueError):
    """A query parameter the history cannot use; `parameter` names it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Filters:
    q: str | None = None
    severity: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    fingerprint: str | None = None
    status: str | None = None
    action: str | None = None


def parse_time(value: str | None) -> datetime | None:
    """An RFC 3339 time (`Z` or an offset); None when it is not one or has no zone."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _one_of(parameter: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise BadParameter(parameter, f"{parameter} must be one of {', '.join(allowed)}")
    return value


def parse_filters(
    kind: str, params: Mapping[str, str], extra_allowed: Iterable[str] = ()
) -> Filters:
    """The filters of a request's query string; BadParameter for anything it cannot use."""
    allowed = set(KIND_PARAMETERS[kind]) | set(extra_allowed)
    for name in params:
        if name not in allowed:
            raise BadParameter(name, f"unknown parameter {name[:40]!r} for {kind}")
    values: dict = {}
    for name in ("since", "until"):
        if params.get(name):
            moment = parse_time(params[name])
            if moment is None:
                raise BadParameter(name, f"{name} must be an RFC 3339 time with a zone")
            values[name] = moment
    if values.get("since") and values.get("until") and values["since"] > values["until"]:
        raise BadParameter("until", "until must not be before since")
    q = params.get("q")
    if q:
        if len(q) > MAX_QUERY_CHARS:
            raise BadParameter("q", f"q must be at most {MAX_QUERY_CHARS} characters")
        values["q"] = q.strip().casefold() or None
    if params.get("severity"):
        values["severity"] = _one_of("severity", params["severity"].upper(), SEVERITIES)
    if params.get("status"):
        values["status"] = _one_of("status", params["status"], TICKET_STATUSES)
    if params.get("action"):
        values["action"] = _one_of("action", params["action"], DECISION_ACTIONS)
    if params.get("fingerprint"):
        values["fingerprint"] = params["fingerprint"]
    return Filters(**values)


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_PAGE
    # ASCII and short: "²".isdigit() is true and int() refuses it, as it does 5,000 digits.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6) or not 1 <= int(raw) <= MAX_PAGE:
        raise BadParameter("limit", f"limit must be an integer from 1 to {MAX_PAGE}")
    return int(raw)


def encode_cursor(row_time: str, row_id: str) -> str:
    raw = json.dumps([row_time, row_id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(raw: str | None) -> tuple[str, str] | None:
    """The (time, id) a cursor names; BadParameter when it is not one this API handed out."""
    if not raw:
        return None
    try:
        padded = raw + "=" * (-len(raw) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError):
        value = None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise BadParameter("cursor", "cursor is not one this API handed out")
    return value[0], value[1]


# ---- rows ----


def _text(value) -> str:
    if isinstance(value, list | tuple | set):
        return " ".join(str(each) for each in value)
    return "" if value is None else str(value)


def group_row(group: dict, ticket_key: str | None) -> dict:
    row = {name: group.get(name) for name in COLUMNS["groups"]}
    for name in ("hosts", "stores", "sources"):
        row[name] = sorted(group.get(name) or [])
    for name in ("more_hosts", "more_stores"):  # seen on more than the group lists
        row[name] = bool(group.get(name))
    row["ticket"] = ticket_key
    return row


def ticket_row(ticket: dict, group: dict | None, url: str | None) -> dict:
    group = group or {}
    row = {name: ticket.get(name) for name in COLUMNS["tickets"]}
    row["at"] = ticket.get("created_at") or ticket.get("claimed_at")
    row["severity"] = group.get("severity")
    row["template"] = group.get("template")
    row["message"] = group.get("message")
    row["url"] = url
    return row


def decision_row(decision: dict, group: dict | None) -> dict:
    group = group or {}
    row = {name: decision.get(name) for name in COLUMNS["decisions"]}
    row["template"] = group.get("template")
    row["message"] = group.get("message")
    row["category"] = group.get("category")
    return row


def matches(kind: str, row: dict, filters: Filters) -> bool:
    if filters.fingerprint and row.get("fingerprint") != filters.fingerprint:
        return False
    if filters.severity and row.get("severity") != filters.severity:
        return False
    if filters.status and row.get("status") != filters.status:
        return False
    if filters.action and row.get("action") != filters.action:
        return False
    if filters.since or filters.until:
        moment = parse_time(row.get(TIME_FIELD[kind]))
        if moment is None:
            return False
        if filters.since and moment < filters.since:
            return False
        if filters.until and moment > filters.until:
            return False
    if filters.q:
        haystack = " ".join(_text(row.get(name)) for name in (*SEARCHED[kind], "fingerprint"))
        if filters.q not in haystack.casefold():
            return False
    return True


def _sort_key(kind: str) -> Callable[[dict], tuple[str, str]]:
    return lambda row: (row.get(TIME_FIELD[kind]) or "", row.get(ID_FIELD[kind]) or "")


def newest_first(kind: str, rows: Iterable[dict], filters: Filters) -> list[dict]:
    """The rows that pass the filters, newest first."""
    kept = [row for row in rows if matches(kind, row, filters)]
    return sorted(kept, key=_sort_key(kind), reverse=True)


def page(kind: str, ordered: Iterable[dict], limit: int, cursor: tuple[str, str] | None) -> dict:
    """One page of `ordered` (newest first) after the cursor, and the cursor of the next.
    Only as many rows as the page shows, and one more, are taken from `ordered`."""
    key = _sort_key(kind)
    if cursor is not None:
        ordered = (row for row in ordered if key(row) < cursor)
    taken = list(islice(ordered, limit + 1))
    shown = taken[:limit]
    more = len(taken) > limit
    return {
        "kind": kind,
        "items": shown,
        "next_cursor": encode_cursor(*key(shown[-1])) if more and shown else None,
    }
