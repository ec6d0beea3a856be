"""The live feed (Events table): what the status page's stream shows, in one strict order.

A counter item hands out sequence numbers with an atomic ADD, so writers on many invocations
never share one; readers page by `seq`, which is also the SSE event id. Events of a kind appended
together (a stream batch's groups) share one row: one write for all (events_of reads a row).
"""

import json
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
# Events appended together share a row up to this much JSON (an item holds 400 KB).
MAX_ROW_BYTES = 300_000


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
    """Store several feed events of one kind in order (see append_events)."""
    return append_events([(kind, data) for data in entries], retention_days)


def append_events(events: list[tuple[str, dict]], retention_days: int = 14) -> list[int]:
    """Store (kind, data) feed events in order: one counter update, and consecutive events of a
    kind share rows (one write for a run of them, not one each; see events_of)."""
    if not events:
        return []
    moment = clock.now()
    first = _next_seq(len(events)) - len(events) + 1
    with EventModel.batch_write() as writer:
        for start, stop in _runs(events):
            run = [data for _, data in events[start:stop]]
            writer.save(
                EventModel(
                    _partition(moment),
                    first + stop - 1,  # a row is keyed by its last number: see read_after
                    kind=events[start][0],
                    created_at=clock.iso(moment),
                    data=run[0] if len(run) == 1 else run,
                    first_seq=None if len(run) == 1 else first + start,
                    expires_at=moment + timedelta(days=retention_days),
                )
            )
    return list(range(first, first + len(events)))


def _runs(events: list[tuple[str, dict]]) -> list[tuple[int, int]]:
    """(start, stop) of consecutive events of one kind whose JSON fits in one row together."""
    runs, start, size = [], 0, 0
    for index, (kind, data) in enumerate(events):
        entry_size = len(json.dumps(data))
        if index > start and (kind != events[start][0] or size + entry_size > MAX_ROW_BYTES):
            runs.append((start, index))
            start, size = index, 0
        size += entry_size
    runs.append((start, len(events)))
    return runs


def events_of(row: EventModel) -> list[dict]:
    """The feed events one stored row holds, oldest first: its own, or a run appended
    together (`first_seq` .. `seq`, their data a list)."""
    if row.first_seq is None:
        return [{"id": int(row.seq), "kind": row.kind, "at": row.created_at, "data": row.data}]
    first = int(row.first_seq)
    return [
        {"id": first + index, "kind": row.kind, "at": row.created_at, "data": data}
        for index, data in enumerate(row.data)
    ]


def read_after(after_seq: int | None, limit: int = 200) -> list[dict]:
    """Feed events with seq > after_seq, oldest first. None means the latest `limit` events."""
    today = clock.now()
    partitions = [_partition(today - timedelta(days=d)) for d in reversed(range(DAYS_READ))]
    events: list[dict] = []
    for partition in partitions:
        if after_seq is None:
            rows = EventModel.query(partition, scan_index_forward=False, limit=limit)
        else:
            # Keyed by its last number, a row holding any event after after_seq is found.
            rows = EventModel.query(partition, EventModel.seq > after_seq, limit=limit)
        for row in rows:
            events.extend(events_of(row))
    events.sort(key=lambda event: event["id"])
    if after_seq is None:
        return events[-limit:]
    events = [event for event in events if event["id"] > after_seq]
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
