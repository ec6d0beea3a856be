"""Which bytes of a file ingest has acknowledged, so the checkpoint never passes an unsent byte.

Events of a file are contiguous byte ranges handed over in order; acknowledgements may come
back in any order (a split batch). The committed offset moves only over a run of
acknowledged events from the start, as Filebeat's registry does (DESIGN.md section 5.1).
"""

from collections import OrderedDict


class AckTracker:
    """Acknowledgement state of one file id."""

    def __init__(self, committed: int):
        self.committed = committed  # every byte before it is acknowledged
        self.issued_through = committed  # first byte after the last event handed over
        self._pending: OrderedDict[int, list] = OrderedDict()  # offset -> [end, size, acked]
        self.in_flight = 0  # events handed over and not acknowledged yet
        self.in_flight_bytes = 0

    def issue(self, offset: int, end: int, size: int) -> None:
        """An event of `size` bytes covering [offset, end) goes to the sender."""
        self._pending[offset] = [end, size, False]
        self.issued_through = end
        self.in_flight += 1
        self.in_flight_bytes += size

    def skip(self, offset: int, end: int) -> None:
        """An event not worth sending (blank lines): done as soon as those before it are."""
        self._pending[offset] = [end, 0, True]
        self.issued_through = end
        self._advance()

    def ack(self, offset: int) -> None:
        entry = self._pending.get(offset)
        if entry is None or entry[2]:
            return
        entry[2] = True
        self.in_flight -= 1
        self.in_flight_bytes -= entry[1]
        self._advance()

    def _advance(self) -> None:
        while self._pending:
            offset, (end, _size, acked) = next(iter(self._pending.items()))
            if not acked:
                return
            del self._pending[offset]
            self.committed = end
