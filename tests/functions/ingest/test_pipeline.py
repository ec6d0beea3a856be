"""Exactly once: each error event counts into its group once, whatever is redelivered, retried
or interrupted.

Runs the pipeline on an in-memory store with the same contract as the DynamoDB one (a group's
claims and count change together or not at all).
"""

import uuid

import pytest

from functions.ingest.batch import Batch, WireEvent, aggregate
from functions.ingest.pipeline import Commit, ingest
from functions.ingest.rules import default_rules
from functions.ingest.sampling import OccurrenceSampler

pytestmark = pytest.mark.unit

PRICING = "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | product {n}"
PAYMENT = "2026-11-26 12:00:00,000 ERROR [pos.payments] Payment declined for order {n}"
INFO = "2026-11-26 12:00:00,000 INFO [pos.checkout] order {n} paid"


class StoreDown(Exception):
    pass


class MemoryStore:
    """The IngestStore contract in memory. `fail_commit` makes the n-th commit fail before it
    changes anything. A commit is all or nothing, as DynamoDB's transaction is."""

    def __init__(self):
        self.claimed: set[str] = set()
        self.occurrences: dict[tuple[str, str, int], str] = {}
        self.groups: dict[str, dict] = {}
        self.commits = 0
        self.fail_commit: int | None = None

    def commit(self, errors, kept, host, store):
        self.commits += 1
        if self.commits == self.fail_commit:
            raise StoreDown("throttled")
        keys = [f"{host}#{e.event.file_id}#{e.event.offset}" for e in errors]
        new = [error for error, key in zip(errors, keys, strict=True) if key not in self.claimed]
        self.claimed.update(keys)
        for error in new:
            if error.event_id in kept:
                key = (error.fingerprint, error.event.file_id, error.event.offset)
                self.occurrences[key] = error.event.line
        commits = []
        for group in aggregate(new, host, store):
            stored = self.groups.setdefault(group.fingerprint, {**vars(group), "count": 0})
            stored["count"] += group.count
            mine = [error for error in new if error.fingerprint == group.fingerprint]
            commits.append(Commit(group, mine))
        return commits


def _batch(*lines_at: tuple[str, int]) -> Batch:
    events = tuple(
        WireEvent("/var/log/pos/app.log", "f1", offset, line, "2026-11-26T12:00:00.000Z")
        for line, offset in lines_at
    )
    return Batch(str(uuid.uuid4()), "pos-1", "S001", events)


def _counts(store: MemoryStore) -> list[int]:
    return sorted(group["count"] for group in store.groups.values())


def _ingest(batch: Batch, store: MemoryStore, sampler: OccurrenceSampler | None = None):
    return ingest(batch, store, default_rules(), sampler or OccurrenceSampler())


def test_new_events_are_stored_and_grouped_once_per_group():
    store = MemoryStore()
    batch = _batch(
        (PRICING.format(n=1), 0),
        (PRICING.format(n=2), 10),
        (INFO.format(n=3), 20),
        ("2026-11-26 12:00:00,000 ERROR [pos] Inventory lock stuck", 30),
    )

    result = _ingest(batch, store)

    assert (result.accepted, result.duplicates, result.groups) == (4, 0, 2)
    assert _counts(store) == [1, 2]
    assert store.commits == 1  # one for the batch, however many groups
    assert len(store.occurrences) == 3  # the INFO line is accepted, not stored


def test_a_batch_delivered_twice_counts_once():
    store = MemoryStore()
    batch = _batch((PRICING.format(n=1), 0), (INFO.format(n=2), 10))
    _ingest(batch, store)

    again = _ingest(batch, store)

    # Only errors are claimed: the INFO line is neither stored nor counted either way.
    assert (again.accepted, again.duplicates) == (1, 1)
    assert _counts(store) == [1]
    assert len(store.occurrences) == 1


def test_events_redelivered_in_a_new_batch_are_duplicates():
    store = MemoryStore()
    _ingest(_batch((PRICING.format(n=1), 0)), store)

    result = _ingest(_batch((PRICING.format(n=1), 0), (PRICING.format(n=5), 50)), store)

    assert (result.accepted, result.duplicates) == (1, 1)
    assert _counts(store) == [2]


def test_one_event_twice_in_one_batch_counts_once():
    store = MemoryStore()

    result = _ingest(_batch((PRICING.format(n=1), 0), (PRICING.format(n=1), 0)), store)

    assert (result.accepted, result.duplicates) == (1, 1)
    assert _counts(store) == [1]


def test_a_crash_before_the_commit_loses_nothing_on_retry():
    store = MemoryStore()
    _ingest(_batch(*[(PRICING.format(n=n), n) for n in range(2)]), store)
    overlapping = _batch(*[(PRICING.format(n=n), n) for n in range(4)], (PAYMENT.format(n=9), 90))
    store.fail_commit = 2

    with pytest.raises(StoreDown):
        _ingest(overlapping, store)
    retried = _ingest(overlapping, store)

    assert (retried.accepted, retried.duplicates) == (3, 2)
    assert _counts(store) == [1, 4]  # nothing under-counted, nothing twice


def test_a_crash_after_a_commit_never_counts_twice():
    """The function dies after its commit, before it answers: the shipper sends again."""
    store = MemoryStore()
    batch = _batch(*[(PRICING.format(n=n), n) for n in range(3)])
    _ingest(batch, store)

    retried = _ingest(batch, store)

    assert (retried.accepted, retried.duplicates) == (0, 3)
    assert _counts(store) == [3] and len(store.occurrences) == 3


def test_a_failed_commit_stores_no_line_and_the_retry_stores_each_once():
    store = MemoryStore()
    batch = _batch((PRICING.format(n=1), 0), (PAYMENT.format(n=2), 10))
    store.fail_commit = 1

    with pytest.raises(StoreDown):
        _ingest(batch, store)
    assert store.groups == {} and store.occurrences == {}
    retried = _ingest(batch, store)

    assert (retried.accepted, retried.duplicates) == (2, 0)
    assert _counts(store) == [1, 1] and len(store.occurrences) == 2


def test_a_batch_with_nothing_new_writes_no_group():
    store = MemoryStore()
    _ingest(_batch((INFO.format(n=1), 0)), store)

    assert store.groups == {} and store.occurrences == {}
    assert store.commits == 0


def test_occurrences_are_kept_in_full_at_first_then_sampled():
    store = MemoryStore()
    sampler = OccurrenceSampler(first_kept=5, one_in=10)
    for start in range(0, 1000, 100):
        batch = _batch(*[(PRICING.format(n=n), n) for n in range(start, start + 100)])
        _ingest(batch, store, sampler)

    assert _counts(store) == [1000]  # every event counts ...
    kept = len(store.occurrences)
    assert 5 + 60 <= kept <= 5 + 140  # ... the first 5 are kept, then about 1 in 10
    assert list(store.occurrences.values())[:5] == [PRICING.format(n=n) for n in range(5)]


def test_the_sample_counts_per_hour_and_per_group():
    sampler = OccurrenceSampler(first_kept=2, one_in=10**9)

    assert sampler.keep("a", "2026-11-26T12", ["1", "2", "3"]) == [True, True, False]
    assert sampler.keep("b", "2026-11-26T12", ["4"]) == [True]
    assert sampler.keep("a", "2026-11-26T13", ["5"]) == [True]
