"""Exactly once: each event counts into its group once, whatever is redelivered or retried.

Runs the pipeline on an in-memory store with the same interface as the DynamoDB one.
"""

import uuid
from dataclasses import replace

import pytest

from functions.ingest.batch import Batch, GroupAggregate, WireEvent
from functions.ingest.pipeline import GroupState, ingest
from functions.ingest.rules import default_rules

pytestmark = pytest.mark.unit

PRICING = "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | product {n}"
INFO = "2026-11-26 12:00:00,000 INFO [pos.checkout] order {n} paid"


class StoreDown(Exception):
    pass


class MemoryStore:
    """The IngestStore contract in memory; `fail_on_claim` makes the n-th claim fail once."""

    def __init__(self):
        self.seen: set[str] = set()
        self.occurrences: list[tuple[str, str]] = []
        self.groups: dict[str, dict] = {}
        self.group_updates = 0
        self.feed: list[dict] = []
        self.fail_on_claim: int | None = None
        self._claims = 0

    def batch_seen(self, batch_id):
        return f"batch#{batch_id}" in self.seen

    def claim_events(self, host, identities):
        claimed = []
        for file_id, offset in identities:
            self._claims += 1
            if self._claims == self.fail_on_claim:
                self.fail_on_claim = None
                raise StoreDown("throttled")
            key = f"event#{host}#{file_id}#{offset}"
            claimed.append(key not in self.seen)
            self.seen.add(key)
        return claimed

    def save_occurrences(self, errors, host, store):
        self.occurrences += [(error.fingerprint, error.event.line) for error in errors]

    def update_group(self, group: GroupAggregate) -> GroupState:
        self.group_updates += 1
        stored = self.groups.setdefault(group.fingerprint, {**vars(group), "count": 0})
        stored["count"] += group.count
        return GroupState(
            count=stored["count"],
            is_new=stored["count"] == group.count,
            template=stored["template"],
            message=stored["message"],
            level=stored["level"],
            severity=stored["severity"],
            category=stored["category"],
            last_seen=group.last_seen,
        )

    def append_feed(self, kind, data):
        self.feed.append({"kind": kind, **data})

    def mark_batch(self, batch_id):
        self.seen.add(f"batch#{batch_id}")


def _batch(*lines_at: tuple[str, int]) -> Batch:
    events = tuple(
        WireEvent("/var/log/pos/app.log", "f1", offset, line, "2026-11-26T12:00:00.000Z")
        for line, offset in lines_at
    )
    return Batch(str(uuid.uuid4()), "pos-1", "S001", events)


def _counts(store: MemoryStore) -> list[int]:
    return sorted(group["count"] for group in store.groups.values())


def test_new_events_are_stored_and_grouped_once_per_group():
    store = MemoryStore()
    batch = _batch(
        (PRICING.format(n=1), 0),
        (PRICING.format(n=2), 10),
        (INFO.format(n=3), 20),
        ("2026-11-26 12:00:00,000 ERROR [pos] Inventory lock stuck", 30),
    )

    result = ingest(batch, store, default_rules())

    assert (result.accepted, result.duplicates, result.groups) == (4, 0, 2)
    assert _counts(store) == [1, 2]
    assert store.group_updates == 2
    assert len(store.occurrences) == 3  # the INFO line is accepted, not stored
    assert [entry["new"] for entry in store.feed] == [2, 1]
    assert all(entry["kind"] == "error" and entry["is_new_group"] for entry in store.feed)


def test_a_batch_delivered_twice_is_all_duplicates():
    store = MemoryStore()
    batch = _batch((PRICING.format(n=1), 0), (INFO.format(n=2), 10))
    ingest(batch, store, default_rules())

    again = ingest(batch, store, default_rules())

    assert (again.accepted, again.duplicates) == (0, 2)
    assert _counts(store) == [1]
    assert len(store.feed) == 1


def test_events_redelivered_in_a_new_batch_are_duplicates():
    store = MemoryStore()
    ingest(_batch((PRICING.format(n=1), 0)), store, default_rules())

    result = ingest(
        _batch((PRICING.format(n=1), 0), (PRICING.format(n=5), 50)), store, default_rules()
    )

    assert (result.accepted, result.duplicates) == (1, 1)
    assert _counts(store) == [2]
    assert store.feed[-1]["count"] == 2 and store.feed[-1]["is_new_group"] is False


def test_one_event_twice_in_one_batch_counts_once():
    store = MemoryStore()

    result = ingest(
        _batch((PRICING.format(n=1), 0), (PRICING.format(n=1), 0)), store, default_rules()
    )

    assert (result.accepted, result.duplicates) == (1, 1)
    assert _counts(store) == [1]


def test_a_batch_that_failed_half_way_is_processed_again_not_skipped():
    store = MemoryStore()
    batch = _batch(*[(PRICING.format(n=n), n * 10) for n in range(4)])
    store.fail_on_claim = 3

    with pytest.raises(StoreDown):
        ingest(batch, store, default_rules())
    assert not store.batch_seen(batch.batch_id)
    retried = ingest(batch, store, default_rules())

    # The two events claimed before the failure are not counted twice; the rest now are.
    assert (retried.accepted, retried.duplicates) == (2, 2)
    assert _counts(store) == [2]
    assert store.batch_seen(batch.batch_id)


def test_a_batch_with_nothing_new_writes_no_group():
    store = MemoryStore()
    ingest(_batch((INFO.format(n=1), 0)), store, default_rules())

    assert store.groups == {} and store.feed == [] and store.occurrences == []


def test_the_feed_entry_follows_the_contract():
    store = MemoryStore()
    ingest(replace(_batch((PRICING.format(n=1), 0)), store="S042"), store, default_rules())

    (entry,) = store.feed
    assert set(entry) - {"kind"} == {
        "fingerprint",
        "template",
        "message",
        "level",
        "severity",
        "category",
        "count",
        "new",
        "is_new_group",
        "host",
        "store",
        "source",
        "last_seen",
    }
    assert (entry["store"], entry["host"], entry["severity"]) == ("S042", "pos-1", "CRITICAL")
