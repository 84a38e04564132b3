"""Figure cards and the highlights grid: figures as values with their labels and sources."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.model import dataset as data
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.widgets import HEADING_ROLES, CardGrid, FigureCard, FittedLabel, Panel, label

HIGHLIGHT_COLUMNS = 3


@builds(data.FigureCards)
def figure_cards(ctx: ViewContext, block: data.FigureCards) -> CardGrid:
    return CardGrid([FigureCard(ctx, f) for f in ctx.figures(block.figures)])


@builds(data.Highlights)
def highlights(ctx: ViewContext, block: data.Highlights) -> Panel:
    figures = ctx.figures(block.figures)
    panel = Panel(ctx.text(block.title) if block.title else None, ctx.provenance(figures))
    grid_host = QWidget()
    grid = QGridLayout(grid_host)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(24)
    grid.setVerticalSpacing(4)
    for index, figure in enumerate(figures):
        row, column = divmod(index, HIGHLIGHT_COLUMNS)
        value = FittedLabel(ctx.value(figure), HEADING_ROLES)
        value.setObjectName(f"highlight-{figure.id}")
        top = Qt.AlignmentFlag.AlignTop  # a row's labels line up even when one wraps
        caption = label(ctx.text(figure.label), "muted")
        caption.setBuddy(value)  # says what the value is (read with it by speech and screen readers)
        grid.addWidget(value, row * 2, column, top)
        grid.addWidget(caption, row * 2 + 1, column, top)
    panel.add(grid_host)
    return panel.finish()
