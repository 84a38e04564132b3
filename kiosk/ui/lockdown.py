"""Kiosk mode: frameless full screen, kept in front; no cursor; no key or close request that ends it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QWindow
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_MODS = Qt.KeyboardModifier
# Named in the log when pressed: what closes a window or leaves full screen elsewhere.
BLOCKED_KEYS = {
    (Qt.Key.Key_Escape, _MODS.NoModifier),
    (Qt.Key.Key_F11, _MODS.NoModifier),
    (Qt.Key.Key_Q, _MODS.ControlModifier),
    (Qt.Key.Key_W, _MODS.ControlModifier),
    (Qt.Key.Key_F4, _MODS.AltModifier),
    (Qt.Key.Key_F4, _MODS.ControlModifier),
}
# The one key combination that does something: it opens the PIN pad, like the staff corner.
STAFF_SHORTCUT = (Qt.Key.Key_P, _MODS.ControlModifier | _MODS.AltModifier)
_RELEVANT_MODS = _MODS.ControlModifier | _MODS.AltModifier | _MODS.ShiftModifier | _MODS.MetaModifier
_KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})


class KeyBlocker(QObject):
    """In kiosk mode a keyboard does nothing for visitors, and can never end or leave the kiosk.

    A keyboard left behind the counter, a barcode reader or a technician's typing must not
    change what visitors see, so every key is swallowed. The exception is staff: Ctrl+Alt+P
    opens the PIN pad, whose digits, Backspace, Enter and Escape then work from the keyboard
    (`staff_keys` is offered each key press, and returns True if it used it).
    """

    staff_requested = Signal()

    def __init__(self, parent: QObject, staff_keys: Callable[[Qt.Key], bool] = lambda key: False):
        super().__init__(parent)
        self.staff_keys = staff_keys

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        # Every event of the application passes here: the class test first, it is the cheapest.
        if not isinstance(event, QKeyEvent) or event.type() not in _KEYS:
            return False
        # A platform delivers a key to the window first, and Qt then passes it on to a widget:
        # act on it once, at the window; swallow it everywhere.
        # A held key repeats: it is acted on (and logged) once.
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWindow) and not event.isAutoRepeat():
            self._pressed(Qt.Key(event.key()), event.modifiers() & _RELEVANT_MODS, event)
        return True

    def _pressed(self, key: Qt.Key, modifiers, event: QKeyEvent) -> None:
        if (key, modifiers) == STAFF_SHORTCUT:
            log.info("staff shortcut %s", QKeySequence(event.keyCombination()).toString())
            self.staff_requested.emit()
        elif self.staff_keys(key):
            return
        elif (key, modifiers) in BLOCKED_KEYS:
            log.info("blocked %s", QKeySequence(event.keyCombination()).toString())


def lock_down(window: QWidget) -> KeyBlocker:
    app = QGuiApplication.instance()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.closable = False
    app.setQuitOnLastWindowClosed(False)
    app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    blocker = KeyBlocker(window)
    app.installEventFilter(blocker)
    return blocker


def lift_lock_down(blocker: KeyBlocker) -> None:
    """Keys and the pointer as before lock_down (a kiosk closed in a process that goes on)."""
    app = QGuiApplication.instance()
    app.removeEventFilter(blocker)
    app.restoreOverrideCursor()


def show_full_screen(window: QWidget) -> None:
    # Without a window manager showFullScreen() alone does not resize the window.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()
    window._screen_follower = ScreenFollower(window)
    window._full_screen_keeper = FullScreenKeeper(window)


class FullScreenKeeper(QObject):
    """Puts the kiosk back in front, full screen, whatever a window manager did to it.

    A window manager can minimise, move or resize any window, and another program's window can
    take the screen and the focus (a desktop notification, an update dialog, a technician's
    terminal). A visitor must never find a desktop instead of the kiosk: shortly after any such
    change, and every few seconds in case the change reported nothing, the window is made to
    cover its screen again, raised and activated. The delay lets a window manager finish its
    own sequence first, so the two never fight over every event.
    """

    SETTLE_MS = 300
    CHECK_MS = 5000
    _CHANGES = frozenset({QEvent.Type.WindowStateChange, QEvent.Type.ActivationChange, QEvent.Type.Move,
                          QEvent.Type.Resize, QEvent.Type.Hide})

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._soon = QTimer(self, singleShot=True, interval=self.SETTLE_MS)
        self._soon.timeout.connect(self.reassert)
        self._every = QTimer(self, interval=self.CHECK_MS)
        self._every.timeout.connect(self.reassert)
        self._every.start()
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if watched is self.window and event.type() in self._CHANGES:
            self._soon.start()
        return False

    def problems(self) -> list[str]:
        """What is wrong with the window's place on the screen, in words for the log."""
        window, problems = self.window, []
        if window.isMinimized():
            problems.append("minimised")
        elif not window.isVisible():
            problems.append("hidden")
        if not window.isFullScreen():
            problems.append("not full screen")
        if window.geometry() != window.screen().geometry():
            problems.append(f"at {_rect(window.geometry())} on a {_rect(window.screen().geometry())} screen")
        if not window.isActiveWindow() and QGuiApplication.focusWindow() is None:
            problems.append("another window is in front")
        return problems

    def reassert(self) -> None:
        problems = self.problems()
        if not problems or getattr(self.window, "closable", False):
            return  # nothing to do, or staff are closing it
        log.warning("kiosk window %s: putting it back full screen in front", ", ".join(problems))
        window = self.window
        # A window a window manager iconified (minimise, "show desktop") is unmapped behind Qt's
        # back: Qt still thinks it is shown, and showing it again would do nothing. Mapping it
        # anew is what every window manager puts in front.
        window.hide()
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
        window.raise_()
        window.activateWindow()


def _rect(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


class ScreenFollower(QObject):
    """Keeps the window covering its screen when the screen is rotated or changes resolution
    (xrandr, wlr-randr): without a window manager nothing else resizes it. The layouts then
    adapt as at start (portrait or landscape)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        window.screen().geometryChanged.connect(self.fit)  # disconnected when this is deleted

    def fit(self, geometry: QRect) -> None:
        log.info("screen is now %dx%d; following it", geometry.width(), geometry.height())
        self.window.setGeometry(geometry)
