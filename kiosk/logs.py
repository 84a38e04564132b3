"""Logging for operators: stderr and a size-rotated file; Qt messages and crashes go there too."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5
CRASH_EXIT_CODE = 70  # EX_SOFTWARE: the service manager restarts the kiosk

log = logging.getLogger("kiosk")


def setup_logging(level: str, log_dir: Path | None) -> Path | None:
    """Log to stderr and, if the directory is writable, to log_dir/kiosk.log. Returns the file."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in [h for h in root.handlers if getattr(h, "kiosk_owned", False)]:
        root.removeHandler(handler)
        handler.close()
    _add(root, logging.StreamHandler(sys.stderr))
    if log_dir is None:
        return None
    path = log_dir / "kiosk.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:
        log.error("cannot write logs to %s (%s); logging to stderr only", path, error.strerror)
        return None
    _add(root, file_handler)
    return path


class LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file. When it cannot be written (disk full, file system gone read-only)
    the kiosk goes on with stderr alone: it says so once, not with a traceback per record as
    logging does by default, and tries the file again a minute later."""

    RETRY_SECONDS = 60

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._failed_at: float | None = None
        self._failing = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._failed_at is not None and time.monotonic() - self._failed_at < self.RETRY_SECONDS:
            return
        self._failing = False
        super().emit(record)  # calls handleError on any failure
        if not self._failing and self._failed_at is not None:
            self._failed_at = None
            _to_stderr(f"log file {self.baseFilename} can be written again")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        error = sys.exc_info()[1]
        if self._failed_at is None:
            _to_stderr(f"cannot write the log file {self.baseFilename} ({error}); logging to stderr only, "
                       f"trying again every {self.RETRY_SECONDS} s")
        self._failing = True
        self._failed_at = time.monotonic()
        stream, self.stream = self.stream, None  # reopened on the next attempt
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass  # what it still held is lost with the full disk


def _to_stderr(message: str) -> None:
    try:
        sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} ERROR kiosk.logs: {message}\n")
    except (OSError, ValueError, AttributeError):
        pass  # no stderr either: nothing left to tell


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.kiosk_owned = True  # only our own handlers are replaced when logging is set up again
    root.addHandler(handler)


def install_excepthook() -> None:
    """An unhandled exception is logged with its traceback and ends the process non-zero.

    Qt would otherwise carry on after an exception in a slot, possibly half-broken; exiting
    lets systemd (Restart=always) start a clean kiosk.
    """

    def hook(kind, value, traceback):
        log.critical("unhandled exception, exiting", exc_info=(kind, value, traceback))
        for handler in logging.getLogger().handlers:
            handler.flush()
        os._exit(CRASH_EXIT_CODE)

    sys.excepthook = hook


def route_qt_messages(on_fatal=None) -> None:
    """Send Qt's own messages into logging; ``on_fatal(message)`` runs before Qt aborts."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
    qt_log = logging.getLogger("qt")

    def handler(kind, _context, message):
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)
        if kind == QtMsgType.QtFatalMsg and on_fatal is not None:
            on_fatal(message)

    qInstallMessageHandler(handler)
