"""Reads complete lines of one open file from a byte offset (DESIGN.md section 5.7 and 5.9).

A line is returned only with its newline: a half-written line stays unread until the writer
ends it. A line longer than the cap is cut into pieces so reading never stops on it.
"""

from dataclasses import dataclass
from typing import BinaryIO

MAX_LINE_BYTES = 1 << 20
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class Line:
    offset: int  # first byte of the line in the file
    end: int  # first byte after the line (after its newline)
    text: str  # without the newline (and without a carriage return before it)
    cut: bool = False  # a piece of an over-long line: no newline yet


def decode_line(raw: bytes) -> str:
    if raw.endswith(b"\n"):
        raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
    return raw.decode("utf-8", errors="replace")


class LineReader:
    """Complete lines from `handle` (opened in binary mode), starting at `offset`."""

    def __init__(self, handle: BinaryIO, offset: int, max_line_bytes: int = MAX_LINE_BYTES):
        self.handle = handle
        self.offset = offset  # first byte not yet returned in a line
        self.max_line_bytes = max_line_bytes
        self._partial = bytearray()  # bytes after `offset` that do not end a line yet

    @property
    def read_through(self) -> int:
        """The first byte not read from the file yet (lines returned plus the partial one)."""
        return self.offset + len(self._partial)

    def read_lines(self, budget: int = 4 * CHUNK_BYTES) -> tuple[list[Line], bool]:
        """Lines available now, reading at most about `budget` bytes; and whether more wait."""
        lines: list[Line] = []
        read = 0
        while read < budget:
            self.handle.seek(self.read_through)
            chunk = self.handle.read(min(CHUNK_BYTES, budget - read))
            if not chunk:
                return lines, False
            read += len(chunk)
            self._partial += chunk
            lines.extend(self._take_complete_lines())
        return lines, True

    def _take_complete_lines(self) -> list[Line]:
        lines = []
        start = 0
        while True:
            newline = self._partial.find(b"\n", start, start + self.max_line_bytes)
            if newline >= 0:
                lines.append(self._line(start, newline + 1, cut=False))
                start = newline + 1
            elif len(self._partial) - start >= self.max_line_bytes:
                # An over-long line: ship it in capped pieces rather than stall the file.
                lines.append(self._line(start, start + self.max_line_bytes, cut=True))
                start += self.max_line_bytes
            else:
                break
        del self._partial[:start]
        self.offset += start
        return lines

    def _line(self, start: int, stop: int, cut: bool) -> Line:
        raw = bytes(self._partial[start:stop])
        return Line(self.offset + start, self.offset + stop, decode_line(raw), cut)
