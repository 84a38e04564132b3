"""The kiosk under systemd's watchdog: READY=1 after the first frame, WATCHDOG=1 from the event loop.

The pings come from a QTimer, so they stop when the UI thread stops turning the event loop: a
hung kiosk (an endless loop, a dead lock, a call that never returns) is killed and restarted by
systemd, not only a crashed one. A thread would go on pinging for a frozen screen.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.sd_notify import notify, watchdog_interval

log = logging.getLogger(__name__)


class ServiceNotifier(QObject):
    """READY=1, WATCHDOG=1, STATUS= and STOPPING=1 for a Type=notify unit (see kiosk.sd_notify)."""

    def __init__(self, environ: Mapping[str, str] = os.environ, parent: QObject | None = None):
        super().__init__(parent)
        self.environ = environ
        self.interval = watchdog_interval(environ)
        self._status = ""
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may be 5 % late
        self._timer.timeout.connect(self.ping)
        if self.interval is not None:
            self._timer.setInterval(max(1, round(self.interval * 1000)))

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> ServiceNotifier | None:
        """A notifier if a service manager is listening (NOTIFY_SOCKET), else None."""
        return cls(environ) if environ.get("NOTIFY_SOCKET") else None

    def ready(self, status: str) -> None:
        """The first frame is on screen: start-up is complete, and the watchdog starts."""
        self._status = status
        notify(f"READY=1\nSTATUS={status}", self.environ)
        if self.interval is not None:
            log.info("systemd watchdog: a sign of life every %.1f s", self.interval)
            self._timer.start()

    def ping(self) -> None:
        notify("WATCHDOG=1", self.environ)

    def status(self, text: str) -> None:
        """What `systemctl status` shows on its Status: line."""
        if text != self._status:
            self._status = text
            notify(f"STATUS={text}", self.environ)

    def stopping(self) -> None:
        """Shutting down: no more pings are due, and systemd is told not to expect them."""
        self._timer.stop()
        notify("STOPPING=1\nSTATUS=stopping", self.environ)
