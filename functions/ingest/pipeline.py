"""One validated batch through ingest, each error event counted exactly once.

Only error events are claimed: the rest is neither stored nor counted, so it needs no key (and
costs no write). The new events are claimed and added to their groups in one atomic step
(`commit`): a crash before it changes nothing, a crash after it leaves the events claimed and
counted, so a retry never counts twice and never drops a count. The sampled events' raw lines
(occurrences) are stored in the same step, so a group is never counted without its first
lines (its Jira issue shows them) and a replay stores nothing. The live feed's "error" events
come from decide, which reads every group change from the Groups stream anyway (one feed write
per stream batch there, not one per ingest batch here).
"""

from dataclasses import dataclass
from typing import Protocol

from functions.ingest.batch import AnalysedError, Batch, EventId, GroupAggregate, analyse
from functions.ingest.rules import RuleSet
from functions.ingest.sampling import OccurrenceSampler


@dataclass(frozen=True)
class Commit:
    """What one group's commit added: the new events (the others were claimed before)."""

    group: GroupAggregate
    new_errors: list[AnalysedError]


@dataclass(frozen=True)
class IngestResult:
    accepted: int
    duplicates: int
    groups: int = 0


class IngestStore(Protocol):
    def commit(
        self, errors: list[AnalysedError], kept: set[EventId], host: str, store: str | None
    ) -> list[Commit]:
        """Claim the error events, add the unclaimed ones to their groups and store those of
        them that are `kept` as occurrences, atomically: one Commit per group that had new
        events (events claimed before are left out)."""


_SAMPLER = OccurrenceSampler()


def ingest(
    batch: Batch, store: IngestStore, rules: RuleSet, sampler: OccurrenceSampler = _SAMPLER
) -> IngestResult:
    """Claim, count and store the batch's error events; answer how many were new."""
    # Parse and classify everything before the first write: a surprise here stores nothing.
    # An event twice in one batch is a duplicate before any store is asked.
    unique: dict[EventId, AnalysedError | None] = {}
    for event in batch.events:
        if (event.file_id, event.offset) not in unique:
            unique[(event.file_id, event.offset)] = analyse(event, rules)
    errors = [error for error in unique.values() if error is not None]
    kept = _sampled(sampler, errors, batch.host)
    commits = store.commit(errors, kept, batch.host, batch.store) if errors else []
    new_errors = sum(len(commit.new_errors) for commit in commits)
    duplicates = len(batch.events) - len(unique) + len(errors) - new_errors
    return IngestResult(len(batch.events) - duplicates, duplicates, len(commits))


def _sampled(sampler: OccurrenceSampler, errors: list[AnalysedError], host: str) -> set[EventId]:
    """The errors to keep as occurrences, each group's in each hour sampled on its own."""
    by_group_hour: dict[tuple[str, str], list[AnalysedError]] = {}
    for error in errors:
        hour = error.event.observed_at[:13]  # YYYY-MM-DDTHH
        by_group_hour.setdefault((error.fingerprint, hour), []).append(error)
    kept: set[EventId] = set()
    for (fingerprint, hour), group_errors in by_group_hour.items():
        identities = [f"{host}#{e.event.file_id}#{e.event.offset}" for e in group_errors]
        keep = sampler.keep(fingerprint, hour, identities)
        kept.update(error.event_id for error, k in zip(group_errors, keep, strict=True) if k)
    return kept
