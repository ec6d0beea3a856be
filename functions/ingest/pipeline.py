"""One validated batch through ingest, each event counted and stored exactly once.

The per-event keys are the guarantee: an event is stored and counts into its group only when
its key was new. The batch key is only a fast path for a batch delivered twice; it is written
last, so a batch that failed half-way is processed again rather than skipped. (Events that a
failed attempt had claimed then count as duplicates: a crash between the claims and the group
update under-counts, it never counts twice.)
"""

from dataclasses import dataclass
from typing import Protocol

from functions.ingest.batch import AnalysedError, Batch, GroupAggregate, aggregate, analyse
from functions.ingest.rules import RuleSet


@dataclass(frozen=True)
class GroupState:
    """A group as stored after this batch's update."""

    count: int  # the group's total
    is_new: bool  # this batch created it
    template: str
    message: str
    level: str
    severity: str
    category: str | None
    last_seen: str


@dataclass(frozen=True)
class IngestResult:
    accepted: int
    duplicates: int
    groups: int = 0


class IngestStore(Protocol):
    def batch_seen(self, batch_id: str) -> bool: ...

    def claim_events(self, host: str, identities: list[tuple[str, int]]) -> list[bool]:
        """For each (file_id, offset): True when its event key was new (and is now taken)."""

    def save_occurrences(self, errors: list[AnalysedError], host: str, store: str | None) -> None:
        """Store each new error event (its fingerprint, identity and raw text)."""

    def update_group(self, group: GroupAggregate) -> GroupState: ...

    def append_feed(self, kind: str, data: dict) -> None: ...

    def mark_batch(self, batch_id: str) -> None: ...


def feed_entry(group: GroupAggregate, state: GroupState, host: str, store: str | None) -> dict:
    """The live feed's "error" event for one group of one batch (contract in live_feed)."""
    return {
        "fingerprint": group.fingerprint,
        "template": state.template,
        "message": state.message,
        "level": state.level,
        "severity": state.severity,
        "category": state.category,
        "count": state.count,
        "new": group.count,
        "is_new_group": state.is_new,
        "host": host,
        "store": store,
        "source": group.source,
        "last_seen": state.last_seen,
    }


def ingest(batch: Batch, store: IngestStore, rules: RuleSet) -> IngestResult:
    """Claim, store and group the batch's events; answer how many were new."""
    if store.batch_seen(batch.batch_id):
        return IngestResult(accepted=0, duplicates=len(batch.events))
    # Parse and classify everything before the first write: a surprise here stores nothing.
    # An event twice in one batch is a duplicate before any store is asked.
    unique: dict[tuple[str, int], AnalysedError | None] = {}
    for event in batch.events:
        if (event.file_id, event.offset) not in unique:
            unique[(event.file_id, event.offset)] = analyse(event, rules)
    claimed = store.claim_events(batch.host, list(unique))
    new_errors = [
        error for error, new in zip(unique.values(), claimed, strict=True) if new and error
    ]
    accepted = sum(claimed)
    store.save_occurrences(new_errors, batch.host, batch.store)
    groups = aggregate(new_errors, batch.host, batch.store)
    for group in groups:
        state = store.update_group(group)
        store.append_feed("error", feed_entry(group, state, batch.host, batch.store))
    store.mark_batch(batch.batch_id)
    return IngestResult(accepted, len(batch.events) - accepted, len(groups))
