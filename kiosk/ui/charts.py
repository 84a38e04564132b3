"""pyqtgraph charts made for a touch kiosk: static (no pan, zoom, menu), labelled values.

Each chart takes plain rows of numbers and text; colours come from the theme.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (QEasingCurve, QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer,
                            QVariantAnimation, Signal)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsGridLayout, QGraphicsView, QLabel, QSizePolicy, QWidget

from kiosk.model import formatting
from kiosk.model.dataset import Figure
from kiosk.theme import Theme
from kiosk.ui import strings
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, current_language, localise
from kiosk.ui.signals import WindowSignals

# Row geometry in data units: row i spans [i - 0.5, i + 0.5]; its label is on the left axis.
_BAR_CENTRE = 0.0
_BAR_HEIGHT = 0.56
_ROW_MIN_PX = 60
LABEL_SHARE = 0.45  # of a bar chart's width, at most, for its row labels
ENTRY_MS = 350  # charts grow in when their view appears; <= 400 ms, eased
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


class Callout(QLabel):
    """What a tapped bar or segment is, exactly: closes on a tap elsewhere or after 8 s."""

    HIDE_AFTER_MS = 8000

    def __init__(self, chart: QWidget):
        super().__init__(chart)
        self.setObjectName("callout")
        self.setProperty("role", "callout")
        # A tap on the callout is a tap on what lies under it (e.g. the next bar).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        self._text: str | Tr = ""
        self.timer = QTimer(self, singleShot=True, interval=self.HIDE_AFTER_MS)
        self.timer.timeout.connect(self.dismiss)

    def show_at(self, text: str | Tr, point: QPoint) -> None:
        self._text = text
        self._show_text()
        chart = self.parentWidget()
        x = min(max(0, point.x() - self.width() // 2), max(0, chart.width() - self.width()))
        y = point.y() - self.height() - 12
        self.move(x, y if y >= 0 else min(point.y() + 12, max(0, chart.height() - self.height())))
        self.show()
        self.raise_()
        self.timer.start()
        QApplication.instance().installEventFilter(self)

    def _show_text(self) -> None:
        self.setText(localise(self._text))
        self.adjustSize()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        # A press outside the chart closes the callout; inside, the chart decides.
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and isinstance(watched, QWidget):
            point = event.points()[0].globalPosition() if event.type() == QEvent.Type.TouchBegin \
                else event.globalPosition()
            chart = self.parentWidget()
            if not chart.rect().contains(chart.mapFromGlobal(point.toPoint())):
                self.dismiss()
        return False

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_text()
        super().changeEvent(event)


class ChartArea(pg.GraphicsWidget):
    """What a static chart uses of pyqtgraph's PlotItem: a ViewBox with a left and a bottom
    axis, and PlotItem's names for them. PlotItem also builds a context menu, a settings form,
    a title and two more axes for every chart: nobody can open them here, and they cost more
    than half of a chart's build time (which a data swap or a cold start waits for)."""

    def __init__(self):
        super().__init__()
        self.vb = pg.ViewBox(enableMouse=False, enableMenu=False)
        self.items: list = []
        self.axes = {name: pg.AxisItem(name, parent=self) for name in ("left", "bottom")}
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        self.setLayout(grid)
        grid.addItem(self.vb, 0, 1)
        for name, cell in (("left", (0, 0)), ("bottom", (1, 1))):
            axis = self.axes[name]
            # Our axes have no unit label; the automatic SI prefix would re-typeset that empty
            # label (QGraphicsTextItem.setHtml) at every range change.
            axis.enableAutoSIPrefix(False)
            axis.linkToView(self.vb)
            axis.setZValue(0.5)  # as PlotItem: above the data, so labels are never covered
            grid.addItem(axis, *cell)
        for index in range(2):
            grid.setRowMinimumHeight(index, 0)
            grid.setColumnMinimumWidth(index, 0)
        grid.setRowStretchFactor(0, 100)
        grid.setColumnStretchFactor(1, 100)

    def getAxis(self, name: str) -> pg.AxisItem:  # noqa: N802 (PlotItem's names)
        return self.axes[name]

    def hideAxis(self, name: str) -> None:  # noqa: N802
        self.axes[name].hide()

    def addItem(self, item) -> None:  # noqa: N802
        self.items.append(item)
        self.vb.addItem(item)

    def setXRange(self, *args, **kwargs) -> None:  # noqa: N802
        self.vb.setXRange(*args, **kwargs)

    def setYRange(self, *args, **kwargs) -> None:  # noqa: N802
        self.vb.setYRange(*args, **kwargs)

    def setRange(self, *args, **kwargs) -> None:  # noqa: N802
        self.vb.setRange(*args, **kwargs)

    def invertY(self, invert: bool = True) -> None:  # noqa: N802
        self.vb.invertY(invert)

    def setAspectLocked(self, lock: bool = True, ratio: float = 1) -> None:  # noqa: N802
        self.vb.setAspectLocked(lock, ratio)


class _NoActivation(QObject):
    """Keeps a chart's scene out of window activation. Qt (de)activates a scene whenever its
    view is shown or hidden, and every item repaints for it: a tab switch painted the new page
    three times instead of once. Charts have nothing to focus and draw with the theme's colours,
    not the palette, so activation changes nothing that is seen."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        return event.type() in (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


class StaticPlot(pg.GraphicsView):
    """A chart that ignores drags, wheel and right-click: visitors cannot break it."""

    def __init__(self, theme: Theme, signals: WindowSignals | None = None):
        super().__init__(background=theme.surface)
        self.enableMouse(False)
        self.theme = theme
        self.signals = signals  # where taps are reported (kiosk.ui.signals); None: nowhere
        # Every text the chart shows, and what to redo when the language changes.
        self._texts: list[str | Tr] = []
        self._on_language: dict[Callable[[], None], None] = {}
        self.plot = ChartArea()
        self.setCentralItem(self.plot)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A flat background: one fill of the theme's colour per paint, instead of a fill of the
        # viewport's own and a blit of a cached picture of that colour (a quarter of a chart's paint).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.callout = Callout(self)
        self.keys: list[str | None] = []  # each element's figure id, in element order
        self._no_activation = _NoActivation(self)
        self.scene().installEventFilter(self._no_activation)
        self.scene().sigMouseClicked.connect(self._on_tap)
        self.entry = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=ENTRY_MS)
        self.entry.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.entry.valueChanged.connect(self.grow)

    def getPlotItem(self) -> ChartArea:  # noqa: N802 (pyqtgraph's name)
        return self.plot

    def addItem(self, item) -> None:  # noqa: N802
        self.plot.addItem(item)

    def element_at(self, scene_pos: QPointF) -> tuple[int, str | Tr] | None:
        """The element under a tap and its callout text; charts with tappable parts override."""
        return None

    def _on_tap(self, event) -> None:
        hit = self.element_at(event.scenePos())
        if hit is None or hit[1] is None:
            self.callout.dismiss()
            return
        self.callout.show_at(hit[1], self.mapFromScene(event.scenePos()))
        self.element_tapped(hit[0])
        self._report_tap(hit[0])

    def _report_tap(self, index: int) -> None:
        """Tell the kiosk which figure a visitor looked at (charts in the attract loop have no
        signals, and their taps only wake the kiosk)."""
        key = self.keys[index] if 0 <= index < len(self.keys) else None
        if key and self.signals is not None:
            self.signals.figure_tapped.emit(key)

    def element_tapped(self, index: int) -> None:
        """Hook for charts that do more on a tap (e.g. select a row)."""

    def reset_state(self) -> None:
        self.callout.dismiss()

    def animate_in(self) -> None:
        """Grow in when the view appears: short and eased (see ENTRY_MS)."""
        self.entry.stop()
        self.grow(0.0)
        self.entry.start()

    def finish_animation(self) -> None:
        """Straight to the final picture (a finger went down; nothing moves under it)."""
        if self.entry.state() == QVariantAnimation.State.Running:
            self.entry.stop()
            self.grow(1.0)

    def grow(self, progress: float) -> None:
        """Draw the chart `progress` (0..1) of the way in; charts that animate override this."""

    def describe(self, name: str | Tr, description: str | Tr) -> None:
        """The chart's accessible name and text alternative (e.g. "Health care: 79%; ...")."""
        def show() -> None:
            self.setAccessibleName(localise(name))
            self.setAccessibleDescription(localise(description))

        show()
        self.on_language_change(show)

    def wheelEvent(self, event):  # noqa: N802 (Qt override)
        event.ignore()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # Charts stretch into the space a layout gives them; asking for more only makes
        # pages taller than the screen.
        return QSize(400, max(self.minimumHeight(), 200))

    def texts(self) -> list[str]:
        """Every text the chart shows, in the current language, for tests and text alternatives."""
        return [localise(text) for text in self._texts]

    def bind_text(self, text: str | Tr, show: Callable[[], None]) -> None:
        """Register a shown text; show() (already called by the caller) redraws it."""
        self._texts.append(text)
        self.on_language_change(show)

    def on_language_change(self, redo: Callable[[], None]) -> None:
        self._on_language[redo] = None

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            for redo in self._on_language:
                redo()
        super().changeEvent(event)

    def style_axis(self, axis, px: int) -> None:
        """Axis text in the kiosk font, with room for its descenders: pyqtgraph sizes the axis to
        the text's ink and clips to it, which cut a 24 px comma down to a full stop."""
        font = self.font(px)
        axis.setStyle(tickFont=font)
        axis.setHeight(int(QFontMetricsF(font).height() + 16))

    def font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.theme.font_family)
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def text_item(self, text: str | Tr, pos: tuple[float, float], anchor, px: int, bold=False, colour=None):
        item = pg.TextItem(localise(text), color=colour or self.theme.text, anchor=anchor)
        item.setFont(self.font(px, bold))
        item.setPos(*pos)
        self.addItem(item)
        self.bind_text(text, lambda: item.setText(localise(text)))
        return item


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
        width = self.getPlotItem().vb.width()
        if width <= 0:
            return
        self._show_categories()
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
        limit = LABEL_SHARE * self.width() if self.width() > 0 else float("inf")
        labels = [wrap(localise(row.label), metrics, limit) for row in self.rows]
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([list(enumerate(labels)), []])
        # The axis is as wide as its widest line now: left to itself, pyqtgraph shrinks it only
        # when painted and not by less than 10 px, which kept bars squeezed after a rotation.
        widest = max((metrics.horizontalAdvance(line) for label in labels for line in label.split("\n")), default=0)
        axis.setWidth(math.ceil(widest) + _AXIS_TEXT_OFFSET + 4)
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        row_px = max(_ROW_MIN_PX, lines * metrics.lineSpacing() + 16)
        needed = int(len(self.rows) * row_px)
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

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

    def element_tapped(self, index: int) -> None:
        self.row_tapped.emit(index)


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


def rows_description(ctx: ViewContext, rows: list[BarRow]) -> Tr:
    """A bar chart as text: every row's label and value, in the current language."""
    items = [ctx.ui(strings.CHART_ROW, label=row.label, value=row.value_text) for row in rows]
    return lambda language: "; ".join(item(language) for item in items)


def wrap(text: str, metrics: QFontMetricsF, limit: float) -> str:
    """Break text into lines no wider than limit: at spaces, or anywhere in Chinese text."""
    if metrics.horizontalAdvance(text) <= limit:
        return text
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    lines, line = [], ""
    for word in words:
        candidate = f"{line}{joiner}{word}" if line else word
        if line and metrics.horizontalAdvance(candidate) > limit:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return "\n".join(lines)
