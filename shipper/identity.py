"""File identity: which log file this is, whatever its name is now (DESIGN.md section 5.5).

A file is known by its first bytes. When the shipper first sees a file, the identity window is
the complete lines within its first 1024 bytes (all 1024 bytes when the first line is longer).
An appended log never changes those bytes, so the id survives renames, restarts and copies,
while truncation or a rewrite changes them. A file with no complete line yet and fewer than
1024 bytes has no identity; it has nothing to ship either, so waiting costs no latency.
"""

import hashlib

IDENTITY_WINDOW = 1024


def identity_window(head: bytes) -> int | None:
    """How many leading bytes of `head` (a file's first bytes) identify it; None if none yet."""
    head = head[:IDENTITY_WINDOW]
    last_newline = head.rfind(b"\n")
    if last_newline >= 0:
        return last_newline + 1
    if len(head) >= IDENTITY_WINDOW:
        return IDENTITY_WINDOW
    return None


def file_id_for(window_bytes: bytes, generation: int = 0) -> str:
    """The stable id of a file whose identity window holds `window_bytes`.

    `generation` tells apart files that begin with the same bytes (a log truncated and
    restarted with the same header), so their events never share `(file_id, offset)`.
    """
    digest = hashlib.sha256(window_bytes)
    if generation:
        digest.update(b"#%d" % generation)
    return digest.hexdigest()[:32]


def same_beginning(head: bytes, other: bytes) -> bool:
    """True when two files agree on every leading byte both have."""
    common = min(len(head), len(other))
    return head[:common] == other[:common]
