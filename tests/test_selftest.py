"""The staff panel's self-test page, touch test and restart button, used with real touch events."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.doctor import messages
from kiosk.doctor.findings import PROBLEM
from kiosk.doctor.invocation import DoctorCommand
from kiosk.harness import open_overlay
from kiosk.restart import RESTART_EXIT_CODE
from kiosk.resources import resource_path
from kiosk.ui.i18n import Translations, switch_language
from kiosk.ui.overlay_registry import STAFF_PAGES
from ui_helpers import clipped_button_text, layout_problems, min_target_px

SIZES = [(1920, 1080), (1080, 1920)]


def on_pc(root: Path, **settings) -> DoctorCommand:
    """'kiosk doctor' on a kiosk PC of its own (below root): no PIN, no autostart, nothing on PATH,
    so that the checks find real problems."""
    (root / "bin").mkdir(exist_ok=True)
    environ = {**os.environ, "PATH": str(root / "bin"), "XDG_CONFIG_HOME": str(root / "config"),
               "XDG_STATE_HOME": str(root / "state"), "XDG_DATA_HOME": str(root / "share")}
    return DoctorCommand(("--config", str(root / "config.toml")), environ, **settings)


# Waits until its first argument exists, then is 'kiosk doctor' with the rest.
HELD = """
import pathlib, sys, time
while not pathlib.Path(sys.argv[1]).exists():
    time.sleep(0.05)
from kiosk.cli import main
sys.exit(main(["doctor", *sys.argv[2:]]))
"""


@pytest.fixture(scope="module")
def replay(tmp_path_factory) -> DoctorCommand:
    """What the real doctor finds on such a PC, found once and played back (for the layout tests)."""
    root = tmp_path_factory.mktemp("pc")
    command = on_pc(root)
    output = subprocess.run(command.argv(), env=command.environ, capture_output=True, text=True, timeout=120).stdout
    assert json.loads(output)
    (root / "findings.json").write_text(output, encoding="utf-8")
    return DoctorCommand(program=(sys.executable, "-c", "import sys; print(open(sys.argv[1]).read())",
                                  str(root / "findings.json")))


def test_the_self_test_shows_checking_then_every_finding_with_its_fix(make_kiosk, tap, qtbot, tmp_path):
    kiosk = make_kiosk()
    gate = tmp_path / "go"
    kiosk.doctor = on_pc(tmp_path, program=(sys.executable, "-c", HELD, str(gate)))
    kiosk.staff.open()
    tap(kiosk.staff.self_test_button)
    page = kiosk.self_test
    assert page.isVisible() and not kiosk.staff.isVisible()
    assert page.summary.text() == "Checking…"
    gate.touch()  # the doctor may go on
    assert page.wait_for_checks(120)
    shown = {finding.id for finding in page.findings_shown}
    assert shown >= {"display", "fonts", "data", "config", "pin", "autostart", "last-crash"}
    texts = [label.text() for label in page.list.widget().findChildren(type(page.summary))]
    pin = next(f for f in page.findings_shown if f.id == "pin")
    assert pin.status == PROBLEM
    assert texts[texts.index("Problem: Staff PIN") + 1] == str(pin.message)
    assert texts[texts.index("Problem: Staff PIN") + 2] == f"Fix: {pin.fix}"
    assert f"--config {tmp_path / 'config.toml'}" in str(pin.fix)  # the kiosk's own configuration file
    assert page.findings_shown[0].status == PROBLEM  # the problems come first


def test_the_screen_stays_usable_while_the_checks_run(make_kiosk, tap, tmp_path):
    kiosk = make_kiosk()
    kiosk.doctor = on_pc(tmp_path, program=(sys.executable, "-c", HELD, str(tmp_path / "never")))
    kiosk.staff.open()
    tap(kiosk.staff.self_test_button)
    doctor = kiosk.self_test.checks.process.processId()
    assert kiosk.self_test.summary.text() == "Checking…" and doctor > 0
    tap(kiosk.self_test.back_button)  # the checks have not finished: the touch is handled anyway
    assert not kiosk.self_test.isVisible() and kiosk.staff.isVisible()
    with pytest.raises(ProcessLookupError):  # and the doctor was stopped, not left behind
        os.kill(doctor, 0)


def test_a_doctor_that_fails_is_a_finding_not_a_hang(make_kiosk, tmp_path):
    kiosk = make_kiosk()
    kiosk.doctor = DoctorCommand(program=(sys.executable, "-c", "import sys; sys.exit('no doctor here')"))
    kiosk.self_test.open()
    assert kiosk.self_test.wait_for_checks(60)
    [finding] = kiosk.self_test.findings_shown
    assert finding.status == PROBLEM and "no doctor here" in str(finding.message)


def test_findings_follow_the_language(make_kiosk, replay):
    kiosk = make_kiosk(language="zh")
    kiosk.doctor = replay
    kiosk.staff.open()
    kiosk.self_test.open()
    assert kiosk.self_test.wait_for_checks(60)
    chinese = Translations([resource_path("i18n")])
    labels = kiosk.self_test.list.widget().findChildren(type(kiosk.self_test.summary))
    assert chinese.text("zh", messages.NO_PIN) in [label.text() for label in labels]
    switch_language("en")
    assert str(messages.NO_PIN) in [label.text() for label in labels]


def test_the_display_details_are_the_screens(make_kiosk, replay):
    kiosk = make_kiosk()
    kiosk.doctor = replay
    kiosk.self_test.open()
    screen = kiosk.window.screen()
    details = kiosk.self_test.display.text()
    size = screen.geometry()
    assert f"Size: {size.width()} x {size.height()} pixels" in details
    assert f"Logical DPI: {screen.logicalDotsPerInch():.0f}" in details
    assert f"Platform plugin: {QGuiApplication.platformName()}" in details
    kiosk.self_test.wait_for_checks(60)


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_staff_pages_lay_out_for_touch(make_kiosk, replay, week_numbers, language, size, contrast):
    """Targets >= 48 px and 9 mm, nothing clipped or overlapping, in both languages and orientations;
    in high contrast at the visitors' largest text, which the staff may find still set."""
    kiosk = make_kiosk(language=language, size=size, key_numbers=week_numbers)
    if contrast:
        kiosk.set_look(1.5, True)
    kiosk.doctor = replay
    problems = []
    for name in STAFF_PAGES:
        page = open_overlay(kiosk, name, still=True)  # the self-test with its findings
        settle()
        problems += [f"{name}: {p}" for p in layout_problems(kiosk.window, scrolling=True)]
        problems += [f"{name}: {p}" for p in clipped_button_text(page)]
        page.reset_state()
    assert kiosk.self_test.findings_shown, "the self-test was measured before its findings came"
    assert problems == [], "\n".join(problems)


def test_the_button_check_catches_text_in_the_padding(make_kiosk):
    kiosk = make_kiosk(size=(1080, 1920))
    kiosk.staff.open()
    settle()
    button = kiosk.staff.restart_button
    assert clipped_button_text(kiosk.staff) == []
    button.setFixedWidth(button.fontMetrics().horizontalAdvance(button.text()) + 20)  # no room for the padding
    settle()
    assert [p for p in clipped_button_text(kiosk.staff) if "'Restart kiosk'" in p]
    assert not [p for p in layout_problems(kiosk.window) if "'Restart kiosk'" in p]  # which the quick check allows


def fingers(count: int, window) -> list[QPoint]:
    """Where `count` fingers land: spread over the window, away from the Done button."""
    width, height = window.width(), window.height()
    return [QPoint(width * (i + 1) // (count + 1), height // 3 + 60 * i) for i in range(count)]


@pytest.mark.parametrize("count", [2, 3])
def test_the_touch_test_draws_every_finger_where_it_touches(make_kiosk, touch_device, count):
    kiosk = make_kiosk()
    layer = kiosk.touch_test
    layer.open()
    settle()
    window = kiosk.window.windowHandle()  # where a real platform delivers touch
    points = fingers(count, kiosk.window)
    press = QTest.touchEvent(window, touch_device)
    for finger, point in enumerate(points):
        press.press(finger, point)
    press.commit()
    moved = [point + QPoint(40, 25) for point in points]
    move = QTest.touchEvent(window, touch_device)
    for finger, point in enumerate(moved):
        move.move(finger, point)
    move.commit()
    settle()
    down = layer.down()
    assert sorted(down) == list(range(1, count + 1))
    assert sorted((p.toPoint().x(), p.toPoint().y()) for p in down.values()) == sorted((p.x(), p.y()) for p in moved)
    assert f"{count} finger(s) down" in layer.status.text()
    image = kiosk.window.grab().toImage()
    accent, background = QColor(kiosk.ctx.theme.accent), QColor(kiosk.ctx.theme.bar)
    inside = QPoint(-round(0.75 * layer.finger_radius()), 0)  # in the circle, beside its number
    for point in moved:  # a circle is drawn under each finger, filled with the accent colour
        assert image.pixelColor(point + inside) == accent
    assert image.pixelColor(moved[0] + QPoint(0, round(3 * layer.finger_radius()))) == background
    release = QTest.touchEvent(window, touch_device)
    for finger, point in enumerate(moved):
        release.release(finger, point)
    release.commit()
    settle()
    assert layer.down() == {} and "0 finger(s) down" in layer.status.text()
    assert all(len(finger.trail) >= 2 for finger in layer.fingers.values())  # the trails stay


def test_a_tap_on_done_leaves_the_touch_test(make_kiosk, tap, replay):
    kiosk = make_kiosk()
    kiosk.doctor = replay
    kiosk.self_test.open()
    tap(kiosk.self_test.touch_button)
    assert kiosk.touch_test.isVisible()
    tap(kiosk.touch_test.done_button)
    assert not kiosk.touch_test.isVisible() and kiosk.self_test.isVisible()
    assert kiosk.touch_test.down() == {}  # the tap on the button is not drawn as a finger


def test_the_done_button_is_large(make_kiosk):
    kiosk = make_kiosk()
    kiosk.touch_test.open()
    settle()
    button = kiosk.touch_test.done_button
    assert min(button.width(), button.height()) >= 2 * min_target_px(button)


def test_an_idle_reset_closes_the_staff_pages(make_kiosk, replay):
    kiosk = make_kiosk()
    kiosk.doctor = replay
    kiosk.self_test.open()
    kiosk.touch_test.open()
    kiosk.reset()
    settle()
    assert not kiosk.self_test.isVisible() and not kiosk.touch_test.isVisible()


def test_restart_kiosk_ends_the_event_loop_with_the_restart_code(make_kiosk, tap, monkeypatch, caplog):
    kiosk = make_kiosk()
    exits = []
    monkeypatch.setattr(QGuiApplication.instance(), "exit", lambda code=0: exits.append(code))
    kiosk.staff.open()
    with caplog.at_level(logging.INFO):
        tap(kiosk.staff.restart_button)
    assert exits == [RESTART_EXIT_CODE]
    assert "restarting: staff restart" in caplog.text
    assert kiosk.window.closable
