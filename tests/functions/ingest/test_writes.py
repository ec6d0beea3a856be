"""What one batch writes to DynamoDB (moto): one transaction for its ledger, groups and kept
occurrences, and no read; a group item holds no raw lines, so it stays within one write unit;
a group's item lists a bounded number of hosts and stores."""

import uuid

import pytest

from functions.common.models import GroupModel
from functions.ingest.batch import HOSTS_KEPT, Batch, WireEvent
from functions.ingest.pipeline import ingest
from functions.ingest.rules import default_rules
from functions.ingest.sampling import OccurrenceSampler
from functions.ingest.store import KNOWN_GROUPS, DynamoIngestStore

pytestmark = pytest.mark.integration

PRICING = "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | Missing price for {n}"
PAYMENT = "2026-11-26 12:00:00,000 ERROR [pos.payments] Payment declined for order {n}"
SALE = "2026-11-26 12:00:00,000 INFO [pos.checkout] order {n} paid"


@pytest.fixture
def items_written(aws, monkeypatch) -> list[str]:
    """The table of every item written, one entry per item (a batch or a transaction counts
    each of its items), and "read:<operation>" for every read request."""
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
        elif operation in ("GetItem", "BatchGetItem", "Query", "Scan"):
            written.append(f"read:{operation}")
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", metered)
    return written


def _batch(lines: list[str], first_offset: int, host: str = "pos-1", store="S001") -> Batch:
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
    return Batch(str(uuid.uuid4()), host, store, events)


def _by_table(written: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in written:
        name = table.removeprefix("stacklens-").removesuffix("Table")
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_a_batch_writes_one_item_per_group_and_reads_nothing(items_written):
    lines = [PRICING.format(n=1), PAYMENT.format(n=2), SALE.format(n=3), PRICING.format(n=4)]

    result = ingest(_batch(lines, 0), DynamoIngestStore(1), default_rules(), OccurrenceSampler())

    assert result.groups == 2
    # One transaction: the ledger, 2 groups, 3 occurrences; the live feed is decide's.
    assert _by_table(items_written) == {"Occurrences": 3, "Seen": 1, "Groups": 2}


def test_a_known_groups_later_batch_takes_one_item_and_no_read(items_written):
    store, sampler, rules = (
        DynamoIngestStore(1),
        OccurrenceSampler(first_kept=0, one_in=10**9),
        default_rules(),
    )
    ingest(_batch([PRICING.format(n=n) for n in range(5)], 0), store, rules, sampler)
    items_written.clear()

    ingest(_batch([PRICING.format(n=n) for n in range(10, 13)], 10_000), store, rules, sampler)

    # Occurrences sampled out: the ledger and the group, and no read.
    assert _by_table(items_written) == {"Seen": 1, "Groups": 1}


def test_a_group_item_stays_within_one_write_unit_whatever_its_lines(aws):
    """A group item is billed by its whole size on every batch that updates it (twice in the
    transaction): long raw lines (a stack trace) must not make each update dearer."""
    import boto3
    from moto.dynamodb.models.dynamo_type import Item

    store, sampler, rules = DynamoIngestStore(1), OccurrenceSampler(), default_rules()
    trace = "\n".join(f'  File "/opt/pos/module_{n}.py", line {n}, in step_{n}' for n in range(60))
    lines = [
        f"{PRICING.format(n=n)}\nTraceback (most recent call last):\n{trace}" for n in range(5)
    ]
    for n, line in enumerate(lines):
        ingest(_batch([line], 100 * n, host=f"till-{n:02d}"), store, rules, sampler)

    (group,) = GroupModel.scan()
    assert group.count == 5
    stored = boto3.client("dynamodb").get_item(
        TableName=GroupModel.Meta.table_name, Key={"fingerprint": {"S": group.fingerprint}}
    )["Item"]
    # Sized as DynamoDB bills it (moto's measure: names and values).
    assert len(lines[0]) > 3000 and Item(None, None, stored).size() < 1024


def test_a_group_lists_its_first_hosts_and_says_there_were_more(items_written):
    store, sampler, rules = DynamoIngestStore(1), OccurrenceSampler(), default_rules()
    hosts = [f"till-{n:02d}" for n in range(HOSTS_KEPT + 5)]
    for n, host in enumerate(hosts):
        if n == HOSTS_KEPT + 2:
            KNOWN_GROUPS.clear()  # a new container: it finds the list full by being refused
        line = PRICING.format(n=n)
        ingest(_batch([line], 0, host=host, store=f"S{n:03d}"), store, rules, sampler)
    ingest(_batch([PRICING.format(n=99)], 500, host=hosts[0]), store, rules, sampler)

    (group,) = GroupModel.scan()
    assert group.count == len(hosts) + 1  # every event counted once, refusals or not
    assert group.hosts == set(hosts[:HOSTS_KEPT]) and group.more_hosts is True
    assert len(group.stores) == HOSTS_KEPT and group.more_stores is True
    assert group.last_host == hosts[0]


def test_a_known_groups_update_leaves_out_its_first_values_and_survives_its_deletion(aws):
    store, sampler, rules = DynamoIngestStore(1), OccurrenceSampler(), default_rules()
    ingest(_batch([PRICING.format(n=n) for n in range(5)], 0), store, rules, sampler)
    (group,) = GroupModel.scan()
    assert KNOWN_GROUPS.get(group.fingerprint) is not None  # known from its commit

    # Someone deletes the group by hand: the container's knowledge is stale, yet the next
    # batch makes a whole group again, first values and all.
    GroupModel(group.fingerprint).delete()
    ingest(_batch([PRICING.format(n=77)], 10_000), store, rules, sampler)

    (again,) = GroupModel.scan()
    assert again.count == 1
    assert (again.template, again.message, again.severity, again.rule) == (
        group.template,
        PRICING.format(n=77).split(" [pos.pricing] ")[1],
        group.severity,
        group.rule,
    )
    assert again.first_seen


def test_a_known_groups_update_sends_only_what_changes(aws, monkeypatch):
    from botocore.client import BaseClient

    store, sampler, rules = DynamoIngestStore(1), OccurrenceSampler(), default_rules()
    ingest(_batch([PRICING.format(n=n) for n in range(5)], 0), store, rules, sampler)
    group_updates = []
    make_api_call = BaseClient._make_api_call

    def watched(self, operation, params):
        if operation == "TransactWriteItems":
            group_updates.extend(
                item["Update"]
                for item in params["TransactItems"]
                if "Groups" in item["Update"]["TableName"]
            )
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", watched)
    ingest(_batch([PRICING.format(n=4242)], 10_000), store, rules, sampler)

    (update,) = group_updates
    sent = str(update["ExpressionAttributeValues"])
    assert "Pricing error" not in sent and "4242" not in sent  # no message, no template
    assert update["ConditionExpression"].startswith("((attribute_exists (#0)")  # still there
    (group,) = GroupModel.scan()
    assert group.count == 5 + 1 and group.last_seen
