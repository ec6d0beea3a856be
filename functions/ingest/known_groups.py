"""What one ingest container has learned about the groups it writes: which exist, and which
list as many hosts or stores as a group keeps.

A group item is rewritten (and billed by its whole size, twice in a transaction) on every batch
that touches it, so it keeps at most HOSTS_KEPT hosts and STORES_KEPT stores: a storm on a
thousand tills must not make each of its updates cost forty write units. Knowing a list is full
spares the condition that guards it, and knowing the group exists spares resending what it
keeps from its first event.
Another container may change a group meanwhile, so what is known expires.
"""

import time
from dataclasses import dataclass

from functions.ingest.batch import HOSTS_KEPT, STORES_KEPT

KNOWN_FOR_SECONDS = 300.0
MAX_GROUPS_KNOWN = 10_000


@dataclass(frozen=True)
class KnownGroup:
    learned_at: float
    hosts: frozenset[str] | None  # the group's hosts once it lists HOSTS_KEPT of them
    stores: frozenset[str] | None  # likewise its stores


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

    def learn(self, fingerprint: str, hosts, stores) -> KnownGroup:
        """Note what a group item read just now holds."""
        hosts, stores = frozenset(hosts or ()), frozenset(stores or ())
        return self._note(
            fingerprint,
            KnownGroup(
                learned_at=self._clock(),
                hosts=hosts if len(hosts) >= HOSTS_KEPT else None,
                stores=stores if len(stores) >= STORES_KEPT else None,
            ),
        )

    def committed(self, fingerprint: str) -> KnownGroup:
        """Note that a group exists (this container's update of it committed just now), without
        a read: what is known of its lists stays, and a list not known full keeps its guard."""
        known = self.get(fingerprint)
        if known is not None:
            return known
        return self._note(
            fingerprint, KnownGroup(learned_at=self._clock(), hosts=None, stores=None)
        )

    def _note(self, fingerprint: str, known: KnownGroup) -> KnownGroup:
        if len(self._groups) >= MAX_GROUPS_KNOWN:
            self.clear()  # rare (that many live groups in one container): start over
        self._groups[fingerprint] = known
        return known
