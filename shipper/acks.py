"""Which bytes of a file ingest has acknowledged, so the checkpoint never passes an unsent byte.

Events of a file go into the spool in file order and the spool acknowledges them in that same
order (delivered, dead-lettered or dropped), so the committed offset is simply the end of the
last acknowledged event, as Filebeat's registry keeps it (DESIGN.md section 5.1). Blank runs
that are never sent move it once every event before them is acknowledged.
"""


class AckTracker:
    """Acknowledgement state of one file id."""

    def __init__(self, committed: int, issued_through: int | None = None, in_flight: int = 0):
        self.committed = committed  # every byte before it is acknowledged
        # First byte after the last event handed over (spooled or skipped).
        self.issued_through = committed if issued_through is None else issued_through
        self.in_flight = in_flight  # events handed over and not acknowledged yet
        self._skips: dict[int, int] = {}  # end of an event in flight -> end of the blanks after

    def issue(self, offset: int, end: int) -> None:
        """An event covering [offset, end) goes into the spool."""
        self.issued_through = end
        self.in_flight += 1

    def skip(self, offset: int, end: int) -> None:
        """An event not worth sending (blank lines): done as soon as those before it are."""
        if self.in_flight == 0:
            self.committed = max(self.committed, end)
        else:
            self._skips[self.issued_through] = end
        self.issued_through = end

    def ack(self, end: int, count: int = 1) -> None:
        """The event ending at `end` is acknowledged, and with it every one before it
        (`count` events in all since the last acknowledgement)."""
        self.in_flight = max(0, self.in_flight - count)
        self.committed = max(self.committed, end)
        while self.committed in self._skips:
            self.committed = self._skips.pop(self.committed)
