"""Logging for operators: stderr and a size-rotated file; Qt messages and crashes go there too."""

from __future__ import annotations

import datetime
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
NATIVE_CRASH_FILE = "native-crash.txt"  # beside kiosk.log: faulthandler's report of the last run
NATIVE_CRASH = "native crash in the previous run"  # how the next start logs it (kiosk doctor looks for it)
_DUMP_LIMIT = 100_000  # characters of a report read back: a few hundred frames of every thread
_ARMED: list = []  # the file faulthandler writes into, open while it is enabled (as its documentation asks)

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


def catch_native_crashes(log_dir: Path | None) -> None:
    """A crash below Python (a segmentation fault in Qt, an abort, systemd's watchdog ending a
    hung kiosk with SIGABRT) ends the process before logging can say a word. faulthandler writes
    where every thread was into a file of its own as the process dies; the next start logs that
    as a crash, where the doctor, the staff panel and a technician look. Without a log directory
    the report goes to stderr (the journal)."""
    import faulthandler

    if log_dir is not None:
        path = log_dir / NATIVE_CRASH_FILE
        report = _read_report(path)
        if report is not None:
            log.critical("%s", native_crash_record(*report))
        try:
            armed = open(path, "w", encoding="utf-8")  # noqa: SIM115 (open until the process ends)
        except OSError as error:
            log.warning("cannot prepare %s (%s): a native crash is reported on stderr only", path, error.strerror)
        else:
            _ARMED[:] = [armed]
            faulthandler.enable(file=armed, all_threads=True)
            return
    faulthandler.enable(all_threads=True)



def _read_report(path: Path) -> tuple[str, datetime.datetime] | None:
    try:
        report = path.read_text(encoding="utf-8", errors="replace")[:_DUMP_LIMIT]
        when = datetime.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None  # none yet (a first start), or unreadable: nothing to tell
    return (report, when) if report.strip() else None


def native_crash_record(report: str, when: datetime.datetime) -> str:
    """faulthandler's report as one log record: the crash on its first line, then the stack of
    the thread that crashed and of the others, most recent call first, and the fatal error last
    (where a Python traceback has its exception)."""
    lines = report.splitlines()
    fatal = next((line.strip() for line in lines if line.startswith("Fatal Python error")),
                 "Fatal Python error: (not recorded)")
    threads: list[list[str]] = []
    for line in lines:
        if line.startswith(("Current thread", "Thread ")):
            threads.append([line.strip()])
        elif line.startswith("  File ") and threads:
            threads[-1].append(line.strip())
    threads.sort(key=lambda thread: not thread[0].startswith("Current thread"))  # the crashed one first
    what = fatal.partition(":")[2].strip()
    body = [("    " if n else "  ") + line for thread in threads for n, line in enumerate(thread)]
    return "\n".join([f"{NATIVE_CRASH} ({what}, {when:%Y-%m-%d %H:%M:%S}); where each thread was, "
                      "most recent call first:", *body, fatal])


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
