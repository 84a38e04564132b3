"""A kiosk's closed days of visitor analytics, uploaded to the fleet's store as Parquet. Qt-free.

One file per kiosk per day, at analytics/<site>/<kiosk_id>/<YYYY-MM-DD>.parquet under the
configured prefix. A day is uploaded once it is over (local time), with one PUT that only
creates (If-None-Match: *): the same day always makes the same key, and a file once stored is
never replaced. The days the store confirmed are remembered in a small JSON file, written
atomically after the PUT: a kiosk killed between the two finds that day stored at its next try,
and the report, which reads one object per key, counts it once. A store that does not answer
leaves the days for the next try.

Each file holds the day's rows of the three tables (kiosk.analytics.db) in one Parquet table:
`record` says which ("run", "session" or "event"), the other columns are the tables' own. A run
is written on each day it started or was last seen (its last state wins when reading).
"""

from __future__ import annotations

import datetime
import json
import logging
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from kiosk.analytics import stats
from kiosk.atomic_file import write_atomically
from kiosk.fleet.background import Repeating, backoff

log = logging.getLogger(__name__)

STATE_FILE = "analytics-uploaded.json"  # {"days": ["2026-11-28", ...]}, in the fleet folder
FOLDER = "analytics"
DAY_SECONDS = 86400
AFTER_MIDNIGHT_SECONDS = 600  # the day just closed goes up this long after midnight
INSERT_ROWS = 250

# The Parquet table: (column, DuckDB type, where it comes from in each table, or None).
COLUMNS = (
    ("record", "VARCHAR"), ("id", "BIGINT"), ("run", "BIGINT"), ("session", "BIGINT"),
    ("started", "DOUBLE"), ("last_seen", "DOUBLE"), ("last_touch", "DOUBLE"), ("ended", "DOUBLE"),
    ("at", "DOUBLE"), ("exit_code", "INTEGER"), ("unclean", "INTEGER"), ("end_reason", "VARCHAR"),
    ("touches", "INTEGER"), ("kind", "VARCHAR"), ("view", "VARCHAR"), ("subject", "VARCHAR"),
    ("language", "VARCHAR"), ("seconds", "DOUBLE"),
)
# Each table's rows of one day [start, end), as the columns above (NULL where a table has none).
DAY_QUERIES = {
    "run": "SELECT id, started, last_seen, ended, exit_code, unclean FROM runs"
           " WHERE (started >= :start AND started < :end) OR (last_seen >= :start AND last_seen < :end) ORDER BY id",
    "session": "SELECT id, run, started, last_touch, ended, end_reason, language, touches FROM sessions"
               " WHERE started >= :start AND started < :end ORDER BY started, id",
    "event": "SELECT id, session, at, kind, view, subject, language, seconds FROM events"
             " WHERE at >= :start AND at < :end ORDER BY at, id",
}
TABLE_COLUMNS = {
    "run": ("id", "started", "last_seen", "ended", "exit_code", "unclean"),
    "session": ("id", "run", "started", "last_touch", "ended", "end_reason", "language", "touches"),
    "event": ("id", "session", "at", "kind", "view", "subject", "language", "seconds"),
}


@dataclass(frozen=True)
class Store:
    """Where the analytics go: s3://bucket/prefix of an S3-compatible store (endpoint: not
    Amazon's). Credentials as boto3 finds them (AWS_ACCESS_KEY_ID..., ~/.aws, a profile): the
    kiosk's own need only PutObject on <prefix>/analytics/<site>/<kiosk_id>/*."""

    bucket: str
    prefix: str
    endpoint: str | None = None

    @classmethod
    def parse(cls, url: str, endpoint: str | None = None) -> Store:
        parsed = urlparse(url)
        if parsed.scheme != "s3" or not parsed.netloc:
            raise ValueError(f"expected s3://bucket/prefix, got {url!r}")
        return cls(parsed.netloc, parsed.path.strip("/"), endpoint)

    def key(self, *parts: str) -> str:
        return "/".join(part for part in (self.prefix, *parts) if part)

    def client(self):
        import boto3
        from botocore.config import Config

        # Few, short retries: the upload thread has its own backoff for a store that is down.
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            config=Config(connect_timeout=10, read_timeout=60, retries={"max_attempts": 2}))


def day_key(store: Store, site: str, kiosk_id: str, day: datetime.date) -> str:
    return store.key(FOLDER, site, kiosk_id, f"{day.isoformat()}.parquet")


def day_rows(connection: sqlite3.Connection, day: datetime.date) -> list[tuple]:
    """Every row of the day, as tuples in the order of COLUMNS."""
    start, end = stats.bounds(day, day, None)
    names = [name for name, _ in COLUMNS]
    rows = []
    for record, sql in DAY_QUERIES.items():
        for values in connection.execute(sql, {"start": start, "end": end}):
            row = dict(zip(TABLE_COLUMNS[record], values), record=record)
            rows.append(tuple(row.get(name) for name in names))
    return rows


def write_parquet(rows: list[tuple], path: Path) -> None:
    """The rows as one Parquet file (DuckDB's writer: its wheel has Parquet built in)."""
    import duckdb

    with duckdb.connect() as duck:
        duck.execute("CREATE TABLE day (" + ", ".join(f'"{name}" {kind}' for name, kind in COLUMNS) + ")")
        one = f"({', '.join('?' * len(COLUMNS))})"
        # Many rows per statement: executemany's one statement per row takes seconds for a busy day.
        for first in range(0, len(rows), INSERT_ROWS):
            chunk = rows[first:first + INSERT_ROWS]
            duck.execute(f"INSERT INTO day VALUES {', '.join([one] * len(chunk))}", [v for row in chunk for v in row])
        duck.execute(f"COPY day TO '{_quoted(path)}' (FORMAT parquet, COMPRESSION zstd)")


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def closed_days(connection: sqlite3.Connection, today: datetime.date) -> list[datetime.date]:
    """Every day from the first recorded to yesterday."""
    first = stats.first_day(connection, None)
    if first is None:
        return []
    return [first + datetime.timedelta(days=n) for n in range((today - first).days)]


class Uploader:
    """Uploads the closed days not yet confirmed; one call does all it can."""

    def __init__(self, database: Path, store: Store, site: str, kiosk_id: str, state_folder: Path):
        self.database, self.store, self.site, self.kiosk_id = database, store, site, kiosk_id
        self.state_path = state_folder / STATE_FILE
        self._client = None
        self._conditional = True  # until the store says it has no conditional writes

    def uploaded(self) -> set[str]:
        try:
            days = json.loads(self.state_path.read_text(encoding="utf-8")).get("days", [])
        except (OSError, ValueError, AttributeError):
            return set()  # none remembered: uploading again is harmless
        return {day for day in days if isinstance(day, str)}

    def _remember(self, days: set[str]) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.state_path, json.dumps({"days": sorted(days)}, indent=1).encode("utf-8"))

    def upload(self, today: datetime.date | None = None) -> list[datetime.date]:
        """Upload every closed day not yet confirmed; returns them. The store's errors are raised
        (the days done so far stay remembered)."""
        if not self.database.exists():
            return []
        connection = stats.open_read(self.database)
        try:
            closed = closed_days(connection, today or datetime.date.today())
            # Days the kiosk no longer keeps (analytics_keep_days) are forgotten here too.
            done = self.uploaded() & {day.isoformat() for day in closed}
            days = [day for day in closed if day.isoformat() not in done]
            uploaded = []
            for day in days:
                self.put_day(connection, day)
                done.add(day.isoformat())
                self._remember(done)  # only now: a kiosk killed before this uploads the day again
                uploaded.append(day)
        finally:
            connection.close()
        return uploaded

    def put_day(self, connection: sqlite3.Connection, day: datetime.date) -> str:
        key = day_key(self.store, self.site, self.kiosk_id, day)
        with tempfile.TemporaryDirectory(prefix="kiosk-analytics-") as folder:
            path = Path(folder) / "day.parquet"
            write_parquet(day_rows(connection, day), path)
            if self._client is None:
                self._client = self.store.client()
            if not self._put_new(key, path.read_bytes()):
                log.info("analytics: %s is in the store already (s3://%s/%s), kept as it is", day,
                         self.store.bucket, key)
                return key
        log.info("analytics: uploaded %s to s3://%s/%s", day, self.store.bucket, key)
        return key

    def _put_new(self, key: str, body: bytes) -> bool:
        """Put the object unless the key is taken (If-None-Match: *); False if it was. A day once
        stored is never replaced: a kiosk that forgot what it uploaded, and no longer has the
        whole day (analytics_keep_days deleted its start), must not overwrite the complete file.
        A store without conditional writes gets a plain PUT (as each day's bytes are the same)."""
        from botocore.exceptions import ClientError

        put = {"Bucket": self.store.bucket, "Key": key, "Body": body, "ContentType": "application/vnd.apache.parquet"}
        if self._conditional:
            try:
                self._client.put_object(**put, IfNoneMatch="*")
                return True
            except ClientError as error:
                status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                if status == 412:  # Precondition Failed: there already
                    return False
                if status != 501 and error.response.get("Error", {}).get("Code") != "NotImplemented":
                    raise
                log.warning("analytics: the store does not take conditional writes (If-None-Match); a day "
                            "uploaded again replaces its file")
                self._conditional = False
        self._client.put_object(**put)
        return True


class UploadThread(Repeating):
    """Uploads at once, then just after each midnight (or every `interval` seconds), backing off
    from `retry` seconds while the store does not answer; on its own thread, so the screen never
    waits for the network."""

    def __init__(self, uploader: Uploader, interval: float | None = None, retry: float = 300.0):
        super().__init__("analytics-upload")
        self.uploader, self.interval, self.retry = uploader, interval, retry
        self._failures = 0

    def step(self) -> float:
        try:
            self.uploader.upload()
        except Exception as error:  # noqa: BLE001 (no network, store down, full disk: tried again)
            self._failures += 1
            delay = min(backoff(self.retry, self._failures - 1), self.interval or DAY_SECONDS)
            log.warning("analytics: upload failed (%s); trying again in %g s", error, delay)
            return delay
        if self._failures:
            log.info("analytics: the store answers again; every closed day is uploaded")
        self._failures = 0
        return self.interval or seconds_to_next_day()


def seconds_to_next_day(now: datetime.datetime | None = None) -> float:
    """Until a little after the next local midnight, when another day is closed."""
    now = now or datetime.datetime.now()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time())
    return (midnight - now).total_seconds() + AFTER_MIDNIGHT_SECONDS


def uploader_for(fleet, database: Path, state_folder: Path) -> Uploader:
    """The uploader [fleet] analytics_url (and analytics_endpoint, site, kiosk_id) describes."""
    from kiosk.fleet.topics import kiosk_name

    return Uploader(database, Store.parse(fleet.analytics_url, fleet.analytics_endpoint), fleet.site,
                    kiosk_name(fleet), state_folder)
