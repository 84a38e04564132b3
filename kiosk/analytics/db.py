"""The analytics database: one SQLite file in WAL mode, its schema and migrations.

Nothing personal is stored: no coordinates, no text typed, no identifiers of people. A session
is a random number that links the events of one visit and nothing else.
"""

from __future__ import annotations

import datetime
import logging
import sqlite3
from pathlib import Path

import platformdirs

from kiosk.config import APP_NAME

log = logging.getLogger(__name__)

FILE_NAME = "analytics.sqlite"

# Each entry upgrades the schema by one version (PRAGMA user_version counts them). Append,
# never edit: a kiosk in the field may be at any earlier version.
MIGRATIONS = (
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started REAL NOT NULL,          -- Unix time
        last_seen REAL NOT NULL,        -- last write of this run: when an unclean exit happened
        ended REAL,                     -- NULL while running or after an unclean exit
        exit_code INTEGER,
        unclean INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,         -- a random number, chosen by the kiosk
        run INTEGER,
        started REAL NOT NULL,          -- the first touch
        last_touch REAL,
        ended REAL,                     -- the idle reset (or staff exit); NULL if the kiosk died
        end_reason TEXT,                -- idle, exit, crash
        language TEXT,                  -- the language the visitor left it in (or is in)
        touches INTEGER);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        session INTEGER,
        kind TEXT NOT NULL,             -- see kiosk.analytics.visits.Kind
        view TEXT,
        subject TEXT,                   -- a figure, source, language or text size
        language TEXT,
        seconds REAL);                  -- dwell time of a view
    CREATE INDEX events_at ON events(at);
    CREATE INDEX sessions_started ON sessions(started);
    CREATE INDEX runs_started ON runs(started);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

START_RUN = "INSERT INTO runs(started, last_seen) VALUES (?, ?)"
INSERT_EVENT = "INSERT INTO events(at, session, kind, view, subject, language, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)"
OPEN_SESSION = ("INSERT OR REPLACE INTO sessions(id, run, started, last_touch, touches, language)"
                " VALUES (?, (SELECT max(id) FROM runs), ?, ?, 0, ?)")
# The session's language is kept current, so a session the kiosk never closed (a crash, or the
# visit still going on) has the language it was in, like every other.
SET_LANGUAGE = "UPDATE sessions SET language = ? WHERE id = ?"
CLOSE_SESSION = ("UPDATE sessions SET last_touch = ?, ended = ?, end_reason = ?, language = ?, touches = ?"
                 " WHERE id = ?")


class SchemaTooNew(Exception):
    """The file was written by a newer kiosk; this one leaves it alone."""


def default_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / FILE_NAME


def connect(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection in WAL mode (readers never wait for the writer, a killed writer leaves the
    last committed transaction intact), migrated to the current schema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=timeout)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        # NORMAL: in WAL mode a process crash loses nothing committed; only a power cut may
        # lose the last second or so, never consistency.
        connection.execute("PRAGMA synchronous=NORMAL")
        # The writer only appends: a small page cache keeps its memory flat however big the file.
        connection.execute("PRAGMA cache_size=-512")
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def migrate(connection: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the file up to len(migrations), one version per transaction; returns the version."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        raise SchemaTooNew(f"schema version {version}, this kiosk knows up to {len(migrations)}")
    for number in range(version, len(migrations)):
        try:
            connection.executescript(f"BEGIN; {migrations[number]}; PRAGMA user_version = {number + 1}; COMMIT;")
        except sqlite3.Error:
            connection.rollback()  # the file stays at the last whole version
            raise
        log.info("analytics database migrated to schema version %d", number + 1)
    return len(migrations)


def set_aside(path: Path) -> Path:
    """Move an unreadable file (and its WAL) out of the way, kept for a person to look at."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    return aside


def prune(connection: sqlite3.Connection, keep_days: int, now: float) -> int:
    """Forget everything older than keep_days; returns the number of rows removed."""
    cutoff = now - keep_days * 86400
    with connection:
        removed = sum(connection.execute(sql, (cutoff,)).rowcount for sql in (
            "DELETE FROM events WHERE at < ?",
            "DELETE FROM sessions WHERE started < ?",
            "DELETE FROM runs WHERE started < ? AND (ended IS NOT NULL OR unclean = 1)"))
    return removed
