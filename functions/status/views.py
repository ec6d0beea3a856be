"""What the status API shows, shaped from plain rows: no AWS here.

The rows are the tables' items as plain dicts (queries.py reads them); these functions pick the
fields a user may see and compute what the tables do not hold (online, counts, order).
"""

from datetime import datetime

from functions.common.settings import Settings

# A shipper whose last heartbeat is older than this is shown offline.
# Shippers beat every 30 s: three missed beats make a host offline, not one late packet.
ONLINE_WITHIN_SECONDS = 90

# Every action decide records; each is shown, with 0 when it never happened.
DECISION_ACTIONS = ("create", "update", "reopen", "skip", "suppress")

GROUP_FIELDS = (
    "fingerprint",
    "template",
    "message",
    "level",
    "severity",
    "category",
    "count",
    "first_seen",
    "last_seen",
)
HOST_FIELDS = ("host_id", "store", "last_heartbeat", "desired_state", "files", "stats")


def _parse_time(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def is_online(last_heartbeat: str | None, now: datetime) -> bool:
    moment = _parse_time(last_heartbeat)
    if moment is None or moment.tzinfo is None:
        return False
    # A heartbeat a little ahead of this clock (skew between hosts) also counts as recent.
    return (now - moment).total_seconds() <= ONLINE_WITHIN_SECONDS


def host_view(host: dict, now: datetime) -> dict:
    """A shipper as the page shows it. Never its signing key."""
    view = {name: host.get(name) for name in HOST_FIELDS}
    view["files"] = view["files"] or []
    view["stats"] = view["stats"] or {}
    view["desired_state"] = view["desired_state"] or "running"
    view["online"] = is_online(host.get("last_heartbeat"), now)
    return view


def latest_groups(groups: list[dict], limit: int) -> list[dict]:
    """The `limit` groups seen most recently, newest first."""
    return sorted(groups, key=lambda group: group.get("last_seen") or "", reverse=True)[:limit]


def issue_url(settings: Settings, jira_key: str | None) -> str | None:
    if not jira_key or not settings.jira_url:
        return None
    return f"{settings.jira_url.rstrip('/')}/browse/{jira_key}"


def group_view(group: dict, ticket_key: str | None) -> dict:
    view = {name: group.get(name) for name in GROUP_FIELDS}
    view["hosts"] = sorted(group.get("hosts") or [])
    view["more_hosts"] = bool(group.get("more_hosts"))  # a group lists its first hosts only
    view["stores"] = sorted(group.get("stores") or [])
    view["more_stores"] = bool(group.get("more_stores"))
    view["sources"] = sorted(group.get("sources") or [])
    view["ticket"] = ticket_key
    return view


def ticket_view(ticket: dict, settings: Settings) -> dict:
    return {
        "fingerprint": ticket.get("fingerprint"),
        "jira_key": ticket.get("jira_key"),
        "status": ticket.get("status"),
        "created_at": ticket.get("created_at"),
        "last_comment_at": ticket.get("last_comment_at"),
        "url": issue_url(settings, ticket.get("jira_key")),
    }


def latest_tickets(tickets: list[dict], settings: Settings, limit: int) -> list[dict]:
    """Tickets newest first (one still being created counts from its claim)."""
    ordered = sorted(
        tickets, key=lambda ticket: ticket.get("created_at") or ticket.get("claimed_at") or ""
    )
    return [ticket_view(ticket, settings) for ticket in reversed(ordered)][:limit]


def jira_configuration(settings: Settings) -> dict:
    """The Jira settings a user may see: everything but the token."""
    return {
        "configured": bool(
            settings.jira_url
            and settings.jira_user
            and (settings.jira_api_token or settings.jira_secret_arn)
        ),
        "url": settings.jira_url,
        "project": settings.jira_project,
        "user": settings.jira_user,
        "issue_type": settings.jira_issue_type,
        "priority_map": settings.jira_priority_map,
    }
