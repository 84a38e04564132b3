"""A figure's values by year, as columns."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF

from kiosk.model import formatting
from kiosk.model.dataset import Figure
from kiosk.ui.charts.base import StaticPlot
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr


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
        self.addItem(pg.BarGraphItem(x=self.years, height=self.values, width=0.6,
                                     brush=ctx.theme.accent, pen=None))
        unit = ctx.dataset.unit(figure.unit)
        last = self.values[-1]

        def last_text(language: str) -> str:
            return formatting.format_value(last, unit, language)

        self.text_item(last_text, (self.years[-1], self.values[-1]), (0.5, 1.1), ctx.theme.text_px)
        self.unit = unit

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
        self.setMinimumHeight(160)
