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

from kiosk import harness
from kiosk.harness import settle  # noqa: F401 (the tests import it from here)
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

    def make(language="en", size=(1920, 1080), data=None, **context):
        # Final pictures unless a test is about motion: layout checks measure where things end up.
        context.setdefault("reduce_motion", True)
        window = harness.build_window(data or dataset, language=language, theme=theme, context=context, size=size)
        qtbot.addWidget(window)  # closed and deleted after the test
        qtbot.waitExposed(window)
        return window

    return make


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
    """Build the whole running kiosk (window, session, overlays) without starting an event loop;
    keyword arguments are settings (Config) or the Kiosk's own (store, visits, clock, ...)."""
    from kiosk.config import Config

    def make(kiosk_mode=False, language="en", size=(1920, 1080), data=None, context=None, **options):
        settings = {name: options.pop(name) for name in list(options) if name in Config.__dataclass_fields__}
        # replace() does not validate, so tests may use sub-second timings.
        config = dataclasses.replace(Config(), **settings)
        context = {"reduce_motion": True, **(context or {})}
        shown = None if options.get("store") is not None else data or dataset  # a store shows its own
        kiosk = harness.build(shown, language=language, config=config, theme=theme, context=context,
                              kiosk_mode=kiosk_mode, size=size, **options)
        qtbot.addWidget(kiosk.window, before_close_func=lambda window: kiosk.close())
        qtbot.waitExposed(kiosk.window)
        return kiosk

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
