"""Touch in speech mode: what a finger means when it must not press anything by landing.

Read from the touch events the platform hands the window (and a real mouse, for desktops):
- one finger resting (or sliding slowly) explores: `explored` with where it is;
- one finger tapped: `tapped` (speak what is under it); a second tap soon after: `double_tapped`
  (choose what was being read before the first tap, wherever the taps land);
- one finger swiped right or left: `swiped` +1 (next) or -1 (previous); up or down: `repeated`;
- two fingers tapped together: `paused`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QEventPoint, QInputDevice, QMouseEvent, QTouchEvent

EXPLORE_MS = 120  # a finger still down this long, without a swipe's speed, explores
SLOP_PX = 24  # movement still taken for a tap
SWIPE_PX = 80
SWIPE_SECONDS = 0.6
TAP_SECONDS = 0.5
DOUBLE_TAP_SECONDS = 0.4

_BEGIN = (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress)
_END = (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease)
_MOVE = (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove)


class SpeechTouch(QObject):
    began = Signal()  # a finger went down (what is being read now is where a swipe counts from)
    explored = Signal(QPointF)
    tapped = Signal(QPointF)
    double_tapped = Signal()
    swiped = Signal(int)
    repeated = Signal()
    paused = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock
        self._start: QPointF | None = None
        self._started = 0.0
        self._fingers = 0
        self._moved = False
        self._exploring = False
        self._explore = QTimer(self, singleShot=True, interval=EXPLORE_MS)
        self._explore.timeout.connect(self._begin_exploring)
        self._position = QPointF()
        self._last_tap = -1.0

    def handle(self, event) -> None:
        """A window-level touch or real-mouse event of a sequence speech mode owns."""
        kind = event.type()
        if isinstance(event, QMouseEvent) and event.device().type() != QInputDevice.DeviceType.Mouse:
            return  # made from a touch already handled
        if kind == QEvent.Type.TouchCancel:
            self._reset()
            return
        points = [p for p in event.points() if p.state() != QEventPoint.State.Released] \
            if isinstance(event, QTouchEvent) else list(event.points())
        position = event.points()[0].position() if event.points() else self._position
        if kind in _BEGIN:
            self._begin(position, len(event.points()))
        elif kind in _MOVE and self._start is not None:
            self._fingers = max(self._fingers, len(points))
            self._move(position)
        elif kind in _END and self._start is not None:
            self._fingers = max(self._fingers, len(event.points()))
            self._end(position)

    def _begin(self, position: QPointF, fingers: int) -> None:
        if fingers > 1:
            self._last_tap = -1.0  # a tap and then two fingers: not a double tap
        self._start, self._position = position, position
        self._started = self.clock()
        self.began.emit()
        self._fingers = fingers
        self._moved = self._exploring = False
        self._explore.start()

    def _move(self, position: QPointF) -> None:
        self._position = position
        if self._fingers != 1:
            self._explore.stop()
            return
        if not self._moved and _distance(position, self._start) > SLOP_PX:
            self._moved = True
            if self._explore.isActive():  # moving fast from the start: a swipe, unless it goes on and on
                self._explore.stop()
        if self._exploring:
            self.explored.emit(position)
        elif self._moved and self.clock() - self._started > SWIPE_SECONDS:
            self._begin_exploring()  # a slow slide explores after all

    def _begin_exploring(self) -> None:
        if self._fingers == 1 and self._start is not None:
            self._exploring = True
            self.explored.emit(self._position)

    def _end(self, position: QPointF) -> None:
        self._explore.stop()
        seconds = self.clock() - self._started
        dx, dy = position.x() - self._start.x(), position.y() - self._start.y()
        fingers, exploring, moved = self._fingers, self._exploring, self._moved or _distance(position, self._start) > SLOP_PX
        self._reset()
        # A quick stroke is a swipe even if the finger was taken for exploring at its start (a
        # busy moment can delay its first movement): what that said is interrupted, and the
        # swipe counts from where the visitor was before it (see `began`).
        if fingers == 2 and not moved and seconds <= TAP_SECONDS:
            self.paused.emit()
        elif fingers != 1:
            return
        elif seconds <= SWIPE_SECONDS and abs(dx) >= SWIPE_PX and abs(dx) >= 2 * abs(dy):
            self.swiped.emit(1 if dx > 0 else -1)
        elif seconds <= SWIPE_SECONDS and abs(dy) >= SWIPE_PX and abs(dy) >= 2 * abs(dx):
            self.repeated.emit()
        elif not moved and not exploring and seconds <= TAP_SECONDS:
            self._tap(position)

    def _tap(self, position: QPointF) -> None:
        # Spoken at once (no waiting to see whether a second tap follows): the listener decides
        # what a double tap chooses, as if the first tap had not moved anything.
        now = self.clock()
        if now - self._last_tap <= DOUBLE_TAP_SECONDS:
            self._last_tap = -1.0
            self.double_tapped.emit()
        else:
            self._last_tap = now
            self.tapped.emit(position)

    def _reset(self) -> None:
        self._explore.stop()
        self._start = None
        self._fingers = 0
        self._moved = self._exploring = False


def _distance(a: QPointF, b: QPointF) -> float:
    return ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5
