"""The real program on a real X server (Xvfb + openbox), driven with XTest input through xdotool:
keys, clicks, drags, the window manager's own actions. After each burst the kiosk is alive,
covers the screen (read back from the X server) and a click on a tab still switches the view."""

from __future__ import annotations

import time

import numpy as np
import pytest

from kiosk import realx
from kiosk.theme import Theme

TAB_BAR_RGB = [int(Theme().bar[i:i + 2], 16) for i in (1, 3, 5)]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.real_display,
    pytest.mark.skipif(bool(realx.missing_for_xvfb()), reason="each real-display test needs the Debian packages "
                       + " ".join(realx.missing_for_xvfb())),
]


@pytest.fixture(scope="module")
def xserver():
    server = realx.XServer()
    yield server
    server.close()


@pytest.fixture
def kiosk(xserver):
    running = realx.KioskProcess.start(xserver)
    yield running
    running.stop()


KEYS = ["a", "Return", "Tab", "Left", "Right", "Up", "Down", "space", "shift", "ctrl", "alt", "super", "BackSpace",
        "F1", "F5", "Menu", "Delete", "Home", "Escape", "F11", "alt+F4", "ctrl+q", "ctrl+w", "ctrl+F4", "alt+Tab",
        "super+d", "ctrl+alt+BackSpace", "shift+Tab", "ctrl+a", "Print"]


def test_no_key_of_a_real_keyboard_ends_or_uncovers_the_kiosk(xserver, kiosk):
    """Regression: the first real key press (anything but Escape or F11) ended the kiosk with an
    AttributeError from its input watcher."""
    for key in KEYS:
        xserver.xdotool("key", "--clearmodifiers", key)
        time.sleep(0.05)
    xserver.xdotool("type", "--delay", "20", "hello kiosk 123")
    time.sleep(0.5)
    kiosk.assert_still_works()
    assert "unhandled exception" not in kiosk.log


def test_clicks_drags_holds_and_the_wheel_leave_it_working(xserver, kiosk):
    width, height = xserver.size()
    middle = (str(width // 2), str(height // 2))
    xserver.xdotool("mousemove", *middle, "click", "--repeat", "2", "--delay", "80", "1")  # double click
    xserver.xdotool("click", "3", "click", "2")  # right and middle button
    xserver.xdotool("click", "--repeat", "5", "4", "click", "--repeat", "5", "5")  # wheel up, down
    for start, end in ((1400, 200), (200, 1400)):  # drags across the page, both ways (swipes)
        xserver.xdotool("mousemove", str(start), middle[1], "mousedown", "1", "mousemove", str((start + end) // 2),
                        middle[1], "mousemove", str(end), middle[1], "mouseup", "1")
        time.sleep(0.5)
    xserver.xdotool("mousemove", *middle, "mousedown", "1", "sleep", "2.5", "mouseup", "1")  # a long press
    for x, y in kiosk.tab_points():
        xserver.xdotool("mousemove", str(x), str(y), "click", "--repeat", "3", "--delay", "30", "1")
    time.sleep(0.5)
    kiosk.assert_still_works()


@pytest.mark.parametrize("action", ["minimise", "move", "resize", "another window"])
def test_the_window_manager_cannot_take_the_screen_away(xserver, kiosk, action):
    window = kiosk.window_id()
    if action == "minimise":
        xserver.xdotool("windowminimize", window)
    elif action == "move":
        xserver.xdotool("windowmove", window, "300", "200")
    elif action == "resize":
        xserver.xdotool("windowsize", window, "800", "600")
    else:
        xserver.other_window()
        xserver.xdotool("search", "--sync", "--onlyvisible", "--class", "xlogo", "windowactivate")
    time.sleep(0.5)
    kiosk.assert_still_works()


def test_a_staff_keyboard_reaches_the_staff_panel(xserver):
    from kiosk.pin import hash_pin

    kiosk = realx.KioskProcess.start(xserver, config=f'pin_hash = "{hash_pin("2468")}"\n')
    try:
        before = kiosk.wait_until_covered()
        xserver.xdotool("key", "ctrl+alt+p")
        time.sleep(0.5)
        assert realx.difference(before, xserver.screenshot()) > 0.05, "Ctrl+Alt+P did not open the PIN pad"
        xserver.xdotool("key", "Escape")
        time.sleep(0.5)
        assert realx.difference(before, xserver.screenshot()) < 0.01, "Escape did not close the PIN pad"
        xserver.xdotool("key", "ctrl+alt+p")
        xserver.xdotool("type", "--delay", "50", "2468")
        xserver.xdotool("key", "Return")
        time.sleep(0.5)
        assert "staff panel opened" in kiosk.log
        xserver.xdotool("key", "Escape")  # closes the staff panel too
        kiosk.assert_still_works()
    finally:
        kiosk.stop()


def test_a_window_the_size_of_the_screen_keeps_its_tab_bar_on_screen_under_a_title_bar(xserver):
    kiosk = realx.KioskProcess.start(xserver, "--windowed")
    try:
        x, y, width, height = xserver.window_rect(kiosk.window_id())
        screen_width, screen_height = xserver.size()
        assert y > 0, "no title bar: this test needs a window manager's frame"
        assert x + width <= screen_width and y + height <= screen_height
        bottom_row = xserver.screenshot()[y + height - 8, x + 8: x + width - 8]
        tab_bar = np.all(np.abs(bottom_row.astype(int) - TAB_BAR_RGB) < 12, axis=1).mean()
        assert tab_bar > 0.3, "the tab bar is not at the bottom of the window"
    finally:
        kiosk.stop()


@pytest.mark.skipif(bool(realx.missing_for_xorg()), reason="the screen-size test needs the Debian packages "
                    + " ".join(realx.missing_for_xorg()))
def test_a_screen_turned_through_randr_is_covered_again():
    """Xvfb cannot change its screen size; Xorg with the dummy driver can, as a real one does."""
    server = realx.XServer(xorg=True)
    try:
        kiosk = realx.KioskProcess.start(server)
        for size in ("1080x1920", "1920x1080"):
            server.run("xrandr", "-s", size)
            time.sleep(1)
            assert server.size() == tuple(int(side) for side in size.split("x"))
            kiosk.assert_still_works()
        assert "screen is now 1080x1920" in kiosk.log
    finally:
        server.close()


def test_a_tactile_keypad_on_a_real_keyboard_reads_the_kiosk_aloud(xserver):
    """A keypad is a USB keyboard: its keys, sent through XTest to the real program in kiosk
    mode, turn speech on, move through the screen, choose a tab, and turn speech off; a frame
    on the screen shows what is read."""
    kiosk = realx.KioskProcess.start(xserver, config='speech_output = "null"\nlog_level = "DEBUG"\n')
    try:
        before = kiosk.wait_until_covered()
        xserver.xdotool("key", "Right")
        realx._wait_for(kiosk.speech_on, 10, "speech mode to start")
        second_tab = kiosk.log.count("say (en): Industries, tab.")
        for _ in range(60):  # to the second tab, in reading order
            xserver.xdotool("key", "Right")
            time.sleep(0.05)
            if kiosk.log.count("say (en): Industries, tab.") > second_tab:
                break
        assert kiosk.log.count("say (en): Industries, tab.") > second_tab, kiosk.log[-3000:]
        framed = xserver.screenshot()
        assert realx.difference(before, framed) > 0, "nothing on the screen shows what is read"
        xserver.xdotool("key", "Return")
        realx._wait_for(lambda: "say (en): Industries, tab, selected." in kiosk.log, 10, "the tab to be chosen")
        xserver.xdotool("key", "s")
        realx._wait_for(lambda: not kiosk.speech_on(), 10, "speech mode to end")
        assert kiosk.alive()
    finally:
        kiosk.stop()
