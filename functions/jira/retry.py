"""What a failed ticket job does next. Waiting is not failing: a job that Jira throttled (429)
or that waits for a racing create goes back to the queue with a delay, without using up a try.
Everything else (5xx, timeouts, lost connections) is a try: it fails with exponential backoff and
full jitter, and the queue's redrive policy moves it to the dead-letter queue after the 5th."""

import math
import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from requests import HTTPError

from functions.common import clock
from functions.jira.tickets import TicketNotReady

MAX_DELAY_SECONDS = 900  # SQS's DelaySeconds and a sane visibility bound
MAX_WAITS = 50  # a job kept waiting this often fails like any other
DEFAULT_RETRY_AFTER_SECONDS = 5
BACKOFF_BASE_SECONDS = 2
BACKOFF_CAP_SECONDS = 300


@dataclass(frozen=True)
class Retry:
    requeue: bool  # True: send the job again after `delay_seconds`; False: fail this try
    delay_seconds: int


def _bounded(seconds: float) -> int:
    return min(max(math.ceil(seconds), 1), MAX_DELAY_SECONDS)


def retry_after_seconds(error: HTTPError) -> float:
    """Jira's Retry-After (seconds or an HTTP date), or a default when it gives none."""
    header = error.response.headers.get("Retry-After") if error.response is not None else None
    if not header:
        return DEFAULT_RETRY_AFTER_SECONDS
    try:
        return float(header)
    except ValueError:
        pass
    try:
        return (parsedate_to_datetime(header) - clock.now()).total_seconds()
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER_SECONDS


def plan(error: Exception, receive_count: int, waits: int, rng: random.Random = random) -> Retry:
    """The next step for a job whose try raised `error` (its `receive_count`th receive)."""
    if waits < MAX_WAITS:
        if isinstance(error, TicketNotReady):
            return Retry(True, _bounded(error.wait_seconds))
        response = getattr(error, "response", None)
        if isinstance(error, HTTPError) and response is not None and response.status_code == 429:
            return Retry(True, _bounded(retry_after_seconds(error)))
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** max(receive_count - 1, 0))
    return Retry(False, _bounded(rng.uniform(0, ceiling)))
