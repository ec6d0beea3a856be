"""Shipper hosts: registering one, rotating its key, reading its heartbeat, and checking a
signed request.

A host signs every request with the key it got at registration (shipper.signing); an
unknown host, a wrong signature, a retired key or a stale timestamp is a 401, before the body
is read. A rotation keeps the replaced key valid for a grace period, so the shipper's key file
can be changed and the shipper restarted without losing a batch.
"""

import math
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from functions.ingest.validation import Rejected, optional_store, parse_json_object, text_field
from shipper import signing

HOST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
HOST_HEADER = "X-StackLens-Host"
TIMESTAMP_HEADER = "X-StackLens-Timestamp"
SIGNATURE_HEADER = "X-StackLens-Signature"
MAX_HEARTBEAT_BYTES = 64 * 1024
MAX_HEARTBEAT_FILES = 1000
# How long a replaced key still signs after a rotation, unless the admin says otherwise
# (0 retires it at once, for a leaked key).
DEFAULT_KEY_GRACE_SECONDS = 24 * 3600
MAX_KEY_GRACE_SECONDS = 7 * 24 * 3600
# DynamoDB stores numbers of 38 digits between 1e-130 and 1e126, documents 32 levels deep.
_MAX_NUMBER = 10**38
_MAX_DEPTH = 16


@dataclass(frozen=True)
class Host:
    host_id: str
    key: str
    store: str | None = None
    desired_state: str = "running"
    previous_key: str | None = None  # the key a rotation replaced, valid until previous_key_until
    previous_key_until: float | None = None  # unix seconds

    def keys_valid_at(self, now: float) -> list[str]:
        """The keys that may sign a request at `now`: the current one, and the replaced one
        during its grace period."""
        keys = [self.key]
        if self.previous_key and self.previous_key_until and now < self.previous_key_until:
            keys.append(self.previous_key)
        return keys


@dataclass(frozen=True)
class Heartbeat:
    host: str
    store: str | None
    files: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def is_host_id(value) -> bool:
    return isinstance(value, str) and HOST_ID.fullmatch(value) is not None


def _is_fresh(timestamp: str, now: float | None) -> bool:
    """Whether the timestamp passes signing.verify's replay window (checked apart to say so)."""
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    return abs(current - sent_at) <= signing.MAX_CLOCK_SKEW_SECONDS


def authenticate(
    headers: Mapping[str, str],
    raw_body: bytes,
    find_host: Callable[[str], Host | None],
    now: float | None = None,
) -> Host:
    """The registered host that signed this request, or a 401 saying what is wrong."""
    host_id = headers.get(HOST_HEADER) or ""
    timestamp = headers.get(TIMESTAMP_HEADER) or ""
    signature = headers.get(SIGNATURE_HEADER) or ""
    for name, value in ((HOST_HEADER, host_id), (TIMESTAMP_HEADER, timestamp)):
        if not value:
            raise Rejected(401, f"{name} header missing", name)
    if not signature:
        raise Rejected(401, f"{SIGNATURE_HEADER} header missing", SIGNATURE_HEADER)
    host = find_host(host_id) if is_host_id(host_id) else None
    if host is None:
        raise Rejected(401, f"unknown host {host_id[:64]!r}", HOST_HEADER)
    if not _is_fresh(timestamp, now):
        raise Rejected(
            401,
            f"timestamp is not within {signing.MAX_CLOCK_SKEW_SECONDS} s of the server clock",
            TIMESTAMP_HEADER,
        )
    current = time.time() if now is None else now
    for key in host.keys_valid_at(current):
        if signing.verify(key, timestamp, raw_body, signature, now=now):
            return host
    if host.previous_key and signing.verify(
        host.previous_key, timestamp, raw_body, signature, now=now
    ):
        # Said apart so the operator knows to put the new key in the shipper's key file.
        raise Rejected(401, "the host key was retired by a rotation", SIGNATURE_HEADER)
    raise Rejected(401, "signature does not match the body", SIGNATURE_HEADER)


def registration(document: dict) -> tuple[str, str | None]:
    """(host_id, store) of an admin's registration request, or a 400."""
    host_id = document.get("host_id")
    if not is_host_id(host_id):
        raise Rejected(400, "host_id must be 1-64 characters of A-Z a-z 0-9 . _ -", "host_id")
    return host_id, optional_store(document.get("store"))


def rotation_grace_seconds(document: dict) -> int:
    """How long the replaced key stays valid, from a rotation request's `grace_seconds`."""
    grace = document.get("grace_seconds", DEFAULT_KEY_GRACE_SECONDS)
    if isinstance(grace, bool) or not isinstance(grace, int):
        raise Rejected(400, "grace_seconds must be an integer", "grace_seconds")
    if not 0 <= grace <= MAX_KEY_GRACE_SECONDS:
        raise Rejected(
            400, f"grace_seconds must be from 0 to {MAX_KEY_GRACE_SECONDS}", "grace_seconds"
        )
    return grace


def _check_storable(value, name: str, depth: int = 0) -> None:
    """400 unless DynamoDB can hold `value` as a document attribute."""
    if depth > _MAX_DEPTH:
        raise Rejected(400, f"{name} is nested too deeply", name)
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        text_field(value, name, max_bytes=MAX_HEARTBEAT_BYTES, required=False)
    elif isinstance(value, int):
        if abs(value) >= _MAX_NUMBER:
            raise Rejected(400, f"{name} is a number out of range", name)
    elif isinstance(value, float):
        magnitude = abs(value)
        if not math.isfinite(magnitude) or magnitude >= _MAX_NUMBER or 0 < magnitude < 1e-100:
            raise Rejected(400, f"{name} is a number out of range", name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_storable(item, f"{name}[{index}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            text_field(key, f"{name} key", max_bytes=255)
            _check_storable(item, f"{name}.{key}", depth + 1)


def read_heartbeat(raw: bytes, header_host: str) -> Heartbeat:
    """A Heartbeat from its body ({"host","store","files","stats"}), or a 400/413."""
    if len(raw) > MAX_HEARTBEAT_BYTES:
        raise Rejected(413, f"heartbeat is larger than {MAX_HEARTBEAT_BYTES} bytes", "body")
    document = parse_json_object(raw)
    if document.get("host") != header_host:
        raise Rejected(400, "host must equal the X-StackLens-Host header", "host")
    files = document.get("files", [])
    if not isinstance(files, list) or len(files) > MAX_HEARTBEAT_FILES:
        raise Rejected(400, f"files must be a list of at most {MAX_HEARTBEAT_FILES}", "files")
    stats = document.get("stats", {})
    if not isinstance(stats, dict):
        raise Rejected(400, "stats must be an object", "stats")
    _check_storable(files, "files")
    _check_storable(stats, "stats")
    return Heartbeat(header_host, optional_store(document.get("store")), files, stats)
