"""Charts grow in when their view appears (short, eased), never under a finger, never with reduce_motion."""

from PySide6.QtCore import QEasingCurve, QPoint, QVariantAnimation
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.ui.charts import ENTRY_MS, BarRowsChart

MOVING = {"reduce_motion": False}


def talent(kiosk):
    return kiosk.window.views["innovation"].findChild(BarRowsChart)


def running(chart):
    return chart.entry.state() == QVariantAnimation.State.Running


def test_a_chart_grows_in_briefly_and_eased_when_its_view_appears(make_kiosk, tap, qtbot):
    kiosk = make_kiosk(context=MOVING)
    tap(kiosk.window.tabs.buttons[2])
    chart = talent(kiosk)
    assert running(chart)
    assert chart.entry.duration() == ENTRY_MS <= 400
    assert chart.entry.easingCurve().type() != QEasingCurve.Type.Linear
    assert chart.bar_widths() != chart._lengths  # mid-way
    qtbot.waitUntil(lambda: not running(chart), timeout=2000)
    assert chart.bar_widths() == chart._lengths


def test_a_finger_down_stops_the_motion_at_the_final_picture(make_kiosk, tap, touch_device):
    kiosk = make_kiosk(context=MOVING)
    tap(kiosk.window.tabs.buttons[2])
    chart = talent(kiosk)
    assert running(chart)
    QTest.touchEvent(kiosk.window, touch_device).press(0, QPoint(600, 500), kiosk.window).commit()
    assert not running(chart)
    assert chart.bar_widths() == chart._lengths
    QTest.touchEvent(kiosk.window, touch_device).release(0, QPoint(600, 500), kiosk.window).commit()


def test_reduce_motion_shows_final_charts_without_sliding_or_fading(make_kiosk, tap, touch_path):
    kiosk = make_kiosk(context={"reduce_motion": True})
    tap(kiosk.window.tabs.buttons[2])
    chart = talent(kiosk)
    assert not running(chart) and chart.bar_widths() == chart._lengths
    touch_path(kiosk.window, [QPoint(1400, 500), QPoint(1100, 500), QPoint(800, 505)])
    assert kiosk.window.current_view == "living"
    assert kiosk.window.stack.currentIndex() == 3  # no slide in progress
    kiosk.attract.start()
    kiosk.attract.next_slide()
    assert kiosk.attract._animation.state() != QVariantAnimation.State.Running


def test_with_motion_a_swipe_slides(make_kiosk, touch_path):
    kiosk = make_kiosk(context=MOVING)
    touch_path(kiosk.window, [QPoint(1400, 500), QPoint(1100, 500), QPoint(800, 505)])
    assert kiosk.window.current_view == "industries"
    assert kiosk.window.sliding
    touch_path(kiosk.window, [QPoint(1400, 500), QPoint(1100, 500), QPoint(800, 505)])  # again, mid-slide
    assert kiosk.window.current_view == "innovation"
    kiosk.window.show_view("overview")  # a tab tap mid-slide ends it with every page in place
    assert not kiosk.window.sliding
    assert all(kiosk.window.stack.widget(i).pos().x() == 0 for i in range(kiosk.window.stack.count()))


def test_every_chart_on_a_view_takes_part(make_kiosk, tap):
    kiosk = make_kiosk(context=MOVING)
    tap(kiosk.window.tabs.buttons[1])
    settle()
    charts = kiosk.window.views["industries"].findChildren(BarRowsChart)
    assert charts and all(running(c) for c in charts)
