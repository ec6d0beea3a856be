"""Ingest throughput and cost: lines/s for parse + rules + grouping + aggregation with storage
aside, lines/s with moto storage, and DynamoDB writes per 1,000 lines at a 1 % error rate.

The lines are POS-like (Python logging, as the demo POS writes): ids, amounts and times vary
on every line; 1 % are errors of a handful of kinds, one in five of those with a traceback.
"""

import json
import random
import time
import uuid

from functions.ingest.batch import Batch, WireEvent, aggregate
from functions.ingest.pipeline import Commit, ingest
from functions.ingest.rules import default_rules
from functions.ingest.sampling import OccurrenceSampler

BATCH_EVENTS = 500  # the shipper's batch size
ERROR_RATE = 0.01
SPEED_LINES = 100_000
STORED_LINES = 20_000

_INFO = [
    "Order {id} paid, total {amount} ({items} items) by card ending {card}",
    "Basket {id} opened at till {till} by cashier {cashier}",
    "Scanned SKU {sku} x{items} in basket {id}",
    "Receipt {id} printed in {ms}ms",
    "GET /api/products/{sku} 200 {ms}ms",
]
_WARNINGS = ["Slow query | SELECT * FROM stock WHERE sku = {sku} took {ms} ms"]
_ERRORS = [
    ("CRITICAL", "pos.pricing", "Pricing error | Missing price for product {sku} (order {id})"),
    ("ERROR", "pos.payment", "Payment gateway timeout after {ms}ms (txn {uuid})"),
    ("ERROR", "pos.inventory", "Inventory lock held by till {till} for {ms} ms on SKU {sku}"),
    ("ERROR", "pos.printer", "Receipt printer offline at till {till}"),
]
_TRACE = (
    "Traceback (most recent call last):\n"
    '  File "/opt/pos/checkout.py", line {line}, in pay\n'
    "    total = price_of(item)\n"
    '  File "/opt/pos/pricing.py", line {line2}, in price_of\n'
    "    return table[item.sku]\n"
    "KeyError: '{sku}'"
)


def pos_lines(count: int, seed: int = 7) -> list[str]:
    """`count` POS log lines, ERROR_RATE of them errors."""
    rng = random.Random(seed)
    lines = []
    for n in range(count):
        values = {
            "id": f"{rng.getrandbits(32):08x}",
            "amount": f"{rng.uniform(1, 200):.2f}",
            "items": rng.randint(1, 9),
            "card": rng.randint(1000, 9999),
            "till": rng.randint(1, 12),
            "cashier": rng.randint(100, 999),
            "sku": f"SKU-{rng.randint(1, 99999):05d}",
            "ms": rng.randint(1, 5000),
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "line": rng.randint(10, 400),
            "line2": rng.randint(10, 400),
        }
        stamp = f"2026-11-26 12:{n // 6000 % 60:02d}:{n // 100 % 60:02d},{n % 1000:03d}"
        draw = rng.random()
        if draw < ERROR_RATE:
            level, logger, text = rng.choice(_ERRORS)
            line = f"{stamp} {level} [{logger}] {text.format(**values)}"
            if rng.random() < 0.2:
                line += "\n" + _TRACE.format(**values)
        elif draw < ERROR_RATE * 3:
            line = f"{stamp} WARNING [pos.db] {rng.choice(_WARNINGS).format(**values)}"
        else:
            line = f"{stamp} INFO [pos.checkout] {rng.choice(_INFO).format(**values)}"
        lines.append(line)
    return lines


def batches_of(lines: list[str], file_id: str = "inode-1") -> list[Batch]:
    events = []
    offset = 0
    for line in lines:
        events.append(
            WireEvent("/var/log/pos/app.log", file_id, offset, line, "2026-11-26T12:00:00.000Z")
        )
        offset += len(line.encode()) + 1
    return [
        Batch(str(uuid.uuid4()), "pos-1", "S001", tuple(events[i : i + BATCH_EVENTS]))
        for i in range(0, len(events), BATCH_EVENTS)
    ]


class TallyStore:
    """Storage aside: the IngestStore contract kept in dicts, so only ingest's own work is
    timed (the claims still decide what is new, as in DynamoDB)."""

    def __init__(self) -> None:
        self.claimed: set[tuple[str, str, int]] = set()
        self.counts: dict[str, int] = {}

    def commit(self, errors, kept, host, store):
        new = [e for e in errors if (host, e.event.file_id, e.event.offset) not in self.claimed]
        self.claimed.update((host, e.event.file_id, e.event.offset) for e in new)
        commits = []
        for group in aggregate(new, host, store):
            self.counts[group.fingerprint] = self.counts.get(group.fingerprint, 0) + group.count
            mine = [e for e in new if e.fingerprint == group.fingerprint]
            commits.append(Commit(group, mine))
        return commits


def _speed_without_storage() -> dict:
    batches = batches_of(pos_lines(SPEED_LINES))
    rules = default_rules()
    store = TallyStore()
    # CPU seconds of this process: "on one core", as other jobs share the machine's cores.
    started = time.process_time()
    for batch in batches:
        ingest(batch, store, rules, OccurrenceSampler())
    seconds = time.process_time() - started
    return {
        "lines": SPEED_LINES,
        "lines_per_s": round(SPEED_LINES / seconds),
        "groups": len(store.counts),
    }


class WriteMeter:
    """Counts DynamoDB writes as they are sent (a meter on the client; every call goes through
    to moto): requests, items (each item of a BatchWriteItem or TransactWriteItems counts) by
    table, and write units. A unit is 1 KB of an item, twice that in a transaction; an update
    is sized by the values it writes, a lower bound of the item it leaves."""

    WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}

    def __init__(self) -> None:
        self.requests = self.items = self.units = 0
        self.items_by_table: dict[str, int] = {}

    def __enter__(self):
        from botocore.client import BaseClient

        self._original = original = BaseClient._make_api_call
        meter = self

        def metered(client, operation, params):
            if operation in meter.WRITES:
                meter.record(operation, params)
            return original(client, operation, params)

        BaseClient._make_api_call = metered
        return self

    def __exit__(self, *exc) -> None:
        from botocore.client import BaseClient

        BaseClient._make_api_call = self._original

    def totals(self) -> tuple[int, int, int]:
        return self.requests, self.items, self.units

    def record(self, operation: str, params: dict) -> None:
        self.requests += 1
        if operation == "BatchWriteItem":
            for table, writes in params["RequestItems"].items():
                for write in writes:
                    item = write.get("PutRequest", {}).get("Item") or write["DeleteRequest"]["Key"]
                    self._item(table, _units(item))
        elif operation == "TransactWriteItems":
            for entry in params["TransactItems"]:
                (action,) = entry.values()
                written = action.get("Item") or action.get("ExpressionAttributeValues") or {}
                self._item(action["TableName"], 2 * _units({**action.get("Key", {}), **written}))
        else:
            written = params.get("Item") or params.get("ExpressionAttributeValues") or {}
            self._item(params["TableName"], _units({**params.get("Key", {}), **written}))

    def _item(self, table: str, units: int) -> None:
        self.items += 1
        self.units += units
        name = table.removeprefix("stacklens-").removesuffix("Table")
        self.items_by_table[name] = self.items_by_table.get(name, 0) + 1


def _units(item: dict) -> int:
    """Write units of one item: one per KB, at least one (its DynamoDB JSON as the size)."""
    return max(1, -(-len(json.dumps(item)) // 1024))


def _per_thousand(totals: tuple[int, int, int], lines: int) -> dict:
    return {
        name: round(value * 1000 / lines, 1)
        for name, value in zip(("requests", "items", "write_units"), totals, strict=True)
    }


def _with_moto_storage() -> dict:
    import os

    from moto import mock_aws

    from functions.common import models
    from functions.common.settings import load
    from functions.ingest.store import DynamoIngestStore
    from local_runner.aws_resources import create_resources, function_environment
    from local_runner.template import read_stack

    saved = dict(os.environ)
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    try:
        with mock_aws():
            stack = read_stack()
            resources = create_resources(stack, secret_values={"JiraTokenSecret": "bench"})
            os.environ.update(function_environment(stack, resources, {"AdminToken": "bench"}))
            models.bind(load())
            lines = pos_lines(STORED_LINES, seed=11)
            errors = sum(1 for line in lines if " ERROR " in line or " CRITICAL " in line)
            rules = default_rules()
            store = DynamoIngestStore(retention_days=1)
            sampler = OccurrenceSampler()
            per_batch = []
            started = time.perf_counter()
            with WriteMeter() as meter:
                for batch in batches_of(lines):
                    ingest(batch, store, rules, sampler)
                    per_batch.append(meter.totals())
            seconds = time.perf_counter() - started
            first_hour = meter.totals()
            by_table = dict(meter.items_by_table)
            # The same hour goes on: every group is known and has had its first occurrences
            # kept, so from here writes are what a steady stream costs.
            with WriteMeter() as steady:
                for batch in batches_of(pos_lines(STORED_LINES, seed=12), file_id="inode-2"):
                    ingest(batch, store, rules, sampler)
            return {
                "lines": STORED_LINES,
                "error_lines": errors,
                "lines_per_s": round(STORED_LINES / seconds),
                "writes_per_1000_lines": _per_thousand(first_hour, STORED_LINES),
                "items_by_table": by_table,
                "writes_in_the_first_1000_lines": dict(
                    zip(("requests", "items", "write_units"), per_batch[1], strict=True)
                ),
                "writes_per_1000_lines_steady": _per_thousand(steady.totals(), STORED_LINES),
                "items_by_table_steady": dict(steady.items_by_table),
            }
    finally:
        os.environ.clear()
        os.environ.update(saved)
        models.bind(load())


def run() -> dict:
    return {"ingest": {"storage_aside": _speed_without_storage(), "moto": _with_moto_storage()}}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
