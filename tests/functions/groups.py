"""A group as ingest would have stored it, for tests of the functions downstream of ingest."""

from functions.common.models import GroupModel


def save_group(fingerprint: str, message: str, **overrides) -> GroupModel:
    """Save and return a one-occurrence HIGH group whose template is its message."""
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
    return group
