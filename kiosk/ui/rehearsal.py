"""A hidden page, laid out and painted once off screen, so that its first appearance costs what
any other does.

A page in the window's stack that is not showing keeps whatever size it had (640x480 before it
was ever shown) and is laid out at the stack's size only when it appears; its first paint also
draws its large texts into pictures (kiosk.ui.widgets.Label) and fills the charts' and the
fonts' caches. At 3840x2160 on 2 cores that made the first switch to each tab cost 47 ms of
processor time against 27 ms for the next. Rehearsed while nobody waits, it costs a visitor
nothing: the picture is thrown away, the page keeps its layout and what its paint prepared.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

# Painted a strip at a time: one picture of a whole 3840x2160 page would take 28 MB.
STRIP_PX = 128


def rehearse(page: QWidget, rect: QRect) -> None:
    """Give a hidden page the place it will have (`rect`, in its parent) and paint it off screen."""
    page.setGeometry(rect)
    ratio = page.devicePixelRatioF()
    strip = QImage(QSize(rect.width(), STRIP_PX) * ratio, QImage.Format.Format_RGB32)
    strip.setDevicePixelRatio(ratio)
    for top in range(0, rect.height(), STRIP_PX):
        painter = QPainter(strip)
        page.render(painter, QPoint(), QRegion(0, top, rect.width(), STRIP_PX))
        painter.end()
