"""Finds the files to ship and tells, for a file not open yet, which known file it is.

A file is recognised by its first bytes (identity.py) against the checkpoint records, the
same device and inode winning ties. That is how a renamed file continues where it was, a
restart resumes, a copy of a file being read is not read twice (copytruncate), and a file
truncated or rewritten with new content starts again from byte 0 under a new id.
"""

import glob
import os
import stat
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from shipper.checkpoint import FileRecord
from shipper.identity import file_id_for, identity_window, same_beginning


def find_files(patterns: Iterable[str]) -> dict[str, os.stat_result]:
    """Regular files matching any pattern (`**` allowed), by path as the pattern yields it."""
    found: dict[str, os.stat_result] = {}
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            try:
                status = os.stat(path)
            except OSError:
                continue  # gone between the listing and the stat
            if stat.S_ISREG(status.st_mode):
                found.setdefault(path, status)
    return found


@dataclass(frozen=True)
class Resume:
    """A known file: read on from its record."""

    record: FileRecord


@dataclass(frozen=True)
class StartNew:
    """A file never seen: read from byte 0 under this new id."""

    file_id: str
    window: int
    generation: int


def identify(
    head: bytes,
    dev: int,
    ino: int,
    size: int,
    records: Collection[FileRecord],
    open_ids: Collection[str],
    read_through: Mapping[str, int] | None = None,
) -> Resume | StartNew | None:
    """Which file this is, given its first bytes `head`; None means "not yet, ask again later"
    (no complete line yet, a copy of a file being read, a copy still being written).
    `read_through` holds, by file id, how far reading got beyond the checkpoint (the spool)."""
    read_through = read_through or {}

    def known_length(record: FileRecord) -> int:
        return max(record.offset, read_through.get(record.file_id, 0))

    window = identity_window(head)
    if window is None:
        return None
    # Records of files that agree with this one on every leading byte both have.
    alike = [record for record in records if same_beginning(head, record.head)]
    closed = [record for record in alike if record.file_id not in open_ids]
    same_inode = [record for record in closed if (record.dev, record.ino) == (dev, ino)]
    if same_inode:
        record = max(same_inode, key=lambda candidate: candidate.generation)
        if size < known_length(record) or len(head) < record.window:
            return _start_new(head, window, records)  # truncated, then the same header again
        return Resume(record)
    # A copy is never longer than the file being read (whose head the rescan just refreshed).
    if any(record.file_id in open_ids and len(head) <= len(record.head) for record in alike):
        return None  # a copy of a file being read: its bytes come through the original
    if closed:
        record = max(closed, key=lambda candidate: candidate.seen_at)
        if size < known_length(record) or len(head) < len(record.head):
            return None  # still being copied: wait until it holds what was read
        return Resume(record)  # moved across file systems, or the copy of a truncated file
    return _start_new(head, window, records)


def _start_new(head: bytes, window: int, records: Collection[FileRecord]) -> StartNew:
    known = {record.file_id for record in records}
    generation = 0
    while file_id_for(head[:window], generation) in known:
        generation += 1
    return StartNew(file_id_for(head[:window], generation), window, generation)
