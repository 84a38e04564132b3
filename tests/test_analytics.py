"""Visitor analytics: what a simulated day or week must add up to, and a database that survives
locks, a full disk, corruption and a killed process."""

from __future__ import annotations

import datetime
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict

import pytest

from kiosk.analytics import db, simulate, stats
from kiosk.analytics.visits import Visits
from kiosk.analytics.writer import Writer

CHINA = datetime.timezone(datetime.timedelta(hours=8))
DAY = datetime.date(2026, 11, 23)


def expected(sessions: list[simulate.Session], tz) -> dict:
    """What the statistics must say, worked out from the plan alone (not from recorded events)."""
    views, counts, end_languages = defaultdict(list), defaultdict(Counter), Counter()
    switches = 0
    for session in sessions:
        view, since, language = "overview", 0.0, "en"
        for offset, action, arg in session.steps:
            if action == "view" and arg != view:
                views[view].append(offset - since)
                view, since = arg, offset
            elif action == "language":
                switches += arg != language
                language = arg
            elif action != "view":
                counts[action][str(arg)] += 1
        views[view].append(session.length - since)
        end_languages[language] += 1
    local = [datetime.datetime.fromtimestamp(s.start, tz) for s in sessions]
    return {"sessions": len(sessions), "median": statistics.median(s.length for s in sessions),
            "per_day": Counter(t.date() for t in local), "per_hour": Counter(t.hour for t in local),
            "views": views, "counts": counts, "languages": end_languages, "switches": switches}


def record(path, sessions) -> None:
    clock = simulate.Clock(sessions[0].start - 60)
    writer = Writer(path, clock=clock).start()
    simulate.play(sessions, Visits(writer.put, "en", "overview", clock), clock)
    assert writer.stop(0, timeout=30)


@pytest.mark.parametrize("days", [1, 7])
def test_simulated_visitors_add_up_to_the_expected_statistics(tmp_path, days):
    sessions = simulate.plan(DAY, days, seed=days, tz=CHINA)
    path = tmp_path / "analytics.sqlite"
    record(path, sessions)
    want = expected(sessions, CHINA)
    with sqlite3.connect(path) as connection:
        got = stats.summarise(connection, DAY, DAY + datetime.timedelta(days=days - 1), CHINA)
    assert got.sessions == want["sessions"] > 30 * days
    assert got.median_session_seconds == pytest.approx(want["median"])
    assert dict(got.per_day) == {DAY + datetime.timedelta(days=n): want["per_day"][DAY + datetime.timedelta(days=n)]
                                 for n in range(days)}
    assert {h: n for h, n in got.per_hour if n} == dict(want["per_hour"])
    assert {u.view: u.visits for u in got.views} == {v: len(t) for v, t in want["views"].items()}
    for use in got.views:
        assert use.dwell_seconds == pytest.approx(sum(want["views"][use.view]))
        assert use.median_dwell_seconds == pytest.approx(statistics.median(want["views"][use.view]))
    assert dict(got.figures) == dict(want["counts"]["figure"])
    assert dict(got.sources) == dict(want["counts"]["source"])
    assert got.qr_codes == sum(want["counts"]["source"].values())
    assert dict(got.languages) == dict(want["languages"])
    assert got.language_switches == want["switches"]
    assert got.text_size_changes == sum(want["counts"]["text_size"].values())
    assert got.contrast_changes == sum(want["counts"]["contrast"].values())
    assert got.idle_resets == want["sessions"]
    assert (got.starts, got.crashes) == (1, 0)


def test_a_range_counts_only_its_own_days(tmp_path):
    sessions = simulate.plan(DAY, 7, seed=3, tz=CHINA)
    path = tmp_path / "analytics.sqlite"
    record(path, sessions)
    middle = [s for s in sessions if datetime.datetime.fromtimestamp(s.start, CHINA).date() in
              (DAY + datetime.timedelta(days=2), DAY + datetime.timedelta(days=3))]
    with sqlite3.connect(path) as connection:
        got = stats.summarise(connection, DAY + datetime.timedelta(days=2), DAY + datetime.timedelta(days=3), CHINA)
    assert got.sessions == len(middle) < len(sessions)
    assert len(got.per_day) == 2


def test_the_reset_itself_is_not_counted_as_a_visitor_action(tmp_path):
    events = []
    clock = simulate.Clock(1000.0)
    visits = Visits(lambda sql, params: events.append((sql, params)), "en", "overview", clock)
    visits.view("living")  # before anyone touched the screen
    visits.language_switched("zh")
    assert events == []
    visits.pressed()
    clock.now = 1010.0
    visits.idle_reset()
    visits.language_switched("en")  # the reset putting the default back
    kinds = [params[2] for sql, params in events if sql == db.INSERT_EVENT]
    assert kinds == ["idle_reset", "view"]


def test_migrations_upgrade_one_version_at_a_time_and_keep_the_data(tmp_path):
    path = tmp_path / "analytics.sqlite"
    connection = db.connect(path)
    connection.execute(db.INSERT_EVENT, (1.0, 1, "figure", "overview", "gdp", "en", None))
    connection.commit()
    newer = db.MIGRATIONS + ("ALTER TABLE events ADD COLUMN screen TEXT",)
    assert db.migrate(connection, newer) == db.SCHEMA_VERSION + 1
    assert connection.execute("SELECT subject, screen FROM events").fetchall() == [("gdp", None)]
    assert connection.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION + 1
    connection.close()
    with pytest.raises(db.SchemaTooNew):
        db.connect(path)  # this kiosk knows fewer versions than the file has


def test_the_file_is_in_wal_mode(tmp_path):
    connection = db.connect(tmp_path / "analytics.sqlite")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_old_records_are_pruned_at_start(tmp_path):
    path = tmp_path / "analytics.sqlite"
    now = time.time()
    with db.connect(path) as connection:
        for days_ago in (500, 401, 10):
            connection.execute(db.INSERT_EVENT, (now - days_ago * 86400, 1, "figure", "overview", str(days_ago),
                                                 "en", None))
    writer = Writer(path, keep_days=400).start()
    assert writer.stop(0)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT subject FROM events").fetchall() == [("10",)]


def test_an_unreadable_file_is_set_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "analytics.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    writer = Writer(path).start()
    writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", "gdp", "en", None))
    assert writer.stop(0)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT subject FROM events").fetchall() == [("gdp",)]
    (aside,) = tmp_path.glob("analytics.sqlite.broken-*")
    assert aside.read_bytes().startswith(b"this is not a database")


def test_a_full_disk_keeps_the_records_until_there_is_room(tmp_path, monkeypatch):
    path = tmp_path / "analytics.sqlite"
    disk = {"full": True}
    real_connect = db.connect

    def small_disk(file, timeout=5.0):
        connection = real_connect(file, timeout)
        if disk["full"]:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full"
        return connection

    monkeypatch.setattr(db, "connect", small_disk)
    writer = Writer(path).start()
    for n in range(2000):
        writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", f"figure-{n}" * 20, "en", None))
    writer.flush(timeout=5)
    assert writer.trouble == "SQLITE_FULL"
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    disk["full"] = False  # room again
    assert writer.stop(0)
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM events").fetchone()[0] == 2000


def test_a_locked_database_delays_writes_but_loses_nothing(tmp_path):
    path = tmp_path / "analytics.sqlite"
    db.connect(path).close()
    writer = Writer(path).start()
    writer.flush()
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    for n in range(100):
        writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", str(n), "en", None))  # returns at once
    assert not writer.flush(timeout=0.5)  # the writer thread is the one waiting, not the caller
    lock.execute("COMMIT")
    assert writer.flush(timeout=10)
    assert writer.stop(0)
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM events").fetchone()[0] == 100


CHILD = """
import sys, time
from pathlib import Path
from kiosk.analytics import db
from kiosk.analytics.writer import Writer
writer = Writer(Path(sys.argv[1]), batch_seconds=0.01).start()
n = 0
while True:
    writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", "x" * 200, "en", float(n)))
    n += 1
    if n % 200 == 0:
        time.sleep(0.001)
"""


def test_a_kill_mid_write_leaves_a_readable_database_and_counts_a_crash(tmp_path):
    path = tmp_path / "analytics.sqlite"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if path.exists() and rows_in(path, "events") > 20_000:
                break
            time.sleep(0.05)
    finally:
        child.kill()  # SIGKILL, in the middle of a stream of writes
        child.wait()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        written = connection.execute("SELECT count(*), max(seconds) FROM events").fetchone()
    assert written[0] > 20_000 and written[1] == written[0] - 1  # a prefix, nothing half-written
    writer = Writer(path).start()
    assert writer.stop(0)
    with sqlite3.connect(path) as connection:
        summary = stats.summarise(connection, datetime.date.today(), datetime.date.today())
    assert (summary.starts, summary.crashes) == (2, 1)


def rows_in(path, table: str) -> int:
    """Rows of a table another process is writing (0 while the file is not there yet)."""
    try:
        with sqlite3.connect(path, timeout=0.1) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_crash_exit_code_counts_as_a_crash_and_a_restart_does_not(tmp_path):
    from kiosk.restart import RESTART_EXIT_CODE

    path = tmp_path / "analytics.sqlite"
    for code in (0, 70, RESTART_EXIT_CODE):
        assert Writer(path).start().stop(code)
    with sqlite3.connect(path) as connection:
        summary = stats.summarise(connection, datetime.date.today(), datetime.date.today())
    assert (summary.starts, summary.crashes) == (3, 1)


def run_stats(*args):
    return subprocess.run([sys.executable, "-m", "kiosk", "stats", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_kiosk_stats_prints_writes_csv_and_a_self_contained_report(tmp_path):
    import base64
    import csv
    import re

    from PySide6.QtGui import QImage

    sessions = simulate.plan(DAY, 7, seed=7)
    path = tmp_path / "analytics.sqlite"
    record(path, sessions)
    last = DAY + datetime.timedelta(days=6)
    result = run_stats("--db", path, "--since", DAY, "--until", last, "--csv", tmp_path / "csv",
                       "--report", tmp_path / "report.html")
    assert result.returncode == 0, result.stderr
    assert re.search(rf"sessions\s+{len(sessions)}\b", result.stdout)
    with (tmp_path / "csv" / "sessions_per_day.csv").open() as file:
        per_day = {row["day"]: int(row["sessions"]) for row in csv.DictReader(file)}
    local_days = Counter(datetime.datetime.fromtimestamp(s.start).date().isoformat() for s in sessions)
    assert per_day == {(DAY + datetime.timedelta(days=n)).isoformat(): local_days[(DAY + datetime.timedelta(
        days=n)).isoformat()] for n in range(7)}
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    images = re.findall(r"src='data:image/png;base64,([^']+)'", page)
    assert len(images) >= 5
    for data in images:
        image = QImage.fromData(base64.b64decode(data), "PNG")
        assert not image.isNull() and image.width() >= 600
    assert "http" not in page.replace("http-equiv", "")  # nothing to fetch: opens offline


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "29.11.2026"], "expected a date like"),
    (["--since", "2026-11-29", "--until", "2026-11-01"], "is before"),
])
def test_kiosk_stats_explains_bad_dates(tmp_path, args, message):
    path = tmp_path / "analytics.sqlite"
    db.connect(path).close()
    result = run_stats("--db", path, *args)
    assert result.returncode == 2 and message in result.stderr


def test_kiosk_stats_without_any_records_says_so(tmp_path):
    path = tmp_path / "none.sqlite"
    result = run_stats("--db", path)
    assert result.returncode == 0, result.stderr  # a kiosk nobody has used yet is not an error
    assert result.stdout.startswith("No visits recorded yet") and result.stdout.count(str(path)) == 1


def test_kiosk_stats_into_a_pipe_its_reader_has_closed_ends_quietly(tmp_path):
    """kiosk stats | head: the reader leaves early, which is normal (no traceback, exit 0),
    and the files asked for are written all the same."""
    path = tmp_path / "analytics.sqlite"
    record(path, simulate.plan(DAY, 3, seed=7))
    reader, writer = os.pipe()
    os.close(reader)  # gone before the first line: every write meets a closed pipe
    try:
        result = subprocess.run([sys.executable, "-m", "kiosk", "stats", "--db", str(path), "--since", str(DAY),
                                 "--csv", str(tmp_path / "csv")], stdout=writer, stderr=subprocess.PIPE,
                                text=True, timeout=120)
    finally:
        os.close(writer)
    assert result.returncode == 0 and result.stderr == ""
    assert (tmp_path / "csv" / "totals.csv").exists()


def test_a_file_damaged_while_running_is_set_aside_and_writing_goes_on(tmp_path):
    path = tmp_path / "analytics.sqlite"
    writer = Writer(path).start()
    writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", "before", "en", None))
    assert writer.flush()
    writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", "checkpoint", "en", None))
    with path.open("r+b") as file:  # someone scribbles over the file the writer has open
        file.write(b"garbage!" * 512)
    for name in ("-wal", "-shm"):
        with open(f"{path}{name}", "r+b") as file:
            file.write(b"garbage!" * 512)
    writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", "after", "en", None))
    assert writer.stop(0)
    assert list(tmp_path.glob("analytics.sqlite.broken-*"))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ("after",) in connection.execute("SELECT subject FROM events").fetchall()


def test_reading_the_statistics_while_the_kiosk_writes_waits_for_nobody(tmp_path):
    path = tmp_path / "analytics.sqlite"
    writer = Writer(path, batch_seconds=0.01).start()
    reader = stats.open_read  # what `kiosk stats` and the staff panel use
    counts = []
    for n in range(200):
        writer.put(db.INSERT_EVENT, (time.time(), 1, "figure", "overview", str(n), "en", None))
        if n % 20 == 0:
            writer.flush()
            connection = reader(path)
            counts.append(connection.execute("SELECT count(*) FROM events").fetchone()[0])
            connection.close()
    assert writer.stop(0)
    assert counts == sorted(counts) and counts[-1] == 181  # each read saw every committed record
