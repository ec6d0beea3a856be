"""The disk spool on its own: order, durability across reopening, torn records, the bound."""

import pytest

from shipper.spool import Spool, SpooledEvent, spool_size

pytestmark = pytest.mark.unit


def event(file_id: str, end: int, size: int = 40) -> SpooledEvent:
    return SpooledEvent(file_id, end, 1.5, b'{"line": "%s"}' % (b"x" * size))


@pytest.fixture
def acks():
    return []


def open_spool(directory, acks, acknowledged=None, **options) -> tuple[Spool, dict]:
    spool = Spool(directory, on_done=acks.extend, **options)
    return spool, spool.open(acknowledged or {})


def test_events_come_out_in_order_and_are_acknowledged_in_order(tmp_path, acks):
    spool, owed = open_spool(tmp_path, acks)
    assert owed == {}
    spool.append([event("a", 10), event("b", 5), event("a", 20)])

    batch, full = spool.take(2, 10_000)
    assert [(item.file_id, item.end) for item in batch] == [("a", 10), ("b", 5)]
    assert not full
    spool.delivered(batch)
    assert acks == [("a", 10, 1), ("b", 5, 1)]
    rest, _ = spool.take(10, 10_000)
    assert [(item.file_id, item.end) for item in rest] == [("a", 20)]
    assert rest[0].wire == event("a", 20).wire and rest[0].read_at == 1.5


def test_a_batch_stops_before_the_byte_limit(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks)
    spool.append([event("a", end, size=100) for end in range(1, 6)])
    batch, full = spool.take(10, 250)
    assert len(batch) == 2 and full
    assert spool.take(10, 50, new_batch=False) == ([], True)
    big, _ = spool.take(10, 50)  # the first event of a batch goes whatever its size
    assert len(big) == 1


def test_what_was_not_acknowledged_is_owed_again_after_reopening(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks)
    spool.append([event("a", 10), event("a", 20), event("b", 7)])
    spool.take(1, 10_000)  # taken, never delivered: a crash
    spool.close()

    again, owed = open_spool(tmp_path, acks, acknowledged={"a": 10})
    assert owed == {"a": (20, 1), "b": (7, 1)}
    batch, _ = again.take(10, 10_000)
    assert [(item.file_id, item.end) for item in batch] == [("a", 20), ("b", 7)]


def test_a_torn_last_record_is_cut_off(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks)
    spool.append([event("a", 10)])
    spool.close()
    (segment,) = tmp_path.glob("*.seg")
    with open(segment, "ab") as handle:
        handle.write(b'a 20 1.0 {"li')  # killed in the middle of a write

    again, owed = open_spool(tmp_path, acks)
    assert owed == {"a": (10, 1)}
    batch, _ = again.take(10, 10_000)
    assert [item.end for item in batch] == [10]


def test_delivered_segments_are_deleted(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks, max_bytes=64 * 1024)  # 4 KiB segments
    spool.append([event("a", end, size=500) for end in range(1, 40)])
    assert len(list(tmp_path.glob("*.seg"))) > 3
    while batch := spool.take(7, 1 << 20)[0]:
        spool.delivered(batch)
    assert sum(count for _file, _end, count in acks) == 39
    assert spool.pending_bytes == 0
    assert len(list(tmp_path.glob("*.seg"))) == 1


def test_a_full_spool_drops_its_oldest_counts_and_acknowledges_them(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks, max_bytes=16 * 1024)
    spool.append([event("a", end, size=500) for end in range(1, 101)])  # ~55 KiB
    dropped = spool.stats.snapshot()["events_dropped"]
    assert dropped > 0
    assert spool_size(tmp_path) <= 16 * 1024
    assert sum(count for _file, _end, count in acks) == dropped
    ends = [end for _file, end, _count in acks]
    assert ends == sorted(ends) and ends[-1] == dropped  # the oldest, in order

    batch, _ = spool.take(1000, 1 << 20)
    assert [item.end for item in batch] == list(range(dropped + 1, 101))  # the newest kept


def test_a_batch_in_flight_when_its_segment_is_dropped_is_abandoned(tmp_path, acks):
    spool, _ = open_spool(tmp_path, acks, max_bytes=16 * 1024)
    spool.append([event("a", end, size=500) for end in range(1, 4)])
    batch, _ = spool.take(3, 1 << 20)  # the sender is retrying this batch...
    assert spool.still_holds_batch()
    spool.append([event("a", end, size=500) for end in range(4, 101)])  # ...ingest stays down

    assert not spool.still_holds_batch()
    spool.delivered(batch)  # the drop already acknowledged it: no second acknowledgement
    ends = [end for _file, end, _count in acks]
    assert ends == sorted(ends) and len(ends) == len(set(ends))
    rest, _ = spool.take(1000, 1 << 20)
    assert ends[-1] + 1 == rest[0].end and rest[-1].end == 100


def test_a_batch_being_built_when_its_segment_is_dropped_ends_and_nothing_is_skipped(
    tmp_path, acks
):
    spool, _ = open_spool(tmp_path, acks, max_bytes=16 * 1024)
    spool.append([event("a", end, size=500) for end in range(1, 4)])
    batch, _ = spool.take(3, 1 << 20)  # the sender is still lingering for more...
    spool.append([event("a", end, size=500) for end in range(4, 101)])  # ...and it is dropped
    assert spool.take(10, 1 << 20, new_batch=False) == ([], True)  # the batch ends there
    spool.delivered(batch)

    ends = []
    while taken := spool.take(7, 1 << 20)[0]:
        spool.delivered(taken)
        ends += [item.end for item in taken]
    acknowledged = sum(count for _file, _end, count in acks)
    assert acknowledged == 100  # every event once: delivered or dropped
    assert ends == list(range(ends[0], 101))
    assert spool.pending_bytes == 0
