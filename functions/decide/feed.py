"""What decide shows on the live feed: for a stream batch, each changed group's "error" event
(what the batch's changes added to it) and each decision, stored together in one write.

The feed's error events come from here rather than from ingest: every change of a group passes
through decide anyway, and one feed write per stream batch costs far less than one per ingest
batch (in a storm a stream batch carries many ingest batches' changes).
"""

from aws_lambda_powertools import Logger

from functions.common import live_feed
from functions.common.metrics import count
from functions.decide.policy import Decision

logger = Logger(child=True)


def error_event(group: dict, previous_count: int | None) -> dict:
    """The "error" event of a group's changes: `previous_count` is its count before them (None
    for a new group)."""
    total = int(group.get("count") or 0)
    return {
        "fingerprint": group["fingerprint"],
        "template": group.get("template"),
        "message": group.get("message"),
        "level": group.get("level"),
        "severity": group.get("severity"),
        "category": group.get("category"),
        "count": total,
        "new": total - (previous_count or 0),
        "is_new_group": previous_count is None,
        "host": group.get("last_host"),
        "store": group.get("last_store"),
        "source": group.get("last_source"),
        "last_seen": group.get("last_seen"),
    }


def decision_event(group: dict, decision: Decision, decision_key: str) -> dict:
    return {
        "fingerprint": group["fingerprint"],
        "decision_key": decision_key,  # the page's "mark wrong" names the decision by it
        **decision.as_dict(),
        "template": group.get("template"),
    }


class BatchFeed:
    """The feed events of one stream batch, errors first, then decisions, in the batch's order."""

    def __init__(self) -> None:
        self.errors: list[dict] = []
        self.decisions: list[dict] = []

    def add(
        self, group: dict, previous_count: int | None, decision: Decision, decision_key: str
    ) -> None:
        self.errors.append(error_event(group, previous_count))
        self.decisions.append(decision_event(group, decision, decision_key))

    def publish(self, retention_days: int) -> None:
        events = [("error", data) for data in self.errors]
        events += [("decision", data) for data in self.decisions]
        if not events:
            return
        try:
            live_feed.append_events(events, retention_days)
        except Exception:
            # The decisions are recorded and their jobs queued: failing the batch would have
            # the stream decide them all again (a second row each) for the sake of a view.
            logger.exception("live feed events not stored", events=len(events))
            count("FeedWriteFailed")
