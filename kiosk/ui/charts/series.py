"""A figure's values by year, as columns."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QFontMetricsF

from kiosk.model import formatting
from kiosk.model.dataset import Figure
from kiosk.ui.charts.base import StaticPlot, wrap
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, localise

_MIN_COLUMNS_PX = 48  # the tallest column at the least: the differences between years still show
_HALF_COLUMN = 0.3  # years: a column is 0.6 of a year wide
_SIDE_YEARS = 0.6  # from the first and last year to the chart's sides
_LABEL_LIFT = 1.1  # the value label's anchor: its bottom a tenth of its height above the column
_LABEL_MARGINS_PX = 8  # what a text item adds to its text's width (its document margins)


class SeriesChart(StaticPlot):
    """A figure's values by year, shown once an editor adds a series to the data."""

    def __init__(self, ctx: ViewContext, figure: Figure):
        super().__init__(ctx.theme, ctx.signals)
        points = sorted(figure.series, key=lambda p: p.year)
        self.years = [p.year for p in points]
        self.keys = [figure.id] * len(self.years)
        self.values = [p.value for p in points]
        item = self.getPlotItem()
        item.hideAxis("left")
        axis = item.getAxis("bottom")
        axis.setTicks([[(y, str(y)) for y in self.years], []])
        self._texts.extend(str(year) for year in self.years)
        self.style_axis(axis, ctx.theme.text_px)
        axis.setTextPen(ctx.theme.text_muted)
        axis.setStyle(tickLength=0)  # no marks across the columns' feet
        item.setXRange(self.years[0] - _SIDE_YEARS, self.years[-1] + _SIDE_YEARS, padding=0)
        item.setYRange(0, max(self.values) or 1, padding=0)  # _fit makes room for the label
        self.bars = pg.BarGraphItem(x=self.years, height=self.values, width=2 * _HALF_COLUMN,
                                    brush=ctx.theme.accent, pen=None)
        self.addItem(self.bars)
        self.unit = unit = ctx.dataset.unit(figure.unit)
        last = self.values[-1]

        def last_text(language: str) -> str:
            return formatting.format_value(last, unit, language)

        self._last_text = last_text
        self._label_base = last  # what the label stands on (see _fit)
        self.last_label = self.text_item(last_text, (self.years[-1], last), (0.5, _LABEL_LIFT), ctx.theme.text_px)
        self.setMinimumHeight(self._needed_height())
        item.vb.sigResized.connect(self._fit)
        self.on_language_change(self._fit)  # the label changes width with the language

    def _needed_height(self) -> int:
        """The year axis, the value label above the last column, and columns a finger high."""
        axis_px = self.getPlotItem().getAxis("bottom").minimumHeight()
        return math.ceil(axis_px + self.last_label.boundingRect().height() + _MIN_COLUMNS_PX + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # No more than it needs: in a figure card, more would make the whole row of cards taller.
        return QSize(400, self.minimumHeight())

    def _fit(self) -> None:
        """The last value's label inside the chart, measured in pixels (a margin in data units
        holds at no particular width or language): wrapped if wider than the chart, moved left
        if it would stick out on the right, and standing on the tallest column it spans."""
        box = self.getPlotItem().vb
        width, height = box.width(), box.height()
        if width <= 0 or height <= 0:
            return
        metrics = QFontMetricsF(self.font(self.theme.text_px))
        self.last_label.setText(wrap(localise(self._last_text), metrics, width - _LABEL_MARGINS_PX))
        label = self.last_label.boundingRect()  # in pixels: the label ignores the view's scale
        left = self.years[0] - _SIDE_YEARS
        px_per_year = width / (self.years[-1] + _SIDE_YEARS - left)
        centre_px = (self.years[-1] - left) * px_per_year
        anchor = min(1.0, max(0.5, 0.5 + (centre_px + label.width() / 2 - width) / label.width()))
        label_left = self.years[-1] - anchor * label.width() / px_per_year
        self._label_base = max(v for year, v in zip(self.years, self.values) if year + _HALF_COLUMN >= label_left)
        label_px = label.height() * _LABEL_LIFT
        top = max(max(self.values), self._label_base * height / max(height - label_px, 1.0))
        self.getPlotItem().setYRange(0, top, padding=0)
        self.last_label.setAnchor((anchor, _LABEL_LIFT))
        self.last_label.setPos(self.years[-1], self._label_base)
        if self._needed_height() != self.minimumHeight():  # the label wrapped, or no longer does
            self.setMinimumHeight(self._needed_height())

    @classmethod
    def sample(cls, ctx: ViewContext) -> SeriesChart | None:
        """The first figure with a series (the bundled data has none: no source gives one)."""
        figure = next((f for f in ctx.dataset.figures if len(f.series) >= 2), None)
        if figure is None:
            return None
        chart = cls(ctx, figure)
        chart.describe(ctx.text(figure.label), chart.description(ctx))
        return chart

    def grow(self, progress: float) -> None:
        self.bars.setOpts(height=[value * progress for value in self.values])
        self.last_label.setPos(self.years[-1], self._label_base * progress)

    def element_point(self, index: int) -> QPoint:
        """Half-way up the year's column."""
        scene = self.getPlotItem().vb.mapViewToScene(QPointF(self.years[index], self.values[index] / 2))
        return self.mapFromScene(scene)

    def element_at(self, scene_pos: QPointF):
        """The year whose column (one year wide, wider than its bar) holds the tap."""
        x = self.getPlotItem().vb.mapSceneToView(scene_pos).x()
        index = min(range(len(self.years)), key=lambda i: abs(self.years[i] - x))
        if abs(self.years[index] - x) > 0.5:
            return None
        year, value = self.years[index], self.values[index]
        return index, lambda language: f"{year}: {formatting.format_value(value, self.unit, language)}"

    def description(self, ctx: ViewContext) -> Tr:
        """Every year's value as text."""
        def describe(language: str) -> str:
            return "; ".join(f"{year}: {formatting.format_value(value, self.unit, language)}"
                             for year, value in zip(self.years, self.values))
        return describe
