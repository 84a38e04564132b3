"""Care for a screen that is on all day: a slow pixel shift, and a nightly fresh start.

Image retention: pixels lit the same way for hours (the tab bar, the attract loop's call to
action) can leave a ghost on an LCD. Signage players move their content a few pixels about once
a minute; here the window's content and the attract loop walk a spiral of 1-pixel steps within
±2 pixels (4 pixels end to end) and back, one step a minute, never while a finger is down.

The nightly restart gives a long-running kiosk a fresh process (memory, caches) at the
configured time (restart_at), but only at a quiet moment: on the attract loop or with the
screen dark outside opening hours; with a visitor at the screen it waits for the next one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QVBoxLayout

from kiosk.hours import parse_clock
from kiosk.ui.session import InputWatcher

log = logging.getLogger(__name__)

SHIFT_PX = 2
STEP_MS = 60_000
SETTLE_MS = 1000  # after a finger comes up, before a step that waited for it


def spiral(radius: int = SHIFT_PX) -> list[tuple[int, int]]:
    """Offsets from (0, 0) out to the square of `radius` and back, each 1 px from the last."""
    path = [(0, 0)]
    x = y = 0
    for ring in range(1, radius + 1):
        x += 1  # step out to the next ring, then walk round it
        path.append((x, y))
        for dx, dy, steps in ((0, 1, 2 * ring - 1), (-1, 0, 2 * ring), (0, -1, 2 * ring), (1, 0, 2 * ring)):
            for _ in range(steps):
                x, y = x + dx, y + dy
                path.append((x, y))
    return path + path[-2:0:-1]  # back the same way, so the last step leads to the start


class ShiftingLayout(QVBoxLayout):
    """A vertical layout that places its content `shift` pixels off where it would be: the edge
    it moves away from shows the parent's background, the other edge is clipped."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shift = QPoint()
        self._applied = QPoint()
        self._placed: dict[int, QPoint] = {}  # where each widget was moved to, by id

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        # Laid out as usual, then moved (a box layout squeezes a rect that starts left of its
        # parent, so the rect itself cannot be moved). A layout with nothing new to do leaves
        # the widgets where they were: then they still carry the last shift.
        super().setGeometry(rect)
        placed = {}
        for index in range(self.count()):
            widget = self.itemAt(index).widget()
            if widget is None:
                continue
            base = widget.pos()
            if self._placed.get(id(widget)) == base:
                base -= self._applied
            widget.move(base + self.shift)
            placed[id(widget)] = base + self.shift
        self._placed, self._applied = placed, QPoint(self.shift)

    def set_shift(self, shift: QPoint) -> None:
        self.shift = QPoint(shift)
        if self.geometry().isValid():
            self.setGeometry(self.geometry())


class PixelShift(QObject):
    """Moves every target (an object with set_shift(QPoint)) one step along the spiral a minute."""

    def __init__(self, watcher: InputWatcher, interval_ms: int = STEP_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.path = spiral()
        self.index = 0
        self.targets: list = []
        self._down = False
        self._waiting = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.step)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.step)
        watcher.pressed.connect(self._on_pressed)
        watcher.released.connect(self._on_released)
        self._timer.start()

    @property
    def offset(self) -> QPoint:
        return QPoint(*self.path[self.index])

    def add(self, target) -> None:
        self.targets.append(target)
        target.set_shift(self.offset)

    def pause(self) -> None:
        """Nothing is lit (outside opening hours): nothing to move."""
        self._timer.stop()

    def resume(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def step(self) -> None:
        if self._down and not self._waiting:
            self._waiting = True  # never under a finger: after it comes up (or at the next step)
            return
        self._waiting = False
        self.index = (self.index + 1) % len(self.path)
        for target in self.targets:
            target.set_shift(self.offset)

    def _on_pressed(self) -> None:
        self._down = True
        self._settle.stop()

    def _on_released(self) -> None:
        self._down = False
        if self._waiting:
            self._settle.start()


class NightlyRestart(QObject):
    """Restarts the kiosk at `at` ("03:30") local time every day, at the first quiet moment."""

    def __init__(self, at: str, quiet: Callable[[], bool], restart: Callable[[str], None],
                 clock: Callable[[], dt.datetime] = dt.datetime.now, check_ms: int = 60_000,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.at = at
        self.quiet = quiet
        self.restart = restart
        self.clock = clock
        self.due = self._next_slot(clock())
        self._waiting = False
        # The clock is read each minute rather than one long timer trusted: the time of a
        # kiosk without a battery-backed clock may be corrected after start.
        self._timer = QTimer(self, interval=check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _next_slot(self, now: dt.datetime) -> dt.datetime:
        minutes = parse_clock(self.at)
        slot = now.replace(hour=minutes // 60, minute=minutes % 60, second=0, microsecond=0)
        return slot if slot > now else slot + dt.timedelta(days=1)

    def check(self) -> None:
        """Restart if the time has come and nobody is using the kiosk; else wait for a quiet moment."""
        if self.clock() < self.due:
            return
        if self.quiet():
            self._timer.stop()
            self.restart(f"nightly restart (restart_at = {self.at})")
        elif not self._waiting:
            self._waiting = True
            log.info("nightly restart due; waiting until nobody is using the kiosk")
