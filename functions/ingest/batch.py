"""The ingest batch (DESIGN.md section 2): wire bytes -> validated events -> per-group totals.

Everything here is checked before anything is stored, so a refused batch leaves no trace:
a 400 names the offending field, a 413 the part that is too large.
"""

import uuid
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from functions.common import clock
from functions.ingest.fingerprint import signature_of
from functions.ingest.parsing import ParsedLine, parse
from functions.ingest.rules import Classification, RuleSet
from functions.ingest.validation import Rejected, optional_store, parse_json_object, text_field

# An event may be as large as the shipper's multiline cap (1 MiB); a body holds at least one
# such event with its envelope and JSON escaping. Lambda's 6 MB request limit bounds both.
MAX_BODY_BYTES = 5 * 1024 * 1024  # decompressed
MAX_LINE_BYTES = 1024 * 1024
# An occurrence keeps this much of its line: a DynamoDB item holds at most 400 KB.
MAX_STORED_LINE_CHARS = 64 * 1024
# Key attributes are bounded by DynamoDB (sort key 1 KiB); these keep every key well inside.
MAX_FILE_ID_BYTES = 512
MAX_SOURCE_BYTES = 1024
MAX_OFFSET = 2**63 - 1
# A group lists at most this many of the hosts and stores it was seen on (the first ones), and
# says when there were more: its item is rewritten on every batch (functions/ingest/known_groups).
HOSTS_KEPT = 20
STORES_KEPT = 20
# What a group keeps of its first message and template: enough to read. Its raw lines are its
# occurrences: a group item is billed by its whole size on every batch that updates it.
MAX_GROUP_TEXT_CHARS = 2048
DEMO_SOURCE_PREFIX = "webhook:"


@dataclass(frozen=True)
class WireEvent:
    source: str
    file_id: str
    offset: int
    line: str
    observed_at: str  # UTC, RFC 3339 with milliseconds


@dataclass(frozen=True)
class Batch:
    batch_id: str
    host: str
    store: str | None
    events: tuple[WireEvent, ...]


# An event's identity within its host's batches: the file it was read from and its offset.
EventId = tuple[str, int]


@dataclass(frozen=True)
class AnalysedError:
    """An event that is an error, with its parse, its group and its classification."""

    event: WireEvent
    parsed: ParsedLine
    fingerprint: str
    template: str
    classification: Classification

    @property
    def event_id(self) -> EventId:
        return (self.event.file_id, self.event.offset)


@dataclass
class GroupAggregate:
    """What one batch adds to one group."""

    fingerprint: str
    template: str
    message: str
    level: str
    severity: str
    category: str | None
    rule: str | None
    rules_version: str
    host: str  # the batch's
    store: str | None  # the batch's
    source: str  # of the group's first event in the batch
    count: int = 0
    first_seen: str = ""
    last_seen: str = ""
    hosts: set[str] = field(default_factory=set)
    stores: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def decompress(raw: bytes, content_encoding: str | None) -> bytes:
    """The body as JSON bytes: gunzipped when so marked, never more than MAX_BODY_BYTES."""
    encoding = (content_encoding or "identity").strip().lower()
    if encoding == "identity":
        if len(raw) > MAX_BODY_BYTES:
            raise Rejected(413, f"body is larger than {MAX_BODY_BYTES} bytes", "body")
        return raw
    if encoding not in ("gzip", "x-gzip"):
        raise Rejected(400, f"unsupported Content-Encoding {encoding!r}", "Content-Encoding")
    output = bytearray()
    remaining = raw
    try:
        # A loop, as gzip allows several members; max_length stops a decompression bomb early.
        while remaining:
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            output += inflater.decompress(remaining, MAX_BODY_BYTES + 1 - len(output))
            if len(output) > MAX_BODY_BYTES:
                raise Rejected(413, f"body is larger than {MAX_BODY_BYTES} bytes", "body")
            if not inflater.eof:
                raise Rejected(400, "gzip body is truncated", "body")
            remaining = inflater.unused_data
    except zlib.error as error:
        raise Rejected(400, f"body is not valid gzip: {error}", "body") from None
    return bytes(output)


def _observed_at(value, name: str, received_at: str) -> str:
    if value is None:
        return received_at
    text_field(value, name, max_bytes=64)
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return clock.iso(moment.astimezone(UTC))
    except (ValueError, OverflowError):
        raise Rejected(400, f"{name} must be an RFC 3339 timestamp", name) from None


def _event(entry, index: int, received_at: str) -> WireEvent:
    where = f"events[{index}]"
    if not isinstance(entry, dict):
        raise Rejected(400, f"{where} must be an object", where)
    source = text_field(entry.get("source"), f"{where}.source", max_bytes=MAX_SOURCE_BYTES)
    file_id = text_field(entry.get("file_id"), f"{where}.file_id", max_bytes=MAX_FILE_ID_BYTES)
    offset = entry.get("offset")
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise Rejected(400, f"{where}.offset must be a non-negative integer", f"{where}.offset")
    line = entry.get("line")
    if not isinstance(line, str):
        raise Rejected(400, f"{where}.line must be a string", f"{where}.line")
    try:
        line_bytes = len(line.encode("utf-8"))
    except UnicodeEncodeError:
        raise Rejected(400, f"{where}.line is not valid Unicode text", f"{where}.line") from None
    if line_bytes > MAX_LINE_BYTES:
        raise Rejected(413, f"{where}.line is longer than {MAX_LINE_BYTES} bytes", f"{where}.line")
    observed_at = _observed_at(entry.get("observed_at"), f"{where}.observed_at", received_at)
    return WireEvent(source, file_id, offset, line, observed_at)


def validate_batch(document: dict, header_host: str, received_at: str) -> Batch:
    """A Batch from a decoded body, or Rejected naming the first field at fault.
    Events without observed_at get `received_at`."""
    raw_id = document.get("batch_id")
    try:
        if not isinstance(raw_id, str):
            raise ValueError
        batch_id = str(uuid.UUID(raw_id))
    except ValueError:
        raise Rejected(400, "batch_id must be a UUID", "batch_id") from None
    if document.get("host") != header_host:
        raise Rejected(400, "host must equal the X-StackLens-Host header", "host")
    store = optional_store(document.get("store"))
    events = document.get("events")
    if not isinstance(events, list):
        raise Rejected(400, "events must be a list", "events")
    return Batch(
        batch_id,
        header_host,
        store,
        tuple(_event(entry, index, received_at) for index, entry in enumerate(events)),
    )


def read_batch(
    raw: bytes, content_encoding: str | None, header_host: str, received_at: str
) -> Batch:
    """Wire bytes -> Batch: decompress, decode, validate (DESIGN.md section 2)."""
    return validate_batch(
        parse_json_object(decompress(raw, content_encoding)), header_host, received_at
    )


def mark_demo_sources(batch: Batch) -> Batch:
    """Demo events say where they came from: every source starts with "webhook:"."""
    events = tuple(
        event
        if event.source.startswith(DEMO_SOURCE_PREFIX)
        else replace(event, source=DEMO_SOURCE_PREFIX + event.source)
        for event in batch.events
    )
    return replace(batch, events=events)


def analyse(event: WireEvent, rules: RuleSet) -> AnalysedError | None:
    """The event as an error, or None when it is not one (accepted, but not grouped)."""
    parsed = parse(event.line)
    classification = rules.classify(event.line, parsed.level)
    if classification is None:
        return None
    signature = signature_of(parsed)
    return AnalysedError(event, parsed, signature.fingerprint, signature.template, classification)


def aggregate(errors: list[AnalysedError], host: str, store: str | None) -> list[GroupAggregate]:
    """Per-group totals of a batch's errors, groups in the order they first appear."""
    groups: dict[str, GroupAggregate] = {}
    for error in errors:
        event = error.event
        group = groups.get(error.fingerprint)
        if group is None:
            group = groups[error.fingerprint] = GroupAggregate(
                fingerprint=error.fingerprint,
                template=error.template[:MAX_GROUP_TEXT_CHARS],
                message=(error.parsed.message or event.line)[:MAX_GROUP_TEXT_CHARS],
                level=error.parsed.level,
                severity=error.classification.severity,
                category=error.classification.category,
                rule=error.classification.rule,
                rules_version=error.classification.rules_version,
                host=host,
                store=store,
                source=event.source,
                first_seen=event.observed_at,
                last_seen=event.observed_at,
            )
        group.count += 1
        group.first_seen = min(group.first_seen, event.observed_at)
        group.last_seen = max(group.last_seen, event.observed_at)
        group.hosts.add(host)
        if store:
            group.stores.add(store)
        group.sources.add(event.source)
    return list(groups.values())


def stored_line(line: str) -> str:
    """The line as an occurrence keeps it: whole, or its start with a note of what was cut."""
    if len(line) <= MAX_STORED_LINE_CHARS:
        return line
    cut = len(line) - MAX_STORED_LINE_CHARS
    return f"{line[:MAX_STORED_LINE_CHARS]}\n... [{cut} more characters not stored]"
