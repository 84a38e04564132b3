"""Live reload: watch the operator's data file and swap in each new valid version (the
configuration file is watched the same way, see kiosk.ui.live_config).

Editors save in many ways (in place, via a temporary file and rename, over a network share,
slowly). A change is acted on only once the file has stopped changing for `settle_ms`; an
invalid version is reported and the screen keeps what it shows, and the next change is tried
again, so a half-written file is never taken for a bad one for good. A slow poll backs up
the file-system notifications, which can be missed (e.g. on network file systems).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.datastore import DataStore, Rejected, now
from kiosk.model.checks import Problem

log = logging.getLogger(__name__)


class FileWatcher(QObject):
    """Emits `settled` once a file has changed and then stopped changing for `settle_ms`, with
    whether it exists now. Used for the data file and for the configuration file."""

    settled = Signal(bool)

    def __init__(self, path: Path, settle_ms: int = 1000, poll_ms: int = 5000, parent=None):
        super().__init__(parent)
        self.path = path
        self._tried = self._signature()  # the version in use (or rejected at start)
        self._seen = self._tried
        self._files = QFileSystemWatcher(self)
        self._files.fileChanged.connect(self._changed)
        self._files.directoryChanged.connect(self._changed)
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(self._settled)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self._polled)
        self._poll.start()
        self._watch()

    def _watch(self) -> None:
        # A file replaced by rename is a new file: watch its directory and re-add the path.
        for path in (self.path.parent, self.path):
            if path.exists() and str(path) not in self._files.files() + self._files.directories():
                if not self._files.addPath(str(path)):
                    log.warning("cannot watch %s; checking it every %d s instead", path,
                                self._poll.interval() // 1000)

    def _signature(self):
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    def _changed(self, _path: str = "") -> None:
        self._watch()
        self._settle.start()  # (re)start: wait until the writes stop

    def _polled(self) -> None:
        # Also finds a file (or its directory) that did not exist when watching started.
        if not self._settle.isActive() and self._signature() != self._tried:
            self._changed()

    def _settled(self) -> None:
        signature = self._signature()
        if signature == self._tried:
            return  # another file in the directory, or a change undone
        if signature != self._seen:
            self._seen = signature  # still changing: give it one more quiet period
            self._settle.start()
            return
        self._tried = signature
        self.settled.emit(signature is not None)


class DataWatcher(QObject):
    reloaded = Signal(object)  # datastore.Shown
    rejected = Signal(object)  # datastore.Rejected

    def __init__(self, store: DataStore, settle_ms: int = 1000, poll_ms: int = 5000, parent=None):
        super().__init__(parent)
        self.store = store
        self.path = store.operator_path
        self.file = FileWatcher(self.path, settle_ms, poll_ms, self)
        self.file.settled.connect(self._settled)

    def _settled(self, exists: bool) -> None:
        if not exists:
            self.store.rejected = Rejected(self.path, now(), [Problem("", "the file is missing")])
            log.error("data file %s is gone; keeping the data on screen", self.path)
            self.rejected.emit(self.store.rejected)
            return
        shown = self.store.reload()
        if shown is not None:
            self.reloaded.emit(shown)
        else:
            self.rejected.emit(self.store.rejected)
