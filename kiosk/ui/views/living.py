"""Living environment: green coverage, income, water, and how to get here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model.dataset import Fact
from kiosk.ui.charts import RingChart
from kiosk.ui.context import ViewContext
from kiosk.ui.views.base import ViewPage
from kiosk.ui.widgets import AdaptiveRow, CardGrid, FigureCard, Panel, label


class LivingView(ViewPage):
    def __init__(self, ctx: ViewContext):
        spec = ctx.dataset.views.living
        super().__init__(ctx, spec.title, spec.headline)
        top: list[tuple[QWidget, int]] = []
        if spec.gauge:
            top.append((self._gauge(), 1))
        if spec.cards:
            top.append((CardGrid([FigureCard(ctx, f) for f in ctx.figures(spec.cards)], 340), 2))
        self.add(AdaptiveRow(top))
        lower = []
        if spec.transport:
            lower.append((self._transport(), 2))
        if spec.facts:
            facts = [ctx.dataset.fact(i) for i in spec.facts]
            lower.append((self._facts_panel(None, facts), 1))
        if lower:
            self.add(AdaptiveRow(lower), 1)

    def _gauge(self) -> Panel:
        figure = self.ctx.dataset.figure(self.ctx.dataset.views.living.gauge)
        panel = Panel(self.ctx.text(figure.label), self.ctx.provenance([figure]))
        self.gauge = RingChart(self.ctx.theme, figure.value / 100, self.ctx.value(figure),
                               self.ctx.theme.series_colour(2))
        panel.add(self.gauge, 1)
        return panel.finish()

    def _transport(self) -> Panel:
        spec = self.ctx.dataset.views.living.transport
        figures = self.ctx.figures(spec.figures)
        facts = [self.ctx.dataset.fact(i) for i in spec.facts]
        panel = Panel(self.ctx.text(spec.title), self.ctx.provenance([*facts, *figures]))
        for fact in facts:
            _add_fact(self.ctx, panel, fact)
        for figure in figures:
            value = label(f"{self.ctx.text(figure.label)}: {self.ctx.value(figure)} ({figure.year})")
            value.setObjectName(f"figure-{figure.id}")
            panel.add(value)
        return panel.finish()

    def _facts_panel(self, title: str | None, facts: list[Fact]) -> Panel:
        panel = Panel(title, self.ctx.provenance(facts))
        for fact in facts:
            _add_fact(self.ctx, panel, fact)
        return panel.finish()


def _add_fact(ctx: ViewContext, panel: Panel, fact: Fact) -> None:
    title = label(ctx.text(fact.title), "label")
    title.setObjectName(f"fact-{fact.id}")
    panel.add(title)
    panel.add(label(ctx.text(fact.text), "muted"))
