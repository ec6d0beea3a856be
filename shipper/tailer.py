"""One open log file being shipped: its handle, where reading stands, and its pending event."""

import os
import time
from typing import BinaryIO

from shipper.checkpoint import FileRecord
from shipper.identity import IDENTITY_WINDOW
from shipper.multiline import JoinedEvent, MultilineJoiner
from shipper.reader import LineReader


class FileTailer:
    """Reads one file from an offset into joined events."""

    def __init__(
        self,
        record: FileRecord,
        handle: BinaryIO,
        start: int,
        joiner: MultilineJoiner,
        source: str,
    ):
        self.record = record
        self.handle = handle
        self.reader = LineReader(handle, start)
        self.joiner = joiner
        self.source = source  # the path as found: it changes when the file is renamed
        status = os.fstat(handle.fileno())
        self.dev, self.ino = status.st_dev, status.st_ino
        self.last_data_at = time.monotonic()
        self.at_end = False  # the last read reached the end of the file

    @property
    def file_id(self) -> str:
        return self.record.file_id

    def poll(self, now: float, budget: int) -> list[JoinedEvent]:
        """Events completed by the lines written since the last poll (at most `budget` bytes
        read), then the held event if its wait is over."""
        lines, more = self.reader.read_lines(budget)
        self.at_end = not more
        if lines:
            self.last_data_at = now
        return self.joiner.push(lines, now) + self.joiner.due(now)

    def status(self) -> os.stat_result:
        return os.fstat(self.handle.fileno())

    def head(self) -> bytes:
        self.handle.seek(0)
        return self.handle.read(IDENTITY_WINDOW)

    def close(self) -> None:
        self.handle.close()
