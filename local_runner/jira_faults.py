"""Faults the Jira emulator can be told to make, so StackLens's recovery is tested against the
failures a real Jira Cloud site has: errors (429 with Retry-After, 5xx), answers that hang
after the work is done (the client times out not knowing it succeeded), and a search index
that lags behind what was just created.

POST /_emulator/faults {"rate": 0.3, "statuses": [429, 503], "timeout_rate": 0.1,
                        "hang_ms": 1500, "index_lag_ms": 2000, "retry_after": 1}
GET /_emulator/faults shows them; DELETE /_emulator/faults (or POST {}) clears them.
"""

import random
import threading
import time
from dataclasses import dataclass, field, fields
from datetime import datetime

FAULT_STATUSES = (429, 500, 502, 503, 504)
MAX_HANG_MS = 120_000
MAX_INDEX_LAG_MS = 600_000


class FaultsError(ValueError):
    """A faults body the emulator refuses (answered 400, naming the field)."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass
class Faults:
    rate: float = 0.0  # share of REST requests answered with one of `statuses`
    statuses: list[int] = field(default_factory=lambda: [503])
    timeout_rate: float = 0.0  # share of REST requests whose answer hangs after the work
    hang_ms: int = 30_000
    index_lag_ms: int = 0  # a new issue is not found by search for this long
    retry_after: int = 1  # seconds, on 429 and 503 answers
    seed: int | None = None
    _random: random.Random = field(default_factory=random.Random, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def public(self) -> dict:
        names = [f.name for f in fields(self) if not f.name.startswith("_")]
        return {name: getattr(self, name) for name in names}

    def draw(self) -> tuple[int | None, bool]:
        """For one request: the error status to answer (or None), and whether to hang."""
        with self._lock:
            error = self._random.random() < self.rate
            status = self._random.choice(self.statuses) if error else None
            hang = not error and self._random.random() < self.timeout_rate
        return status, hang

    def hidden_from_search(self, created: str) -> bool:
        """True while an issue created at `created` is still missing from the search index."""
        if self.index_lag_ms <= 0:
            return False
        moment = datetime.strptime(created, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
        return (time.time() - moment) * 1000 < self.index_lag_ms


def _share(body: dict, name: str) -> float:
    value = body.get(name, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise FaultsError(name, f"'{name}' must be a number from 0 to 1")
    return float(value)


def _whole(body: dict, name: str, default: int, most: int) -> int:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise FaultsError(name, f"'{name}' must be a whole number from 0 to {most}")
    return value


def parse_faults(body: dict) -> Faults:
    unknown = set(body) - {
        "rate", "statuses", "timeout_rate", "hang_ms", "index_lag_ms", "retry_after", "seed"
    }  # fmt: skip
    if unknown:
        name = sorted(unknown)[0]
        raise FaultsError(name, f"unknown fault setting '{name}'")
    statuses = body.get("statuses", [503])
    if (
        not isinstance(statuses, list)
        or not statuses
        or any(status not in FAULT_STATUSES for status in statuses)
    ):
        allowed = ", ".join(map(str, FAULT_STATUSES))
        raise FaultsError("statuses", f"'statuses' must be a non-empty list of {allowed}")
    seed = body.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise FaultsError("seed", "'seed' must be a whole number")
    faults = Faults(
        rate=_share(body, "rate"),
        statuses=list(statuses),
        timeout_rate=_share(body, "timeout_rate"),
        hang_ms=_whole(body, "hang_ms", 30_000, MAX_HANG_MS),
        index_lag_ms=_whole(body, "index_lag_ms", 0, MAX_INDEX_LAG_MS),
        retry_after=_whole(body, "retry_after", 1, 3600),
        seed=seed,
    )
    faults._random.seed(seed)
    return faults
