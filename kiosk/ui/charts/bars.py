"""Horizontal bars, one labelled row each: shares, counts, a log scale for wide ranges."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QFontMetricsF

from kiosk.model import formatting
from kiosk.model.dataset import Figure
from kiosk.theme import Theme
from kiosk.ui import strings
from kiosk.ui.charts.base import StaticPlot, wrap
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, current_language, localise
from kiosk.ui.signals import WindowSignals

# Row geometry in data units: row i spans [i - 0.5, i + 0.5]; its label is on the left axis.
_BAR_CENTRE = 0.0
_BAR_HEIGHT = 0.56
_ROW_MIN_PX = 60
LABEL_SHARE = 0.45  # of a bar chart's width, at most, for its row labels
_LABEL_GAP_PX = 20
_AXIS_TEXT_OFFSET = 12  # px between row labels and bars


@dataclass(frozen=True)
class BarRow:
    label: str | Tr
    value: float
    value_text: str | Tr
    colour: str
    detail: str | Tr | None = None  # the callout: exact value, unit, year, source
    key: str | None = None  # the figure's id, for the anonymous analytics


class BarRowsChart(StaticPlot):
    """Horizontal bars, one labelled row each; a tap anywhere in a row selects it."""

    row_tapped = Signal(int)

    def __init__(self, theme: Theme, rows: list[BarRow], *, log: bool = False, limit: float | None = None,
                 signals: WindowSignals | None = None):
        super().__init__(theme, signals)
        self.rows = rows
        self.keys = [row.key for row in rows]
        self.log = log
        self.limit = limit
        self.selected: int | None = None
        item = self.getPlotItem()
        item.invertY(True)
        self._category_axis()
        if not log:
            item.hideAxis("bottom")
        self._lengths = [self._length(r.value) for r in rows]
        longest = max(self._lengths, default=1) or 1
        x_max = limit if limit is not None else longest * 1.3
        item.setXRange(0, x_max, padding=0)
        item.setYRange(-0.5, len(rows) - 0.5, padding=0)
        self.bars = pg.BarGraphItem(
            x0=np.zeros(len(rows)), y=np.arange(len(rows)) + _BAR_CENTRE,
            height=_BAR_HEIGHT, width=np.array(self._lengths), pen=None,
        )
        # The selected row is marked by a band behind it, so every bar keeps its full colour.
        self.band = pg.BarGraphItem(x0=[0], y=[0], height=1.0, width=[x_max], pen=None,
                                    brush=pg.mkBrush(theme.track))
        self.band.setZValue(-1)
        self.band.hide()
        self.addItem(self.band)
        self.addItem(self.bars)
        self._add_labels()
        if log:
            self._log_axis()
        self._paint_bars()
        self.setMinimumHeight(len(rows) * _ROW_MIN_PX)
        item.vb.sigResized.connect(self._fit)
        self.on_language_change(self._fit)  # labels change width with the language

    def _fit(self) -> None:
        """Scale x so that every bar's value label fits right of it: room is measured in pixels,
        which a margin in data units cannot guarantee at every width and in every language."""
        # The labels first: wrapped for the chart's own width, they give the bars their room (a
        # label axis set when the chart had no width yet could leave the bars none at all, and
        # then nothing would ever resize them again).
        self._show_categories()
        width = self.getPlotItem().vb.width()
        if width <= 1:
            return
        metrics = QFontMetricsF(self.font(self.theme.label_px, bold=True))
        x_max = self.limit or 0.0
        for row, length in zip(self.rows, self._lengths):
            label_px = metrics.horizontalAdvance(localise(row.value_text)) + _LABEL_GAP_PX
            x_max = max(x_max, length * width / max(width - label_px, 1.0))
        x_max = x_max or 1.0
        self.getPlotItem().setXRange(0, x_max, padding=0)
        self.band.setOpts(width=[x_max])
        if self.log:
            self._log_ticks(width / x_max)

    def _length(self, value: float) -> float:
        return math.log10(max(value, 1.0)) if self.log else value

    def _category_axis(self) -> None:
        axis = self.getPlotItem().getAxis("left")
        self._show_categories()
        # Listed for texts(); _fit (run on every language change) shows them again.
        self._texts.extend(row.label for row in self.rows)
        axis.setStyle(tickFont=self.font(self.theme.label_px), tickLength=0, tickTextOffset=_AXIS_TEXT_OFFSET)
        axis.setPen(pg.mkPen(None))
        axis.setTextPen(self.theme.text)

    def _show_categories(self) -> None:
        """Row labels on the left, wrapped so that they never take more than LABEL_SHARE of the
        chart's width (large text, narrow screens); rows grow to hold the extra lines."""
        metrics = QFontMetricsF(self.font(self.theme.label_px))
        labels = self._labels(self.width(), metrics)
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([list(enumerate(labels)), []])
        # The axis is as wide as its widest line now: left to itself, pyqtgraph shrinks it only
        # when painted and not by less than 10 px, which kept bars squeezed after a rotation.
        widest = max((metrics.horizontalAdvance(line) for label in labels for line in label.split("\n")), default=0)
        axis.setWidth(math.ceil(widest) + _AXIS_TEXT_OFFSET + 4)
        needed = self.heightForWidth(self.width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # (pyqtgraph calls it with None too)
        # Not while built (no bars yet) nor once closed (pyqtgraph has emptied the scene).
        if event is None or not hasattr(self, "band") or getattr(self, "closed", False):
            return
        if event.size().width() != event.oldSize().width():
            self._fit()
        if self.size() != event.size():
            # Fitting (here, or at the plot's own resize above) raised the minimum height and the
            # chart grew within this event (its viewport's). As a page appears, Qt sends no event
            # for that growth: neither the viewport (where taps land) nor the plot would follow.
            self.viewport().setGeometry(self.contentsRect())
            super().resizeEvent(None)  # pyqtgraph: the plot takes the chart's size

    def _labels(self, width: int, metrics: QFontMetricsF) -> list[str]:
        limit = LABEL_SHARE * width if width > 0 else float("inf")
        return [wrap(localise(row.label), metrics, limit) for row in self.rows]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """The height its rows need at that width (labels wrapped there), so that a layout
        places it right the first time instead of after it has been resized and asked again
        (for a moment, a too short chart overlapped what was under it)."""
        metrics = QFontMetricsF(self.font(self.theme.label_px))
        lines = max((label.count("\n") + 1 for label in self._labels(width, metrics)), default=1)
        row_px = max(_ROW_MIN_PX, lines * metrics.lineSpacing() + 16)
        bottom = self.getPlotItem().getAxis("bottom")
        return int(len(self.rows) * row_px) + (math.ceil(bottom.height()) if bottom.isVisible() else 0)

    def _add_labels(self) -> None:
        self.value_labels = [
            self.text_item(row.value_text, (length, index + _BAR_CENTRE), (-0.04, 0.5), self.theme.label_px, bold=True)
            for index, (row, length) in enumerate(zip(self.rows, self._lengths))]

    def grow(self, progress: float) -> None:
        widths = [length * progress for length in self._lengths]
        self.bars.setOpts(width=np.array(widths))
        for index, (item, width) in enumerate(zip(self.value_labels, widths)):
            item.setPos(width, index + _BAR_CENTRE)

    def bar_widths(self) -> list[float]:
        return [float(w) for w in self.bars.opts["width"]]

    def _log_axis(self) -> None:
        axis = self.getPlotItem().getAxis("bottom")
        self.style_axis(axis, self.theme.text_px)
        axis.setPen(self.theme.text_muted)
        axis.setTextPen(self.theme.text_muted)

    def _log_ticks(self, px_per_decade: float) -> None:
        """Powers of ten in the current language, as many as fit without touching each other."""
        language = current_language()
        top = int(math.ceil(max(self._lengths, default=1)))
        labels = {p: formatting.format_number(10**p, language) for p in range(1, top + 1)}
        widest = max((QFontMetricsF(self.font(self.theme.text_px)).horizontalAdvance(t) for t in labels.values()),
                     default=0)
        step = max(1, math.ceil((widest + _LABEL_GAP_PX) / max(px_per_decade, 1.0)))
        # "1" at the very start would stick out over the category labels; the axis starts there.
        self.getPlotItem().getAxis("bottom").setTicks([[(p, labels[p]) for p in range(step, top + 1, step)], []])

    def _paint_bars(self) -> None:
        self.bars.setOpts(brushes=[pg.mkBrush(row.colour) for row in self.rows])

    def select(self, index: int | None) -> None:
        self.selected = index
        self.band.setVisible(index is not None)
        if index is not None:
            self.band.setOpts(y=[index])

    def row_height_px(self) -> float:
        """On-screen height of one row: the finger target when rows are tappable."""
        return self.getPlotItem().vb.height() / max(1, len(self.rows))

    def row_tapped_connected(self) -> bool:
        return self.isSignalConnected(self.metaObject().method(
            self.metaObject().indexOfSignal("row_tapped(int)")))

    def row_at(self, scene_pos: QPointF) -> int | None:
        """The row under a scene point; the whole row band counts, not only the bar."""
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        index = math.floor(point.y() + 0.5)
        return index if 0 <= index < len(self.rows) else None

    def element_at(self, scene_pos: QPointF):
        index = self.row_at(scene_pos)
        return None if index is None else (index, self.rows[index].detail)

    def element_point(self, index: int) -> QPoint:
        """The middle of the row's band (all of it is the row's target, not only its bar)."""
        x_max = self.getPlotItem().vb.viewRange()[0][1]
        return self.mapFromScene(self.getPlotItem().vb.mapViewToScene(QPointF(x_max / 2, index)))

    @classmethod
    def sample(cls, ctx: ViewContext) -> BarRowsChart | None:
        """The dataset's first five percentages, on a scale to 100."""
        figures = [f for f in ctx.dataset.figures if ctx.dataset.unit(f.unit).percent][:5]
        if not figures:
            return None
        rows = figure_rows(ctx, figures)
        chart = cls(ctx.theme, rows, limit=100, signals=ctx.signals)
        chart.describe(ctx.text(figures[0].label), rows_description(ctx, rows))
        return chart

    def element_tapped(self, index: int) -> None:
        self.row_tapped.emit(index)


def figure_rows(ctx: ViewContext, figures: list[Figure], labels: list[Tr] | None = None) -> list[BarRow]:
    """One row a figure (labelled with its own label unless `labels` are given), in the theme's
    series colours, each with its callout and id."""
    labels = labels or [ctx.text(f.label) for f in figures]
    return [BarRow(name, f.value, ctx.value(f), ctx.theme.series_colour(i), ctx.callout(f), f.id)
            for i, (name, f) in enumerate(zip(labels, figures))]


def rows_description(ctx: ViewContext, rows: list[BarRow]) -> Tr:
    """A bar chart as text: every row's label and value, in the current language."""
    items = [ctx.ui(strings.CHART_ROW, label=row.label, value=row.value_text) for row in rows]
    return lambda language: "; ".join(item(language) for item in items)
