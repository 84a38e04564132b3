"""Which language the kiosk speaks, and the application's own text in every language.

Content text comes from the dataset. The application's own text is written in English in
kiosk/ui/strings.py, marked with QT_TRANSLATE_NOOP so that pyside6-lupdate extracts it into
resources/i18n/kiosk_<language>.ts; scripts/build_translations.py compiles those with
pyside6-lrelease into the .qm files loaded here. A new kiosk_<language>.qm is picked up
without any code change.

Switching language sends QEvent.LanguageChange to every window; each widget that shows text
re-reads it in its changeEvent (widgets.Label, widgets.Button, charts.StaticPlot). That is
the one retranslation hook: nothing keeps a list of what to update.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.wording import Message

log = logging.getLogger(__name__)

# Text that follows the current language: called with a language code, returns the text.
Tr = Callable[[str], str]

CONTEXT = "Kiosk"
SOURCE_LANGUAGE = "en"
_FILE_PREFIX = "kiosk_"

_current = {"language": SOURCE_LANGUAGE}


def current_language() -> str:
    return _current["language"]


def localise(text: str | Tr, language: str | None = None) -> str:
    """A fixed string as it is; a Tr in the given (by default the current) language."""
    if isinstance(text, str):
        return text
    return text(language or current_language())


def switch_language(language: str) -> None:
    """Make every window show the given language, synchronously, keeping all other state."""
    if language == current_language():
        return
    log.info("language: %s", language)
    _current["language"] = language
    for window in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


def set_initial_language(language: str) -> None:
    """The language to build widgets in, before any exist (no event is sent)."""
    _current["language"] = language


class Translations:
    """The compiled interface translations found in some directories, one per language."""

    def __init__(self, directories: Iterable[Path], stretch: float = 0.0):
        self.stretch = stretch
        self._translators: dict[str, QTranslator] = {}
        for directory in directories:
            for path in sorted(Path(directory).glob(f"{_FILE_PREFIX}*.qm")):
                self._load(path)

    def _load(self, path: Path) -> None:
        translator = QTranslator()
        if translator.load(str(path)):
            self._translators[path.stem.removeprefix(_FILE_PREFIX)] = translator
        else:
            log.error("cannot read the translation file %s; that language shows English interface text",
                      path)

    @property
    def languages(self) -> list[str]:
        return [SOURCE_LANGUAGE, *self._translators]

    def text(self, language: str, source: str, **values) -> str:
        """The interface text in a language, with {placeholders} filled in."""
        text = self._translated(language, source)
        if values:
            text = text.format(**values)
        return stretched(text, self.stretch)

    def said(self, language: str, text: Message | str) -> str:
        """A kiosk.wording Message in a language, its values too (a doctor's finding, a problem
        with a data file); any other text as it is (a tool's output, pydantic's own English)."""
        if not isinstance(text, Message):
            return str(text)
        values = {name: self.said(language, value) for name, value in text.values}
        return stretched(self._translated(language, text.template).format(**values), self.stretch)

    def _translated(self, language: str, source: str) -> str:
        translator = self._translators.get(language)
        return (translator.translate(CONTEXT, source) if translator is not None else "") or source

    def tr(self, source: str, **values) -> Tr:
        """Interface text that follows the language; values may themselves be Tr."""
        return lambda language: self.text(
            language, source, **{k: v(language) if callable(v) else v for k, v in values.items()})


def stretched(text: str, stretch: float) -> str:
    """Layout stress test: text made longer by a fraction (0.4 = 40 %) by repeating its start."""
    if stretch <= 0 or not text:
        return text
    extra = math.ceil(len(text) * stretch)
    return text + (text * (extra // len(text) + 1))[:extra]
