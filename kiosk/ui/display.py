"""Opening hours on the screen: dark outside them, lit again by the opening or by a touch.

Outside opening hours the black curtain (overlays.SleepCurtain) covers the kiosk and the panel
itself is switched off where the kiosk can (kiosk.display_power: DPMS on X11, wlr-randr on
wlroots Wayland). The state is asserted again every ten minutes, so a panel someone switched on
by hand goes dark again and a restarted kiosk does not come back lit. The clock is read every
half minute rather than trusted to one long timer: a kiosk without a battery-backed clock may
have its time corrected after start.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.config import DisplayHours
from kiosk.display_power import choose_power
from kiosk.hours import Schedule
from kiosk.ui.overlays import SleepCurtain
from kiosk.ui.session import InputWatcher

log = logging.getLogger(__name__)

CHECK_MS = 30_000
REASSERT_MS = 10 * 60_000
STAFF_WAKE_MINUTES = 2  # the staff corner lights the screen even where touches do not


# Hours for a kiosk without [display_hours] whose screen staff switch off from afar: always open,
# and a touch does not light a screen staff darkened.
ALWAYS_OPEN = DisplayHours(**{day: ("00:00-24:00",) for day in ("monday", "tuesday", "wednesday", "thursday",
                                                               "friday", "saturday", "sunday")}, wake_minutes=0)


class Phase(Enum):
    OPEN = "open"
    CLOSED = "closed"
    WOKEN = "woken"  # outside opening hours, lit by a touch for a while


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class DisplaySchedule(QObject):
    """Switches the screen off outside opening hours and on again; a touch may wake it."""

    closed = Signal()  # opening hours ended, or a woken screen went dark again: the visit is over
    woken = Signal()  # a touch lit the screen outside opening hours
    opened = Signal()  # opening hours began
    changed = Signal()

    def __init__(self, window: QWidget, watcher: InputWatcher, hours: DisplayHours,
                 clock: Callable[[], dt.datetime] = local_now, power=None, parent: QObject | None = None):
        super().__init__(parent)
        self.schedule = Schedule(hours)
        self.wake_minutes = hours.wake_minutes
        self.clock = clock
        self._power = power
        self.phase = Phase.OPEN
        self._woken_for = 0
        self.held_off = False  # staff switched the screen off (a fleet command), whatever the hours
        self.wake_until: dt.datetime | None = None
        self.curtain = SleepCurtain(window)
        self.curtain.tapped.connect(self._on_touch)
        watcher.activity.connect(self._on_activity)
        self._check = QTimer(self, interval=CHECK_MS)
        self._check.timeout.connect(self.check)
        self._reassert = QTimer(self, interval=REASSERT_MS)
        self._reassert.timeout.connect(self.reassert)

    @property
    def power(self):
        """How the panel is switched: chosen on first use (it runs a tool), and logged with why."""
        if self._power is None:
            self._power, why = choose_power(QGuiApplication.platformName(), os.environ)
            log.info("display hours: the screen is darkened by %s (%s)", self._power.name, why)
        return self._power

    def start(self) -> None:
        """The state for now, without touching the panel yet (see reassert), then the timers."""
        if self.schedule.never_open:
            log.warning("display hours: no opening times on any day; the screen stays off")
        self.check(switch=False)
        self._check.start()
        self._reassert.start()

    def stop(self) -> None:
        self._check.stop()
        self._reassert.stop()

    def check(self, switch: bool = True) -> None:
        """Open or close if the time has come; `switch` False leaves the panel to reassert()."""
        if self.held_off:
            return
        now = self.clock()
        if self.schedule.is_open(now):
            if self.phase is not Phase.OPEN:
                self._open()
        elif self.phase is Phase.OPEN or (self.phase is Phase.WOKEN and now >= self.wake_until):
            self._close(switch)

    def reassert(self) -> None:
        """The panel as the schedule wants it, whatever happened to it meanwhile."""
        lit = self.power.is_on()
        if self.phase is Phase.CLOSED and lit is not False:
            if lit:
                log.warning("display hours: the screen was on outside opening hours; switching it off")
            self.power.off()
        elif self.phase is not Phase.CLOSED and lit is False:
            log.warning("display hours: the screen was off during opening hours; switching it on")
            self.power.on()

    def wake_for_staff(self) -> None:
        if self.phase is Phase.CLOSED:
            self._wake(max(self.wake_minutes, STAFF_WAKE_MINUTES), "the staff corner")

    def hold(self, off: bool, by: str) -> None:
        """Staff's screen off, held whatever the opening hours until staff switch it on (or
        wake it at the staff corner); or on: open, or outside opening hours woken a while."""
        log.info("display: %s switches the screen %s", by, "off" if off else "on")
        if off:
            self.held_off = True
            if self.phase is Phase.CLOSED:
                self.power.off()
            else:
                self._close(switch=True)
            return
        self.held_off = False
        if self.schedule.is_open(self.clock()):
            if self.phase is not Phase.OPEN:
                self._open()
        else:
            self._wake(max(self.wake_minutes, STAFF_WAKE_MINUTES), by)

    @property
    def lit(self) -> bool:
        return self.phase is not Phase.CLOSED

    def describe(self) -> str | None:
        """A line for the service manager's status, or None while open."""
        if self.held_off:
            return "screen switched off by staff"
        if self.phase is Phase.CLOSED:
            change = self.schedule.next_change(self.clock())
            until = f" until {change:%a %H:%M}" if change else ""
            return f"screen off outside opening hours{until}"
        if self.phase is Phase.WOKEN:
            return f"woken outside opening hours until {self.wake_until:%H:%M}"
        return None

    def _close(self, switch: bool) -> None:
        self.phase = Phase.CLOSED
        self.closed.emit()  # the visit ends and the kiosk resets before it goes dark
        self.curtain.open()
        if switch:
            self.power.off()
        log.info("display hours: screen off (%s)", self.describe())
        self.changed.emit()

    def _open(self) -> None:
        self.phase = Phase.OPEN
        self.curtain.hide()
        self.power.on()
        log.info("display hours: opening, screen on")
        self.opened.emit()
        self.changed.emit()

    def _on_touch(self) -> None:
        if self.wake_minutes == 0 or self.held_off:
            # An X server lights the panel for any input: dark again at once.
            log.info("display hours: a touch outside opening hours; the screen stays off (wake_minutes = 0)")
            self.power.off()
            return
        self._wake(self.wake_minutes, "a touch")

    def _wake(self, minutes: int, by: str) -> None:
        self.held_off = False  # staff at the screen outrank staff far away
        self.phase = Phase.WOKEN
        self._woken_for = minutes
        self.wake_until = self.clock() + dt.timedelta(minutes=minutes)
        self.curtain.hide()
        self.power.on()
        log.info("display hours: %s woke the screen for %d min after the last touch", by, minutes)
        self.woken.emit()
        self.changed.emit()

    def _on_activity(self) -> None:
        if self.phase is Phase.WOKEN:
            self.wake_until = self.clock() + dt.timedelta(minutes=self._woken_for)
