"""Whether the shipper may ship now: ingest's desired state for this host (running or paused)."""

import threading


class ShippingSwitch:
    """Set by the heartbeat, obeyed by the loop (no reading) and the sender (no sending)."""

    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self._changed: list = []

    @property
    def running(self) -> bool:
        return self._running.is_set()

    def set_running(self, running: bool) -> None:
        if running == self.running:
            return
        if running:
            self._running.set()
        else:
            self._running.clear()
        for listener in self._changed:
            listener()

    def on_change(self, listener) -> None:
        """Call `listener()` whenever the state flips (the loop wakes up to resume reading)."""
        self._changed.append(listener)

    def wait_until_running(self, stopping: threading.Event, poll: float = 0.2) -> bool:
        """Block while paused; False if `stopping` is set first."""
        while not stopping.is_set():
            if self._running.wait(poll):
                return True
        return False
