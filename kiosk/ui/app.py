"""The one place that creates and configures the QApplication."""

from __future__ import annotations

import logging
import signal
import socket

import pyqtgraph as pg
from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPixmapCache
from PySide6.QtWidgets import QApplication

from kiosk.resources import ResourceMissing, resource_path
from kiosk.ui import accessibility
from kiosk.theme import FONT_FILES, Theme

log = logging.getLogger(__name__)

# Qt's application-wide pixmap cache holds what styles draw once and reuse (button and frame
# backgrounds, for each size, state and palette). Its default bound, 10 MB, fills over days of
# taps on every button in every state, look and text size, and that slow fill read as a leak
# under real input; the kiosk's screens reuse far fewer, and at this bound it is full after the
# first few hundred taps.
PIXMAP_CACHE_KB = 2048


def create_app(argv: list[str], theme: Theme) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("jining-kiosk")
    app.setApplicationDisplayName("Jining High-tech Zone")
    app.setDesktopFileName("jining-kiosk")
    accessibility.install()  # the roles a screen reader needs, before any widget is asked for one
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    register_fonts(theme.font_family)
    apply_theme(app, theme)
    return app


def set_icon(app: QApplication) -> None:
    """The icon a desktop shows for the window. Set after the first frame: drawing it loads
    Qt's SVG support, and no visitor sees it (the kiosk has no title bar or task bar)."""
    app.setWindowIcon(QIcon(str(resource_path("icons", "kiosk.svg"))))


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Fonts, stylesheet and chart defaults from one theme (charts built later pick it up)."""
    font = QFont(theme.font_family)
    font.setPixelSize(theme.text_px)
    app.setFont(font)
    app.setStyleSheet(theme.stylesheet())
    chart_defaults(theme)


def chart_defaults(theme: Theme) -> None:
    # pyqtgraph reads these when a plot is created, so set them before any view exists.
    pg.setConfigOptions(antialias=True, background=theme.surface, foreground=theme.text)


def register_fonts(family: str) -> str:
    """Load the bundled CJK font from its file; fall back to a system font, and say so."""
    loaded = []
    for name in FONT_FILES:
        try:
            path = resource_path("fonts", name)
        except ResourceMissing as error:
            log.error("bundled font missing: %s", error)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("bundled font %s could not be loaded", path)
            continue
        loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    if family in loaded:
        return family
    fallback = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    log.error("font %r unavailable; using system font %r (Chinese may not render)", family, fallback)
    return fallback


def quit_on_signals(app: QApplication, signals=(signal.SIGTERM, signal.SIGINT)) -> None:
    """SIGTERM (systemctl stop, a shutdown) and SIGINT end the kiosk cleanly, with exit code 0;
    SIGUSR1 writes what its memory is made of to the log (kiosk.memory)."""

    def stop(number: int) -> None:
        log.info("stopping on %s", signal.Signals(number).name)
        app.exit(0)

    on_signals(app, {**{number: stop for number in signals}, signal.SIGUSR1: lambda number: report_memory(app)})


def on_signals(app: QApplication, handlers: dict) -> None:
    """Run `handlers[number](number)` from the event loop when a signal arrives.

    Python runs signal handlers only when the interpreter gets control, which Qt's event loop
    may not give it for a long time: the C-level handler writes to a socket the loop watches,
    and that wakes it.
    """
    receiver, sender = socket.socketpair()
    for end in (receiver, sender):
        end.setblocking(False)
    signal.set_wakeup_fd(sender.fileno())
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: receiver.recv(64))  # the Python handler runs next
    app._signal_wakeup = (receiver, sender, notifier)  # kept for the life of the app

    def handle(number, _frame) -> None:
        # Python runs this between any two bytecodes, even in the middle of writing a log line
        # (logging from here broke the log file) or of a slot the event loop is running (the
        # exit was lost, and the kiosk ran on until killed): act from the event loop instead.
        QTimer.singleShot(0, app, lambda: handlers[number](number))

    for number in handlers:
        signal.signal(number, handle)


def report_memory(app: QApplication) -> None:
    from kiosk.memory import snapshot

    log.info("%s", snapshot(qt_object_count(app)).line())


def qt_object_count(app: QApplication) -> int:
    """Live QObjects the application owns: its own children and every window's tree."""
    from kiosk.ui.widgets import descendants

    windows = app.topLevelWidgets()
    return 1 + len(descendants(app, QObject)) + sum(1 + len(descendants(w, QObject)) for w in windows)
