"""One event on its way to ingest, in the shape of the wire format (DESIGN.md section 2)."""

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from json.encoder import encode_basestring  # the C string encoder json.dumps uses


def rfc3339_now() -> str:
    """The current UTC time as RFC 3339 with milliseconds, e.g. 2024-05-01T10:00:00.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def rfc3339_at(monotonic_moment: float) -> str:
    """The UTC time, RFC 3339, of a moment given on the monotonic clock."""
    wall = time.time() - (time.monotonic() - monotonic_moment)
    moment = datetime.fromtimestamp(wall, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ShippedEvent:
    source: str  # the path as configured or found
    file_id: str
    offset: int  # the event's first byte: with host and file_id, its name for ever
    line: str  # the event text without the trailing newline
    observed_at: str

    def to_wire(self) -> dict:
        return {
            "source": self.source,
            "file_id": self.file_id,
            "offset": self.offset,
            "line": self.line,
            "observed_at": self.observed_at,
        }


def encode_event(source_json: str, file_id: str, offset: int, line: str, observed_at: str) -> bytes:
    """The JSON of `ShippedEvent(...).to_wire()`, as json.dumps(ensure_ascii=False) writes it,
    without building a dict per event (the catch-up path encodes 100,000s a second).
    `source_json` is the source already encoded as a JSON string."""
    return (
        f'{{"source": {source_json}, "file_id": "{file_id}", "offset": {offset}, '
        f'"line": {encode_basestring(line)}, "observed_at": "{observed_at}"}}'
    ).encode()
