"""The running kiosk in the fleet: its status sent to the broker, staff's commands carried out
(reload, screenshot, restart, screen on/off). Built only where [fleet] mqtt_host is set.

Commands arrive on paho's network thread (kiosk.fleet.status) and are passed to the UI thread
by a queued signal: the kiosk is touched only from its own thread, and the network never waits
for the screen nor the screen for the network.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal

from kiosk import __version__
from kiosk.fleet.status import StatusLink
from kiosk.fleet.topics import Command
from kiosk.memory import rss_mb

log = logging.getLogger(__name__)

RESTART_REPLY_WAIT_MS = 2000  # the reply to "restart" goes out before the process ends


def _iso(seconds: float | None) -> str | None:
    return None if seconds is None else dt.datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


class FleetLink(QObject):
    command_received = Signal(object)  # Command, emitted on paho's thread
    connected = Signal()

    def __init__(self, kiosk, fleet, parent: QObject | None = None):
        super().__init__(parent or kiosk)
        self.kiosk = kiosk
        self.started = time.time()
        self.last_touch: float | None = None
        self.link = StatusLink(fleet, self.command_received.emit, self.connected.emit)
        self.command_received.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self.connected.connect(self.publish, Qt.ConnectionType.QueuedConnection)
        kiosk.watcher.activity.connect(self._touched)
        kiosk.status_changed.connect(self.publish_if_changed)
        if kiosk.data_watcher is not None:
            kiosk.data_watcher.reloaded.connect(self.publish_if_changed)
            kiosk.data_watcher.rejected.connect(self.publish_if_changed)
        self.timer = QTimer(self, interval=fleet.status_seconds * 1000)
        self.timer.timeout.connect(self.publish)
        self.handlers = {"reload": self._reload, "screenshot": self._screenshot, "restart": self._restart,
                         "screen-on": lambda command: self._screen(command, True),
                         "screen-off": lambda command: self._screen(command, False)}

    def start(self) -> None:
        self.link.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.link.stop()

    # ---- status ------------------------------------------------------------------------------

    def status(self) -> dict:
        kiosk = self.kiosk
        shown = kiosk.store.shown if kiosk.store is not None else None
        rejected = kiosk.store.rejected if kiosk.store is not None else None
        problems = [f"data file {rejected.path} rejected: {p}" for p in rejected.problems] if rejected else []
        return {
            "kiosk": self.link.topics.kiosk, "site": self.link.topics.site,
            "app_version": __version__,
            "content": shown.version if shown else None,
            "content_path": str(shown.path) if shown else None,
            "showing_since": shown.loaded_at.isoformat(timespec="seconds") if shown else None,
            "started": _iso(self.started),
            "uptime_s": round(time.time() - self.started),
            "rss_mb": round(rss_mb(), 1),
            "screen_on": kiosk.screen_on,
            "last_touch": _iso(self.last_touch),
            "activity": kiosk.status(),
            "problems": problems,
            "sent": _iso(time.time()),
        }

    def publish(self) -> None:
        self.link.publish_status(self.status())

    def publish_if_changed(self, *_args) -> None:
        status = self.status()
        if self.link.changed(status):
            self.link.publish_status(status)

    def _touched(self) -> None:
        self.last_touch = time.time()

    # ---- commands, on the UI thread ----------------------------------------------------------

    def _run(self, command: Command) -> None:
        try:
            ok, detail = self.handlers[command.command](command)
        except Exception as error:  # a command must never take the kiosk down
            log.exception("fleet: %s (id %s) failed", command.command, command.id)
            ok, detail = False, f"failed: {error}"
        log.log(logging.INFO if ok else logging.WARNING, "fleet: %s (id %s): %s", command.command, command.id,
                detail)
        if command.command != "restart":
            self.link.reply(command, ok, detail)
            self.publish_if_changed()

    def _reload(self, _command: Command) -> tuple[bool, str]:
        store = self.kiosk.store
        if store is None or store.operator_path is None:
            return False, "no data file is configured (data_path or --data): the bundled data is shown"
        shown = store.reload()
        if shown is None:
            return False, f"{store.operator_path} was rejected, still showing what was shown: " + \
                "; ".join(str(p) for p in store.rejected.problems)
        self.kiosk.show_data(shown)
        return True, f"now showing {shown.path} ({shown.version})"

    def _screenshot(self, command: Command) -> tuple[bool, str]:
        png = QByteArray()
        buffer = QBuffer(png)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.kiosk.window.grab().toImage().save(buffer, "PNG"):
            return False, "the window could not be saved as PNG"
        self.link.publish_screenshot(command, bytes(png.data()))
        return True, f"{len(png)} bytes on {self.link.topics.screenshot(command.id)}"

    def _restart(self, command: Command) -> tuple[bool, str]:
        sent = self.link.reply(command, True, "restarting")
        waited = time.monotonic()

        def restart_once_sent():
            if sent.is_published() or (time.monotonic() - waited) * 1000 > RESTART_REPLY_WAIT_MS:
                self.kiosk.restart(f"fleet command {command.id}")
            else:
                QTimer.singleShot(50, self, restart_once_sent)

        QTimer.singleShot(0, self, restart_once_sent)
        return True, "restarting"

    def _screen(self, command: Command, on: bool) -> tuple[bool, str]:
        self.kiosk.switch_screen(on, f"fleet command {command.id}")
        return True, f"the screen is {'on' if self.kiosk.screen_on else 'off'}"
