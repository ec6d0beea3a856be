"""Where each file's shipping stands: the acknowledged offset per file id, kept on disk.

Written atomically (temp file, fsync, rename, fsync of the directory) so a crash leaves the old
file or the new one; a torn, empty or corrupt file is survived as empty, with a warning.
Losing it costs only re-sending: file ids come from content, so ingest drops the duplicates.
"""

import base64
import json
import logging
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
# Records of files gone for this long are forgotten, so rotations do not grow the file forever.
FORGET_AFTER_SECONDS = 7 * 24 * 3600


@dataclass
class FileRecord:
    """One file the shipper knows: its id, how it is recognised, and the acknowledged offset."""

    file_id: str
    path: str
    offset: int  # first byte not yet acknowledged by ingest: an event boundary
    window: int  # how many leading bytes made the id (see identity.py)
    generation: int
    head: bytes  # the file's first bytes (up to the identity window size) as last seen
    dev: int
    ino: int
    seen_at: float

    def to_json(self) -> dict:
        data = asdict(self)
        data["head"] = base64.b64encode(self.head).decode()
        return data

    @classmethod
    def from_json(cls, data: dict) -> "FileRecord":
        fields = dict(data)
        fields["head"] = base64.b64decode(fields["head"])
        record = cls(**fields)
        if not isinstance(record.offset, int) or record.offset < 0:
            raise ValueError(f"bad offset {record.offset!r}")
        return record


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that readers see the old bytes or the new, never a mix."""
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class CheckpointStore:
    """The records of every known file, loaded from and saved to one JSON file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.records: dict[str, FileRecord] = {}
        # Counters kept across restarts for `--status`: dropped, dead-lettered, last ack.
        self.totals: dict[str, object] = {}

    def load(self) -> None:
        """Read the file; a missing one is empty, a damaged one is empty with a warning."""
        self.records = {}
        self.totals = {}
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            document = json.loads(raw)
            if document.get("version") != FORMAT_VERSION:
                raise ValueError(f"unknown version {document.get('version')!r}")
            records = [FileRecord.from_json(item) for item in document["files"].values()]
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning(
                "checkpoint file %s is damaged (%s); starting from no checkpoints, "
                "already shipped lines may be sent again (ingest drops duplicates)",
                self.path,
                error,
            )
            return
        self.records = {record.file_id: record for record in records}
        totals = document.get("totals")
        self.totals = totals if isinstance(totals, dict) else {}

    def save(self) -> None:
        document = {
            "version": FORMAT_VERSION,
            "files": {file_id: record.to_json() for file_id, record in self.records.items()},
            "totals": self.totals,
        }
        write_atomically(self.path, json.dumps(document, indent=1).encode())

    def forget_stale(self, keep: set[str], now: float | None = None) -> bool:
        """Drop records not seen for a week, except those in `keep`; True if any went."""
        cutoff = (time.time() if now is None else now) - FORGET_AFTER_SECONDS
        stale = [
            file_id
            for file_id, record in self.records.items()
            if record.seen_at < cutoff and file_id not in keep
        ]
        for file_id in stale:
            del self.records[file_id]
        return bool(stale)
