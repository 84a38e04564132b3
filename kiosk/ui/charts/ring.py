"""Part of a whole as a ring, with the value in its hole."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from kiosk.theme import Theme
from kiosk.ui.charts.base import StaticPlot
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.signals import WindowSignals


class RingItem(pg.GraphicsObject):
    """A ring showing one share of a whole, with the value in the middle."""

    def __init__(self, fraction: float, colour: str, track: str):
        super().__init__()
        self.fraction = max(0.0, min(1.0, fraction))
        self.colour, self.track = QColor(colour), QColor(track)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(-1, -1, 2, 2)

    def paint(self, painter: QPainter, *args) -> None:
        rect = QRectF(-0.85, -0.85, 1.7, 1.7)
        for colour, span in ((self.track, 1.0), (self.colour, self.fraction)):
            pen = QPen(colour, 0.26)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            # Qt angles are in 1/16 degree, counter-clockwise; the view's y axis points up.
            painter.drawArc(rect, 90 * 16, int(-span * 360 * 16))


class RingChart(StaticPlot):
    """Part of a whole as a ring, e.g. 25 % of the city's high-tech companies."""

    def __init__(self, theme: Theme, fraction: float, centre_text: str | Tr, colour: str,
                 detail: str | Tr | None = None, key: str | None = None, signals: WindowSignals | None = None):
        super().__init__(theme, signals)
        self.detail = detail
        self.keys = [key]
        item = self.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setAspectLocked(True, ratio=1)
        item.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0.02)
        self.fraction = fraction
        self.ring = RingItem(fraction, colour, theme.track)
        self.addItem(self.ring)
        self.centre_px = theme.value_px - 8
        self.centre = self.text_item(centre_text, (0, 0), (0.5, 0.5), self.centre_px, bold=True, colour=colour)
        self.setMinimumSize(200, 200)
        item.vb.sigResized.connect(self._fit_centre)
        self.on_language_change(self._fit_centre)

    def _fit_centre(self) -> None:
        """The value inside the ring's hole, smaller if the hole is small (large text, portrait)."""
        box = self.getPlotItem().vb
        hole_px = 0.72 * min(box.width(), box.height())  # inner radius 0.72 of the -1..1 view
        font = self.font(self.centre_px, bold=True)
        wide = QFontMetricsF(font).horizontalAdvance(self.centre.toPlainText())
        if wide > 0 and hole_px > 0:
            font.setPixelSize(max(12, min(self.centre_px, int(self.centre_px * 0.8 * hole_px / wide))))
        self.centre.setFont(font)

    def grow(self, progress: float) -> None:
        self.ring.fraction = max(0.0, min(1.0, self.fraction * progress))
        self.ring.update()

    def element_at(self, scene_pos: QPointF):
        # One share, one element: the whole chart is its target, far above finger size.
        return 0, self.detail

    def element_point(self, index: int) -> QPoint:
        """On the ring, where its coloured arc starts (at the top)."""
        return self.mapFromScene(self.getPlotItem().vb.mapViewToScene(QPointF(0, 0.85)))

    @classmethod
    def sample(cls, ctx: ViewContext) -> RingChart | None:
        """The dataset's first percentage."""
        figure = next((f for f in ctx.dataset.figures if ctx.dataset.unit(f.unit).percent), None)
        if figure is None:
            return None
        chart = cls(ctx.theme, figure.value / 100, ctx.value(figure), ctx.theme.accent, ctx.callout(figure),
                    figure.id, signals=ctx.signals)
        chart.describe(ctx.text(figure.label), ctx.value(figure))
        return chart
