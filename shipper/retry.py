"""How long to wait before trying ingest again: exponential backoff with full jitter, or what
the server asked for with Retry-After."""

import random
import time
from email.utils import parsedate_to_datetime

BACKOFF_BASE_SECONDS = 0.05
BACKOFF_CAP_SECONDS = 30.0
# A Retry-After beyond this is taken as this, so a wrong header cannot stall shipping for days.
MAX_RETRY_AFTER_SECONDS = 300.0


def backoff_delay(
    attempt: int, base: float = BACKOFF_BASE_SECONDS, cap: float = BACKOFF_CAP_SECONDS
) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2**attempt)] (attempt counts from 0)."""
    return random.uniform(0.0, min(cap, base * 2 ** min(attempt, 32)))


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:
            return None
        seconds = moment.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_SECONDS)


def next_delay(
    attempt: int,
    retry_after: str | None,
    base: float = BACKOFF_BASE_SECONDS,
    cap: float = BACKOFF_CAP_SECONDS,
) -> float:
    """The wait before retry number `attempt + 1`: the server's word if it gave one."""
    asked = retry_after_seconds(retry_after)
    return asked if asked is not None else backoff_delay(attempt, base, cap)
