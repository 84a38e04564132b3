"""Figure cards and the highlights grid: figures as values with their labels and sources."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.model import dataset as data
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.widgets import (HEADING_ROLES, CardGrid, FigureCard, FittedLabel, Panel, label, side_margins,
                               widest_word)

HIGHLIGHT_COLUMNS = 3


@builds(data.FigureCards)
def figure_cards(ctx: ViewContext, block: data.FigureCards) -> CardGrid:
    return CardGrid([FigureCard(ctx, f) for f in ctx.figures(block.figures)])


@builds(data.Highlights)
def highlights(ctx: ViewContext, block: data.Highlights) -> Panel:
    figures = ctx.figures(block.figures)
    panel = Panel(ctx.text(block.title) if block.title else None, ctx.provenance(figures))
    pairs = []
    for figure in figures:
        value = FittedLabel(ctx.value(figure), HEADING_ROLES)
        value.setObjectName(f"highlight-{figure.id}")
        caption = label(ctx.text(figure.label), "muted")
        caption.setBuddy(value)  # says what the value is (read with it by speech and screen readers)
        pairs.append((value, caption))
    panel.add(HighlightGrid(pairs))
    return panel.finish()


class HighlightGrid(QWidget):
    """Values with their captions under them, in up to HIGHLIGHT_COLUMNS columns: as many as
    leave every word room even in its smallest size (a narrow block, large text or a long unit
    word gets fewer), each column at least as wide as its widest word; re-judged when the width,
    the language or the look changes."""

    SPACING = 24

    def __init__(self, pairs: list[tuple[FittedLabel, QLabel]]):
        super().__init__()
        self.pairs = pairs
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(self.SPACING)
        self.grid.setVerticalSpacing(4)
        self._columns = 0
        self._place(min(HIGHLIGHT_COLUMNS, len(pairs)), [0] * HIGHLIGHT_COLUMNS)

    def _place(self, columns: int, least: list[int]) -> None:
        for column in range(HIGHLIGHT_COLUMNS):
            width = least[column] if column < columns else 0
            # Only a change: setting it invalidates the layout, whose request would reflow again.
            if self.grid.columnMinimumWidth(column) != width:
                self.grid.setColumnMinimumWidth(column, width)
        if columns == self._columns:
            return
        self._columns = columns
        top = Qt.AlignmentFlag.AlignTop  # a row's labels line up even when one wraps
        for value, caption in self.pairs:
            self.grid.removeWidget(value)
            self.grid.removeWidget(caption)
        for index, (value, caption) in enumerate(self.pairs):
            row, column = divmod(index, columns)
            self.grid.addWidget(value, row * 2, column, top)
            self.grid.addWidget(caption, row * 2 + 1, column, top)

    def _least_widths(self, columns: int) -> list[int]:
        """Each column's widest word, in the smallest size its values may take."""
        least = [0] * HIGHLIGHT_COLUMNS
        for index, (value, caption) in enumerate(self.pairs):
            caption.ensurePolished()  # its font comes from the stylesheet
            words = widest_word(caption.text(), caption.fontMetrics()) + side_margins(caption)
            least[index % columns] = max(least[index % columns], value.least_width(), words)
        return least

    def _reflow(self) -> None:
        width = self.width()
        if width <= 0 or not self.pairs:
            return
        for columns in range(min(HIGHLIGHT_COLUMNS, len(self.pairs)), 0, -1):
            least = self._least_widths(columns)
            if sum(least) + self.SPACING * (columns - 1) <= width:
                break
        # Each column at least half an equal share too: left to their texts' own widths, a
        # column of short captions was squeezed until its values stood one character a line.
        half = (width - self.SPACING * (columns - 1)) // (2 * columns)
        self._place(columns, [max(px, half) if n < columns else 0 for n, px in enumerate(least)])

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._reflow()

    def event(self, event):
        if event.type() == QEvent.Type.LayoutRequest:  # a text or its font changed
            self._reflow()
        return super().event(event)
