"""Unattended operation with real touch events: idle warning, reset, attract loop, swipe, staff exit."""

import dataclasses
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QScroller, QWidget

from conftest import settle
from kiosk.pin import hash_pin
from kiosk.ui.session import State
from ui_helpers import TABS, explorer, pixels_apart

FAST = {"idle_seconds": 0.05, "warning_seconds": 1, "attract_seconds": 60}


def in_window(widget, window):
    return widget.mapTo(window, widget.rect().center())


def test_idle_leads_to_a_warning_a_countdown_and_the_attract_loop(make_kiosk, qtbot):
    kiosk = make_kiosk(**FAST)
    qtbot.waitUntil(lambda: kiosk.session.state is State.WARNING, timeout=2000)
    assert kiosk.warning.isVisible()
    assert "1 s" in kiosk.warning.countdown.text()
    qtbot.waitUntil(lambda: kiosk.session.state is State.ATTRACT, timeout=3000)
    assert kiosk.attract.isVisible() and not kiosk.warning.isVisible()


def test_a_touch_anywhere_during_the_warning_continues(make_kiosk, qtbot, tap):
    kiosk = make_kiosk(**FAST)
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=2000)
    tap(kiosk.warning, QPoint(30, 30))  # far from the Continue button
    assert kiosk.session.state is State.ACTIVE and not kiosk.warning.isVisible()


def test_the_continue_button_continues(make_kiosk, qtbot, tap):
    kiosk = make_kiosk(**{**FAST, "idle_seconds": 0.05})
    qtbot.waitUntil(lambda: kiosk.warning.isVisible(), timeout=2000)
    kiosk.session.config = dataclasses.replace(kiosk.session.config, idle_seconds=60)
    tap(kiosk.warning.continue_button)
    assert kiosk.session.state is State.ACTIVE and not kiosk.warning.isVisible()


def test_reset_restores_the_start_state_of_everything(make_kiosk, tap):
    kiosk = make_kiosk(size=(1080, 1920))
    window = kiosk.window
    window.show_view("industries")
    industries = explorer(window)
    industries.select(2)
    scroller = window.views["industries"].parentWidget().parentWidget()
    scroller.verticalScrollBar().setValue(scroller.verticalScrollBar().maximum())

    class LaterFeature(QWidget):  # anything added later joins the reset by having reset_state()
        was_reset = False

        def reset_state(self):
            self.was_reset = True

    later = LaterFeature(window)
    kiosk.pin_pad.open()
    kiosk.reset()
    assert window.current_view == TABS[0]
    assert industries.selected == industries.industries[0]
    assert scroller.verticalScrollBar().value() == 0
    assert later.was_reset
    assert not kiosk.pin_pad.isVisible()


def test_the_first_touch_on_the_attract_screen_only_wakes(make_kiosk, tap):
    kiosk = make_kiosk()
    kiosk.session._set(State.ATTRACT)
    settle()
    assert kiosk.attract.isVisible()
    tab = kiosk.window.tabs.buttons[TABS.index("industries")]
    clicks = []
    tab.clicked.connect(lambda: clicks.append(1))
    tap(kiosk.window, in_window(tab, kiosk.window))
    assert not kiosk.attract.isVisible()
    assert kiosk.session.state is State.ACTIVE
    assert clicks == [] and kiosk.window.current_view == "overview"
    tap(kiosk.window, in_window(tab, kiosk.window))
    assert kiosk.window.current_view == "industries"


def test_the_attract_loop_is_built_from_the_dataset(make_kiosk, dataset, raw, tmp_path):
    import json

    from kiosk.model import formatting
    from kiosk.model.loader import load_dataset

    kiosk = make_kiosk()
    texts = "\n".join(t for slide in kiosk.attract.slides for t in visible_texts_all(slide))
    for figure in (dataset.figure(i) for i in dataset.tab("overview").blocks[0].figures):
        assert formatting.format_figure(figure, dataset, "en") in texts
    raw["views"][0]["blocks"][0]["figures"] = raw["views"][0]["blocks"][0]["figures"][:1]
    path = tmp_path / "one-card.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    other = make_kiosk(data=load_dataset(path))
    assert len(other.attract.slides) == len(kiosk.attract.slides) - 3


def visible_texts_all(widget):
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.charts import StaticPlot

    texts = [w.text() for w in widget.findChildren(QLabel)]
    for chart in widget.findChildren(StaticPlot):
        texts += chart.texts()
    return texts


def test_the_attract_loop_cycles_with_a_fade(make_kiosk, qtbot):
    kiosk = make_kiosk(attract_seconds=0.05)
    kiosk.attract.start()
    qtbot.waitUntil(lambda: kiosk.attract.stack.currentIndex() == 2, timeout=3000)
    assert kiosk.attract._animation.duration() > 0


def test_a_new_slide_lifts_out_of_the_background(make_kiosk, qtbot):
    kiosk = make_kiosk(context={"reduce_motion": False})
    attract = kiosk.attract
    attract.start()
    attract.next_slide()
    curtain = attract.curtain
    assert curtain.isVisible() and curtain.geometry() == attract.stack.rect()
    assert curtain.cover() == 1.0  # the slide starts hidden under the background colour
    qtbot.waitUntil(lambda: 0 < curtain.cover() < 1, timeout=2000)
    qtbot.waitUntil(lambda: not curtain.isVisible(), timeout=2000)
    assert curtain.cover() == 0.0


@pytest.mark.parametrize(("dx", "dy", "expected"), [
    (-500, 0, "industries"),   # finger moves left: next view
    (500, 30, "living"),       # finger moves right: previous view (wraps)
    (0, 0, "overview"),        # a tap is never a swipe
    (10, 6, "overview"),       # nor a jitter
    (150, 500, "overview"),    # a vertical drag never changes tab
])
def test_one_finger_swipes_change_the_view(make_kiosk, touch_path, qtbot, dx, dy, expected):
    kiosk = make_kiosk()
    window = kiosk.window
    start = QPoint(960, 500)
    steps = [start + QPoint(dx * i // 5, dy * i // 5) for i in range(6)]
    touch_path(window, steps)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == TABS.index(expected), timeout=2000)
    assert window.current_view == expected


def test_a_two_finger_movement_is_not_a_swipe(make_kiosk, touch_device):
    kiosk = make_kiosk()
    window = kiosk.window
    a, b = QPoint(900, 500), QPoint(1000, 500)
    QTest.touchEvent(window, touch_device).press(0, a, window).press(1, b, window).commit()
    QTest.touchEvent(window, touch_device).move(0, a - QPoint(500, 0), window).move(1, b - QPoint(500, 0), window).commit()
    QTest.touchEvent(window, touch_device).release(0, a - QPoint(500, 0), window).release(1, b - QPoint(500, 0), window).commit()
    settle()
    assert window.current_view == "overview"


def test_pages_scroll_kinetically_by_finger(make_kiosk):
    kiosk = make_kiosk()
    for index in range(kiosk.window.stack.count()):
        viewport = kiosk.window.stack.widget(index).viewport()
        assert QScroller.hasScroller(viewport)
        # grabGesture registers a custom recogniser; an ungrabbed widget reports none.
        assert QScroller.grabbedGesture(viewport).value >= Qt.GestureType.CustomGesture.value


def five_corner_taps(kiosk, tap):
    for _ in range(5):
        tap(kiosk.window, QPoint(20, 20))


def test_staff_gesture_opens_the_pin_pad_and_the_right_pin_exits(make_kiosk, tap, monkeypatch):
    kiosk = make_kiosk(kiosk_mode=True, pin_hash=hash_pin("2468"))
    exits = []
    monkeypatch.setattr(QGuiApplication.instance(), "exit", lambda code=0: exits.append(code))
    five_corner_taps(kiosk, tap)
    assert kiosk.pin_pad.isVisible()
    for key in "2468":
        tap(kiosk.pin_pad.keys[key])
    assert kiosk.pin_pad.display.text() == "●●●●"
    tap(kiosk.pin_pad.keys["ok"])
    assert exits == []  # the staff panel first: status, then the way out
    assert kiosk.staff.isVisible() and not kiosk.pin_pad.isVisible()
    tap(kiosk.staff.exit_button)
    assert exits == [0]
    assert kiosk.window.closable


def test_five_wrong_pins_lock_the_pad_for_a_minute(make_kiosk, tap):
    kiosk = make_kiosk(pin_hash=hash_pin("2468"))
    now = [1000.0]
    kiosk.pin_pad.guard.clock = lambda: now[0]
    five_corner_taps(kiosk, tap)
    for attempt in range(5):
        for key in "1111":
            tap(kiosk.pin_pad.keys[key])
        tap(kiosk.pin_pad.keys["ok"])
    assert not kiosk.pin_pad.keys["2"].isEnabled()
    assert "60" in kiosk.pin_pad.status.text()
    now[0] += 60
    kiosk.pin_pad._refresh()
    assert kiosk.pin_pad.keys["2"].isEnabled()


def test_slow_or_misplaced_taps_do_not_open_the_pad(make_kiosk, tap):
    kiosk = make_kiosk(pin_hash=hash_pin("2468"))
    now = [0.0]
    kiosk.corner.clock = lambda: now[0]
    for _ in range(5):
        tap(kiosk.window, QPoint(400, 20))  # not in the corner
    for _ in range(5):
        now[0] += 1.0  # five taps over four seconds: too slow
        tap(kiosk.window, QPoint(20, 20))
    assert not kiosk.pin_pad.isVisible()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_without_a_pin_visitors_see_no_command_and_the_log_tells_staff(make_kiosk, tap, caplog, language):
    kiosk = make_kiosk(kiosk_mode=True, pin_hash=None, language=language)
    with caplog.at_level(logging.INFO):
        five_corner_taps(kiosk, tap)
        assert kiosk.no_pin.isVisible() and not kiosk.pin_pad.isVisible()
        shown = kiosk.no_pin.message.text()
        assert shown.strip() and not any(word in shown for word in ("set-pin", "run", "运行", ".toml", "/"))
        tap(kiosk.no_pin.findChildren(QPushButton)[-1])  # Close
        five_corner_taps(kiosk, tap)
    told = [r.getMessage() for r in caplog.records if "kiosk set-pin" in r.getMessage()]
    assert len(told) == 2 and "no staff PIN is set" in told[0]  # once per gesture, for staff
    assert kiosk.window.isVisible()


@pytest.mark.parametrize(("key", "modifiers"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
])
def test_no_key_leaves_kiosk_mode(make_kiosk, key, modifiers, caplog):
    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    # Through the QWindow, where a platform plugin delivers a real key press.
    with caplog.at_level(logging.INFO, logger="kiosk.ui.lockdown"):
        QTest.keyClick(window.windowHandle(), key, modifiers)
        settle()
    assert window.isVisible()
    assert len([r for r in caplog.records if r.getMessage().startswith("blocked ")]) == 1  # one press, one line
    assert kiosk.key_blocker.eventFilter(window, _key_event(key, modifiers))


ORDINARY_KEYS = [Qt.Key.Key_A, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Left, Qt.Key.Key_Space,
                 Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_Backspace]


@pytest.mark.parametrize("kiosk_mode", [True, False])
def test_ordinary_keys_at_the_window_change_nothing(make_kiosk, tap, kiosk_mode):
    """Regression: the first real key press (any key but Escape or F11) reached the input
    watcher through the QWindow and ended the kiosk with an AttributeError."""
    kiosk = make_kiosk(kiosk_mode=kiosk_mode)
    window = kiosk.window
    handle = window.windowHandle()
    for key in ORDINARY_KEYS:
        QTest.keyClick(handle, key)
        QTest.keyPress(handle, key)
        QTest.keyRelease(handle, key)
    settle()
    assert window.isVisible() and window.current_view == "overview"
    # Return, Tab, arrows and Space are a tactile keypad's keys too: they started speech mode,
    # which the idle reset ends when the visitor walks away.
    assert kiosk.speech.active
    kiosk.reset()
    tap(window.tabs.buttons[2])
    assert window.current_view == "innovation"


def _key_event(key, modifiers):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)


def test_a_close_request_is_refused_in_kiosk_mode(make_kiosk):
    kiosk = make_kiosk(kiosk_mode=True)
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()


def test_kiosk_mode_is_frameless_without_a_cursor(make_kiosk):
    kiosk = make_kiosk(kiosk_mode=True)
    assert kiosk.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    assert not QGuiApplication.quitOnLastWindowClosed()


def test_windowed_mode_has_no_lockdown(make_kiosk):
    kiosk = make_kiosk(kiosk_mode=False)
    assert kiosk.key_blocker is None
    assert kiosk.window.close() is True


def test_the_faded_in_picture_is_the_slide_as_it_ends_up(make_kiosk):
    """A chart's axis labels must not pop in after the fade (they size themselves late)."""
    kiosk = make_kiosk(context={"reduce_motion": False})
    attract = kiosk.attract
    attract.start()
    for _ in attract.slides:
        attract.next_slide()
        picture = attract.curtain._picture.toImage()
        attract._animation.stop()
        attract.curtain.set_cover(0.0)
        settle()
        assert pixels_apart(picture, attract.stack.currentWidget().grab().toImage()) == 0


def test_idle_resets_and_data_swaps_leave_no_dead_widgets_behind(make_kiosk, dataset):
    """Widgets Qt has deleted must not stay referenced from Python: over weeks of resets they
    would add up (findChildren on the window kept every wrapper it returned)."""
    import gc

    import shiboken6
    from PySide6.QtCore import QObject

    from kiosk.datastore import Shown, now

    kiosk = make_kiosk()

    def dead() -> int:
        settle()
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, QObject) and not shiboken6.isValid(o))

    def cycle() -> None:
        for _ in range(5):
            kiosk.reset()
            kiosk.attract.start()
            kiosk.attract.next_slide()
            kiosk.attract.hide()
        kiosk.show_data(Shown(dataset, Path("swapped.json"), "operator file", now(), Path("media"), "0" * 64))

    cycle()
    before = dead()
    cycle()
    cycle()
    assert dead() <= before


def test_a_staff_keyboard_opens_the_pin_pad_and_types_the_pin(make_kiosk):
    """Ctrl+Alt+P, then the PIN and Enter, all through the window as from a real keyboard."""
    kiosk = make_kiosk(kiosk_mode=True, pin_hash=hash_pin("2468"))
    handle = kiosk.window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    settle()
    assert kiosk.pin_pad.isVisible()
    for key in (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_6, Qt.Key.Key_9, Qt.Key.Key_Backspace, Qt.Key.Key_8):
        QTest.keyClick(handle, key)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    settle()
    assert not kiosk.pin_pad.isVisible() and kiosk.staff.isVisible()


def test_escape_closes_the_pin_pad_and_other_keys_do_nothing(make_kiosk):
    kiosk = make_kiosk(kiosk_mode=True, pin_hash=hash_pin("2468"))
    handle = kiosk.window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(handle, Qt.Key.Key_1)
    QTest.keyClick(handle, Qt.Key.Key_A)
    settle()
    assert kiosk.pin_pad.digits == "1"
    QTest.keyClick(handle, Qt.Key.Key_Escape)
    settle()
    assert not kiosk.pin_pad.isVisible()
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_P):  # the pad is closed: nothing happens
        QTest.keyClick(handle, key)
    settle()
    assert not kiosk.pin_pad.isVisible() and kiosk.built("staff") is None


def test_keys_do_not_reach_the_widgets_in_kiosk_mode(make_kiosk):
    """A barcode reader or a keyboard behind the counter changes nothing a visitor sees."""
    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    window.tabs.buttons[1].setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # even a widget that could take keys
    window.tabs.buttons[1].setFocus()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Right):
        QTest.keyClick(window.windowHandle(), key)
    settle()
    assert window.current_view == "overview"
