"""One-finger gestures read from the InputWatcher: page swipes and the hidden staff corner."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QTimer, Signal

from kiosk.ui.session import InputWatcher


class SwipeRecogniser(QObject):
    """Qt's built-in swipe needs three fingers; visitors use one.

    A swipe is a quick, clearly horizontal movement: a tap (short) or a vertical drag
    (a scroll) is never taken for one.
    """

    # +1: finger moved left (next view); -1: moved right (previous); and where it started
    swiped = Signal(int, QPointF)

    def __init__(self, watcher: InputWatcher, min_distance_px: float, max_seconds: float = 1.0):
        super().__init__()
        self.min_distance = min_distance_px
        self.max_seconds = max_seconds
        self._start: QPointF | None = None
        watcher.pressed.connect(self._on_pressed)
        watcher.released.connect(self._on_released)
        watcher.cancelled.connect(self._on_cancelled)

    def _on_pressed(self, pos: QPointF) -> None:
        self._start = pos

    def _on_cancelled(self) -> None:
        self._start = None

    def _on_released(self, pos: QPointF, seconds: float) -> None:
        if self._start is None:
            return
        start, self._start = self._start, None
        dx, dy = pos.x() - start.x(), pos.y() - start.y()
        if abs(dx) >= self.min_distance and abs(dx) >= 2 * abs(dy) and seconds <= self.max_seconds:
            self.swiped.emit(1 if dx < 0 else -1, start)


class CornerTaps(QObject):
    """Five taps within three seconds in the top-left corner: the staff's way to the PIN pad."""

    triggered = Signal()

    def __init__(self, watcher: InputWatcher, size_px: int = 120, taps: int = 5,
                 within_seconds: float = 3.0, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.size = size_px
        self.within = within_seconds
        self.clock = clock
        self._times: deque[float] = deque(maxlen=taps)
        watcher.pressed.connect(self._on_pressed)

    def _on_pressed(self, pos: QPointF) -> None:
        if pos.x() > self.size or pos.y() > self.size:
            return
        now = self.clock()
        self._times.append(now)
        if len(self._times) == self._times.maxlen and now - self._times[0] <= self.within:
            self._times.clear()
            self.triggered.emit()


class FingersHeld(QObject):
    """Three fingers held on the screen for two seconds: speech mode on or off. It can be told
    in one sentence (on a braille label too), and no visitor does it by chance."""

    triggered = Signal()

    def __init__(self, watcher: InputWatcher, fingers: int = 3, seconds: float = 2.0):
        super().__init__()
        self.count = fingers
        self._timer = QTimer(self, singleShot=True, interval=round(seconds * 1000))
        self._timer.timeout.connect(self.triggered)
        self._held = False  # these fingers are down already: once per hold
        watcher.fingers.connect(self._on_fingers)

    def _on_fingers(self, count: int) -> None:
        if count != self.count:
            self._timer.stop()
            self._held = False
        elif not self._held:
            self._held = True
            self._timer.start()
