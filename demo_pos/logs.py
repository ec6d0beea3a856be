"""The POS log file: Python logging, one line per event, flushed per line.

Each app gets its own logger hierarchy (a private logging.Manager), so two POS apps in one
process - as in the tests - never write into each other's file.
"""

import logging
import time
from collections.abc import Iterable
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(message)s"


def pos_formatter() -> logging.Formatter:
    """Lines like `2026-11-26 12:00:00,123 CRITICAL [pos.pricing] Pricing error | ...` (UTC)."""
    formatter = logging.Formatter(LOG_FORMAT)
    formatter.converter = time.gmtime
    return formatter


class PosLogs:
    """Named loggers (pos.pricing, pos.payment, ...) that write to one log file."""

    def __init__(self, log_path: Path, extra_handlers: Iterable[logging.Handler] = ()) -> None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._root = logging.RootLogger(logging.INFO)
        self._manager = logging.Manager(self._root)
        # FileHandler flushes after every record, so a tailer sees each line at once.
        self._file_handler = logging.FileHandler(log_path, encoding="utf-8")
        self._handlers = [self._file_handler, *extra_handlers]
        for handler in self._handlers:
            handler.setFormatter(pos_formatter())
            self._root.addHandler(handler)

    def logger(self, name: str) -> logging.Logger:
        return self._manager.getLogger(name)

    def close(self) -> None:
        for handler in self._handlers:
            self._root.removeHandler(handler)
            handler.close()
