"""Exactly once on DynamoDB (moto): copies of a batch committed at the same moment by several
workers count each error event once, store it once, and lose none."""

import threading
import uuid

import pytest

from functions.common.models import GroupModel, OccurrenceModel
from functions.ingest.batch import Batch, WireEvent
from functions.ingest.pipeline import ingest
from functions.ingest.rules import default_rules
from functions.ingest.sampling import OccurrenceSampler
from functions.ingest.store import DynamoIngestStore

pytestmark = pytest.mark.integration

ERRORS = [
    "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | Missing price for product {n}",
    "2026-11-26 12:00:00,000 ERROR [pos.payments] Payment declined for order {n}",
]
INFO = "2026-11-26 12:00:00,000 INFO [pos.checkout] order {n} paid"
WORKERS = 4


def _batch(offsets: range) -> Batch:
    events = tuple(
        WireEvent(
            "/var/log/pos/app.log",
            "inode-1",
            offset,
            (INFO if offset % 3 == 0 else ERRORS[offset % 2]).format(n=offset),
            "2026-11-26T12:00:00.000Z",
        )
        for offset in offsets
    )
    return Batch(str(uuid.uuid4()), "pos-1", "S001", events)


@pytest.fixture
def atomic_requests(aws, monkeypatch):
    """DynamoDB applies each request atomically; moto in process does not across threads (a
    cancelled transaction restores a copy of the whole table, undoing other threads' writes).
    One lock per request gives moto DynamoDB's guarantee: the workers still interleave at
    every request, which is where real copies race."""
    from botocore.client import BaseClient

    lock = threading.Lock()
    make_api_call = BaseClient._make_api_call

    def one_at_a_time(self, operation, params):
        with lock:
            return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", one_at_a_time)


def _keep_every_occurrence() -> OccurrenceSampler:
    """Every new event stored as an occurrence, so the stored ones show each event once."""
    return OccurrenceSampler(first_kept=10**9)


def _at_once(batches: list[Batch]) -> list:
    """Ingest every batch on its own thread, all released together."""
    start = threading.Barrier(len(batches))
    results: list = [None] * len(batches)

    def work(index: int) -> None:
        start.wait()
        try:
            results[index] = ingest(
                batches[index], DynamoIngestStore(1), default_rules(), _keep_every_occurrence()
            )
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = error

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(batches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _error_offsets(offsets: range) -> list[int]:
    return [offset for offset in offsets if offset % 3]


def test_the_same_batch_on_several_workers_at_once_counts_once(atomic_requests):
    batch = _batch(range(30))

    results = _at_once([batch] * WORKERS)

    assert not [r for r in results if isinstance(r, Exception)], results
    errors = len(_error_offsets(range(30)))
    # Every copy answers for every event; between them, each error event is new exactly once.
    assert all(r.accepted + r.duplicates == 30 for r in results)
    assert sum(r.accepted for r in results) == errors + (WORKERS * 10)  # INFO lines: not claimed
    assert sum(g.count for g in GroupModel.scan()) == errors
    occurrences = sorted(o.offset for o in OccurrenceModel.scan())
    assert occurrences == _error_offsets(range(30))


def test_overlapping_batches_at_once_count_every_event_once(atomic_requests):
    batches = [_batch(range(start, start + 20)) for start in (0, 10, 5, 15)]

    results = _at_once(batches)

    assert not [r for r in results if isinstance(r, Exception)], results
    expected = _error_offsets(range(35))
    assert sum(g.count for g in GroupModel.scan()) == len(expected)
    assert sorted(o.offset for o in OccurrenceModel.scan()) == expected


def test_a_batch_larger_than_one_transaction_counts_every_event_once(aws):
    # Every third line is INFO: 200 lines hold 133 errors, committed in several chunks.
    first = ingest(
        _batch(range(200)), DynamoIngestStore(1), default_rules(), _keep_every_occurrence()
    )
    again = ingest(
        _batch(range(100, 300)), DynamoIngestStore(1), default_rules(), _keep_every_occurrence()
    )

    assert first.groups == 2
    assert first.accepted == 200
    assert again.duplicates == len(_error_offsets(range(100, 200)))
    assert sum(g.count for g in GroupModel.scan()) == len(_error_offsets(range(300)))
