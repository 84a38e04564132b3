"""`kiosk fleet stats`: the visitor analytics of every kiosk (kiosk.fleet.analytics_upload's
Parquet files), summed per site and for the zone. Qt-free (the HTML report draws its charts
with kiosk.analytics.report, imported only to write it).

DuckDB reads the downloaded files in one query: which kiosk and day each row is (from its key),
the latest state of each run. Its rows are then put back into the analytics schema (an SQLite
database in memory), so that the figures are those of `kiosk stats`, by the same code
(kiosk.analytics.stats.summarise), for a kiosk, a site or the zone.
"""

from __future__ import annotations

import datetime
import html
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.analytics import db, stats
from kiosk.fleet.analytics_upload import COLUMNS, FOLDER, Store

# <prefix>/analytics/<site>/<kiosk_id>/<YYYY-MM-DD>.parquet
DAY_FILE = re.compile(r"(?:^|/)" + FOLDER + r"/([^/]+)/([^/]+)/(\d{4}-\d{2}-\d{2})\.parquet$")
INSERTS = {
    "run": "INSERT INTO runs(started, last_seen, ended, exit_code, unclean) VALUES (?, ?, ?, ?, ?)",
    "session": "INSERT INTO sessions(started, last_touch, ended, end_reason, language, touches)"
               " VALUES (?, ?, ?, ?, ?, ?)",
    "event": "INSERT INTO events(at, session, kind, view, subject, language, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
}
SELECTS = {
    "run": "started, last_seen, ended, exit_code, unclean",
    "session": "started, last_touch, ended, end_reason, language, touches",
    "event": '"at", session, kind, view, subject, language, seconds',  # AT is a keyword of DuckDB's
}


def download(store: Store, folder: Path, since: datetime.date, site: str | None = None) -> list[Path]:
    """The day files of `site` (or every site) from `since` on, into folder/analytics/<site>/<kiosk>/<day>.parquet.
    Later days are needed too: a run that died before `until` is last seen in a later file."""
    client = store.client()
    paginator = client.get_paginator("list_objects_v2")
    found = []
    for page in paginator.paginate(Bucket=store.bucket, Prefix=store.key(FOLDER, site or "") + "/"):
        for item in page.get("Contents", []):
            match = DAY_FILE.search(item["Key"])
            if match is None or datetime.date.fromisoformat(match[3]) < since:
                continue
            path = folder.joinpath(FOLDER, *match.groups()[:2], f"{match[3]}.parquet")
            path.parent.mkdir(parents=True, exist_ok=True)
            client.download_file(store.bucket, item["Key"], str(path))
            found.append(path)
    return found


@dataclass(frozen=True)
class Kiosk:
    site: str
    kiosk: str


def rows_by_kiosk(files: list[Path], until: datetime.date) -> dict[Kiosk, dict[str, list[tuple]]]:
    """Every kiosk's rows, per record kind ("run", "session", "event"), from the files.

    Runs are written on each day they touched: the latest state of each wins, and a run left
    open by a kiosk that has started again since is a crash, as its kiosk would mark it. Sessions
    and events are taken from the days up to `until` only."""
    import duckdb

    if not files:
        return {}
    wanted = ", ".join(f'"{name}"' for name, _ in COLUMNS)
    with duckdb.connect() as duck:
        duck.execute(
            f"CREATE TABLE day AS SELECT {wanted}, regexp_extract(filename, ?, 1) AS site,"
            " regexp_extract(filename, ?, 2) AS kiosk, CAST(regexp_extract(filename, ?, 3) AS DATE) AS day"
            " FROM read_parquet(?, filename = true)", [DAY_FILE.pattern] * 3 + [[str(f) for f in files]])
        runs = duck.execute(
            "SELECT site, kiosk, started, last_seen, ended, exit_code,"
            "  CASE WHEN ended IS NULL AND id < max(id) OVER (PARTITION BY site, kiosk) THEN 1 ELSE unclean END"
            " FROM day WHERE record = 'run'"
            " QUALIFY row_number() OVER (PARTITION BY site, kiosk, id ORDER BY last_seen DESC) = 1"
            " ORDER BY site, kiosk, id").fetchall()
        rest = {record: duck.execute(f"SELECT site, kiosk, {SELECTS[record]} FROM day"
                                     " WHERE record = ? AND day <= ? ORDER BY site, kiosk, 3",
                                     [record, until]).fetchall() for record in ("session", "event")}
        kiosks = duck.execute("SELECT DISTINCT site, kiosk FROM day ORDER BY site, kiosk").fetchall()
    found = {Kiosk(*pair): {"run": [], "session": [], "event": []} for pair in kiosks}
    for record, rows in (("run", runs), *rest.items()):
        for site, kiosk, *values in rows:
            found[Kiosk(site, kiosk)][record].append(tuple(values))
    return found


def summarise(parts: list[dict[str, list[tuple]]], since: datetime.date, until: datetime.date) -> stats.Summary:
    """The summary of some kiosks' rows together, as `kiosk stats` makes it of one kiosk's file."""
    connection = sqlite3.connect(":memory:")
    try:
        db.migrate(connection)
        with connection:
            for rows in parts:
                for record, sql in INSERTS.items():
                    connection.executemany(sql, rows[record])
        return stats.summarise(connection, since, until)
    finally:
        connection.close()


@dataclass
class ZoneReport:
    zone: stats.Summary
    sites: dict[str, stats.Summary]
    kiosks: dict[Kiosk, stats.Summary]


def zone_report(found: dict[Kiosk, dict[str, list[tuple]]], since: datetime.date, until: datetime.date) -> ZoneReport:
    sites = sorted({kiosk.site for kiosk in found})
    return ZoneReport(
        zone=summarise(list(found.values()), since, until),
        sites={site: summarise([rows for kiosk, rows in found.items() if kiosk.site == site], since, until)
               for site in sites},
        kiosks={kiosk: summarise([rows], since, until) for kiosk, rows in found.items()})


KIOSK_HEADER = ["site", "kiosk", "sessions", "median session", "views", "languages", "kiosk starts", "crashes"]


def kiosk_rows(report: ZoneReport) -> list[list]:
    return [[kiosk.site, kiosk.kiosk, summary.sessions, stats.duration(summary.median_session_seconds),
             sum(use.visits for use in summary.views),
             ", ".join(f"{language} {n}" for language, n in summary.languages), summary.starts, summary.crashes]
            for kiosk, summary in sorted(report.kiosks.items(), key=lambda item: (item[0].site, item[0].kiosk))]


def write_html(report: ZoneReport, path: Path, names: dict[str, str] | None = None) -> None:
    """One page: the zone, its kiosks, then each site, each with the charts and tables of `kiosk stats`."""
    from kiosk.analytics.report import charts_of, page, section, table_html

    zone = report.zone
    e = html.escape
    parts = [f"<h1>Visitors of the zone's kiosks, {e(str(zone.since))} to {e(str(zone.until))}</h1>",
             f"<p>{len(report.sites)} site(s), {len(report.kiosks)} kiosk(s).</p>",
             table_html("Per kiosk", KIOSK_HEADER, kiosk_rows(report)),
             "<h2>The zone</h2>", *section(zone, charts_of(zone, names or {}), names, heading=3)]
    for site, summary in report.sites.items():
        parts += [f"<h2>Site {e(site)}</h2>", *section(summary, charts_of(summary, names or {}), names, heading=3)]
    path.write_text(page("Kiosk visitors of the zone", parts), encoding="utf-8")
