"""The ingest wire signature (DESIGN.md section 2), shared by the shipper, the demo POS and ingest.

Standard library only: the shipper runs on POS hosts with nothing else installed.
"""

import hashlib
import hmac
import time

SIGNATURE_VERSION = "v1"
MAX_CLOCK_SKEW_SECONDS = 300


def sign(key: str, timestamp: str, body: bytes) -> str:
    """The X-StackLens-Signature value for `body` (the exact bytes sent) at `timestamp`."""
    digest = hmac.new(key.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION}={digest}"


def signed_headers(host_id: str, key: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The three X-StackLens-* headers a signed request carries."""
    timestamp = str(int(time.time() if now is None else now))
    return {
        "X-StackLens-Host": host_id,
        "X-StackLens-Timestamp": timestamp,
        "X-StackLens-Signature": sign(key, timestamp, body),
    }


def verify(key: str, timestamp: str, body: bytes, signature: str, now: float | None = None) -> bool:
    """True when `signature` is the key's signature of `body` and the timestamp is fresh."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > MAX_CLOCK_SKEW_SECONDS:
        return False
    return hmac.compare_digest(sign(key, timestamp, body), signature or "")
