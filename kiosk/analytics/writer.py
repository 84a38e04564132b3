"""The one thread that writes analytics. The UI only puts records on a queue (never waits for
the disk); the thread writes them in batches, one transaction each.

Whatever the disk does, the kiosk keeps running: a locked or full database keeps the records in
memory (up to a limit) and tries again; an unreadable file is set aside and a fresh one started.
Each kind of trouble is logged once, and again when it clears.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from kiosk.analytics import db

log = logging.getLogger(__name__)

BATCH_SECONDS = 2.0  # records reach the file within this time
RETRY_SECONDS = 30.0  # after the disk was full or the file locked
PRUNE_EVERY_SECONDS = 24 * 3600
MAX_PENDING = 50_000  # records kept in memory while the disk refuses them (a few MB)


@dataclass
class _Stop:
    exit_code: int
    done: threading.Event


@dataclass
class _Flush:
    done: threading.Event


class Writer:
    """Owns the connection. put() is safe from any thread and returns at once."""

    def __init__(self, path: Path, keep_days: int = 400, batch_seconds: float = BATCH_SECONDS,
                 clock=time.time):
        self.path = path
        self.keep_days = keep_days
        self.batch_seconds = batch_seconds
        self.clock = clock
        self.dropped = 0  # records lost because the disk refused them for too long
        self.written = 0
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._pending: deque = deque()
        self._connection: sqlite3.Connection | None = None
        self._run: int | None = None
        self._trouble: str | None = None
        self._retry_at = 0.0
        self._pruned_at = 0.0
        self._recovering = False
        self._thread = threading.Thread(target=self._loop, name="analytics", daemon=True)

    # ---- the UI side ----------------------------------------------------------------------

    @property
    def trouble(self) -> str | None:
        """What keeps records from the file right now (e.g. SQLITE_FULL), or None."""
        return self._trouble

    def start(self) -> Writer:
        self._thread.start()
        return self

    def put(self, sql: str, params: tuple) -> None:
        self._queue.put((sql, params))

    def flush(self, timeout: float = 2.0) -> bool:
        """Wait until everything put so far is in the file (staff panel, tests)."""
        done = threading.Event()
        self._queue.put(_Flush(done))
        return done.wait(timeout)

    def stop(self, exit_code: int = 0, timeout: float = 3.0) -> bool:
        """Write what is left and mark this run as ended cleanly with exit_code."""
        if not self._thread.is_alive():
            return True
        done = threading.Event()
        self._queue.put(_Stop(exit_code, done))
        finished = done.wait(timeout)
        self._thread.join(timeout=0.5)
        return finished

    # ---- the writer thread ----------------------------------------------------------------

    def _loop(self) -> None:
        started = self.clock()
        self._pending.append((db.START_RUN, (started, started)))
        self._guarded(self._open)
        self._guarded(lambda: self._write(forced=True))  # on record at once: a crash a second later counts
        while True:
            batch = self._collect()
            controls = [item for item in batch if not isinstance(item, tuple)]
            self._keep([item for item in batch if isinstance(item, tuple)])
            self._guarded(lambda: self._write(forced=bool(controls)))
            self._guarded(self._prune_now_and_then)
            for control in controls:
                if isinstance(control, _Stop):
                    self._guarded(lambda: self._finish(control.exit_code))
                control.done.set()
                if isinstance(control, _Stop):
                    return

    def _collect(self) -> list:
        """Whatever arrives within batch_seconds of the first record (a flush or stop ends the
        wait): one transaction per batch, not one per tap."""
        waiting = 1.0 if self._pending else 60.0  # wake now and then to retry kept records, prune
        try:
            batch = [self._queue.get(timeout=waiting)]
        except queue.Empty:
            return []
        ends = time.monotonic() + self.batch_seconds
        while isinstance(batch[-1], tuple) and len(batch) < 5000:
            try:
                batch.append(self._queue.get(timeout=max(0.0, ends - time.monotonic())))
            except queue.Empty:
                break
        return batch

    @staticmethod
    def _guarded(step) -> None:
        try:
            step()
        except Exception:  # noqa: BLE001 (this thread must outlive any one surprise)
            log.exception("analytics: unexpected error; records kept for the next try")

    def _keep(self, records: list) -> None:
        self._pending.extend(records)
        excess = len(self._pending) - MAX_PENDING
        if excess > 0:
            for _ in range(excess):
                self._pending.popleft()
            before, self.dropped = self.dropped, self.dropped + excess
            if before // 10_000 != self.dropped // 10_000 or before == 0:
                log.warning("analytics: %d records dropped so far (the database has refused writes for long)",
                            self.dropped)

    def _open(self) -> None:
        """Open the file, setting aside one that cannot be read and starting afresh."""
        self._connection = None
        try:
            self._connection = db.connect(self.path)
        except db.SchemaTooNew as error:
            self._report("too-new", f"{self.path}: {error}; analytics paused")
        except sqlite3.DatabaseError as error:
            if _is_corrupt(error):
                aside = db.set_aside(self.path)
                log.error("analytics: %s cannot be read (%s); kept as %s, starting a fresh file",
                          self.path, error, aside)
                self._open_fresh()
            else:
                self._report(_kind(error), f"cannot open {self.path}: {error}")
        except OSError as error:
            self._report("os", f"cannot open {self.path}: {error}")
        if self._connection is not None:
            self._mark_unclean_runs()

    def _open_fresh(self) -> None:
        try:
            self._connection = db.connect(self.path)
        except (sqlite3.Error, OSError) as error:
            self._report("fresh", f"cannot start a fresh {self.path}: {error}")

    def _mark_unclean_runs(self) -> None:
        """Runs that never recorded their end died (crash, SIGKILL, power cut): count them once."""
        with self._connection:
            cursor = self._connection.execute(
                "UPDATE runs SET unclean = 1 WHERE ended IS NULL AND unclean = 0 AND id IS NOT ?", (self._run,))
            self._connection.execute(
                "UPDATE sessions SET end_reason = 'crash' WHERE ended IS NULL AND end_reason IS NULL")
        if cursor.rowcount:
            log.warning("analytics: %d earlier run(s) ended without a clean exit", cursor.rowcount)

    def _write(self, forced: bool) -> None:
        if not self._pending:
            return
        if not forced and self.clock() < self._retry_at:
            return
        if self._connection is None:
            self._open()
            if self._connection is None:
                self._retry_at = self.clock() + RETRY_SECONDS
                return
        batch = list(self._pending)
        run = self._run
        try:
            with self._connection:
                cursor = self._connection.cursor()  # one per batch (the connection tracks each cursor)
                for sql, params in batch:
                    cursor.execute(sql, params)
                    if run is None and sql == db.START_RUN:
                        run = cursor.lastrowid
                if run is not None:
                    cursor.execute("UPDATE runs SET last_seen = ? WHERE id = ?", (self.clock(), run))
                cursor.close()
        except sqlite3.Error as error:
            self._on_write_error(error)
            return
        self._run = run  # only once committed
        for _ in batch:
            self._pending.popleft()
        self.written += len(batch)
        if self._trouble is not None:
            log.info("analytics: writing again (%d records kept meanwhile)", len(batch))
            self._trouble = None

    def _on_write_error(self, error: sqlite3.Error) -> None:
        self._retry_at = self.clock() + RETRY_SECONDS
        if _is_corrupt(error):
            self._connection.close()
            aside = db.set_aside(self.path)
            log.error("analytics: %s became unreadable (%s); kept as %s, starting a fresh file",
                      self.path, error, aside)
            self._run = None
            self._pending.appendleft((db.START_RUN, (self.clock(), self.clock())))
            self._open_fresh()
            if self._connection is not None and not self._recovering:
                self._recovering = True  # once: a disk that corrupts every file must not loop here
                try:
                    self._write(forced=True)  # the kept records go into the fresh file at once
                finally:
                    self._recovering = False
            return
        self._report(_kind(error), f"cannot write to {self.path} ({error}); "
                                   f"keeping {len(self._pending)} records, trying again every {RETRY_SECONDS:.0f} s")
        # Opened afresh next time: the disk may have been replaced or remounted meanwhile.
        self._connection.close()
        self._connection = None

    def _report(self, kind: str, message: str) -> None:
        if self._trouble != kind:
            log.error("analytics: %s", message)
            self._trouble = kind

    def _prune_now_and_then(self) -> None:
        now = self.clock()
        if self._connection is None or now - self._pruned_at < PRUNE_EVERY_SECONDS:
            return
        self._pruned_at = now
        removed = db.prune(self._connection, self.keep_days, now)
        if removed:
            log.info("analytics: %d rows older than %d days removed", removed, self.keep_days)

    def _finish(self, exit_code: int) -> None:
        if self._run is None or self._connection is None:
            return
        try:
            with self._connection:
                self._connection.execute("UPDATE runs SET ended = ?, exit_code = ? WHERE id = ?",
                                         (self.clock(), exit_code, self._run))
            self._connection.close()
        except sqlite3.Error as error:
            log.error("analytics: could not record the end of this run: %s", error)


def _is_corrupt(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "integrity check failed" in str(error)


def _kind(error: sqlite3.Error) -> str:
    return getattr(error, "sqlite_errorname", "") or type(error).__name__
