"""A visitor's session: input keeps it alive; silence leads to a warning, a reset, the attract loop."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QEventPoint, QInputDevice, QInputEvent, QPointerEvent, QTouchEvent, QWindow

from kiosk.config import Config

_INPUT = frozenset({
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.Wheel, QEvent.Type.KeyPress,
})
_MOUSE = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease})


class State(Enum):
    ACTIVE = "active"
    WARNING = "warning"
    ATTRACT = "attract"
    ASLEEP = "asleep"  # outside opening hours, the screen dark (kiosk.ui.display)


class InputWatcher(QObject):
    """The one application-wide event filter. A tap passes it ~8 times, and every paint once,
    so it stays trivial: a class test, a set lookup for activity; pointer positions are read
    only from window-level events."""

    activity = Signal()
    pressed = Signal(QPointF)  # one finger (or a real mouse button) went down, window coordinates
    released = Signal(QPointF, float)  # it came up here, this many seconds later
    cancelled = Signal()  # a second finger joined: not a one-finger gesture
    fingers = Signal(int)  # how many fingers are on the screen now (touch only)

    def __init__(self):
        super().__init__()
        self._started = 0.0
        # Offered each key pressed at the window (keyboard or tactile keypad); True: it was used,
        # and goes no further.
        self.keys: Callable[[Qt.Key, Qt.KeyboardModifier], bool] | None = None

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        # Every event of every object passes here (paints, layouts, timers...): the class test
        # is far cheaper than event.type(), which builds an enum member each call.
        if not isinstance(event, QInputEvent):
            return False
        kind = event.type()
        if kind in _INPUT:
            self.activity.emit()
            # Keys reach the window too (a platform plugin delivers all input there first), and
            # they have no points: only pointer events are gestures.
            if isinstance(watched, QWindow) and isinstance(event, QPointerEvent):
                self._track(kind, event)
            elif kind == QEvent.Type.KeyPress and isinstance(watched, QWindow) and self.keys is not None \
                    and not event.isAutoRepeat():
                return self.keys(Qt.Key(event.key()), event.modifiers())
        return False

    @contextmanager
    def paused(self):
        """Out of the way while the kiosk rebuilds its content: each of the thousands of events
        Qt sends the new widgets (styles, children, layouts) would cross into Python here. No
        input can arrive meanwhile: nothing in a rebuild runs the event loop."""
        application = QCoreApplication.instance()
        application.removeEventFilter(self)
        try:
            yield
        finally:
            application.installEventFilter(self)

    def _track(self, kind, event) -> None:
        if kind in _MOUSE and event.device().type() != QInputDevice.DeviceType.Mouse:
            return  # synthesized from touch: the touch event was already counted
        points = event.points()
        if isinstance(event, QTouchEvent):
            self.fingers.emit(sum(p.state() != QEventPoint.State.Released for p in points))
        if len(points) != 1:
            self.cancelled.emit()
        elif kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            self._started = time.monotonic()
            self.pressed.emit(points[0].position())
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease):
            self.released.emit(points[0].position(), time.monotonic() - self._started)


class Session(QObject):
    """ACTIVE -> (idle_seconds) WARNING -> (warning_seconds) reset + ATTRACT -> wake -> ACTIVE.

    Outside opening hours it is ASLEEP: no timers run, and input changes nothing until the
    screen is woken (keep_going) or opening hours begin (wait_for_visitors).
    """

    state_changed = Signal(State)
    warning_tick = Signal(int)  # seconds left
    reset_requested = Signal()

    def __init__(self, config: Config, watcher: InputWatcher):
        super().__init__()
        self.config = config
        self.state = State.ACTIVE
        self.remaining = 0
        self._idle = QTimer(self, singleShot=True, interval=config.idle_seconds * 1000)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        watcher.activity.connect(self._on_activity)
        self._idle.start()

    def set_config(self, config: Config) -> None:
        """New timings from the configuration file: a running quiet period starts again with the
        new length; a new warning length counts from the next warning."""
        self.config = config
        if self._idle.interval() != config.idle_seconds * 1000:
            self._idle.setInterval(config.idle_seconds * 1000)

    def _on_activity(self) -> None:
        if self.state is State.ACTIVE:
            self._idle.start()

    def _on_idle(self) -> None:
        self.remaining = self.config.warning_seconds
        self._set(State.WARNING)
        self.warning_tick.emit(self.remaining)
        self._tick.start()

    def _on_tick(self) -> None:
        self.remaining -= 1
        self.warning_tick.emit(self.remaining)
        if self.remaining <= 0:
            self._tick.stop()
            self.reset_requested.emit()
            self._set(State.ATTRACT)

    def keep_going(self) -> None:
        """The visitor is still there (Continue, a touch during the warning, or waking)."""
        self._tick.stop()
        self._set(State.ACTIVE)
        self._idle.start()

    def sleep(self) -> None:
        """The screen goes dark: no warning, no attract loop, until woken."""
        self._idle.stop()
        self._tick.stop()
        self._set(State.ASLEEP)

    def wait_for_visitors(self) -> None:
        """Opening hours begin with nobody there: straight to the attract loop."""
        self._idle.stop()
        self._tick.stop()
        self._set(State.ATTRACT)

    def stop(self) -> None:
        """The kiosk is closing (Kiosk.close): no more warnings, resets or state changes."""
        self._idle.stop()
        self._tick.stop()
        self.blockSignals(True)

    def _set(self, state: State) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)
