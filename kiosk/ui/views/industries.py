"""Industries: each cluster's share of the city's total; tap one for its details."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model.dataset import Industry
from kiosk.ui import strings
from kiosk.ui.charts import BarRow, BarRowsChart, rows_description
from kiosk.ui.context import ViewContext
from kiosk.ui.views.base import ViewPage
from kiosk.ui.widgets import AdaptiveRow, Panel, column, discard, label, source_line, vbox


class IndustriesView(ViewPage):
    def __init__(self, ctx: ViewContext):
        spec = ctx.dataset.views.industries
        super().__init__(ctx, spec.title, spec.headline)
        self.industries = list(ctx.dataset.industries)
        chart_panel = showcase(ctx, hint=True)
        self.chart = chart_panel.chart
        self.chart.row_tapped.connect(self.select)
        self.detail_host = Panel()
        self.detail: QWidget | None = None
        side = column((self.detail_host, 1), (self._all_companies(), 0))
        self.add(AdaptiveRow([(chart_panel, 3), (side, 2)]), 1)
        self.select(0)

    def select(self, index: int) -> None:
        self.selected = self.industries[index]
        self.chart.select(index)
        if self.detail is not None:
            self.detail_host.body.removeWidget(self.detail)
            discard(self.detail)
        self.detail = IndustryDetail(self.ctx, self.selected)
        self.detail_host.add(self.detail)

    def reset_state(self) -> None:
        self.select(0)

    def _all_companies(self) -> QWidget:
        companies = self.ctx.dataset.companies
        spec = self.ctx.dataset.views.industries
        panel = Panel(self.ctx.text(spec.companies_title), self.ctx.provenance(
            [c for c in companies if c.industry is None] or companies))
        company_names = [self.ctx.text(c.name) for c in companies]

        def names(language: str) -> str:
            return " · ".join(name(language) for name in company_names)

        panel.add(label(names, "label"))
        return panel.finish()


def showcase(ctx: ViewContext, hint: bool = False) -> Panel:
    """Each cluster's share of the city's total as bars (tappable in the view)."""
    spec = ctx.dataset.views.industries
    shares = [ctx.dataset.figure(i.share) for i in ctx.dataset.industries]
    rows = [BarRow(ctx.text(i.name), s.value, ctx.value(s), ctx.theme.series_colour(n), ctx.callout(s), s.id)
            for n, (i, s) in enumerate(zip(ctx.dataset.industries, shares))]
    panel = Panel(ctx.text(spec.chart_title), ctx.provenance(shares))
    if hint:
        panel.add(label(ctx.text(spec.hint), "muted"))
    panel.chart = BarRowsChart(ctx.theme, rows, limit=100, signals=ctx.signals)
    panel.chart.describe(ctx.text(spec.chart_title), rows_description(ctx, rows))
    panel.add(panel.chart, 1)
    return panel.finish()


class IndustryDetail(QWidget):
    """The selected cluster: its share, description and the companies linked to it."""

    def __init__(self, ctx: ViewContext, industry: Industry):
        super().__init__()
        body = vbox(self, spacing=10)
        share = ctx.dataset.figure(industry.share)
        body.addWidget(label(ctx.text(industry.name), "heading"))
        value = label(ctx.ui(strings.SHARE_OF_TOTAL, value=ctx.value(share)), "value")
        value.setObjectName("industry-share")
        body.addWidget(value)
        if industry.description:
            body.addWidget(label(ctx.text(industry.description)))
        companies = ctx.dataset.companies_of(industry.id)
        for company in companies:
            body.addWidget(label(ctx.text(company.name), "heading"))
            if company.description:
                body.addWidget(label(ctx.text(company.description)))
            body.addWidget(source_line(ctx.provenance([company])))
        if not companies:
            body.addWidget(label(ctx.ui(strings.NO_COMPANIES), "muted"))
        body.addStretch(1)
