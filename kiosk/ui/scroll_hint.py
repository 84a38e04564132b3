"""A page that goes on below the screen says so: its bottom edge fades out under a "more below"
arrow, and once it is scrolled its top edge fades too. Pages scroll by finger with no scroll bar
(kiosk.ui.main_window), and a visitor who sees a page end at a card's edge does not know that
there is more.

The hints are painted over the page and take no input: a touch on them reaches the page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.theme import Theme

FADE_TEXT_LINES = 2.5  # the fade's height, in lines of text
ARROW_TEXT_LINES = 1.6  # the arrow's circle, in lines of text


class EdgeFade(QWidget):
    """One edge of the viewport, faded into the page's background; the bottom one with an arrow."""

    def __init__(self, area: QScrollArea, bottom: bool):
        super().__init__(area)
        self.bottom = bottom
        self.theme = Theme()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        solid, clear = QColor(self.theme.background), QColor(self.theme.background)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, clear if self.bottom else solid)
        gradient.setColorAt(1, solid if self.bottom else clear)
        painter.fillRect(self.rect(), gradient)
        if self.bottom:
            self._arrow(painter)
        painter.end()

    def _arrow(self, painter: QPainter) -> None:
        """A down arrow in a circle of the accent colour, at the middle of the bottom edge."""
        size = round(self.theme.text_px * ARROW_TEXT_LINES)
        centre = QPointF(self.width() / 2, self.height() - size / 2 - self.theme.text_px / 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.accent))
        painter.drawEllipse(centre, size / 2, size / 2)
        arm = size * 0.22
        chevron = QPainterPath(centre + QPointF(-arm, -arm / 2))
        chevron.lineTo(centre + QPointF(0, arm / 2))
        chevron.lineTo(centre + QPointF(arm, -arm / 2))
        pen = QPen(QColor(self.theme.on_accent), max(2.0, size / 12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(chevron)


class ScrollHints(QObject):
    """The two edges of a scroll area's viewport: each shown while there is page beyond it."""

    def __init__(self, area: QScrollArea):
        super().__init__(area)
        self.area = area
        self.top, self.bottom = EdgeFade(area, bottom=False), EdgeFade(area, bottom=True)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)
        area.viewport().installEventFilter(self)

    def set_theme(self, theme: Theme) -> None:
        for edge in (self.top, self.bottom):
            edge.theme = theme
        self.update()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def update(self) -> None:
        bar, viewport = self.area.verticalScrollBar(), self.area.viewport()
        height = min(round(self.top.theme.text_px * FADE_TEXT_LINES), viewport.height() // 3)
        place = viewport.geometry()
        self.top.setGeometry(place.left(), place.top(), place.width(), height)
        self.bottom.setGeometry(place.left(), place.bottom() + 1 - height, place.width(), height)
        for edge, beyond in ((self.top, bar.value() > bar.minimum()), (self.bottom, bar.value() < bar.maximum())):
            edge.setVisible(beyond)
            edge.raise_()
            edge.update()
