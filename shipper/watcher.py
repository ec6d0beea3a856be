"""Wakes the shipper when a watched file changes, through watchdog.

Only a hint: inotify watches run out, events get lost (on Windows above all), so the loop
also rescans every 2 s (DESIGN.md section 5.10). A change to a matching file wakes the
loop within a millisecond, which is what keeps a line's way to the wire short.
"""

import logging
import os
import re
from collections.abc import Callable
from fnmatch import fnmatch

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

log = logging.getLogger(__name__)

# Opens and reads (ours included) are not changes; these are.
WAKING_EVENTS = [
    FileModifiedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileMovedEvent,
    FileDeletedEvent,
]
# Events after which the set of files may differ: worth a rescan, not only a read.
RESCAN_EVENT_TYPES = {"created", "moved", "deleted"}
WILDCARD = re.compile(r"[*?[]")


def watch_roots(patterns: list[str]) -> dict[str, bool]:
    """The directories to watch for `patterns`: the part before any wildcard, and whether a
    wildcard in the directory part means watching below it too."""
    roots: dict[str, bool] = {}
    for pattern in patterns:
        directory = os.path.dirname(os.path.abspath(pattern))
        parts = directory.split(os.sep)
        static = []
        for part in parts:
            if WILDCARD.search(part):
                break
            static.append(part)
        root = os.sep.join(static) or os.sep
        recursive = len(static) < len(parts)
        roots[root] = roots.get(root, False) or recursive
    return roots


class _WakeOnChange(FileSystemEventHandler):
    def __init__(self, patterns: list[str], on_change: Callable[[str, bool], None]):
        self.patterns = [os.path.abspath(pattern) for pattern in patterns]
        self.on_change = on_change

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [os.fsdecode(path) for path in (event.src_path, event.dest_path) if path]
        for path in paths:
            if any(fnmatch(path, pattern) for pattern in self.patterns):
                self.on_change(path, event.event_type in RESCAN_EVENT_TYPES)


class DirectoryWatcher:
    """Calls `on_change(path, rescan)` when a file matching the patterns changes; `rescan` says
    whether files may have come or gone."""

    def __init__(self, patterns: list[str], on_change: Callable[[str, bool], None]):
        self.roots = watch_roots(patterns)
        self.handler = _WakeOnChange(patterns, on_change)
        self.observer = Observer()
        self.observer.daemon = True
        self._watched: set[str] = set()

    def start(self) -> None:
        self.watch_new_directories()
        self.observer.start()

    def watch_new_directories(self) -> None:
        """Watch roots that exist now and were not watched yet (called on every rescan)."""
        for root, recursive in self.roots.items():
            if root in self._watched or not os.path.isdir(root):
                continue
            try:
                self.observer.schedule(
                    self.handler, root, recursive=recursive, event_filter=WAKING_EVENTS
                )
            except OSError as error:
                # Out of inotify watches, say: the rescan still finds every change.
                log.warning("cannot watch %s (%s); relying on the rescan", root, error)
                continue
            self._watched.add(root)

    def stop(self) -> None:
        self.observer.stop()
        if self.observer.is_alive():
            self.observer.join(timeout=2.0)
