"""Opening hours on screen: dark outside them (panel switched off, or a black curtain), a touch
wakes it without pressing what is under the finger, and the state is asserted again."""

from __future__ import annotations

import datetime as dt
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.analytics import db
from kiosk.analytics.visits import Visits
from kiosk.config import DisplayHours
from kiosk.display_power import (NoSwitch, WlrRandr, XDpms, blanking_findings, choose_power,
                                 find_screen_blanking)

MONDAY = dt.date(2026, 12, 7)
HOURS = DisplayHours(**{day: ("09:00-17:30",) for day in ("monday", "tuesday", "wednesday", "thursday", "friday")},
                     wake_minutes=5)

XSET_QUERY = """Keyboard Control:
  auto repeat:  on    key click percent:  0    LED mask:  00000000
Screen Saver:
  prefer blanking:  yes    allow exposures:  yes
  timeout:  {saver}    cycle:  600
Font Path:
  /usr/share/fonts/X11/misc,built-ins
DPMS (Energy Star):
  Standby: 600    Suspend: 600    Off: 600
  DPMS is {dpms}
  Monitor is {monitor}
"""

FAKE_XSET = f"""#!{sys.executable}
# A stand-in for xset: records its arguments, keeps the monitor's state in a file.
import pathlib, sys
here = pathlib.Path(__file__).parent
args = sys.argv[1:]
with open(here / "calls", "a") as calls:
    calls.write(" ".join(["xset", *args]) + "\\n")
state = here / "monitor"
monitor = state.read_text() if state.exists() else "On"
dpms = (here / "dpms").read_text() if (here / "dpms").exists() else "Enabled"
if args == ["-q"]:
    print({XSET_QUERY!r}.format(saver=600, dpms=dpms, monitor=monitor))
elif args[:2] == ["dpms", "force"]:
    state.write_text("On" if args[2] == "on" else "Off")
    (here / "dpms").write_text("Enabled")
elif args == ["-dpms"]:
    (here / "dpms").write_text("Disabled")
"""

FAKE_WLR_RANDR = f"""#!{sys.executable}
# A stand-in for wlr-randr: two outputs, their state in files, its arguments recorded.
import pathlib, sys
here = pathlib.Path(__file__).parent
args = sys.argv[1:]
with open(here / "calls", "a") as calls:
    calls.write(" ".join(["wlr-randr", *args]) + "\\n")
outputs = ("HDMI-A-1", "DP-2")
if not args:
    for name in outputs:
        enabled = (here / name).read_text() if (here / name).exists() else "yes"
        print(f'{{name}} "Example Monitor"\\n  Enabled: {{enabled}}\\n  Modes:')
        print("    1920x1080 px, 60.000000 Hz (current)")
elif args[0] == "--output" and args[1] in outputs:
    (here / args[1]).write_text("no" if args[2] == "--off" else "yes")
else:
    sys.exit(1)
"""


class FakeTool:
    """A fake xset or wlr-randr first on PATH; `calls` lists what the kiosk ran, queries left out."""

    def __init__(self, folder: Path, name: str, script: str):
        folder.mkdir()
        tool = folder / name
        tool.write_text(script, encoding="utf-8")
        tool.chmod(0o755)
        self.folder = folder
        self.environ = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "DISPLAY": ":99"}

    def calls(self) -> list[str]:
        path = self.folder / "calls"
        lines = path.read_text().splitlines() if path.exists() else []
        return [line for line in lines if line not in ("xset -q", "wlr-randr")]

    def set_state(self, name: str, value: str) -> None:
        (self.folder / name).write_text(value)


@pytest.fixture
def xset(tmp_path):
    return FakeTool(tmp_path / "xset-bin", "xset", FAKE_XSET)


@pytest.fixture
def wlr_randr(tmp_path):
    return FakeTool(tmp_path / "wlr-bin", "wlr-randr", FAKE_WLR_RANDR)


class Clock:
    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, day: dt.date, clock: str) -> None:
        self.now = dt.datetime.combine(day, dt.time.fromisoformat(clock))

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


def at(clock: str, day: dt.date = MONDAY) -> Clock:
    return Clock(dt.datetime.combine(day, dt.time.fromisoformat(clock)))


def tab_point(kiosk, index: int):
    tab = kiosk.window.tabs.buttons[index]
    return tab.mapTo(kiosk.window, tab.rect().center())


class Sessions:
    """The analytics' sink: which sessions opened and how they ended."""

    def __init__(self):
        self.records = []

    def __call__(self, sql, params) -> None:
        self.records.append((sql, params))

    def ends(self) -> list[str]:
        return [params[2] for sql, params in self.records if sql == db.CLOSE_SESSION]

    def opened(self) -> int:
        return sum(sql == db.OPEN_SESSION for sql, _ in self.records)


# ---- the panel's switch through the real commands, faked -----------------------------------

DPMS_ON = ["xset dpms force on", "xset s reset", "xset -dpms"]
WLR_ON = ["wlr-randr --output HDMI-A-1 --on", "wlr-randr --output DP-2 --on"]
SWITCHES = {
    "xset": (XDpms, ["xset dpms force off"], DPMS_ON),
    "wlr_randr": (WlrRandr, ["wlr-randr --output HDMI-A-1 --off", "wlr-randr --output DP-2 --off"], WLR_ON),
}


@pytest.mark.parametrize("tool", SWITCHES)
def test_open_closed_touch_wake_sleep_open(request, make_kiosk, tap, tool):
    from kiosk.ui.session import State

    fake = request.getfixturevalue(tool)
    power, off, on = SWITCHES[tool]
    clock = at("10:00")
    sessions = Sessions()
    kiosk = make_kiosk(display_hours=HOURS, clock=clock, display_power=power(fake.environ),
                       visits=Visits(sessions, "en", "overview", clock=lambda: clock().timestamp()))
    kiosk.after_first_frame()
    tap(kiosk.window, tab_point(kiosk, 2))  # a visitor at work
    assert fake.calls() == [] and kiosk.window.current_view == "innovation"

    clock.set(MONDAY, "17:30")
    kiosk.display.check()
    assert fake.calls() == off
    assert kiosk.display.curtain.isVisible() and kiosk.session.state is State.ASLEEP
    assert sessions.ends() == ["closed"] and kiosk.window.current_view == "overview"

    clock.advance(60)
    tap(kiosk.window, tab_point(kiosk, 1))  # wakes the screen, presses nothing
    assert fake.calls() == off + on
    assert not kiosk.display.curtain.isVisible() and kiosk.window.current_view == "overview"
    assert kiosk.session.state is State.ACTIVE and sessions.opened() == 2

    clock.advance(4)
    kiosk.display.check()
    assert fake.calls() == off + on  # still within five minutes of the touch
    clock.advance(2)
    kiosk.display.check()
    assert fake.calls() == off + on + off
    assert kiosk.display.curtain.isVisible() and sessions.ends() == ["closed", "closed"]

    clock.set(MONDAY + dt.timedelta(days=1), "09:00")
    kiosk.display.check()
    assert fake.calls() == off + on + off + on
    assert not kiosk.display.curtain.isVisible() and kiosk.session.state is State.ATTRACT
    assert kiosk.attract.isVisible()


def test_a_screen_switched_on_by_hand_goes_dark_again_and_a_restart_is_not_lit(make_kiosk, xset):
    kiosk = make_kiosk(display_hours=HOURS, clock=at("22:00"), display_power=XDpms(xset.environ))
    assert kiosk.display.curtain.isVisible()  # dark from the first frame
    kiosk.after_first_frame()
    assert xset.calls() == ["xset dpms force off"]  # the panel was on: off it goes
    kiosk.display.reassert()
    assert xset.calls() == ["xset dpms force off"]  # still off: nothing to do
    xset.set_state("monitor", "On")  # someone pressed the panel's button
    kiosk.display.reassert()
    assert xset.calls() == ["xset dpms force off"] * 2


def test_a_screen_switched_off_during_opening_hours_comes_back(make_kiosk, xset):
    kiosk = make_kiosk(display_hours=HOURS, clock=at("11:00"), display_power=XDpms(xset.environ))
    xset.set_state("monitor", "Off")
    kiosk.display.reassert()
    assert xset.calls() == DPMS_ON


def test_with_wake_minutes_0_a_touch_leaves_the_screen_dark(make_kiosk, tap, xset):
    from dataclasses import replace

    kiosk = make_kiosk(display_hours=replace(HOURS, wake_minutes=0), clock=at("20:00"),
                       display_power=XDpms(xset.environ))
    tap(kiosk.window, tab_point(kiosk, 1))
    assert kiosk.display.curtain.isVisible() and kiosk.window.current_view == "overview"
    assert xset.calls() == ["xset dpms force off"]  # X lights the panel at any input: off again


def test_the_staff_corner_still_works_at_night(make_kiosk, tap):
    from dataclasses import replace

    from PySide6.QtCore import QPoint

    kiosk = make_kiosk(display_hours=replace(HOURS, wake_minutes=0), clock=at("20:00"), display_power=NoSwitch())
    for _ in range(5):
        tap(kiosk.window, QPoint(10, 10))
    assert not kiosk.display.curtain.isVisible() and kiosk.no_pin.isVisible()


# ---- staff's screen off and on from afar (a fleet command) ------------------------------------

def test_staff_screen_off_holds_through_opening_hours_until_staff_switch_it_on(make_kiosk, tap, xset):
    clock = at("11:00")
    kiosk = make_kiosk(display_hours=HOURS, clock=clock, display_power=XDpms(xset.environ))
    kiosk.switch_screen(False, "a test")
    assert not kiosk.screen_on and kiosk.display.curtain.isVisible()
    assert xset.calls() == ["xset dpms force off"]
    clock.advance(30)
    kiosk.display.check()  # still opening hours: the schedule would open it, the hold keeps it dark
    tap(kiosk.window, tab_point(kiosk, 1))  # and a visitor's touch does not light it
    xset.set_state("monitor", "On")
    kiosk.display.reassert()
    assert not kiosk.screen_on and kiosk.window.current_view == "overview"
    assert xset.calls() == ["xset dpms force off"] * 3
    kiosk.switch_screen(True, "a test")
    assert kiosk.screen_on and not kiosk.display.curtain.isVisible() and xset.calls()[-3:] == DPMS_ON


def test_staff_screen_on_outside_opening_hours_lights_it_a_while(make_kiosk):
    clock = at("22:00")
    kiosk = make_kiosk(display_hours=HOURS, clock=clock, display_power=NoSwitch())
    assert not kiosk.screen_on
    kiosk.switch_screen(True, "a test")
    assert kiosk.screen_on
    clock.advance(60)
    kiosk.display.check()
    assert not kiosk.screen_on


def test_without_display_hours_staff_can_still_darken_the_screen(make_kiosk, tap):
    kiosk = make_kiosk()
    kiosk.switch_screen(True, "a test")
    assert kiosk.display is None and kiosk.screen_on  # on already: nothing is built
    kiosk.switch_screen(False, "a test")
    tap(kiosk.window, tab_point(kiosk, 1))
    assert not kiosk.screen_on and kiosk.display.curtain.isVisible() and kiosk.window.current_view == "overview"
    assert kiosk.status() == "screen switched off by staff"
    kiosk.switch_screen(True, "a test")
    assert kiosk.screen_on and not kiosk.display.curtain.isVisible()


# ---- the black curtain (no switch for the panel) ---------------------------------------------


def test_the_curtain_covers_everything_and_the_waking_touch_presses_nothing(make_kiosk, tap, touch_device):
    from PySide6.QtGui import QColor

    clock = at("18:00")
    kiosk = make_kiosk(display_hours=HOURS, clock=clock)  # offscreen: no switch, the curtain alone
    window, curtain = kiosk.window, kiosk.display.curtain
    assert isinstance(kiosk.display.power, NoSwitch)
    assert curtain.isVisible() and curtain.geometry() == window.rect()
    target = tab_point(kiosk, 1)
    assert window.childAt(target) is curtain  # the tab is under the curtain, out of reach
    image = window.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)}
    assert colours == {QColor("black").name()}
    tap(window, target)
    assert not curtain.isVisible() and window.current_view == "overview"
    tap(window, target)
    assert window.current_view == "industries"  # awake: the same touch now changes the view


def test_closing_stops_the_attract_loop(make_kiosk):
    clock = at("17:00")
    kiosk = make_kiosk(display_hours=HOURS, clock=clock)
    kiosk.session.wait_for_visitors()
    assert kiosk.attract.isVisible() and kiosk.attract._timer.isActive()
    clock.set(MONDAY, "17:30")
    kiosk.display.check()
    assert not kiosk.attract.isVisible() and not kiosk.attract._timer.isActive()
    assert kiosk.display.curtain.isVisible()
    kiosk.session._on_idle()  # a timer that fires late changes nothing visible
    assert kiosk.display.curtain.isVisible()


def test_without_display_hours_nothing_changes(make_kiosk):
    kiosk = make_kiosk()
    assert kiosk.display is None and kiosk.status().startswith("visitor session")


# ---- choosing the switch, and what would blank the screen --------------------------------------


def test_the_switch_is_chosen_by_platform_and_says_why(xset, wlr_randr):
    power, why = choose_power("xcb", xset.environ)
    assert isinstance(power, XDpms) and ":99" in why
    power, why = choose_power("wayland", wlr_randr.environ)
    assert isinstance(power, WlrRandr) and "HDMI-A-1" in why
    power, why = choose_power("xcb", {"PATH": str(wlr_randr.folder)})
    assert isinstance(power, NoSwitch) and "xset is not installed" in why
    power, why = choose_power("offscreen", xset.environ)
    assert isinstance(power, NoSwitch) and "offscreen" in why


def test_screen_saver_and_dpms_timeouts_are_found_with_their_fix():
    found = blanking_findings(XSET_QUERY.format(saver=600, dpms="Enabled", monitor="On"))
    assert [f.fix for f in found] == ["xset s off", "xset -dpms"]
    assert "600 s" in found[0].problem and "standby after 600 s" in found[1].problem
    assert blanking_findings(XSET_QUERY.format(saver=0, dpms="Disabled", monitor="On")) == []


# ---- a real X server ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def xvfb():
    for tool, package in (("Xvfb", "xvfb"), ("xset", "x11-xserver-utils")):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian: {package})")
    read, write = os.pipe()
    # -noreset: the server keeps what xset set after the tool disconnects.
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "+extension",
                                "DPMS", "-noreset", "-nolisten", "tcp"], pass_fds=(write,),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n") and select.select([read], [], [], 30)[0]:
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    if not number.strip():
        process.kill()
        process.wait()
        pytest.fail("Xvfb did not start")
    yield {**os.environ, "DISPLAY": f":{number.decode().strip()}"}
    process.terminate()
    process.wait(timeout=10)


def dpms_extension(environ) -> bool:
    return "DPMS is" in subprocess.run(["xset", "-q"], env=environ, capture_output=True, text=True).stdout


def test_a_real_x_server_reports_its_screen_saver(xvfb):
    subprocess.run(["xset", "s", "300"], env=xvfb, check=True)
    assert [f.problem for f in find_screen_blanking(xvfb)][:1] == [
        "the X screen saver blanks the screen after 300 s without input"]
    subprocess.run(["xset", "s", "off"], env=xvfb, check=True)
    assert not [f for f in find_screen_blanking(xvfb) if f.fix == "xset s off"]


def test_a_real_dpms_switch(xvfb):
    if not dpms_extension(xvfb):
        pytest.skip("this Xvfb has no DPMS extension, even with +extension DPMS (Debian 12's has none)")
    power, _ = choose_power("xcb", xvfb)
    power.off()
    assert power.is_on() is False
    power.on()
    assert power.is_on() is True


def test_a_real_x_server_without_dpms_leaves_the_curtain(xvfb):
    if dpms_extension(xvfb):
        pytest.skip("this Xvfb has the DPMS extension: the switch itself is tested")
    power, why = choose_power("xcb", xvfb)
    assert isinstance(power, NoSwitch) and why == "the X server has no DPMS extension"


@pytest.mark.slow
def test_a_screenshot_shows_the_content_even_outside_opening_hours(tmp_path):
    from PySide6.QtGui import QImage

    config = tmp_path / "config.toml"
    config.write_text("[display_hours]\nwake_minutes = 5\n", encoding="utf-8")  # never open
    out = tmp_path / "shot.png"
    subprocess.run([sys.executable, "-m", "kiosk", "screenshot", "--config", str(config), "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    image = QImage(str(out))
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 97) for y in range(0, image.height(), 89)}
    assert len(colours) > 3  # the content, not a black screen
