"""The durable spool between reading and sending (DESIGN.md section 5.3).

Events read from the log files are appended to segment files on disk and delivered from there
in order, so reading goes on while ingest is unreachable, and events of a file rotated away
survive a restart. The spool is bounded in bytes: when full, the oldest segment is dropped and
its undelivered events are counted. One line per event: `<file id> <end> <read at> <JSON>`.

Acknowledgements leave in spool order (`on_done` is called under the spool's lock), so the
loop can move each file's checkpoint to the end of its last acknowledged event.
"""

import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from shipper.stats import ShipperStats

log = logging.getLogger(__name__)

DEFAULT_SPOOL_BYTES = 256 << 20
MAX_SEGMENT_BYTES = 8 << 20
SEGMENT_SUFFIX = ".seg"
# A fully delivered segment this big is replaced by a fresh one, so disk use follows the backlog.
ROLL_EMPTY_AT = 1 << 20

# (file id, end of its last event acknowledged, how many of its events): per file, in order.
Acknowledged = tuple[str, int, int]


def per_file(events: list[tuple[str, int]]) -> list[Acknowledged]:
    """Acknowledgements of events given in spool order, one per file (its last end)."""
    last: dict[str, list[int]] = {}
    for file_id, end in events:
        entry = last.setdefault(file_id, [end, 0])
        entry[0] = max(entry[0], end)
        entry[1] += 1
    return [(file_id, end, count) for file_id, (end, count) in last.items()]


@dataclass(frozen=True)
class SpooledEvent:
    file_id: str
    end: int  # first byte after the event in its file
    read_at: float  # monotonic time its first line was read (only meaningful in this process)
    wire: bytes  # the event's JSON, exactly as it goes into a batch

    def to_record(self) -> bytes:
        return b"%s %d %.6f %s\n" % (self.file_id.encode(), self.end, self.read_at, self.wire)

    @classmethod
    def from_record(cls, record: bytes) -> "SpooledEvent":
        file_id, end, read_at, wire = record.rstrip(b"\n").split(b" ", 3)
        return cls(file_id.decode(), int(end), float(read_at), wire)


@dataclass
class _Segment:
    number: int
    path: Path
    size: int  # bytes written (whole records only)


def segment_bytes_for(max_bytes: int) -> int:
    """Segments small enough that dropping one loses little of a small spool."""
    return max(4096, min(MAX_SEGMENT_BYTES, max_bytes // 16))


def spool_size(directory: Path) -> int:
    """Bytes in the spool's segment files (what `--status` reports; works while stopped)."""
    try:
        return sum(path.stat().st_size for path in Path(directory).glob(f"*{SEGMENT_SUFFIX}"))
    except OSError:
        return 0


class Spool:
    """Segments on disk, appended by the loop and drained in order by the sender."""

    def __init__(
        self,
        directory: Path,
        max_bytes: int = DEFAULT_SPOOL_BYTES,
        on_done: Callable[[list[Acknowledged]], None] = lambda acks: None,
        stats: ShipperStats | None = None,
    ):
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.segment_bytes = segment_bytes_for(max_bytes)
        self.on_done = on_done
        self.stats = stats or ShipperStats()
        self._lock = threading.Condition()
        self._segments: list[_Segment] = []
        self._writer: BinaryIO | None = None
        self._reader: BinaryIO | None = None
        self._reader_number = -1
        self._read = (0, 0)  # (segment number, byte): the first record not taken yet
        self._delivered = (0, 0)  # the first record not acknowledged yet
        self._batch_dropped = False  # the batch being delivered went with a dropped segment
        self._already_acknowledged: dict[str, int] = {}  # from the checkpoints, at open
        self._closed = False

    # -- opening and closing ----------------------------------------------------------------

    def open(self, acknowledged: Mapping[str, int]) -> dict[str, tuple[int, int]]:
        """Load what a previous run left; events ending at or before `acknowledged[file_id]`
        are skipped. Returns, per file id still owed, (end of its last spooled event, count)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self._already_acknowledged = dict(acknowledged)
        owed: dict[str, tuple[int, int]] = {}
        for path in sorted(self.directory.glob(f"*{SEGMENT_SUFFIX}")):
            try:
                number = int(path.stem)
            except ValueError:
                continue
            size = self._load_segment(path, owed)
            if size == 0:
                path.unlink(missing_ok=True)
                continue
            self._segments.append(_Segment(number, path, size))
        self._start_segment()
        self._read = self._delivered = (self._segments[0].number, 0)
        self._publish()
        return owed

    def _load_segment(self, path: Path, owed: dict[str, tuple[int, int]]) -> int:
        """Read one segment, cutting a torn last record; returns its size in whole records."""
        good = 0
        with open(path, "rb") as handle:
            for record in handle:
                if not record.endswith(b"\n"):
                    break
                try:
                    event = SpooledEvent.from_record(record)
                except ValueError:
                    break
                good += len(record)
                if event.end > self._already_acknowledged.get(event.file_id, -1):
                    _end, count = owed.get(event.file_id, (0, 0))
                    owed[event.file_id] = (max(_end, event.end), count + 1)
        if good != path.stat().st_size:
            log.warning("spool segment %s ends in a torn record; cutting it off", path)
            with open(path, "r+b") as handle:
                handle.truncate(good)
        return good

    def close(self) -> None:
        """Stop; segments holding nothing owed are removed, the rest wait for the next run."""
        with self._lock:
            self._closed = True
            if self._writer is not None:
                self._sync_writer()
                self._writer.close()
                self._writer = None
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            if self._pending_bytes() == 0:
                for segment in self._segments:
                    segment.path.unlink(missing_ok=True)
                self._segments = []
            self._lock.notify_all()

    # -- the loop's side --------------------------------------------------------------------

    def append(self, events: list[SpooledEvent]) -> None:
        """Add events at the end (written through to the OS: a killed process loses none)."""
        if not events:
            return
        records = [event.to_record() for event in events]
        with self._lock:
            start = 0
            while start < len(records):
                if self._segments[-1].size >= self.segment_bytes:
                    self._start_segment()
                room = self.segment_bytes - self._segments[-1].size
                stop = start + 1
                while stop < len(records) and room > len(records[stop - 1]):
                    room -= len(records[stop - 1])
                    stop += 1
                data = b"".join(records[start:stop])
                self._writer.write(data)
                self._writer.flush()
                self._segments[-1].size += len(data)
                start = stop
                self._drop_while_full()
            self._publish()
            self._lock.notify_all()

    def sync(self) -> None:
        """Make what was appended survive a power cut (called as often as checkpoints)."""
        with self._lock:
            if self._writer is not None:
                self._sync_writer()

    @property
    def pending_bytes(self) -> int:
        """Bytes of events not acknowledged yet."""
        with self._lock:
            return self._pending_bytes()

    # -- the sender's side ------------------------------------------------------------------

    def take(
        self, max_events: int, max_bytes: int, new_batch: bool = True
    ) -> tuple[list[SpooledEvent], bool]:
        """Up to `max_events` events whose JSON totals at most `max_bytes`, from where the last
        take stopped; and whether the next one did not fit. `new_batch` says the caller starts
        a batch (none in flight): its first event comes whatever its size."""
        taken: list[SpooledEvent] = []
        size = 0
        with self._lock:
            if self._batch_dropped:
                if not new_batch:
                    return [], True  # the batch being built went with a dropped segment: end it
                self._batch_dropped = False  # a new batch: nothing is in flight any more
            while len(taken) < max_events and not self._closed:
                number, position = self._read
                segment = self._segment(number)
                if segment is None or position >= segment.size:
                    if not self._move_reader_on():
                        break
                    continue
                record = self._read_record(segment, position)
                event = SpooledEvent.from_record(record)
                if (taken or not new_batch) and size + len(event.wire) + 2 > max_bytes:
                    return taken, True
                self._read = (number, position + len(record))
                if event.end <= self._already_acknowledged.get(event.file_id, -1):
                    continue  # acknowledged before a restart; its segment was not deleted yet
                taken.append(event)
                size += len(event.wire) + 2
        return taken, False

    def wait_for_events(self, timeout: float) -> None:
        """Block until events are appended, the spool closes, or `timeout` passes."""
        with self._lock:
            if not self._has_unread():
                self._lock.wait(timeout)

    def still_holds_batch(self) -> bool:
        """False once the batch being delivered went with a dropped segment (stop retrying)."""
        with self._lock:
            return not self._batch_dropped

    def delivered(self, batch: list[SpooledEvent]) -> None:
        """Ingest took (or set aside) everything taken so far: acknowledge it, in order."""
        with self._lock:
            if self._batch_dropped:
                # The drop already counted and acknowledged it; anything after the drop point
                # is taken again.
                self._batch_dropped = False
                self._read = self._delivered
                return
            self._delivered = self._read
            newest = self._segments[-1]
            if self._delivered == (newest.number, newest.size) and newest.size > ROLL_EMPTY_AT:
                self._start_segment()  # all delivered: let the big segment go
            self._delete_delivered_segments()
            self._publish()
            self.on_done(per_file([(event.file_id, event.end) for event in batch]))

    # -- inside, under the lock -------------------------------------------------------------

    def _segment(self, number: int) -> _Segment | None:
        for segment in self._segments:
            if segment.number == number:
                return segment
        return None

    def _has_unread(self) -> bool:
        number, position = self._read
        return any(
            segment.number > number or (segment.number == number and segment.size > position)
            for segment in self._segments
        )

    def _move_reader_on(self) -> bool:
        later = [segment for segment in self._segments if segment.number > self._read[0]]
        if not later:
            return False
        self._read = (later[0].number, 0)
        return True

    def _read_record(self, segment: _Segment, position: int) -> bytes:
        if self._reader_number != segment.number:
            if self._reader is not None:
                self._reader.close()
            self._reader = open(segment.path, "rb")
            self._reader_number = segment.number
        if self._reader.tell() != position:
            self._reader.seek(position)
        return self._reader.readline()

    def _start_segment(self) -> None:
        if self._writer is not None:
            self._sync_writer()
            self._writer.close()
        number = self._segments[-1].number + 1 if self._segments else 1
        path = self.directory / f"{number:016d}{SEGMENT_SUFFIX}"
        self._writer = open(path, "ab")
        self._segments.append(_Segment(number, path, 0))

    def _sync_writer(self) -> None:
        self._writer.flush()
        os.fsync(self._writer.fileno())

    def _pending_bytes(self) -> int:
        total = sum(segment.size for segment in self._segments)
        first = self._segments[0] if self._segments else None
        if first is not None and first.number == self._delivered[0]:
            total -= self._delivered[1]
        return total

    def _drop_while_full(self) -> None:
        while self._pending_bytes() > self.max_bytes:
            if len(self._segments) == 1:
                self._start_segment()
            oldest = self._segments.pop(0)
            start = self._delivered[1] if oldest.number == self._delivered[0] else 0
            dropped = self._acknowledgements_in(oldest, start)
            if self._reader_number == oldest.number:
                self._reader.close()
                self._reader, self._reader_number = None, -1
            oldest.path.unlink(missing_ok=True)
            following = self._segments[0].number
            if self._read != self._delivered:
                # The batch being delivered began in this segment: abandon it; its events in
                # the next segment are taken again (same keys, so ingest keeps them once).
                self._batch_dropped = True
            self._read = self._delivered = (following, 0)
            self.stats.add("events_dropped", len(dropped))
            log.error(
                "spool full (%d bytes): dropped its oldest %d events", self.max_bytes, len(dropped)
            )
            self.on_done(per_file(dropped))

    def _acknowledgements_in(self, segment: _Segment, start: int) -> list[tuple[str, int]]:
        acks = []
        with open(segment.path, "rb") as handle:
            handle.seek(start)
            for record in handle:
                event = SpooledEvent.from_record(record)
                if event.end > self._already_acknowledged.get(event.file_id, -1):
                    acks.append((event.file_id, event.end))
        return acks

    def _delete_delivered_segments(self) -> None:
        while len(self._segments) > 1:
            oldest = self._segments[0]
            if self._delivered[0] == oldest.number and self._delivered[1] < oldest.size:
                return
            if self._delivered[0] < oldest.number:
                return
            self._segments.pop(0)
            if self._reader_number == oldest.number:
                self._reader.close()
                self._reader, self._reader_number = None, -1
            oldest.path.unlink(missing_ok=True)
            if self._delivered[0] == oldest.number:
                self._delivered = (self._segments[0].number, 0)
            if self._read[0] == oldest.number:
                self._read = (self._segments[0].number, 0)

    def _publish(self) -> None:
        self.stats.set("spool_bytes", self._pending_bytes())
