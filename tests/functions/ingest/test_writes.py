"""What one batch writes to DynamoDB (moto): one transaction for its ledger and groups, its
occurrences, and one feed row for all its groups; a known group's later batch writes no samples
once it holds enough."""

import uuid

import pytest

from functions.ingest.batch import SAMPLES_KEPT, Batch, WireEvent
from functions.ingest.pipeline import ingest
from functions.ingest.rules import default_rules
from functions.ingest.sampling import OccurrenceSampler
from functions.ingest.store import DynamoIngestStore

pytestmark = pytest.mark.integration

PRICING = "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | Missing price for {n}"
PAYMENT = "2026-11-26 12:00:00,000 ERROR [pos.payments] Payment declined for order {n}"
SALE = "2026-11-26 12:00:00,000 INFO [pos.checkout] order {n} paid"


@pytest.fixture
def items_written(aws, monkeypatch) -> list[str]:
    """The table of every item written, one entry per item (a batch or a transaction counts
    each of its items)."""
    from botocore.client import BaseClient

    written: list[str] = []
    make_api_call = BaseClient._make_api_call

    def metered(self, operation, params):
        if operation == "BatchWriteItem":
            for table, writes in params["RequestItems"].items():
                written.extend([table] * len(writes))
        elif operation == "TransactWriteItems":
            written.extend(
                next(iter(item.values()))["TableName"] for item in params["TransactItems"]
            )
        elif operation in ("PutItem", "UpdateItem", "DeleteItem"):
            written.append(params["TableName"])
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", metered)
    return written


def _batch(lines: list[str], first_offset: int) -> Batch:
    events = tuple(
        WireEvent(
            "/var/log/pos/app.log",
            "inode-1",
            first_offset + 100 * index,
            line,
            "2026-11-26T12:00:00.000Z",
        )
        for index, line in enumerate(lines)
    )
    return Batch(str(uuid.uuid4()), "pos-1", "S001", events)


def _by_table(written: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in written:
        name = table.removeprefix("stacklens-").removesuffix("Table")
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_a_batch_writes_one_item_per_group_and_no_separate_samples(items_written):
    lines = [PRICING.format(n=1), PAYMENT.format(n=2), SALE.format(n=3), PRICING.format(n=4)]

    result = ingest(_batch(lines, 0), DynamoIngestStore(1), default_rules(), OccurrenceSampler())

    assert result.groups == 2
    # ledger + 2 groups (one transaction), 3 occurrences; the live feed is decide's to write.
    assert _by_table(items_written) == {"Seen": 1, "Groups": 2, "Occurrences": 3}


def test_a_known_group_with_its_samples_takes_one_item_a_batch(items_written):
    store, sampler, rules = (
        DynamoIngestStore(1),
        OccurrenceSampler(first_kept=0, one_in=10**9),
        default_rules(),
    )
    ingest(_batch([PRICING.format(n=n) for n in range(SAMPLES_KEPT)], 0), store, rules, sampler)
    items_written.clear()

    ingest(_batch([PRICING.format(n=n) for n in range(10, 13)], 10_000), store, rules, sampler)

    # Samples full, occurrences sampled out: the ledger and the group.
    assert _by_table(items_written) == {"Seen": 1, "Groups": 1}
