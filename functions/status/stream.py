"""The live stream as Server-Sent Events: which feed events to send and how they look on the wire.

An HTTP API cannot hold a response open, so every request gets a finite stream (the events after
the client's last id, then `retry:`); EventSource reconnects by itself and the local runner
re-invokes with the last id it saw (DESIGN.md section 7). No AWS here.
"""

import json
import re

# A client without a last id first sees this many recent events.
INITIAL_EVENTS = 50
# A client that resumes gets at most this many per answer; it asks again at once for the rest.
RESUME_LIMIT = 200
RETRY_MS = 1000

_EVENT_ID = re.compile(r"[0-9]{1,18}")


class BadEventId(ValueError):
    """A Last-Event-ID that is not a feed sequence number."""


def parse_last_event_id(header: str | None, query: str | None) -> int | None:
    """The sequence number the client saw last (the header wins over `?lastEventId=`)."""
    raw = header if header not in (None, "") else query
    if raw is None or not raw.strip():
        return None
    if not _EVENT_ID.fullmatch(raw.strip()):
        raise BadEventId(f"Last-Event-ID must be a non-negative integer, got {raw[:40]!r}")
    return int(raw.strip())


def resume_point(last_event_id: int | None, feed_position: int) -> int | None:
    """Where to read from: after the client's id, or None (the latest events) when the client
    has none or holds an id the feed never handed out (the feed was reset)."""
    if last_event_id is None or last_event_id > feed_position:
        return None
    return last_event_id


def format_event(event: dict) -> str:
    """One feed event as an SSE message. The JSON is the event's data plus `at` (feed time)."""
    payload = dict(event.get("data") or {})
    payload.setdefault("at", event.get("at"))
    # json.dumps escapes newlines, so the data stays on the one `data:` line SSE allows.
    data = json.dumps(payload, separators=(",", ":"), default=str)
    return f"id: {event['id']}\nevent: {event['kind']}\ndata: {data}\n\n"


def format_stream(events: list[dict], position_if_empty: int | None = None) -> str:
    """The body of one answer: the events, then `retry:`.

    With no events, `position_if_empty` (the feed's position when the request came) is sent as a
    bare `id:` so a client that had no id resumes from there instead of from "the latest 50":
    a burst arriving before its next request is then not cut short.
    """
    parts = [format_event(event) for event in events]
    if not events and position_if_empty is not None:
        parts.append(f"id: {position_if_empty}\n\n")
    parts.append(f"retry: {RETRY_MS}\n\n")
    return "".join(parts)
