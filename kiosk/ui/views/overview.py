"""Overview: headline figures, the land-versus-GDP comparison, and key facts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.charts import BarRow, BarRowsChart, rows_description
from kiosk.ui.context import ViewContext
from kiosk.ui.views.base import ViewPage
from kiosk.ui.widgets import AdaptiveRow, CardGrid, FigureCard, Panel, label


class OverviewView(ViewPage):
    def __init__(self, ctx: ViewContext):
        spec = ctx.dataset.views.overview
        super().__init__(ctx, spec.title, spec.headline)
        self.cards = [FigureCard(ctx, f) for f in ctx.figures(spec.cards)]
        self.add(CardGrid(self.cards))
        comparison = showcase(ctx)
        self.comparison_chart = comparison.chart if comparison else None
        lower = [(w, 1) for w in (comparison, self._highlights()) if w is not None]
        if lower:
            self.add(AdaptiveRow(lower), 1)

    def _highlights(self) -> Panel | None:
        figures = self.ctx.figures(self.ctx.dataset.views.overview.highlights)
        if not figures:
            return None
        panel = Panel(provenance=self.ctx.provenance(figures))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        columns = 3
        for index, figure in enumerate(figures):
            row, column = divmod(index, columns)
            value = label(self.ctx.value(figure), "heading")
            value.setObjectName(f"highlight-{figure.id}")
            top = Qt.AlignmentFlag.AlignTop  # a row's labels line up even when one wraps
            grid.addWidget(value, row * 2, column, top)
            grid.addWidget(label(self.ctx.text(figure.label), "muted"), row * 2 + 1, column, top)
        panel.add(grid_host)
        return panel.finish()


def showcase(ctx: ViewContext) -> Panel | None:
    """The land-versus-GDP comparison: the view's chart, also shown in the attract loop."""
    spec = ctx.dataset.views.overview.comparison
    if spec is None:
        return None
    figures = ctx.figures(spec.figures)
    rows = [BarRow(ctx.text(f.label), f.value, ctx.value(f), ctx.theme.series_colour(i), ctx.callout(f), f.id)
            for i, f in enumerate(figures)]
    panel = Panel(ctx.text(spec.title), ctx.provenance(figures))
    panel.chart = BarRowsChart(ctx.theme, rows, signals=ctx.signals)
    panel.chart.describe(ctx.text(spec.title), rows_description(ctx, rows))
    panel.add(panel.chart, 1)
    return panel.finish()
