"""Shared fixtures: a configured app, windows at a given size and language, real touch taps."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import tempfile
from pathlib import Path

# Config, logs and state of everything the tests start go to a throw-away home.
_HOME = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_HOME / _name.lower())

# Qt's offscreen screen is 800x800 by default and drops touch points outside it; give the
# tests a screen that holds a 1920x1080 and a 1080x1920 window (twice as many device pixels
# when QT_SCALE_FACTOR=2 simulates a 4K panel).
SCREEN_CONFIG = Path(__file__).with_name(
    "offscreen-screen-4k.json" if os.environ.get("QT_SCALE_FACTOR") == "2" else "offscreen-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"

import pytest

from kiosk.model.dataset import Dataset
from kiosk.model.loader import load_dataset
from kiosk.resources import data_path
from kiosk.theme import Theme


# Kiosk processes the tests start (tests append them): none may outlive its test.
STARTED: list = []


@pytest.fixture(autouse=True)
def no_kiosk_left_running():
    """A test that fails half-way must not leave its kiosk running (and busy) behind it."""
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)  # also closes its pipes


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(data_path())


@pytest.fixture(scope="session")
def raw_dataset() -> dict:
    return json.loads(data_path().read_text(encoding="utf-8"))


@pytest.fixture
def raw(raw_dataset) -> dict:
    """A deep copy of the bundled JSON that a test may change."""
    return copy.deepcopy(raw_dataset)


@pytest.fixture(scope="session")
def theme() -> Theme:
    return Theme()


@pytest.fixture(scope="session")
def kiosk_app(qapp, theme):
    from kiosk.ui.app import create_app

    return create_app([], theme)


@pytest.fixture
def make_window(qtbot, kiosk_app, dataset, theme):
    """Build a shown MainWindow of the given size and language."""
    from kiosk.ui.context import make_context
    from kiosk.ui.main_window import MainWindow

    def make(language="en", size=(1920, 1080), data=None, **context):
        _delete_closed_windows()
        # Final pictures unless a test is about motion: layout checks measure where things end up.
        context.setdefault("reduce_motion", True)
        window = MainWindow(make_context(data or dataset, theme, language, **context))
        qtbot.addWidget(window, before_close_func=_delete_soon)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return window

    return make


def _delete_soon(window):
    """Windows of finished tests must not linger: a language switch reaches every window."""
    from PySide6.QtCore import Qt

    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def _delete_closed_windows():
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle():
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture(scope="session")
def touch_device(qapp):
    from PySide6.QtTest import QTest

    return QTest.createTouchDevice()


@pytest.fixture
def tap(touch_device):
    """Tap a widget with one finger: a real TouchBegin/TouchEnd, not a mouse click."""
    from PySide6.QtTest import QTest

    def do_tap(widget, pos=None):
        pos = pos if pos is not None else widget.rect().center()
        QTest.touchEvent(widget, touch_device).press(0, pos, widget).commit()
        QTest.touchEvent(widget, touch_device).release(0, pos, widget).commit()
        settle()

    return do_tap


@pytest.fixture
def make_kiosk(qtbot, kiosk_app, dataset, theme):
    """Build the whole running kiosk (window, session, overlays) without starting an event loop."""
    from PySide6.QtWidgets import QApplication

    from kiosk.config import Config
    from kiosk.ui.context import make_context
    from kiosk.ui.shell import Kiosk


    def make(kiosk_mode=False, language="en", size=(1920, 1080), data=None, context=None, store=None,
             settle_ms=1000, visits=None, key_numbers=None, config_path=None, fixed=frozenset(), clock=None,
             display_power=None, **settings):
        _delete_closed_windows()
        # replace() does not validate, so tests may use sub-second timings.
        config = dataclasses.replace(Config(), **settings)
        data = store.shown.dataset if store is not None else data or dataset
        context = {"reduce_motion": True, **(context or {})}
        kiosk = Kiosk(make_context(data, theme, language, **context), config, kiosk_mode, store, settle_ms,
                      visits=visits, key_numbers=key_numbers, config_path=config_path, fixed=fixed, clock=clock,
                      display_power=display_power)
        qtbot.addWidget(kiosk.window, before_close_func=lambda window: _retire(kiosk))
        kiosk.window.resize(*size)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        settle()
        return kiosk

    def _retire(kiosk):
        """Runs before pytest-qt closes the window: undo what the kiosk did to the application."""
        app = QApplication.instance()
        if kiosk.built("self_test") is not None:
            kiosk.self_test.stop_checks()  # no doctor process outlives its test
        app.removeEventFilter(kiosk.watcher)
        kiosk.session.blockSignals(True)
        kiosk.pixel_shift.pause()
        for timers in (kiosk.display, kiosk.nightly):
            if timers is not None:
                timers.stop()
        if kiosk.key_blocker is not None:
            app.removeEventFilter(kiosk.key_blocker)
            app.restoreOverrideCursor()
        kiosk.window.closable = True
        if kiosk.ctx.theme != theme:  # a visitor's look is application-wide: undo it
            from kiosk.ui.app import apply_theme

            apply_theme(app, theme)
        _delete_soon(kiosk.window)

    return make


@pytest.fixture
def touch_path(touch_device):
    """Drag one finger along points (window coordinates), with real touch events."""
    from PySide6.QtTest import QTest

    def drag(window, points):
        QTest.touchEvent(window, touch_device).press(0, points[0], window).commit()
        for point in points[1:-1]:
            QTest.touchEvent(window, touch_device).move(0, point, window).commit()
        QTest.touchEvent(window, touch_device).release(0, points[-1], window).commit()
        settle()

    return drag


@pytest.fixture(scope="session")
def week_numbers(tmp_path_factory):
    """The staff panel's key numbers from a simulated week of visitors (for layout checks)."""
    import datetime

    from kiosk.analytics import simulate, stats
    from kiosk.analytics.visits import Visits
    from kiosk.analytics.writer import Writer

    path = tmp_path_factory.mktemp("analytics") / "analytics.sqlite"
    today = datetime.date.today()
    sessions = simulate.plan(today - datetime.timedelta(days=6), 7, seed=5)
    clock = simulate.Clock(sessions[0].start - 60)
    writer = Writer(path, clock=clock).start()
    simulate.play(sessions, Visits(writer.put, "en", "overview", clock), clock)
    writer.stop(0, timeout=30)
    return lambda: stats.key_numbers(path, today)



@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """One line at the very end naming the tests skipped for want of Debian packages, and the fix."""
    result = yield
    needs = "needs the Debian packages "
    skipped = [report for report in terminalreporter.stats.get("skipped", [])
               if isinstance(report.longrepr, tuple) and needs in report.longrepr[2]]
    if skipped:
        packages = sorted({p for report in skipped for p in report.longrepr[2].split(needs, 1)[1].split()})
        terminalreporter.write_line(f"skipped {len(skipped)} real-display test(s): not installed here: "
                                    f"{', '.join(packages)} (sudo apt-get install {' '.join(packages)})")
    return result
