"""The status tab's numbers from the live feed of the last hour: errors per minute by severity,
the groups seen most, and what the jira function did. No AWS here: feed events come in as
plain dicts (id, kind, at, data), as live_feed reads them.
"""

from collections import Counter
from datetime import datetime, timedelta

from functions.common.settings import SEVERITIES
from functions.status.history import parse_time

WINDOW_MINUTES = 60
TOP_GROUPS = 10
# An error event of another severity (a rule's own word) is counted under this name.
OTHER_SEVERITY = "OTHER"


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _occurrences(data: dict) -> int:
    # "new" is how many of the group's events this batch added; an older feed lacks it.
    value = data.get("new")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def errors_per_minute(events: list[dict], now: datetime, minutes: int = WINDOW_MINUTES) -> list:
    """One bucket per minute, oldest first, the current minute last: {"minute", severity: n}."""
    last = _minute(now)
    first = last - timedelta(minutes=minutes - 1)
    buckets = {
        first + timedelta(minutes=step): Counter({name: 0 for name in SEVERITIES})
        for step in range(minutes)
    }
    for event in events:
        if event.get("kind") != "error":
            continue
        moment = parse_time(event.get("at"))
        if moment is None or not first <= _minute(moment) <= last:
            continue
        data = event.get("data") or {}
        severity = data.get("severity") if data.get("severity") in SEVERITIES else OTHER_SEVERITY
        buckets[_minute(moment)][severity] += _occurrences(data)
    return [
        {"minute": minute.isoformat().replace("+00:00", "Z"), **counts}
        for minute, counts in sorted(buckets.items())
    ]


def top_groups(events: list[dict], limit: int = TOP_GROUPS) -> list[dict]:
    """The groups with the most occurrences in these events, most first."""
    seen: Counter = Counter()
    latest: dict[str, dict] = {}
    for event in events:
        data = event.get("data") or {}
        fingerprint = data.get("fingerprint")
        if event.get("kind") != "error" or not fingerprint:
            continue
        seen[fingerprint] += _occurrences(data)
        latest[fingerprint] = data  # events come oldest first: the last one is the newest
    return [
        {
            "fingerprint": fingerprint,
            "occurrences": occurrences,
            "template": latest[fingerprint].get("template"),
            "message": latest[fingerprint].get("message"),
            "severity": latest[fingerprint].get("severity"),
            "category": latest[fingerprint].get("category"),
            "total": latest[fingerprint].get("count"),
            "last_seen": latest[fingerprint].get("last_seen"),
        }
        for fingerprint, occurrences in sorted(seen.items(), key=lambda item: (-item[1], item[0]))[
            :limit
        ]
    ]


def ticket_outcomes(events: list[dict]) -> dict[str, int]:
    """What the jira function did: created, commented, reopened, suppressed, rejected …"""
    return dict(
        Counter(
            str((event.get("data") or {}).get("action") or "unknown")
            for event in events
            if event.get("kind") == "ticket"
        )
    )
