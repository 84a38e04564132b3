"""Innovation: platforms and companies, the zone's share of the city, and its people."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui import strings
from kiosk.ui.charts import BarRow, BarRowsChart, RingChart, rows_description
from kiosk.ui.context import ViewContext
from kiosk.ui.views.base import ViewPage
from kiosk.ui.widgets import AdaptiveRow, CardGrid, FigureCard, Panel, label


class InnovationView(ViewPage):
    def __init__(self, ctx: ViewContext):
        spec = ctx.dataset.views.innovation
        super().__init__(ctx, spec.title, spec.headline)
        parts: list[tuple[QWidget, int]] = []
        if spec.cards:
            parts.append((CardGrid([FigureCard(ctx, f) for f in ctx.figures(spec.cards)], 300), 1))
        if spec.part_of_whole:
            parts.append((self._part_of_whole(), 1))
        talent = showcase(ctx)
        if talent is not None:
            self.talent_chart = talent.chart
            parts.append((talent, 2))
        self.add(AdaptiveRow(parts), 1)

    def _part_of_whole(self) -> Panel:
        spec = self.ctx.dataset.views.innovation.part_of_whole
        figure = self.ctx.dataset.figure(spec.figure)
        panel = Panel(self.ctx.text(spec.title), self.ctx.provenance([figure]))
        colour = self.ctx.theme.accent
        self.ring = RingChart(self.ctx.theme, figure.value / 100, self.ctx.value(figure), colour,
                              self.ctx.callout(figure), figure.id, signals=self.ctx.signals)
        self.ring.describe(self.ctx.text(spec.title), self.ctx.ui(strings.CHART_ROW, label=self.ctx.text(figure.label),
                                                                  value=self.ctx.value(figure)))
        panel.add(self.ring, 1)
        panel.add(label(self.ctx.text(figure.label), "label"))
        return panel.finish()


def showcase(ctx: ViewContext) -> Panel | None:
    """The people working in the zone, on a log scale: the view's chart and an attract slide."""
    spec = ctx.dataset.views.innovation.talent
    if spec is None:
        return None
    figures = ctx.figures(spec.figures)
    rows = [BarRow(ctx.text(f.label), f.value, ctx.value(f), ctx.theme.series_colour(i), ctx.callout(f), f.id)
            for i, f in enumerate(figures)]
    panel = Panel(ctx.text(spec.title), ctx.provenance(figures))
    # A log scale keeps 2 Nobel laureates and ~35,000 professionals both readable.
    panel.chart = BarRowsChart(ctx.theme, rows, log=True, signals=ctx.signals)
    panel.chart.describe(ctx.text(spec.title), rows_description(ctx, rows))
    panel.add(panel.chart, 1)
    panel.add(label(ctx.ui(strings.LOG_SCALE), "muted"))
    return panel.finish()
