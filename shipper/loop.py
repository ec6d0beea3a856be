"""The shipper's loop: find files, read new events into the disk spool (the sender delivers
from there), and move each file's checkpoint only over bytes ingest has acknowledged
(DESIGN.md section 5).

One thread owns the files, the joiners and the checkpoints. It wakes on a watchdog hint, an
acknowledgement, a held event's deadline, a change of desired state, or the rescan tick.
"""

import logging
import os
import queue
import threading
import time
from json.encoder import encode_basestring
from pathlib import Path

from shipper.acks import AckTracker
from shipper.checkpoint import CheckpointStore, FileRecord
from shipper.config import ShipperConfig
from shipper.discovery import Resume, StartNew, find_files, identify
from shipper.event import encode_event, rfc3339_at
from shipper.heartbeat import Heartbeat
from shipper.identity import IDENTITY_WINDOW, same_beginning
from shipper.multiline import JoinedEvent, MultilineJoiner
from shipper.sender import Sender, SenderSettings
from shipper.shared_open import open_shared
from shipper.spool import Acknowledged, Spool, SpooledEvent
from shipper.stats import ShipperStats
from shipper.switch import ShippingSwitch
from shipper.tailer import FileTailer
from shipper.watcher import DirectoryWatcher

log = logging.getLogger(__name__)

CHECKPOINT_FILE = "checkpoints.json"
DEAD_LETTER_FILE = "dead-letter.jsonl"
SPOOL_DIRECTORY = "spool"
READ_BUDGET_BYTES = 256 * 1024  # per file per turn, so one busy file cannot starve the rest
KEPT_COUNTERS = ("events_dropped", "events_dead_lettered")  # carried over restarts


def end_of_last_line(handle, size: int) -> int:
    """The first byte after the last newline before `size` (0 if none): where --from-end
    starts, so a half-written last line is still shipped once it is complete."""
    position = size
    while position > 0:
        start = max(0, position - 65536)
        handle.seek(start)
        newline = handle.read(position - start).rfind(b"\n")
        if newline >= 0:
            return start + newline + 1
        position = start
    return 0


class Shipper:
    """Ships the watched files until `stop()` (or, with `run(once=True)`, until caught up)."""

    def __init__(self, config: ShipperConfig):
        self.config = config
        state_dir = Path(config.state_dir)
        state_dir.mkdir(parents=True, exist_ok=True)
        self.checkpoints = CheckpointStore(state_dir / CHECKPOINT_FILE)
        self.stats = ShipperStats()
        self.switch = ShippingSwitch()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._rescan_requested = True
        self._acknowledged: queue.SimpleQueue[list[Acknowledged]] = queue.SimpleQueue()
        self._tailers: dict[str, FileTailer] = {}  # by file id
        self._trackers: dict[str, AckTracker] = {}  # by file id, while anything is in flight
        self._sizes: dict[str, int] = {}  # by file id, as of the last rescan
        self._report_lock = threading.Lock()
        self._report: list[dict] = []
        self._open_paths: frozenset[str] = frozenset()  # absolute; read by the watchdog thread
        self._next_rescan = 0.0
        self._parked: dict[tuple[int, int], tuple[int, int]] = {}  # inode -> (size, mtime)
        self._skip_to_end = False
        self._checkpoint_dirty = False
        self._next_checkpoint = 0.0
        self.switch.on_change(self._wake.set)
        self.spool = Spool(
            state_dir / SPOOL_DIRECTORY,
            config.spool_max_bytes,
            on_done=self._on_acknowledged,
            stats=self.stats,
        )
        self.sender = Sender(
            SenderSettings(
                endpoint=config.endpoint,
                host_id=config.host_id,
                store_id=config.store_id,
                key=config.key,
                dead_letter_path=state_dir / DEAD_LETTER_FILE,
                linger=config.linger,
                backoff_base=config.backoff_base,
                backoff_cap=config.backoff_cap,
                timeout=config.request_timeout,
            ),
            spool=self.spool,
            switch=self.switch,
            stats=self.stats,
        )
        self.heartbeat = Heartbeat(
            endpoint=config.endpoint,
            host_id=config.host_id,
            store_id=config.store_id,
            key=config.key,
            files=self.files_report,
            stats=self.stats,
            switch=self.switch,
            interval=config.heartbeat_interval,
        )
        self.watcher = DirectoryWatcher(list(config.watch), self._on_file_change)

    # -- the loop -----------------------------------------------------------------------------

    def run(self, once: bool = False) -> None:
        """Ship until stopped; with `once`, ship what the files hold now and return when ingest
        has acknowledged all of it."""
        self.checkpoints.load()
        # --from-end: only for the files found by the very first rescan of this state dir.
        self._skip_to_end = self.config.from_end and not self.checkpoints.path.exists()
        for name in KEPT_COUNTERS:
            if isinstance(count := self.checkpoints.totals.get(name), int):
                self.stats.add(name, count)
        if isinstance(last := self.checkpoints.totals.get("last_acknowledged_at"), str):
            self.stats.set("last_acknowledged_at", last)
        self._resume_spool()
        self.watcher.start()
        self.heartbeat.beat()  # learn the desired state before shipping anything
        self.heartbeat.start()
        self.sender.start()
        try:
            while not self._stopping.is_set():
                self._turn(time.monotonic(), once)
                if once and self._caught_up():
                    break
                self._sleep()
        finally:
            self._shut_down()

    def _resume_spool(self) -> None:
        """Trackers for the files whose events a previous run left in the spool unacknowledged:
        reading resumes after those events, and their acknowledgements move the checkpoints."""
        records = self.checkpoints.records
        owed = self.spool.open({file_id: record.offset for file_id, record in records.items()})
        for file_id, (spooled_through, count) in owed.items():
            record = records.get(file_id)
            committed = record.offset if record is not None else 0
            self._trackers[file_id] = AckTracker(committed, spooled_through, count)

    def stop(self) -> None:
        """Ask `run` to return (from any thread or a signal handler)."""
        self._stopping.set()
        self._wake.set()

    def _turn(self, now: float, once: bool) -> None:
        self._apply_acknowledgements()
        if self._rescan_requested or now >= self._next_rescan:
            self._rescan_requested = False
            self._next_rescan = now + self.config.rescan_interval
            self._rescan(now)
        if self.switch.running:
            self._read(now, once)
        for tailer in list(self._tailers.values()):
            self._hand_over(tailer, tailer.joiner.due(now))
        self._apply_acknowledgements()
        self._save_checkpoints(now)

    def _sleep(self) -> None:
        deadlines = [self._next_rescan]
        deadlines += [
            deadline
            for tailer in self._tailers.values()
            if (deadline := tailer.joiner.deadline()) is not None
        ]
        if self._checkpoint_dirty:
            deadlines.append(self._next_checkpoint)
        if self._rescan_requested or (
            self.switch.running and self._room_to_read() and self._unread_data()
        ):
            deadlines.append(0.0)
        self._wake.wait(max(0.0, min(deadlines) - time.monotonic()))
        self._wake.clear()

    def _caught_up(self) -> bool:
        return (
            not self._rescan_requested
            and all(
                tailer.at_end and tailer.joiner.held_offset is None
                for tailer in self._tailers.values()
            )
            and not any(tracker.in_flight for tracker in self._trackers.values())
        )

    def _shut_down(self) -> None:
        """Flush: held events into the spool, the spool to ingest while it answers (within the
        grace period), then the checkpoints. What is left stays in the spool for next time."""
        self.watcher.stop()
        now = time.monotonic()
        for tailer in list(self._tailers.values()):
            self._hand_over(tailer, tailer.joiner.flush())
        deadline = now + self.config.shutdown_grace
        while (
            self.spool.pending_bytes
            and self.sender.healthy
            and self.switch.running
            and time.monotonic() < deadline
        ):
            self._apply_acknowledgements()
            self._wake.wait(0.02)
            self._wake.clear()
        self.heartbeat.stop()
        self.sender.stop()
        self._apply_acknowledgements()
        self._save_checkpoints(time.monotonic(), force=True)
        self.spool.close()
        for tailer in self._tailers.values():
            tailer.close()
        self._tailers.clear()

    # -- hints from other threads -------------------------------------------------------------

    def _on_file_change(self, path: str, rescan: bool) -> None:
        if rescan or path not in self._open_paths:
            self._rescan_requested = True  # a file to find, or one not identifiable before
        self._wake.set()

    def _on_acknowledged(self, acks: list[Acknowledged]) -> None:
        self._acknowledged.put(acks)
        self._wake.set()

    # -- reading ------------------------------------------------------------------------------

    def _read(self, now: float, once: bool) -> None:
        """One pass over the files; `_sleep` comes straight back while any has more."""
        for tailer in list(self._tailers.values()):
            if not self._room_to_read():
                break
            self._hand_over(tailer, tailer.poll(now, READ_BUDGET_BYTES))
            if tailer.at_end and tailer.status().st_size < tailer.reader.read_through:
                self._rescan_requested = True  # truncated: the rescan starts it over
        if once:
            for tailer in self._tailers.values():
                if tailer.at_end:
                    self._hand_over(tailer, tailer.joiner.flush())

    def _room_to_read(self) -> bool:
        # While ingest takes batches, read only a little ahead of it; while it fails, read on
        # into the spool (which drops its oldest when full) before the files rotate away.
        return not self.sender.healthy or self.spool.pending_bytes < self.config.read_ahead_bytes

    def _unread_data(self) -> bool:
        return any(not tailer.at_end for tailer in self._tailers.values())

    def _hand_over(self, tailer: FileTailer, events: list[JoinedEvent]) -> None:
        if not events:
            return
        tracker = self._trackers[tailer.file_id]
        outgoing = []
        source = encode_basestring(tailer.source)
        observed_at, read_at = "", None
        for event in events:
            if not event.text.strip():
                tracker.skip(event.offset, event.end)  # blank lines: nothing to tell ingest
                continue
            tracker.issue(event.offset, event.end)
            if event.read_at != read_at:  # events of one read share the moment
                read_at, observed_at = event.read_at, rfc3339_at(event.read_at)
            encoded = encode_event(source, tailer.file_id, event.offset, event.text, observed_at)
            outgoing.append(SpooledEvent(tailer.file_id, event.end, event.read_at, encoded))
        self.spool.append(outgoing)
        # Counted once spooled: a reader of the stats who sees them read also sees what the
        # spool dropped to make room for them.
        self.stats.add("events_read", len(outgoing))

    # -- finding files ------------------------------------------------------------------------

    def _rescan(self, now: float) -> None:
        self.watcher.watch_new_directories()
        found = {
            path: status
            for path, status in find_files(self.config.watch).items()
            if not self._in_state_dir(path)  # never ship our own checkpoints and dead letters
        }
        self._check_open_files(now)
        by_inode = {(tailer.dev, tailer.ino): tailer for tailer in self._tailers.values()}
        still_named = set()
        unknown = []
        for path, status in found.items():
            tailer = by_inode.get((status.st_dev, status.st_ino))
            if tailer is None:
                unknown.append(path)
                continue
            if tailer.file_id in still_named:
                continue  # a second name (a link) of a file already found under the first
            still_named.add(tailer.file_id)
            if tailer.source != path:
                log.info(
                    "%s was renamed to %s; reading on from the same place", tailer.source, path
                )
                tailer.source = tailer.record.path = path
        for tailer in list(self._tailers.values()):
            idle = now - tailer.last_data_at
            if not tailer.at_end or tailer.joiner.held_offset is not None:
                continue
            if tailer.file_id not in still_named and idle > self.config.close_renamed_after:
                self._close(tailer, now, "renamed to a name no pattern matches, and idle")
            elif tailer.file_id in still_named and idle > self.config.close_idle_after:
                self._park(tailer, now)
        # Files named in a record (a restart, a rename while stopped) first, so a new file that
        # happens to begin like an old one cannot take the old one's record.
        known_inodes = {(record.dev, record.ino) for record in self.checkpoints.records.values()}
        unknown.sort(key=lambda path: (found[path].st_dev, found[path].st_ino) not in known_inodes)
        present = {(status.st_dev, status.st_ino) for status in found.values()}
        self._parked = {inode: seen for inode, seen in self._parked.items() if inode in present}
        for path in unknown:
            if not self._unchanged_since_parked(path, found[path]):
                self._open(path)
        self._skip_to_end = False
        self._forget_stale_records()
        self._publish_report()

    def _park(self, tailer: FileTailer, now: float) -> None:
        """Close an idle file's handle; the rescan reopens it once its size or time changes."""
        status = tailer.status()
        self._parked[(status.st_dev, status.st_ino)] = (status.st_size, status.st_mtime_ns)
        self._close(tailer, now, "idle")

    def _unchanged_since_parked(self, path: str, status: os.stat_result) -> bool:
        inode = (status.st_dev, status.st_ino)
        if self._parked.get(inode) == (status.st_size, status.st_mtime_ns):
            return True
        self._parked.pop(inode, None)
        return False

    def _in_state_dir(self, path: str) -> bool:
        state_dir = os.path.abspath(self.config.state_dir)
        try:
            return os.path.commonpath([state_dir, os.path.abspath(path)]) == state_dir
        except ValueError:  # Windows: on another drive
            return False

    def _check_open_files(self, now: float) -> None:
        """Close files that were deleted (after reading what is left) or truncated."""
        for tailer in list(self._tailers.values()):
            status = tailer.status()
            self._sizes[tailer.file_id] = status.st_size
            if status.st_nlink == 0:
                self._close(tailer, now, "deleted", drain=True)
                continue
            head = tailer.head()
            truncated = status.st_size < tailer.reader.read_through
            if truncated or not same_beginning(head, tailer.record.head):
                self._close(tailer, now, "truncated or rewritten")
                continue
            if len(head) > len(tailer.record.head):
                tailer.record.head = head
                self._checkpoint_dirty = True
            tailer.record.seen_at = time.time()

    def _open(self, path: str) -> None:
        try:
            handle = open_shared(path)  # the tailer owns and closes it
        except OSError as error:
            log.warning("cannot open %s: %s", path, error)
            return
        try:
            status = os.fstat(handle.fileno())
            head = handle.read(IDENTITY_WINDOW)
            decision = identify(
                head,
                status.st_dev,
                status.st_ino,
                status.st_size,
                list(self.checkpoints.records.values()),
                set(self._tailers),
                {file_id: tracker.issued_through for file_id, tracker in self._trackers.items()},
            )
        except OSError as error:
            handle.close()
            log.warning("cannot read %s: %s", path, error)
            return
        if decision is None:
            handle.close()
            return
        record = self._record_for(decision, path, head, status)
        if isinstance(decision, StartNew) and self._skip_to_end:
            record.offset = end_of_last_line(handle, status.st_size)
        tracker = self._trackers.get(record.file_id)
        if tracker is None:
            tracker = self._trackers[record.file_id] = AckTracker(record.offset)
        start = max(record.offset, tracker.issued_through)
        joiner = MultilineJoiner(
            self.config.event_start,
            max_hold=self.config.multiline_max_hold,
            quiet=self.config.multiline_quiet,
        )
        self._tailers[record.file_id] = FileTailer(record, handle, start, joiner, source=path)
        self._sizes[record.file_id] = status.st_size
        self._checkpoint_dirty = True
        log.info("shipping %s from byte %d (file id %s)", path, start, record.file_id)

    def _record_for(
        self, decision: Resume | StartNew, path: str, head: bytes, status: os.stat_result
    ) -> FileRecord:
        if isinstance(decision, Resume):
            record = decision.record
            if len(head) > len(record.head):
                record.head = head
        else:
            record = FileRecord(
                file_id=decision.file_id,
                path=path,
                offset=0,
                window=decision.window,
                generation=decision.generation,
                head=head,
                dev=status.st_dev,
                ino=status.st_ino,
                seen_at=time.time(),
            )
            self.checkpoints.records[record.file_id] = record
        record.path, record.dev, record.ino = path, status.st_dev, status.st_ino
        record.seen_at = time.time()
        return record

    def _close(self, tailer: FileTailer, now: float, reason: str, drain: bool = False) -> None:
        while drain:  # a deleted file: read what is left, a budget at a time
            self._hand_over(tailer, tailer.poll(now, READ_BUDGET_BYTES))
            drain = not tailer.at_end
        self._hand_over(tailer, tailer.joiner.flush())
        tailer.close()
        del self._tailers[tailer.file_id]
        self._sizes.pop(tailer.file_id, None)
        log.info("stopped reading %s (%s)", tailer.source, reason)

    # -- acknowledgements and checkpoints -----------------------------------------------------

    def _apply_acknowledgements(self) -> None:
        while True:
            try:
                events = self._acknowledged.get_nowait()
            except queue.Empty:
                break
            for file_id, end, count in events:
                tracker = self._trackers.get(file_id)
                if tracker is not None:
                    tracker.ack(end, count)
        for file_id, tracker in list(self._trackers.items()):
            record = self.checkpoints.records.get(file_id)
            if record is not None and record.offset != tracker.committed:
                record.offset = tracker.committed
                self._checkpoint_dirty = True
            if file_id not in self._tailers and tracker.in_flight == 0:
                del self._trackers[file_id]

    def _save_checkpoints(self, now: float, force: bool = False) -> None:
        if not self._checkpoint_dirty or (now < self._next_checkpoint and not force):
            return
        snapshot = self.stats.snapshot()
        self.checkpoints.totals = {
            name: snapshot.get(name) for name in (*KEPT_COUNTERS, "last_acknowledged_at")
        }
        self.checkpoints.totals["spool_bytes"] = self.spool.pending_bytes
        try:
            self.spool.sync()  # what the checkpoints say is owed must be on disk first
            self.checkpoints.save()
        except OSError as error:
            log.error("cannot write checkpoints to %s: %s", self.checkpoints.path, error)
        else:
            self._checkpoint_dirty = False
        self._next_checkpoint = now + self.config.checkpoint_interval
        self._publish_report()

    def _forget_stale_records(self) -> None:
        keep = set(self._tailers) | set(self._trackers)
        if self.checkpoints.forget_stale(keep):
            self._checkpoint_dirty = True

    # -- the heartbeat's view -----------------------------------------------------------------

    def _publish_report(self) -> None:
        report = [
            {
                "path": tailer.source,
                "file_id": tailer.file_id,
                "offset": tailer.record.offset,
                "size": self._sizes.get(tailer.file_id, 0),
            }
            for tailer in self._tailers.values()
        ]
        self.stats.set("files", len(report))
        self.stats.set(
            "events_in_flight", sum(tracker.in_flight for tracker in self._trackers.values())
        )
        with self._report_lock:
            changed = {f["file_id"] for f in report} != {f["file_id"] for f in self._report}
            self._report = report
        if changed:
            self.heartbeat.files_changed()
        self._open_paths = frozenset(
            os.path.abspath(tailer.source) for tailer in self._tailers.values()
        )

    def files_report(self) -> list[dict]:
        """Each open file's path, id, acknowledged offset and size, as of the last rescan."""
        with self._report_lock:
            return list(self._report)
