"""What every chart shares: a static pyqtgraph view (no pan, zoom, menu), its callout, taps,
entry animation and texts that follow the language.

Each chart takes plain rows of numbers and text; colours come from the theme.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPointF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsView, QSizePolicy

from kiosk.theme import Theme
from kiosk.ui.charts.callout import Callout
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, localise
from kiosk.ui.signals import WindowSignals

ENTRY_MS = 350  # charts grow in when their view appears; <= 400 ms, eased


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


def _abstract(member) -> bool:
    return getattr(member, "__isabstractmethod__", False)


# Every kind of chart, in the order defined (each subclass of StaticPlot adds itself): the chart
# tests check each one, so a new kind is one class and needs no list kept anywhere.
CHART_KINDS: list[type[StaticPlot]] = []


class StaticPlot(pg.GraphicsView):
    """A chart that ignores drags, wheel and right-click: visitors cannot break it.

    The chart protocol, what every kind of chart provides; the members marked abstract are the
    kind's own (a subclass without one of them cannot be defined), the rest are shared here:
    - hit testing: element_at(scene point) is the element under a tap and its callout text,
      element_point(index) where a finger taps an element, element_count() how many there are;
      a tap on an element opens the callout (exact value, year, source) and reports the figure;
    - growth: grow(progress) draws the chart that far (0..1) in; animate_in() runs it from 0,
      finish_animation() jumps to the end;
    - language: texts() are the shown texts in the current language, on_language_change(redo)
      registers what to redo after a switch;
    - a text alternative: describe(name, description) sets the accessible name and description;
    - sample(ctx): the kind built from a dataset's own records, for checks and previews.
    """

    callout: Callout | None = None  # made in __init__, after pyqtgraph's first resize

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [name for name, member in vars(StaticPlot).items()
                   if _abstract(member) and _abstract(getattr(cls, name))]
        if missing:
            raise TypeError(f"the chart kind {cls.__name__} does not provide {', '.join(missing)}")
        CHART_KINDS.append(cls)

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

    # Hit testing

    @abstractmethod
    def element_at(self, scene_pos: QPointF) -> tuple[int, str | Tr] | None:
        """The element under a scene point and its callout text; None where there is none."""

    @abstractmethod
    def element_point(self, index: int) -> QPoint:
        """A viewport point inside element `index`: where a finger taps it."""

    def element_count(self) -> int:
        return len(self.keys)

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

    def hideEvent(self, event):  # noqa: N802 (Qt override)
        # The callout lies over the window, not in the chart: it goes when the chart does (a tab switch).
        self.callout.dismiss()
        super().hideEvent(event)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.callout is not None and self.callout.isVisible():
            self.callout.place()  # a rotation, or a relayout after the tap

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

    @abstractmethod
    def grow(self, progress: float) -> None:
        """Draw the chart `progress` (0..1) of the way in: 0 shows no values, 1 all of them."""

    @classmethod
    @abstractmethod
    def sample(cls, ctx: ViewContext) -> StaticPlot | None:
        """This kind built (and described) from the first records of ctx.dataset that suit it;
        None if none do."""

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
