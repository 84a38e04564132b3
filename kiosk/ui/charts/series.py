"""A figure's values by year, as columns."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF

from kiosk.model import formatting
from kiosk.model.dataset import Figure
from kiosk.ui.charts.base import StaticPlot
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr

_MIN_COLUMNS_PX = 48  # the tallest column at the least: finger-sized, differences still visible


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
        top = max(self.values, default=1) or 1
        item.setXRange(self.years[0] - 0.6, self.years[-1] + 0.6, padding=0)
        item.setYRange(0, top * 1.25, padding=0)
        self.bars = pg.BarGraphItem(x=self.years, height=self.values, width=0.6, brush=ctx.theme.accent, pen=None)
        self.addItem(self.bars)
        unit = ctx.dataset.unit(figure.unit)
        last = self.values[-1]

        def last_text(language: str) -> str:
            return formatting.format_value(last, unit, language)

        self.last_label = self.text_item(last_text, (self.years[-1], self.values[-1]), (0.5, 1.1),
                                         ctx.theme.text_px)
        self.unit = unit
        self.setMinimumHeight(self._needed_height())

    def _needed_height(self) -> int:
        """The year axis, the value label above the last column, and columns a finger high."""
        axis_px = self.getPlotItem().getAxis("bottom").minimumHeight()
        return math.ceil(axis_px + self.last_label.boundingRect().height() + _MIN_COLUMNS_PX + 2)

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
        self.last_label.setPos(self.years[-1], self.values[-1] * progress)

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
