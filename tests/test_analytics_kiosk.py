"""The running kiosk records what visitors do with their fingers, and staff see the key numbers."""

from __future__ import annotations

import datetime
import re
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint

from conftest import settle
from kiosk.analytics import stats
from kiosk.analytics.visits import Visits
from kiosk.analytics.writer import Writer
from kiosk.ui import strings
from kiosk.ui.i18n import switch_language
from kiosk.ui.session import State
from kiosk.ui.widgets import Button, SourceLink
from ui_helpers import explorer, row_point


@pytest.fixture
def recorder(tmp_path):
    writer = Writer(tmp_path / "analytics.sqlite").start()
    yield writer
    writer.stop(0)


def rows(writer, sql):
    assert writer.flush(timeout=5)
    with sqlite3.connect(writer.path) as connection:
        return connection.execute(sql).fetchall()


def idle_reset(kiosk, qtbot):
    """What the idle timer starts: the warning, its countdown, the reset and the attract loop."""
    kiosk.session._on_idle()
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=5000)


def test_a_visit_by_touch_is_recorded_as_one_session_with_its_views_taps_and_language(
        make_kiosk, tap, qtbot, recorder, dataset):
    kiosk = make_kiosk(visits=Visits(recorder.put, "en", "overview"), warning_seconds=1)
    assert rows(recorder, "SELECT * FROM sessions") == []  # nobody has touched it yet
    tap(kiosk.window.tabs.buttons[1])  # Industries
    for _ in range(3):
        settle()
    chart = explorer(kiosk.window).chart
    tap(chart.viewport(), row_point(chart, 2, x=chart.getPlotItem().vb.viewRange()[0][1] * 0.9))
    link = next(link for link in kiosk.window.views["industries"].findChildren(SourceLink) if link.isVisible())
    tap(link)
    tap(kiosk.source_card.findChildren(Button)[-1])  # Close
    tap(kiosk.window.tabs.findChildren(Button)[-1])  # the language button: 中文
    idle_reset(kiosk, qtbot)

    (session,) = rows(recorder, "SELECT end_reason, language, touches, ended IS NOT NULL FROM sessions")
    assert session == ("idle", "zh", 5, 1)
    events = rows(recorder, "SELECT kind, view, subject, language FROM events ORDER BY id")
    kinds = [kind for kind, *_ in events]
    assert [e[1] for e in events if e[0] == "view"] == ["overview", "industries"]
    assert ("figure", "industries", dataset.industries[2].share, "en") in events
    sources = list(dict.fromkeys(record.source for record in link.provenance.records))
    assert [e[2] for e in events if e[0] == "source"] == sources
    assert [e[2] for e in events if e[0] == "qr"] == [s for s in sources if dataset.source(s).url]
    assert ("language", "industries", "zh", "zh") in events
    assert kinds.count("idle_reset") == 1
    # The reset put the language back to English and the view back to Overview: not recorded.
    assert kinds.count("language") == 1


def test_the_first_touch_on_the_attract_loop_starts_a_new_session(make_kiosk, tap, qtbot, recorder):
    kiosk = make_kiosk(visits=Visits(recorder.put, "en", "overview"), warning_seconds=1)
    tap(kiosk.window.tabs.buttons[2])
    idle_reset(kiosk, qtbot)
    tap(kiosk.attract, QPoint(40, 40))
    assert kiosk.session.state is State.ACTIVE
    assert rows(recorder, "SELECT end_reason FROM sessions ORDER BY started") == [("idle",), (None,)]


def test_text_size_and_contrast_changes_are_recorded_but_the_reset_to_normal_is_not(
        make_kiosk, tap, qtbot, recorder):
    kiosk = make_kiosk(visits=Visits(recorder.put, "en", "overview"), warning_seconds=1)
    controls = kiosk.window.tabs.side.findChildren(Button)
    tap(controls[0])  # A+
    tap(kiosk.window.tabs.side.findChildren(Button)[1])  # contrast (rebuilt)
    idle_reset(kiosk, qtbot)
    assert kiosk.ctx.text_scale == 1.0 and not kiosk.ctx.high_contrast
    assert rows(recorder, "SELECT kind, subject FROM events WHERE kind IN ('text_size', 'contrast')") == [
        ("text_size", "1.25"), ("contrast", "on")]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_staff_see_today_and_this_week(make_kiosk, tap, qtbot, recorder, language):
    today = datetime.date.today()

    def key_numbers():
        recorder.flush()
        return stats.key_numbers(recorder.path, today)

    kiosk = make_kiosk(visits=Visits(recorder.put, "en", "overview"), key_numbers=key_numbers, warning_seconds=1)
    for index in (1, 3, 1):
        tap(kiosk.window.tabs.buttons[index])
    idle_reset(kiosk, qtbot)
    tap(kiosk.attract, QPoint(40, 40))
    switch_language(language)
    kiosk.staff.open()
    text = kiosk.staff.visits.text()
    today_line, week_line = text.splitlines()
    with sqlite3.connect(recorder.path) as connection:
        sessions = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert sessions == 2
    industries = dataset_title(kiosk, "industries", language)
    for line in (today_line, week_line):
        assert f" {sessions}" in line and industries in line
    assert today_line != week_line  # each says which period it is
    assert today_line.startswith("Today" if language == "en" else "今天")


def dataset_title(kiosk, view, language):
    return kiosk.ctx.dataset.tab(view).title[language]


def test_the_staff_panel_opens_even_if_the_analytics_cannot_be_read(make_kiosk):
    def broken():
        raise sqlite3.DatabaseError("file is not a database")

    kiosk = make_kiosk(key_numbers=broken)
    kiosk.staff.open()
    assert kiosk.staff.isVisible()
    assert "file is not a database" in kiosk.staff.visits.text()


CRASHING_KIOSK = """
import os, sys
from pathlib import Path
from kiosk.analytics.visits import Visits
from kiosk.analytics.writer import Writer

writer = Writer(Path(sys.argv[1])).start()
visits = Visits(writer.put, "en", "overview")
visits.pressed()
visits.idle_reset()                 # 1: left in English
visits.pressed()
visits.language_switched("zh")
visits.idle_reset()                 # 2: left in Chinese
visits.language_switched("en")      # the reset puts English back
visits.pressed()
visits.language_switched("zh")      # 3: in Chinese when the kiosk dies
assert writer.flush(timeout=10)
os._exit(70)
"""


def test_the_staff_panel_and_kiosk_stats_give_the_same_language_shares_with_a_crashed_session(
        make_kiosk, tmp_path):
    path = tmp_path / "analytics.sqlite"
    subprocess.run([sys.executable, "-c", CRASHING_KIOSK, str(path)], check=False, timeout=60)
    assert Writer(path).start().stop(0)  # the next start counts the crash
    today = datetime.date.today()
    kiosk = make_kiosk(key_numbers=lambda: stats.key_numbers(path, today))
    kiosk.staff.open()
    panel_line = kiosk.staff.visits.text().splitlines()[0]
    names = {kiosk.ctx.translations.text(language, strings.LANGUAGE_BUTTON): language
             for language in kiosk.ctx.dataset.languages}
    panel = {names[name]: float(share)
             for name, share in re.findall(r"(\S+) (\d+(?:\.\d+)?) %", panel_line.split("languages: ")[1])}
    printed = subprocess.run([sys.executable, "-m", "kiosk", "stats", "--db", str(path)], capture_output=True,
                             text=True, timeout=120, check=True).stdout
    table = printed.split("\nlanguages\n")[1].split("\n\n")[0].splitlines()[2:]
    command = {language: float(share) for language, _, share in (row.split() for row in table)}
    assert panel == command  # one definition, the same numbers
    assert command == {"zh": 66.7, "en": 33.3}  # the crashed visit counts, in the language it was in
