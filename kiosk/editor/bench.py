"""How soon the editor's preview shows an edit: the time from a changed value to the preview
repainted with it (the content checked, the tab built by the kiosk's widgets at 1920x1080,
grabbed and drawn scaled). The pause the editor waits for typing to end (CHECK_DELAY_MS) is
not included: it is a fixed wait, not work. ``python -m kiosk.bench`` reports it."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path


def edit_to_preview(edits: int) -> tuple[list[float], list[float]]:
    """(edit to preview repainted, checking the content alone), in ms, for `edits` edits of a
    figure's value. Needs the application the benchmark made."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kiosk.editor.window import EditorWindow
    from kiosk.resources import data_path, resource_path
    from kiosk.theme import Theme
    from kiosk.ui.i18n import Translations

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.json"
        shutil.copy(data_path(), path)
        settings = QSettings(str(Path(folder) / "editor.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(path, "en", Theme(), Translations([resource_path("i18n")]), settings)
        window.show()
        QApplication.processEvents()
        gdp = next(i for i, figure in enumerate(window.document.data["figures"]) if figure["id"] == "gdp")
        window.tree.select(("figures", gdp))
        value = window.form.editors["value"]
        shown, checks = [], []
        for n in range(edits):
            started = time.perf_counter()
            value.edited.emit(53_190_000_000 + (n + 1) * 10_000_000)  # what typing a digit sends
            window.check()  # what the end of the typing pause starts: check, list problems, preview
            window.preview.image.repaint()
            shown.append((time.perf_counter() - started) * 1000)
            QApplication.processEvents()
            started = time.perf_counter()
            window.document.check()
            checks.append((time.perf_counter() - started) * 1000)
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
    return shown, checks
