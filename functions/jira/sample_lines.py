"""The raw lines a group's new Jira issue shows: its first stored occurrences.

A group item keeps no raw lines (it is billed by its whole size on every batch that updates
it); ingest stores a group's first events of each hour as occurrences in the transaction that
counts them, so they are there by the time decide asks for the issue.
"""

from functions.common.models import OccurrenceModel

SAMPLES_SHOWN = 5


def first_lines(fingerprint: str, limit: int = SAMPLES_SHOWN) -> list[str]:
    """The lines of the group's earliest occurrences still kept, oldest first (the sort key
    starts with the time the shipper read the line)."""
    return [
        occurrence.line
        for occurrence in OccurrenceModel.query(
            fingerprint, consistent_read=True, limit=limit, attributes_to_get=["line"]
        )
    ]
