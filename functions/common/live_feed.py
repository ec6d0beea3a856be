"""The live feed (Events table): what the status page's stream shows, in one strict order.

A counter item hands out sequence numbers with an atomic ADD, so writers on many invocations
never share one; readers page by `seq`, which is also the SSE event id.
"""

from datetime import datetime, timedelta

from functions.common import clock
from functions.common.models import EventModel

COUNTER_PARTITION = "#counter"
# Feed events are read back across at most this many day partitions (a reader that fell
# further behind starts again from the recent past).
DAYS_READ = 2
# A writer takes its number before it saves its row, so a reader can see N+1 before N. A gap
# younger than this is waited for (the reader stops before it); an older one is a write that
# never landed and is passed over.
GAP_WAIT_SECONDS = 2.0


def _partition(moment) -> str:
    return moment.strftime("%Y-%m-%d")


def _next_seq(count: int = 1) -> int:
    """Take `count` sequence numbers at once; the last of them."""
    counter = EventModel(COUNTER_PARTITION, 0, kind="counter")
    counter.update(actions=[EventModel.last_seq.add(count)])
    return int(counter.last_seq)


def append(kind: str, data: dict, retention_days: int = 14) -> int:
    """Store one feed event and return its sequence number."""
    return append_many(kind, [data], retention_days)[0]


def append_many(kind: str, entries: list[dict], retention_days: int = 14) -> list[int]:
    """Store several feed events in order: one counter update and batched puts for all."""
    if not entries:
        return []
    moment = clock.now()
    first = _next_seq(len(entries)) - len(entries) + 1
    seqs = list(range(first, first + len(entries)))
    with EventModel.batch_write() as writer:
        for seq, data in zip(seqs, entries, strict=True):
            writer.save(
                EventModel(
                    _partition(moment),
                    seq,
                    kind=kind,
                    created_at=clock.iso(moment),
                    data=data,
                    expires_at=moment + timedelta(days=retention_days),
                )
            )
    return seqs


def read_after(after_seq: int | None, limit: int = 200) -> list[dict]:
    """Feed events with seq > after_seq, oldest first. None means the latest `limit` events."""
    today = clock.now()
    partitions = [_partition(today - timedelta(days=d)) for d in reversed(range(DAYS_READ))]
    events: list[dict] = []
    for partition in partitions:
        if after_seq is None:
            rows = EventModel.query(partition, scan_index_forward=False, limit=limit)
        else:
            rows = EventModel.query(partition, EventModel.seq > after_seq, limit=limit)
        events.extend(
            {"id": int(row.seq), "kind": row.kind, "at": row.created_at, "data": row.data}
            for row in rows
        )
    events.sort(key=lambda event: event["id"])
    if after_seq is None:
        return events[-limit:]
    return _before_young_gap(events[:limit], after_seq)


def _before_young_gap(events: list[dict], after_seq: int) -> list[dict]:
    expected = after_seq + 1
    for index, event in enumerate(events):
        if event["id"] != expected:
            written = datetime.fromisoformat(event["at"].replace("Z", "+00:00"))
            if (clock.now() - written).total_seconds() < GAP_WAIT_SECONDS:
                return events[:index]
        expected = event["id"] + 1
    return events


def last_seq() -> int:
    """The newest sequence number handed out (0 before the first event)."""
    try:
        return int(EventModel.get(COUNTER_PARTITION, 0).last_seq or 0)
    except EventModel.DoesNotExist:
        return 0
