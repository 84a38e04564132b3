"""The industry explorer: each industry's share as bars; tap one for its details and companies."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import dataset as data
from kiosk.model.dataset import Industry
from kiosk.ui import strings
from kiosk.ui.blocks.charts import bars_panel
from kiosk.ui.charts import figure_rows
from kiosk.ui.blocks.photos import detail_picture
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.widgets import AdaptiveRow, Panel, column, discard, label, source_line, vbox


class IndustryExplorer(AdaptiveRow):
    """The chart beside the selected industry's card and the list of every company."""

    def __init__(self, ctx: ViewContext, block: data.IndustryExplorer):
        super().__init__([])
        self.ctx = ctx
        self.block = block
        self.industries = list(ctx.dataset.industries)
        chart_panel = industry_chart(ctx, block, hint=True)
        self.chart = chart_panel.chart
        self.chart.row_tapped.connect(self.select)
        self.detail_host = Panel()
        self.detail: QWidget | None = None
        self.box.addWidget(chart_panel, 3)
        self.box.addWidget(column((self.detail_host, 1), (self._all_companies(), 0)), 2)
        self.select(0)

    def select(self, index: int) -> None:
        self.selected = self.industries[index]
        self.chart.select(index)
        if self.detail is not None:
            self.detail_host.body.removeWidget(self.detail)
            discard(self.detail)
        self.detail = IndustryDetail(self.ctx, self.selected, self.block.share)
        self.detail_host.add(self.detail)

    def reset_state(self) -> None:
        self.select(0)

    def _all_companies(self) -> QWidget:
        companies = self.ctx.dataset.companies
        panel = Panel(self.ctx.text(self.block.companies_title), self.ctx.provenance(
            [c for c in companies if c.industry is None] or companies))
        company_names = [self.ctx.text(c.name) for c in companies]

        def names(language: str) -> str:
            return " · ".join(name(language) for name in company_names)

        panel.add(label(names, "label"))
        return panel.finish()


def industry_chart(ctx: ViewContext, block: data.IndustryExplorer, hint: bool = False) -> Panel:
    """Each industry's share of the whole as bars on a 0-100 % scale (tappable in the tab)."""
    industries = ctx.dataset.industries
    shares = [ctx.dataset.figure(i.share) for i in industries]
    rows = figure_rows(ctx, shares, [ctx.text(i.name) for i in industries])
    return bars_panel(ctx, ctx.text(block.title), rows, shares, limit=100,
                      hint=ctx.text(block.hint) if hint else None)


builds(data.IndustryExplorer, grows=True, showcase=industry_chart)(IndustryExplorer)


def share_text(ctx: ViewContext, template: data.Text, value: Tr) -> Tr:
    return lambda language: template[language].replace("{value}", value(language))


class IndustryDetail(QWidget):
    """The selected industry: its share, description and the companies linked to it."""

    def __init__(self, ctx: ViewContext, industry: Industry, share_template: data.Text):
        super().__init__()
        body = vbox(self, spacing=10)
        share = ctx.dataset.figure(industry.share)
        body.addWidget(label(ctx.text(industry.name), "heading"))
        value = label(share_text(ctx, share_template, ctx.value(share)), "value")
        value.setObjectName("industry-share")
        body.addWidget(value)
        for widget in detail_picture(ctx, industry.photo):
            body.addWidget(widget)
        if industry.description:
            body.addWidget(label(ctx.text(industry.description)))
        companies = ctx.dataset.companies_of(industry.id)
        for company in companies:
            body.addWidget(label(ctx.text(company.name), "heading"))
            for widget in detail_picture(ctx, company.photo):
                body.addWidget(widget)
            if company.description:
                body.addWidget(label(ctx.text(company.description)))
            body.addWidget(source_line(ctx.provenance([company])))
        if not companies:
            body.addWidget(label(ctx.ui(strings.NO_COMPANIES), "muted"))
        body.addStretch(1)
