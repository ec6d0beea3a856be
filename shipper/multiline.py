"""Joins the lines of one file into events: a stack trace travels with its first line.

An event starts at a line matching the start pattern (by default an ISO-ish timestamp at the
start of the line); any other line continues the event before it (tracebacks, `  at ...`,
`Caused by: ...`). The last event is held back, since more of it may still come: it is
released when the next event starts, when it reaches a cap (lines or bytes), when the file has
been quiet for `quiet` seconds, or at the latest `max_hold` seconds after its first line.
Writers put a whole record in one write, so a short quiet period keeps latency low while
the hold still catches a trace written line by line.
"""

import re
from dataclasses import dataclass

from shipper.reader import Line

DEFAULT_EVENT_START = r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}"
MAX_EVENT_LINES = 500
MAX_EVENT_BYTES = 1 << 20
MAX_HOLD_SECONDS = 2.0
QUIET_SECONDS = 0.01


@dataclass(frozen=True)
class JoinedEvent:
    offset: int  # the event's first byte: where reading resumes if it is not acknowledged
    end: int  # first byte after the event
    text: str  # the lines joined by "\n", without the final newline
    read_at: float  # monotonic time its first line was read


@dataclass
class _HeldEvent:
    offset: int
    end: int
    texts: list[str]
    read_at: float
    last_line_at: float

    def release(self) -> JoinedEvent:
        return JoinedEvent(self.offset, self.end, "\n".join(self.texts), self.read_at)


class MultilineJoiner:
    """Turns a file's lines, in order, into events."""

    def __init__(
        self,
        event_start: str = DEFAULT_EVENT_START,
        max_lines: int = MAX_EVENT_LINES,
        max_bytes: int = MAX_EVENT_BYTES,
        max_hold: float = MAX_HOLD_SECONDS,
        quiet: float = QUIET_SECONDS,
    ):
        self.event_start = re.compile(event_start)
        self.max_lines = max_lines
        self.max_bytes = max_bytes
        self.max_hold = max_hold
        self.quiet = quiet
        self._held: _HeldEvent | None = None

    @property
    def held_offset(self) -> int | None:
        """First byte of the event still held back, if any."""
        return self._held.offset if self._held else None

    def push(self, lines: list[Line], now: float) -> list[JoinedEvent]:
        """Add lines read at `now`; returns the events they complete."""
        done = []
        for line in lines:
            held = self._held
            if held and self._continues(held, line):
                held.texts.append(line.text)
                held.end = line.end
                held.last_line_at = now
                continue
            if held:
                done.append(held.release())
            self._held = _HeldEvent(line.offset, line.end, [line.text], now, now)
        return done

    def due(self, now: float) -> list[JoinedEvent]:
        """The held event, if it has waited long enough."""
        deadline = self.deadline()
        if deadline is None or now < deadline:
            return []
        return self.flush()

    def flush(self) -> list[JoinedEvent]:
        """The held event now, whatever its age (the file is done or gone)."""
        held, self._held = self._held, None
        return [held.release()] if held else []

    def deadline(self) -> float | None:
        """When the held event is released unless another line comes first."""
        if not self._held:
            return None
        held = self._held
        return min(held.last_line_at + self.quiet, held.read_at + self.max_hold)

    def _continues(self, held: _HeldEvent, line: Line) -> bool:
        if self.event_start.match(line.text):
            return False
        return len(held.texts) < self.max_lines and line.end - held.offset <= self.max_bytes
