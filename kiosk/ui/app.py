"""The one place that creates and configures the QApplication."""

from __future__ import annotations

import logging

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from kiosk.resources import ResourceMissing, resource_path
from kiosk.theme import Theme

log = logging.getLogger(__name__)

FONT_FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")


def create_app(argv: list[str], theme: Theme) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("jining-kiosk")
    app.setApplicationDisplayName("Jining High-tech Zone")
    app.setDesktopFileName("jining-kiosk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "kiosk.svg"))))
    register_fonts(theme.font_family)
    apply_theme(app, theme)
    return app


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Fonts, stylesheet and chart defaults from one theme (charts built later pick it up)."""
    font = QFont(theme.font_family)
    font.setPixelSize(theme.text_px)
    app.setFont(font)
    app.setStyleSheet(theme.stylesheet())
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
