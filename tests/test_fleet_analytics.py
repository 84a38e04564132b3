"""One report for the zone: simulated kiosks at two sites upload their closed days of visitor
analytics as Parquet to a real S3 server (moto's, in-process), and `kiosk fleet stats` sums them.
The figures expected are each kiosk's own `kiosk stats` figures, read from its own SQLite file."""

from __future__ import annotations

import datetime
import logging
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

boto3 = pytest.importorskip("boto3", reason="the optional 'fleet' extra (boto3) is not installed")
pytest.importorskip("duckdb", reason="the optional 'fleet' extra (duckdb) is not installed")
pytest.importorskip("moto.server", reason="moto[server] (a test dependency) is not installed")

from kiosk.analytics import simulate, stats  # noqa: E402
from kiosk.analytics.visits import Visits  # noqa: E402
from kiosk.analytics.writer import Writer  # noqa: E402
from kiosk.cli import main  # noqa: E402
from kiosk.fleet import analytics_report, analytics_upload  # noqa: E402
from kiosk.fleet.analytics_upload import STATE_FILE, Store, Uploader, UploadThread  # noqa: E402
from tests.s3_server import running_s3  # noqa: E402

BUCKET, PREFIX = "zone-analytics", "jining"
DAYS = 7
FIRST = datetime.date.today() - datetime.timedelta(days=DAYS + 3)  # the running kiosk's days are real days
TODAY = FIRST + datetime.timedelta(days=DAYS)  # every simulated day is closed
UNTIL = TODAY - datetime.timedelta(days=1)
# (site, kiosk, seed, how its first run ends: an exit code; KILLED, never ended; GOES_ON, the same run
# records the whole week, and ends with exit code 70 after the upload in the middle of it)
KILLED, GOES_ON = "killed", "goes on"
KIOSKS = (("hall", "k1", 1, 0), ("hall", "k2", 2, GOES_ON), ("museum", "k3", 3, KILLED))
SPLIT = 3
ROOT = Path(__file__).resolve().parents[1]  # the first run records the first SPLIT days, the second the rest


@pytest.fixture
def s3(monkeypatch):
    with running_s3(monkeypatch) as server:
        boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1").create_bucket(Bucket=BUCKET)
        yield server


def store(s3) -> Store:
    return Store.parse(f"s3://{BUCKET}/{PREFIX}", s3.endpoint)


def objects(s3) -> dict[str, str]:
    """Every object of the bucket: key -> ETag (the MD5 of its content)."""
    client = boto3.client("s3", endpoint_url=s3.endpoint, region_name="us-east-1")
    return {item["Key"]: item["ETag"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def start(path, sessions) -> tuple[Writer, simulate.Clock]:
    clock = simulate.Clock(sessions[0].start - 60)
    return Writer(path, clock=clock).start(), clock


def play(writer: Writer, clock: simulate.Clock, sessions) -> None:
    simulate.play(sessions, Visits(writer.put, "en", "overview", clock), clock)
    assert writer.flush(timeout=30)


def stop(writer: Writer, path, exit_code) -> None:
    assert writer.stop(0 if exit_code is KILLED else exit_code, timeout=30)
    if exit_code is KILLED:  # as a killed kiosk leaves its run: not ended, marked at the next start
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE runs SET ended = NULL, exit_code = NULL WHERE id = (SELECT max(id) FROM runs)")


def run(path, sessions, exit_code) -> None:
    """One run of the kiosk playing the sessions; exit_code KILLED: never ended."""
    writer, clock = start(path, sessions)
    play(writer, clock, sessions)
    stop(writer, path, exit_code)


class Kiosk:
    def __init__(self, tmp_path, s3, site, name, seed, first_exit):
        self.site, self.name = site, name
        self.database = tmp_path / name / "analytics.sqlite"
        self.state = tmp_path / name / "fleet"
        self.s3 = s3
        self.sessions = simulate.plan(FIRST, DAYS, seed)
        split = datetime.datetime.combine(FIRST + datetime.timedelta(days=SPLIT), datetime.time()).timestamp()
        self.first = [s for s in self.sessions if s.start < split]
        self.second = [s for s in self.sessions if s.start >= split]
        self.first_exit = first_exit

    def uploader(self) -> Uploader:
        return Uploader(self.database, store(self.s3), self.site, self.name, self.state)

    def live_a_week(self) -> None:
        """The first days, an upload the next morning (before a killed kiosk's restart marks
        its run, while a run that goes on is still open), then the rest of the week and an
        upload after it."""
        writer, clock = start(self.database, self.first)
        play(writer, clock, self.first)
        if self.first_exit is not GOES_ON:
            stop(writer, self.database, self.first_exit)
        assert len(self.uploader().upload(FIRST + datetime.timedelta(days=SPLIT))) == SPLIT
        if self.first_exit is not GOES_ON:
            writer, clock = start(self.database, self.second)
        play(writer, clock, self.second)
        stop(writer, self.database, 70 if self.first_exit is GOES_ON else 0)
        assert len(self.uploader().upload(TODAY)) == DAYS - SPLIT

    def own_stats(self) -> stats.Summary:
        """What `kiosk stats` says of this kiosk's own file."""
        connection = stats.open_read(self.database)
        try:
            return stats.summarise(connection, FIRST, UNTIL)
        finally:
            connection.close()


@pytest.fixture
def kiosks(tmp_path, s3) -> list[Kiosk]:
    return [Kiosk(tmp_path, s3, *spec) for spec in KIOSKS]


def zone(s3, tmp_path) -> analytics_report.ZoneReport:
    files = analytics_report.download(store(s3), tmp_path / "downloaded", FIRST)
    return analytics_report.zone_report(analytics_report.rows_by_kiosk(files, UNTIL), FIRST, UNTIL)


def figures(summary: stats.Summary) -> dict:
    """The figures that must add up over kiosks."""
    return {"sessions": summary.sessions, "starts": summary.starts, "crashes": summary.crashes,
            "views": Counter({use.view: use.visits for use in summary.views}),
            "languages": Counter(dict(summary.languages)), "figures": Counter(dict(summary.figures)),
            "sources": Counter(dict(summary.sources)), "qr": summary.qr_codes,
            "per_day": Counter(dict(summary.per_day)), "per_hour": Counter(dict(summary.per_hour)),
            "switches": summary.language_switches, "idle_resets": summary.idle_resets}


def added(many: list[dict]) -> dict:
    total = {}
    for one in many:
        for key, value in one.items():
            total[key] = total.get(key, Counter() if isinstance(value, Counter) else 0) + value
    return total


def dwell(summary: stats.Summary) -> Counter:
    """Seconds spent in each view (added in another order: equal to within rounding)."""
    return Counter({use.view: use.dwell_seconds for use in summary.views})


def test_the_zone_report_adds_up_to_the_sum_of_the_kiosks(kiosks, s3, tmp_path):
    for kiosk in kiosks:
        kiosk.live_a_week()
    assert len(objects(s3)) == len(KIOSKS) * DAYS
    report = zone(s3, tmp_path)
    own = {(k.site, k.name): figures(k.own_stats()) for k in kiosks}
    assert [(own[key]["starts"], own[key]["crashes"]) for key in sorted(own)] == [(2, 0), (1, 1), (2, 1)]
    for key, expected in own.items():
        assert figures(report.kiosks[analytics_report.Kiosk(*key)]) == expected
    for site in ("hall", "museum"):
        assert figures(report.sites[site]) == added([f for (s, _), f in own.items() if s == site])
    assert figures(report.zone) == added(list(own.values()))
    assert dwell(report.zone) == pytest.approx(sum((dwell(k.own_stats()) for k in kiosks), Counter()))
    assert report.zone.sessions == sum(len(k.sessions) for k in kiosks)


def test_kiosk_fleet_stats_writes_the_zone_site_and_kiosk_report(kiosks, s3, tmp_path, capsys):
    for kiosk in kiosks:
        kiosk.live_a_week()
    out = tmp_path / "zone.html"
    assert main(["fleet", "stats", "--from", f"s3://{BUCKET}/{PREFIX}", "--endpoint", s3.endpoint,
                 "--since", str(FIRST), "--until", str(UNTIL), "--report", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    total = sum(k.own_stats().sessions for k in kiosks)
    assert f"{total} sessions at 3 kiosk(s) of 2 site(s)" in capsys.readouterr().out
    assert "<h2>Site hall</h2>" in page and "<h2>Site museum</h2>" in page
    for kiosk in kiosks:
        assert f"<td>{kiosk.site}</td><td>{kiosk.name}</td><td>{kiosk.own_stats().sessions}</td>" in page
    assert page.count("<img ") >= 3  # charts for the zone and each site

    museum = tmp_path / "museum.html"
    assert main(["fleet", "stats", "--from", f"s3://{BUCKET}/{PREFIX}", "--endpoint", s3.endpoint, "--site",
                 "museum", "--since", str(FIRST), "--until", str(UNTIL), "--report", str(museum)]) == 0
    assert "<td>hall</td>" not in museum.read_text(encoding="utf-8")


def test_uploading_again_changes_nothing(kiosks, s3):
    kiosk = kiosks[0]
    run(kiosk.database, kiosk.sessions, 0)
    assert len(kiosk.uploader().upload(TODAY)) == DAYS
    uploaded = objects(s3)
    assert kiosk.uploader().upload(TODAY) == []  # remembered: nothing is sent
    (kiosk.state / STATE_FILE).unlink()  # forgotten: every day found in the store, none replaced
    assert len(kiosk.uploader().upload(TODAY)) == DAYS
    assert objects(s3) == uploaded and len(kiosk.uploader().uploaded()) == DAYS


def test_a_kiosk_that_forgot_its_uploads_and_lost_part_of_a_day_never_replaces_the_whole_day(kiosks, s3, tmp_path):
    kiosk = kiosks[0]
    run(kiosk.database, kiosk.sessions, 0)
    assert len(kiosk.uploader().upload(TODAY)) == DAYS
    whole = figures(zone(s3, tmp_path / "before").zone)
    (kiosk.state / STATE_FILE).unlink()
    # analytics_keep_days deleted the first day's morning (the cut is not at midnight)
    noon = datetime.datetime.combine(FIRST, datetime.time(12)).timestamp()
    with sqlite3.connect(kiosk.database) as connection:
        assert connection.execute("DELETE FROM events WHERE at < ?", (noon,)).rowcount > 0
        connection.execute("DELETE FROM sessions WHERE started < ?", (noon,))
    assert len(kiosk.uploader().upload(TODAY)) == DAYS
    assert figures(zone(s3, tmp_path / "after").zone) == whole


def test_a_store_that_is_down_loses_nothing_and_is_caught_up(kiosks, s3):
    kiosk = kiosks[1]
    run(kiosk.database, kiosk.sessions, 0)
    s3.stop()
    with pytest.raises(Exception):  # noqa: B017 (botocore's connection error)
        kiosk.uploader().upload(TODAY)
    assert kiosk.uploader().uploaded() == set()
    thread = UploadThread(kiosk.uploader(), interval=3600, retry=0.1)
    thread.start()
    try:
        time.sleep(0.5)  # a few tries while the store is still down
        s3.start()
        deadline = time.monotonic() + 60
        while len(kiosk.uploader().uploaded()) < DAYS + 3 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        thread.stop()
    closed = {(FIRST + datetime.timedelta(days=n)).isoformat() for n in range(DAYS + 3)}  # up to yesterday
    assert kiosk.uploader().uploaded() == closed
    assert set(objects(s3)) == {f"{PREFIX}/analytics/hall/k2/{day}.parquet" for day in closed}


class Killed(BaseException):
    """The process stops here."""


def test_a_kiosk_killed_between_upload_and_remembering_uploads_again_and_nothing_is_counted_twice(
        kiosks, s3, tmp_path, monkeypatch):
    kiosk = kiosks[2]
    run(kiosk.database, kiosk.sessions, 0)
    remember = analytics_upload.write_atomically

    def killed_after_the_third_put(path, data):
        if len(objects(s3)) == 3:
            raise Killed
        remember(path, data)

    monkeypatch.setattr(analytics_upload, "write_atomically", killed_after_the_third_put)
    with pytest.raises(Killed):
        kiosk.uploader().upload(TODAY)
    monkeypatch.setattr(analytics_upload, "write_atomically", remember)  # the kiosk starts again
    first_three = objects(s3)
    assert len(kiosk.uploader().uploaded()) == 2  # the third day was stored but not remembered
    assert len(kiosk.uploader().upload(TODAY)) == DAYS - 2
    after = objects(s3)
    assert len(after) == DAYS and {key: after[key] for key in first_three} == first_three
    report = zone(s3, tmp_path)
    assert figures(report.zone) == figures(kiosk.own_stats())


def test_the_analytics_settings_of_the_fleet_section(tmp_path):
    from kiosk.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('[fleet]\nanalytics_url = "s3://zone-analytics/jining"\n'
                    'analytics_endpoint = "https://store.example"\nsite = "hall"\n')
    loaded = load_config(path)
    assert not loaded.problems
    assert (loaded.config.fleet.analytics_url, loaded.config.fleet.analytics_endpoint) == (
        "s3://zone-analytics/jining", "https://store.example")
    assert load_config(None).config.fleet is None  # absent: nothing is uploaded
    for setting, bad in (("analytics_url", "https://store.example/bucket"), ("analytics_url", "s3:///prefix"),
                         ("analytics_endpoint", "store.example")):
        path.write_text(f'idle_seconds = 30\n[fleet]\n{setting} = "{bad}"\n')
        loaded = load_config(path)  # the fleet is off, the other settings apply
        assert loaded.config.fleet is None and loaded.config.idle_seconds == 30
        assert [problem.path.split(": ")[-1] for problem in loaded.problems] == [f"fleet.{setting}"]


def test_a_running_kiosk_uploads_its_closed_days_on_a_thread_of_its_own(kiosks, s3, tmp_path, qapp, caplog):
    from PySide6.QtCore import QObject

    from kiosk.config import Fleet
    from kiosk.ui.fleet import AnalyticsUploading

    caplog.set_level(logging.INFO, logger=analytics_upload.__name__)
    kiosk = kiosks[0]
    run(kiosk.database, kiosk.sessions, 0)
    settings = Fleet(analytics_url=f"s3://{BUCKET}/{PREFIX}", analytics_endpoint=s3.endpoint, site="hall",
                     kiosk_id="k1")
    parent = QObject()
    uploading = AnalyticsUploading(settings, kiosk.database, parent, folder=kiosk.state)
    try:
        deadline = time.monotonic() + 60
        while len(kiosk.uploader().uploaded()) < DAYS + 3 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        uploading.thread.stop()
    assert {key.rsplit("/", 1)[-1] for key in objects(s3)} == {f"{day}.parquet" for day in kiosk.uploader().uploaded()}
    assert len(objects(s3)) == DAYS + 3
    uploads = [record for record in caplog.records if record.getMessage().startswith("analytics: uploaded")]
    assert len(uploads) == DAYS + 3 and {record.threadName for record in uploads} == {"analytics-upload"}


def test_the_kiosk_program_uploads_at_start_when_its_configuration_says_where(s3, tmp_path, monkeypatch):
    """The real program: [fleet] analytics_url starts the upload beside the kiosk's own analytics."""
    from conftest import SCREEN_CONFIG, STARTED

    from kiosk.analytics import db

    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN_CONFIG}"}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("NOTIFY_SOCKET", None)
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])  # where the kiosk keeps its analytics
    database = db.default_path()
    run(database, simulate.plan(FIRST, 2, seed=5), 0)
    config = home / "config.toml"
    config.write_text(f'config_version = 1\n[fleet]\nanalytics_url = "s3://{BUCKET}/{PREFIX}"\n'
                      f'analytics_endpoint = "{s3.endpoint}"\nsite = "hall"\nkiosk_id = "k9"\n')
    log_path = home / "kiosk.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed", "--size", "1280x720",
                                    "--config", str(config), "--quit-after", "120"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)
    STARTED.append(process)
    closed = {(FIRST + datetime.timedelta(days=n)).isoformat() for n in range(DAYS + 3)}
    deadline = time.monotonic() + 100
    while len(objects(s3)) < len(closed) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    process.terminate()  # SIGTERM: the kiosk quits cleanly
    assert process.wait(timeout=30) == 0, log_path.read_text()
    assert set(objects(s3)) == {f"{PREFIX}/analytics/hall/k9/{day}.parquet" for day in closed}
    assert "analytics: uploading closed days to s3://" in log_path.read_text()
