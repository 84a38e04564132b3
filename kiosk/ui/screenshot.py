"""Render one view to a PNG of exactly the requested size, without a display."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.ui.main_window import MainWindow


def render_view(window: MainWindow, view: str, size: QSize, out: Path) -> None:
    window.resize(size)
    window.show_view(view)
    window.show()
    # Two passes: the first lays out, the second lets adaptive rows settle at the final size.
    for _ in range(2):
        QApplication.processEvents()
    image = window.grab().toImage()
    if window.size() != size:
        raise RuntimeError(f"the layout needs {window.size().width()}x{window.size().height()}; "
                           f"it does not fit {size.width()}x{size.height()}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
