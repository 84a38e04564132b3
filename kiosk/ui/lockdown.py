"""Kiosk mode: frameless full screen, no cursor, no key or close request that ends it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_MODS = Qt.KeyboardModifier
BLOCKED_KEYS = {
    (Qt.Key.Key_Escape, _MODS.NoModifier),
    (Qt.Key.Key_F11, _MODS.NoModifier),
    (Qt.Key.Key_Q, _MODS.ControlModifier),
    (Qt.Key.Key_W, _MODS.ControlModifier),
    (Qt.Key.Key_F4, _MODS.AltModifier),
    (Qt.Key.Key_F4, _MODS.ControlModifier),
}
_RELEVANT_MODS = _MODS.ControlModifier | _MODS.AltModifier | _MODS.ShiftModifier | _MODS.MetaModifier


class KeyBlocker(QObject):
    """Swallows the key combinations that close or leave full screen elsewhere."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            combo = (Qt.Key(event.key()), event.modifiers() & _RELEVANT_MODS)
            if combo in BLOCKED_KEYS:
                # One key press arrives as a ShortcutOverride, then a KeyPress: both are
                # swallowed, the press alone is logged (a held key repeats: logged once).
                if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                    log.info("blocked %s", QKeySequence(event.keyCombination()).toString())
                return True
        return False


def lock_down(window: QWidget) -> KeyBlocker:
    app = QGuiApplication.instance()
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.closable = False
    app.setQuitOnLastWindowClosed(False)
    app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    blocker = KeyBlocker(window)
    app.installEventFilter(blocker)
    return blocker


def show_full_screen(window: QWidget) -> None:
    # Without a window manager showFullScreen() alone does not resize the window.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()
    window._screen_follower = ScreenFollower(window)


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
