"""The editor's application: a desktop look (not the kiosk's), the bundled font so Chinese
shows on any computer, and Qt's own dialogs in the editor's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.editor import strings
from kiosk.resources import resource_path
from kiosk.theme import Theme
from kiosk.ui.app import chart_defaults, register_fonts, set_icon
from kiosk.ui.i18n import Translations

ORGANISATION = "jining-kiosk"
POINT_SIZE = 10


def editor_settings() -> QSettings:
    return QSettings(ORGANISATION, "editor")


def create_editor(argv: list[str], path: Path, language: str | None = None, settings: QSettings | None = None):
    """The application and the editor's window (not shown yet)."""
    from kiosk.editor.window import EditorWindow

    theme = Theme()
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(ORGANISATION)
    family = register_fonts(theme.font_family)
    font = QFont(family)
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
    chart_defaults(theme)
    set_icon(app)
    settings = settings or editor_settings()
    translations = Translations([resource_path("i18n")])
    language = language or settings.value("editor/language") or system_language(translations.languages)
    use_qt_translations(app, language)
    window = EditorWindow(path, language, theme, translations, settings)
    app.setApplicationDisplayName(translations.text(language, strings.TITLE))
    return app, window


def system_language(available: list[str]) -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in available else "en"


def use_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own texts (the buttons of file dialogs and message boxes) in the editor's language."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qt", "_", folder):
        app.installTranslator(translator)
