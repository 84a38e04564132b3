"""Walk a window's widgets: what it shows, and what is clipped, too small or off screen."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QStyle, QStyleOptionButton, QWidget

from kiosk.model.loader import load_dataset
from kiosk.resources import data_path
from kiosk.ui.blocks.industries import IndustryExplorer
from kiosk.ui.charts import BarRowsChart, StaticPlot
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import SourceLink

# The bundled dataset's tabs, in order (tests that walk every tab of the bundled kiosk).
TABS = load_dataset(data_path()).tab_ids
MIN_TARGET_PX = 48
MIN_TARGET_MM = 9
MIN_TEXT_PX = 24


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if not shown(widget):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, StaticPlot):
            texts.extend(widget.texts())
    return texts


def min_target_px(widget: QWidget) -> float:
    dpi = widget.screen().physicalDotsPerInch()
    return max(MIN_TARGET_PX, MIN_TARGET_MM / 25.4 * dpi)


def _label_overflows(label: QLabel) -> bool:
    rect = label.contentsRect()
    metrics = QFontMetrics(label.font())
    # Lines the text breaks itself ("\n") count as much as wrapped ones.
    flags = int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0
    needed = metrics.boundingRect(QRect(0, 0, rect.width(), 100_000), flags, label.text())
    return needed.height() > rect.height() + 1 or needed.width() > rect.width() + 1


def _text_width(text: str, metrics: QFontMetrics) -> int:
    """The widest line of a text ("\n" starts a line)."""
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _button_overflows(button: QAbstractButton) -> bool:
    metrics = QFontMetrics(button.font())
    lines = button.text().count("\n") + 1
    return _text_width(button.text(), metrics) + 16 > button.width() or lines * metrics.lineSpacing() > button.height()


def layout_problems(window: QWidget, scrolling: bool = False, root: QWidget | None = None) -> list[str]:
    """Clipped labels, small text, small targets and widgets outside the window.

    A page must fit its screen unless `scrolling` allows it to scroll (by finger) instead.
    `root`: only that widget and what is inside it (e.g. one overlay, one chart).
    """
    problems = []
    for widget in [root, *root.findChildren(QWidget)] if root is not None else window.findChildren(QWidget):
        if not shown(widget):
            continue
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: widget.objectName())()!r}"
        top_left = widget.mapTo(window, QPoint(0, 0))
        bounds = _visible_bounds(widget, window, scrolling)
        if not bounds.contains(QRect(top_left, widget.size())):
            problems.append(f"{name}: outside the visible area at {QRect(top_left, widget.size())}")
        if isinstance(widget, QLabel):
            if _label_overflows(widget):
                problems.append(f"{name}: text does not fit {widget.contentsRect()}")
            if widget.font().pixelSize() < MIN_TEXT_PX:
                problems.append(f"{name}: text {widget.font().pixelSize()} px < {MIN_TEXT_PX} px")
        if isinstance(widget, QAbstractButton) and _button_overflows(widget):
            problems.append(f"{name}: text does not fit the button")
        if isinstance(widget, (QAbstractButton, SourceLink)):
            if min(widget.width(), widget.height()) < min_target_px(widget):
                problems.append(f"{name}: target {widget.width()}x{widget.height()} too small")
        problems += _overlapping_children(widget)
        if isinstance(widget, StaticPlot):
            problems += [f"{name}: {p}" for p in chart_text_problems(widget)]
        if isinstance(widget, BarRowsChart) and (widget.row_tapped_connected() or any(r.detail for r in widget.rows)):
            row_px = widget.row_height_px()
            if row_px < min_target_px(widget):
                problems.append(f"{name}: tappable rows only {row_px:.0f} px high")
    return problems


def hidden_parts(widget: QWidget) -> list[str]:
    """What keeps any of a shown widget from being seen: the window's edge or an ancestor that
    clips it, or (for a label) text that does not fit."""
    problems = [] if shown(widget) else [f"{_name(widget)} is not shown"]
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(rect):
            problems.append(f"{_name(widget)} at {rect} is cut by {_name(parent)} {parent.rect()}")
        parent = parent.parentWidget()
    if isinstance(widget, QLabel) and _label_overflows(widget):
        problems.append(f"{_name(widget)}: text does not fit {widget.contentsRect()}")
    return problems


def clipped_button_text(root: QWidget) -> list[str]:
    """Buttons whose text is wider than the room their style leaves it (padding and border
    included, which the quick check in layout_problems allows only 16 px for)."""
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not shown(button):
            continue
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
        needed = _text_width(button.text(), QFontMetrics(button.font()))
        if needed > room:
            problems.append(f"{type(button).__name__} {button.text()!r}: text {needed} px in {room} px")
    return problems


def chart_text_problems(plot: StaticPlot) -> list[str]:
    """Value labels drawn outside the chart, and axis tick labels running into each other."""
    problems = []
    plot.grab()  # charts below the fold have not been painted (nor placed their labels) yet
    bounds = QRectF(plot.rect())
    for item in plot.getPlotItem().items:
        if isinstance(item, pg.TextItem):
            item.updateTransform(force=True)  # normally done when painted
            rect = plot.mapFromScene(item.sceneBoundingRect()).boundingRect()
            if not bounds.contains(QRectF(rect)):
                problems.append(f"label {item.toPlainText()!r} at {rect} outside the chart {plot.rect()}")
    if isinstance(plot, BarRowsChart) and plot.getPlotItem().vb.width() < 0.5 * plot.width():
        problems.append(f"bars squeezed into {plot.getPlotItem().vb.width():.0f} of {plot.width()} px")
    axis = plot.getPlotItem().getAxis("bottom")
    if axis.isVisible() and axis._tickLevels:
        metrics = QFontMetricsF(axis.style["tickFont"] or plot.font())
        spans = []
        for value, text in sorted(axis._tickLevels[0]):
            x = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(QPointF(value, 0))).x()
            half = metrics.horizontalAdvance(text) / 2
            spans.append((x - half, x + half, text))
        for (_, right, text), (left, _, following) in zip(spans, spans[1:]):
            if right > left:
                problems.append(f"tick labels {text!r} and {following!r} overlap")
    return problems


def _overlapping_children(parent: QWidget) -> list[str]:
    """Children a layout places must not overlap (overlays, placed over everything, may)."""
    if parent.layout() is None:
        return []
    children = [c for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if shown(c) and not isinstance(c, Overlay)]
    return [f"{_name(a)} overlaps {_name(b)}"
            for i, a in enumerate(children) for b in children[i + 1:] if a.geometry().intersects(b.geometry())]


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else widget.objectName()
    return f"{type(widget).__name__} {text!r}"


def _visible_bounds(widget: QWidget, window: QWidget, scrolling: bool) -> QRect:
    """The window; for a widget on a scrolling page, the viewport or (if it may scroll) the page."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if scrolling and isinstance(parent, QScrollArea) and parent.widget() is widget:
            return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())  # the page scrolls
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget() is not widget \
                and parent.widget().isAncestorOf(widget):
            area = parent.widget() if scrolling else parent.viewport()
            return QRect(area.mapTo(window, QPoint(0, 0)), area.size())
        parent = parent.parentWidget()
    return window.rect()


def row_point(chart: BarRowsChart, row: float, x: float = 1.0) -> QPoint:
    """The viewport point of a data-space position in a bar chart (row may be fractional)."""
    scene = chart.getPlotItem().vb.mapViewToScene(QPointF(x, row))
    return chart.mapFromScene(scene)


def pixels_apart(first: QImage, second: QImage, tolerance: int = 8) -> int:
    """How many pixels differ by more than `tolerance` in a channel (text anti-aliasing may
    differ by a level or two between two renderings of the same picture)."""
    import numpy as np

    def channels(image: QImage):
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)

    assert first.size() == second.size()
    return int((np.abs(channels(first) - channels(second)).max(axis=2) > tolerance).sum())


def explorer(window) -> IndustryExplorer:
    """The industry explorer block on the window's tabs (the bundled data has one)."""
    return next(page.findChild(IndustryExplorer) for page in (window.views[t] for t in window.tab_ids)
                if page.findChild(IndustryExplorer) is not None)


def figure_cards(page: QWidget) -> list:
    """A tab page's figure cards, in order."""
    from kiosk.ui.widgets import FigureCard, descendants

    return descendants(page, FigureCard)
