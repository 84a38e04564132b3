"""Burn-in care: the content walks a few pixels a minute (never under a finger, never showing a
gap in a distracting colour), and a nightly restart happens only when nobody is using the kiosk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.analytics import db
from kiosk.analytics.visits import Visits
from kiosk.ui.burn_in import SHIFT_PX, spiral
from kiosk.ui.session import State


def checked_tab_corner(kiosk, image: QImage) -> tuple[int, int]:
    """Where the checked tab's accent fill is in the picture: (right edge, top edge). Its left
    edge is the screen's, which a shift to the left clips."""
    accent = QColor(kiosk.ctx.theme.accent).rgb()
    tab = kiosk.window.tabs.buttons[0]
    centre = tab.mapTo(kiosk.window, tab.rect().center())
    row = [x for x in range(0, image.width() // 2) if image.pixel(x, centre.y()) == accent]
    column = [y for y in range(image.height() // 2, image.height()) if image.pixel(centre.x(), y) == accent]
    return max(row), min(column)


def test_spiral_steps_one_pixel_and_stays_within_the_square():
    path = spiral()
    steps = zip(path, path[1:] + path[:1])
    assert all(abs(ax - bx) + abs(ay - by) == 1 for (ax, ay), (bx, by) in steps)
    assert len(set(path)) == (2 * SHIFT_PX + 1) ** 2 and path[0] == (0, 0)
    assert max(max(abs(x), abs(y)) for x, y in path) == SHIFT_PX == 2


def test_the_rendered_tab_bar_walks_a_pixel_a_step_and_comes_back(make_kiosk):
    kiosk = make_kiosk()
    start = checked_tab_corner(kiosk, kiosk.window.grab().toImage())
    seen = [start]
    for _ in range(len(kiosk.pixel_shift.path)):
        kiosk.pixel_shift.step()  # what the minute timer does
        seen.append(checked_tab_corner(kiosk, kiosk.window.grab().toImage()))
    moves = [(bx - ax, by - ay) for (ax, ay), (bx, by) in zip(seen, seen[1:])]
    assert all(abs(dx) + abs(dy) == 1 for dx, dy in moves), moves
    assert {(x - start[0], y - start[1]) for x, y in seen} == {(x, y) for x in range(-2, 3) for y in range(-2, 3)}
    assert seen[-1] == start


def step_to(kiosk, offset: tuple[int, int]) -> None:
    while kiosk.pixel_shift.path[kiosk.pixel_shift.index] != offset:
        kiosk.pixel_shift.step()


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_an_uncovered_edge_continues_the_bar_beside_it(make_kiosk, high_contrast):
    kiosk = make_kiosk()
    kiosk.set_look(1.0, high_contrast)
    bar = QColor(kiosk.ctx.theme.bar).rgb()
    for offset, rows in (((0, -2), (-1, -2)), ((0, 2), (0, 1))):
        step_to(kiosk, offset)
        image = kiosk.window.grab().toImage()
        for y in rows:
            colours = {image.pixel(x, y % image.height()) for x in range(0, image.width(), 7)}
            assert colours == {bar}, f"row {y} at offset {offset}: {[hex(c) for c in colours]}"
    step_to(kiosk, (2, 0))
    image = kiosk.window.grab().toImage()
    header = kiosk.window._header.geometry()
    assert {image.pixel(x, header.center().y()) for x in (0, 1)} == {bar}  # beside the header


def test_the_attract_loop_moves_too_and_its_edge_keeps_the_call_to_action_colour(make_kiosk):
    kiosk = make_kiosk()
    kiosk.session.wait_for_visitors()
    settle()
    attract = kiosk.attract
    before = attract.cta.mapTo(kiosk.window, attract.cta.rect().topLeft())
    step_to(kiosk, (0, -2))
    after = attract.cta.mapTo(kiosk.window, attract.cta.rect().topLeft())
    assert after - before == before.__class__(0, -2)
    image = kiosk.window.grab().toImage()
    accent = QColor(kiosk.ctx.theme.accent).rgb()
    assert {image.pixel(x, image.height() - 1) for x in range(0, image.width(), 7)} == {accent}


def test_no_step_under_a_finger(make_kiosk, touch_device, qtbot):
    kiosk = make_kiosk()
    window = kiosk.window
    point = kiosk.window.tabs.buttons[1].mapTo(window, kiosk.window.tabs.buttons[1].rect().center())
    QTest.touchEvent(window, touch_device).press(0, point, window).commit()
    kiosk.pixel_shift.step()
    assert kiosk.pixel_shift.index == 0  # the tab stays where the finger is
    QTest.touchEvent(window, touch_device).release(0, point, window).commit()
    assert window.current_view == "industries"  # the tap did what it meant
    qtbot.waitUntil(lambda: kiosk.pixel_shift.index == 1, timeout=5000)  # the step comes after


# ---- the nightly restart -------------------------------------------------------------------


class Clock:
    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def exits(monkeypatch):
    from PySide6.QtWidgets import QApplication

    codes = []
    # Kiosk.restart ends with QApplication.instance().exit(code): recorded, not done.
    monkeypatch.setattr(QApplication, "exit", lambda *args: codes.append(args[-1]))
    return codes


def test_the_nightly_restart_happens_on_the_attract_loop(make_kiosk, exits):
    from kiosk.restart import RESTART_EXIT_CODE

    clock = Clock(dt.datetime(2026, 12, 8, 3, 0))
    kiosk = make_kiosk(restart_at="03:30", clock=clock)
    kiosk.session.wait_for_visitors()
    clock.now = dt.datetime(2026, 12, 8, 3, 29)
    kiosk.nightly.check()
    assert exits == []
    clock.now = dt.datetime(2026, 12, 8, 3, 30)
    kiosk.nightly.check()
    assert exits == [RESTART_EXIT_CODE]


def test_the_nightly_restart_waits_while_a_visitor_is_active(make_kiosk, exits, tap):
    from kiosk.restart import RESTART_EXIT_CODE

    clock = Clock(dt.datetime(2026, 12, 8, 3, 0))
    ends = []
    visits = Visits(lambda sql, params: ends.append(params[2]) if sql == db.CLOSE_SESSION else None, "en",
                    "overview", clock=lambda: clock().timestamp())
    kiosk = make_kiosk(restart_at="03:30", clock=clock, visits=visits)
    tap(kiosk.window, kiosk.window.tabs.buttons[1].mapTo(kiosk.window, kiosk.window.tabs.buttons[1].rect().center()))
    clock.now = dt.datetime(2026, 12, 8, 3, 45)
    for _ in range(3):
        kiosk.nightly.check()
    assert exits == [] and kiosk.session.state is State.ACTIVE
    kiosk.session._on_idle()  # the visitor walks away: warning, then the reset and the attract loop
    for _ in range(kiosk.config.warning_seconds):
        kiosk.session._on_tick()
    assert kiosk.session.state is State.ATTRACT
    assert exits == [RESTART_EXIT_CODE]
    assert ends == ["idle"]  # the visit ended at the idle reset, before the restart


def test_a_kiosk_started_after_the_slot_waits_for_the_next_night(make_kiosk, exits):
    clock = Clock(dt.datetime(2026, 12, 8, 3, 30, 5))  # the fresh process after a restart
    kiosk = make_kiosk(restart_at="03:30", clock=clock)
    kiosk.session.wait_for_visitors()
    clock.now = dt.datetime(2026, 12, 8, 23, 0)
    kiosk.nightly.check()
    assert exits == []
    clock.now = dt.datetime(2026, 12, 9, 3, 30)
    kiosk.nightly.check()
    assert len(exits) == 1
