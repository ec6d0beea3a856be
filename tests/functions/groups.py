"""A group as ingest would have stored it, for tests of the functions downstream of ingest."""

from collections.abc import Sequence

from functions.common.models import GroupModel, OccurrenceModel
from functions.ingest.store import occurrence_key


def save_group(
    fingerprint: str, message: str, lines: Sequence[str] = (), **overrides
) -> GroupModel:
    """Save and return a one-occurrence HIGH group whose template is its message; `lines`: the
    raw lines of its stored occurrences, oldest first."""
    fields = {
        "template": message,
        "message": message,
        "level": "ERROR",
        "severity": "HIGH",
        "count": 1,
        "first_seen": "2024-05-01T10:00:00.000Z",
        "last_seen": "2024-05-01T10:05:00.000Z",
        "hosts": {"till-01"},
        "stores": {"0042"},
        **overrides,
    }
    group = GroupModel(fingerprint, **fields)
    group.save()
    save_occurrences(fingerprint, lines)
    return group


def save_occurrences(fingerprint: str, lines: Sequence[str], host: str = "till-01") -> None:
    """The group's occurrences, one a second from 10:00:00, at offsets 0, 100, ..."""
    for n, line in enumerate(lines):
        observed_at = f"2024-05-01T10:00:{n:02d}.000Z"
        OccurrenceModel(
            fingerprint,
            occurrence_key(observed_at, host, "inode-1", 100 * n),
            host=host,
            store="0042",
            source="/var/log/pos/app.log",
            file_id="inode-1",
            offset=100 * n,
            line=line,
            observed_at=observed_at,
        ).save()
