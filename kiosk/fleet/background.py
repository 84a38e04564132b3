"""Work the fleet does on a thread of its own, again and again, so the screen never waits for the
network: the content poll (kiosk.fleet.pull) and the analytics upload (kiosk.fleet.analytics_upload).
Qt-free."""

from __future__ import annotations

import threading


def backoff(interval: float, failures: int) -> float:
    """Seconds to the next try: the interval, doubled after each try the store did not answer
    (up to half an hour, or the interval if longer), so that a store that is down is not hammered."""
    return min(interval * 2 ** failures, max(interval, 1800.0))


class Repeating:
    """Calls step() at once, then again after the seconds it returns, on a daemon thread, until
    stop()."""

    def __init__(self, name: str):
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def step(self) -> float:
        raise NotImplementedError

    def _run(self) -> None:
        delay = 0.0
        while not self._stop.wait(delay):
            delay = self.step()
