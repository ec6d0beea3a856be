"""Which new error events are kept as occurrences: all of a group's first ones each hour,
then a steady sample, so a storm of one error costs a bounded number of writes.

Counts live in the container (no write to count writes); across containers the first-N
allowance applies per container, still bounded. The sample is picked by a hash of the event's
identity, so a retried batch keeps the same events.
"""

import hashlib
from collections.abc import Iterable

# Every event of a group is kept until this many in the hour (the group item holds a few
# samples too; five full occurrences an hour show the variety without a write per event) ...
FIRST_KEPT_PER_HOUR = 5
# ... then one event in this many.
SAMPLE_ONE_IN = 100
# Bounded memory: the counts are dropped when this many (group, hour) pairs are held.
MAX_TRACKED = 50_000


class OccurrenceSampler:
    """The first `first_kept` events of each group per hour, then one in `one_in`."""

    def __init__(self, first_kept: int = FIRST_KEPT_PER_HOUR, one_in: int = SAMPLE_ONE_IN):
        self.first_kept = first_kept
        self.one_in = one_in
        self._counts: dict[tuple[str, str], int] = {}

    def reset(self) -> None:
        """Forget every count (a fresh container)."""
        self._counts.clear()

    def keep(self, fingerprint: str, hour: str, identities: Iterable[str]) -> list[bool]:
        """For each event identity (in order) of one group in one hour: kept or not."""
        key = (fingerprint, hour)
        if key not in self._counts and len(self._counts) >= MAX_TRACKED:
            self._counts.clear()
        seen = self._counts.get(key, 0)
        kept = []
        for identity in identities:
            seen += 1
            kept.append(seen <= self.first_kept or _picked(identity, self.one_in))
        self._counts[key] = seen
        return kept


def _picked(identity: str, one_in: int) -> bool:
    digest = hashlib.blake2b(identity.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % one_in == 0
