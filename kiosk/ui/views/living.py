"""Living environment: green coverage, income, water, and how to get here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model.dataset import Fact, Figure
from kiosk.ui import strings
from kiosk.ui.charts import RingChart
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.views.base import ViewPage
from kiosk.ui.widgets import AdaptiveRow, CardGrid, FactTile, FigureCard, Panel, column


class LivingView(ViewPage):
    def __init__(self, ctx: ViewContext):
        spec = ctx.dataset.views.living
        super().__init__(ctx, spec.title, spec.headline)
        left: list[tuple[QWidget, int]] = []
        gauge = showcase(ctx)
        if gauge is not None:
            self.gauge = gauge.chart
            left.append((gauge, 1))
        if spec.facts:
            left.append((self._tiles(None, [ctx.dataset.fact(i) for i in spec.facts], []), 0))
        right: list[tuple[QWidget, int]] = []
        if spec.cards:
            right.append((CardGrid([FigureCard(ctx, f) for f in ctx.figures(spec.cards)], 340), 0))
        if spec.transport:
            transport = spec.transport
            facts = [ctx.dataset.fact(i) for i in transport.facts]
            right.append((self._tiles(ctx.text(transport.title), facts, ctx.figures(transport.figures)), 1))
        self.add(AdaptiveRow([(column(*left), 1), (column(*right), 2)]), 1)

    def _tiles(self, title: Tr | None, facts: list[Fact], figures: list[Figure]) -> Panel:
        """Facts and single figures as tiles, each with its own source line."""
        ctx = self.ctx
        tiles = [FactTile(ctx.text(f.title), ctx.text(f.text), ctx.provenance([f]), f"fact-{f.id}")
                 for f in facts]
        tiles += [FactTile(ctx.ui(strings.LABEL_VALUE, label=ctx.text(f.label), value=ctx.value(f)), None,
                           ctx.provenance([f]), f"figure-{f.id}")
                  for f in figures]
        panel = Panel(title)
        panel.add(CardGrid(tiles, 420))
        return panel.finish()


def showcase(ctx: ViewContext) -> Panel | None:
    """The green-coverage gauge: the view's chart and an attract slide."""
    gauge_id = ctx.dataset.views.living.gauge
    if gauge_id is None:
        return None
    figure = ctx.dataset.figure(gauge_id)
    panel = Panel(ctx.text(figure.label), ctx.provenance([figure]))
    panel.chart = RingChart(ctx.theme, figure.value / 100, ctx.value(figure), ctx.theme.series_colour(2),
                            ctx.callout(figure), figure.id, signals=ctx.signals)
    panel.chart.describe(ctx.text(figure.label), ctx.ui(strings.CHART_ROW, label=ctx.text(figure.label),
                                                       value=ctx.value(figure)))
    panel.add(panel.chart, 1)
    return panel.finish()
