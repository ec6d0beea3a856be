"""What a group's Jira issue says: fields, labels, priority and the update comments.

Pure domain code (no network): Jira Cloud's limits are kept here (one-line summary of at most
255 characters, labels without spaces, v2 plain-text description and comments).
"""

import hashlib
import re
from collections.abc import Sequence

from functions.common.settings import Settings

LABEL = "stacklens"
LABEL_PREFIX = "stacklens-fp-"
SUMMARY_MAX = 255
ELLIPSIS = "…"
# Jira rejects a description longer than 32767 characters; samples are cut well before that.
DESCRIPTION_MAX = 30000
SAMPLE_MAX = 4000
HOSTS_LISTED = 10

_WHITESPACE = re.compile(r"\s+")
_NOT_LABEL = re.compile(r"[^a-z0-9_.-]+")


def fingerprint_label(fingerprint: str) -> str:
    """The label that finds a group's issue again when the Tickets record is lost."""
    return LABEL_PREFIX + hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()[:16]


def label_jql(fingerprint: str) -> str:
    # The label is hex only, but JQL values are always quoted (DESIGN.md section 7).
    return f'labels = "{fingerprint_label(fingerprint)}" ORDER BY created ASC'


def slugify(text: str) -> str:
    """A Jira label: lower case, no spaces, only letters, digits, dot, dash and underscore."""
    return _NOT_LABEL.sub("-", text.lower()).strip("-")[:255]


def one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text or "").strip()


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def _humanize(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name or "").strip()
    return words[:1].upper() + words[1:]


def headline(group: dict) -> str:
    """A short name for the problem: its rule, else its category ("Pricing error")."""
    if group.get("rule"):
        return _humanize(group["rule"])
    if group.get("category"):
        return f"{_humanize(group['category'])} error"
    return ""


def summary(group: dict) -> str:
    """`[SEVERITY] Headline | message`, one line, at most 255 characters."""
    message_lines = (group.get("message") or group.get("template") or "").strip().splitlines()
    message = one_line(message_lines[0] if message_lines else "")
    name = headline(group)
    # "Payment gateway timeout | Payment gateway timeout | ..." says nothing twice.
    if name and name.lower() in message.lower()[: len(name) + 40]:
        name = ""
    parts = [part for part in (name, message) if part]
    text = f"[{str(group.get('severity', '')).upper()}] " + " | ".join(parts)
    return truncate(one_line(text), SUMMARY_MAX)


def group_link(status_page_url: str, fingerprint: str) -> str:
    """The group on the status page, or "" when its address is not configured."""
    if not status_page_url:
        return ""
    return f"{status_page_url.rstrip('/')}#/groups/{fingerprint}"


def _listed(values, more: bool = False) -> str:
    """Up to HOSTS_LISTED values; `more`: the group saw others it does not list."""
    values = sorted(values or [])
    if not values:
        return "-"
    shown = ", ".join(values[:HOSTS_LISTED])
    hidden = len(values) - HOSTS_LISTED
    if more:
        return f"{shown} and more"
    return f"{shown} (+{hidden} more)" if hidden > 0 else shown


def description(group: dict, status_page_url: str = "", samples: Sequence[str] = ()) -> str:
    """The issue's plain-text body (v2 API): what, how often, where, and the raw lines of the
    group's first occurrences (`samples`, oldest first)."""
    lines = [
        "StackLens opened this issue for a recurring error in the POS logs.",
        "",
        "Message:",
        "{noformat}",
        truncate(group.get("message") or "", SAMPLE_MAX),
        "{noformat}",
        f"Template: {group.get('template', '')}",
        f"Severity: {group.get('severity', '')}",
        f"Category: {group.get('category') or '-'}",
        f"Rule: {group.get('rule') or '-'}",
        f"Count: {int(group.get('count') or 0)}",
        f"First seen: {group.get('first_seen', '')}",
        f"Last seen: {group.get('last_seen', '')}",
        f"Hosts: {_listed(group.get('hosts'), bool(group.get('more_hosts')))}",
        f"Stores: {_listed(group.get('stores'), bool(group.get('more_stores')))}",
        f"Sources: {_listed(group.get('sources'))}",
        f"Fingerprint: {group.get('fingerprint', '')}",
    ]
    link = group_link(status_page_url, group.get("fingerprint", ""))
    if link:
        lines.append(f"Status page: {link}")
    if samples:
        lines += ["", "Sample lines:"]
        for sample in samples:
            lines += ["{noformat}", truncate(str(sample), SAMPLE_MAX), "{noformat}"]
    return truncate("\n".join(lines), DESCRIPTION_MAX)


def priority_name(severity: str, priority_map: dict) -> str:
    """The Jira priority of a severity in this site's scheme (e.g. Highest, or Blocker)."""
    severity = str(severity).upper()
    return priority_map.get(severity) or priority_map.get("LOW") or "Medium"


def labels(group: dict) -> list[str]:
    candidates = [
        LABEL,
        fingerprint_label(group["fingerprint"]),
        slugify(str(group.get("severity") or "")),
        slugify(str(group.get("category") or "")),
    ]
    return list(dict.fromkeys(label for label in candidates if label))


def issue_fields(group: dict, settings: Settings, samples: Sequence[str] = ()) -> dict:
    """The `fields` of POST /rest/api/2/issue for a group; `samples`: raw lines to show."""
    return {
        "project": {"key": settings.jira_project},
        "issuetype": {"name": settings.jira_issue_type},
        "summary": summary(group),
        "description": description(group, settings.status_page_url, samples),
        "priority": {"name": priority_name(group.get("severity", ""), settings.jira_priority_map)},
        "labels": labels(group),
    }


DIGEST_LABEL = "stacklens-digest"


def digest_label(hour: str) -> str:
    """The label that finds an hour's digest issue again when its job died before recording it."""
    return f"{DIGEST_LABEL}-{slugify(hour)}"


def digest_jql(hour: str) -> str:
    return f'labels = "{digest_label(hour)}" ORDER BY created ASC'


def digest_fields(hour: str, settings: Settings) -> dict:
    """The hour's digest issue: what storm control held back once the budget was spent."""
    return {
        "project": {"key": settings.jira_project},
        "issuetype": {"name": settings.jira_issue_type},
        "summary": f"[StackLens] New problems held back in {hour}:00 UTC "
        f"(more than {settings.max_new_tickets_per_hour} new issues in the hour)",
        "description": (
            "StackLens opened its limit of new issues for this hour. Each problem held back "
            "is listed below as a comment; it gets its own issue when it happens again after "
            "the hour."
        ),
        "labels": ["stacklens", DIGEST_LABEL, digest_label(hour)],
    }


def held_back_text(group: dict, status_page_url: str = "") -> str:
    text = f"Held back: {summary(group)}\n" + comment_text(group, None, status_page_url)
    return f"{text}\nFingerprint: {group.get('fingerprint', '')}"


def comment_text(group: dict, new_occurrences: int | None, status_page_url: str = "") -> str:
    """The update comment; `new_occurrences` None when the number since the last one is unknown."""
    total = int(group.get("count") or 0)
    if new_occurrences is None:
        seen = f"Seen again (total {total:,})"
    else:
        times = "time" if new_occurrences == 1 else "times"
        seen = f"Seen {new_occurrences:,} more {times} (total {total:,})"
    hosts, stores = group.get("hosts") or [], group.get("stores") or []
    more_hosts, more_stores = bool(group.get("more_hosts")), bool(group.get("more_stores"))
    where = (
        f"on {_count(len(hosts), 'host', more_hosts)} in "
        f"{_count(len(stores), 'store', more_stores)}"
    )
    listed = _listed(hosts, more_hosts)
    text = f"{seen} {where} ({listed}). Last seen {group.get('last_seen', '')}."
    link = group_link(status_page_url, group.get("fingerprint", ""))
    return f"{text}\n{link}" if link else text


def _count(number: int, noun: str, more: bool = False) -> str:
    """Say "3 hosts" or "1 store"; with `more`, "20+ hosts" (the group lists its first ones)."""
    if more:
        return f"{number:,}+ {noun}s"
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def reopen_text(group: dict, new_occurrences: int, status_page_url: str = "") -> str:
    return "StackLens reopened this issue: the error came back.\n" + comment_text(
        group, new_occurrences, status_page_url
    )
