"""A background thread that runs until asked to stop: the sender and the heartbeat are two."""

import threading


class Worker:
    """Runs `_run()` on a daemon thread; `_run` should return soon after `_stopping` is set."""

    def __init__(self, name: str):
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Ask the thread to stop and wait up to `timeout` for it (it is a daemon thread)."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        raise NotImplementedError
