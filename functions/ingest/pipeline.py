"""One validated batch through ingest, each error event counted exactly once.

Only error events are claimed: the rest is neither stored nor counted, so it needs no key (and
costs no write). The new events are claimed and added to their groups in one atomic step
(`commit`): a crash before it changes nothing, a crash after it leaves the events claimed and
counted, so a retry never counts twice and never drops a count. Occurrences follow the commit;
a crash between loses at most a sample. The live feed's "error" events come from decide, which
reads every group change from the Groups stream anyway (one feed write per stream batch there,
not one per ingest batch here).
"""

from dataclasses import dataclass
from typing import Protocol

from functions.ingest.batch import AnalysedError, Batch, GroupAggregate, analyse
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
    def commit(self, errors: list[AnalysedError], host: str, store: str | None) -> list[Commit]:
        """Claim the error events and add the unclaimed ones to their groups, atomically: one
        Commit per group that had new events (events claimed before are left out)."""

    def save_occurrences(self, errors: list[AnalysedError], host: str, store: str | None) -> None:
        """Store each given error event (its fingerprint, identity and raw text)."""


_SAMPLER = OccurrenceSampler()


def ingest(
    batch: Batch, store: IngestStore, rules: RuleSet, sampler: OccurrenceSampler = _SAMPLER
) -> IngestResult:
    """Claim, count and store the batch's error events; answer how many were new."""
    # Parse and classify everything before the first write: a surprise here stores nothing.
    # An event twice in one batch is a duplicate before any store is asked.
    unique: dict[tuple[str, int], AnalysedError | None] = {}
    for event in batch.events:
        if (event.file_id, event.offset) not in unique:
            unique[(event.file_id, event.offset)] = analyse(event, rules)
    errors = [error for error in unique.values() if error is not None]
    commits = store.commit(errors, batch.host, batch.store) if errors else []
    new_errors = sum(len(commit.new_errors) for commit in commits)
    duplicates = len(batch.events) - len(unique) + len(errors) - new_errors
    if commits:
        kept = [error for commit in commits for error in _sampled(sampler, commit, batch.host)]
        store.save_occurrences(kept, batch.host, batch.store)
    return IngestResult(len(batch.events) - duplicates, duplicates, len(commits))


def _sampled(sampler: OccurrenceSampler, commit: Commit, host: str) -> list[AnalysedError]:
    errors = commit.new_errors
    hour = commit.group.last_seen[:13]  # YYYY-MM-DDTHH
    identities = [f"{host}#{e.event.file_id}#{e.event.offset}" for e in errors]
    kept = sampler.keep(commit.group.fingerprint, hour, identities)
    return [error for error, keep in zip(errors, kept, strict=True) if keep]
