"""Render one view (optionally under an overlay) to a PNG of exactly the requested size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.ui.widgets import SourceLink

CHECKS_SECONDS = 60


def render(kiosk, view: str, overlay: str | None, size: QSize, out: Path) -> None:
    window = kiosk.window
    window.resize(size)
    window.show_view(view)
    window.show()
    _settle()
    if overlay:
        _open_overlay(kiosk, overlay, view)
        _settle()
    window.finish_animations()  # a still picture shows where the charts end up
    _settle()
    image = window.grab().toImage()
    if window.size() != size:
        raise RuntimeError(f"the layout needs {window.size().width()}x{window.size().height()}; "
                           f"it does not fit {size.width()}x{size.height()}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")


def _open_overlay(kiosk, overlay: str, view: str) -> None:
    if overlay == "warning":
        kiosk.warning.show_seconds(kiosk.session.config.warning_seconds)
        kiosk.warning.open()
    elif overlay == "attract":
        kiosk.attract.start()
        kiosk.attract.show_slide(1, animate=False)  # a figure slide tells more than the welcome
    elif overlay == "pin":
        kiosk.pin_pad.open()
    elif overlay == "staff":
        kiosk.staff.open()
    elif overlay == "self-test":
        kiosk.self_test.open()
        kiosk.self_test.wait_for_checks(CHECKS_SECONDS)  # the findings, not "Checking…"
    elif overlay == "touch-test":
        kiosk.touch_test.open()
    elif overlay == "source":
        kiosk.source_card.show_for(kiosk.window.views[view].findChild(SourceLink).provenance.records)
    else:
        kiosk.no_pin.open()


def _settle() -> None:
    from kiosk.ui.pictures import loader

    # Two passes: the first lays out, the second lets adaptive rows settle at the final size;
    # pictures asked for by the painting are decoded, then painted.
    for _ in range(2):
        QApplication.processEvents()
        loader().wait()
