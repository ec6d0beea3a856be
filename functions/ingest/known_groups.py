"""What one ingest container has learned about the groups it writes: which groups list as
many hosts or stores as a group keeps, and which hold all their samples.

A group item is rewritten (and billed by its whole size, twice in a transaction) on every batch
that touches it, so it keeps at most HOSTS_KEPT hosts and STORES_KEPT stores: a storm on a
thousand tills must not make each of its updates cost forty write units. Knowing a list is full
spares the condition that guards it, knowing the samples are full spares the read that tops
them up, and knowing the group exists spares resending what it keeps from its first event.
Another container may change a group meanwhile, so what is known expires.
"""

import time
from dataclasses import dataclass

from functions.ingest.batch import HOSTS_KEPT, SAMPLES_KEPT, STORES_KEPT

KNOWN_FOR_SECONDS = 300.0
MAX_GROUPS_KNOWN = 10_000


@dataclass(frozen=True)
class KnownGroup:
    learned_at: float
    hosts: frozenset[str] | None  # the group's hosts once it lists HOSTS_KEPT of them
    stores: frozenset[str] | None  # likewise its stores
    samples_full: bool


class KnownGroups:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._groups: dict[str, KnownGroup] = {}

    def get(self, fingerprint: str) -> KnownGroup | None:
        known = self._groups.get(fingerprint)
        if known is None or self._clock() - known.learned_at > KNOWN_FOR_SECONDS:
            return None
        return known

    def clear(self) -> None:
        self._groups.clear()

    def forget(self, fingerprint: str) -> None:
        self._groups.pop(fingerprint, None)

    def learn(self, fingerprint: str, hosts, stores, samples) -> KnownGroup:
        """Note what a group item read just now holds."""
        if len(self._groups) >= MAX_GROUPS_KNOWN:
            self.clear()  # rare (that many live groups in one container): start over
        hosts, stores = frozenset(hosts or ()), frozenset(stores or ())
        known = KnownGroup(
            learned_at=self._clock(),
            hosts=hosts if len(hosts) >= HOSTS_KEPT else None,
            stores=stores if len(stores) >= STORES_KEPT else None,
            samples_full=len(samples or ()) >= SAMPLES_KEPT,
        )
        self._groups[fingerprint] = known
        return known
