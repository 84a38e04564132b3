"""The industry explorer: each industry's share as bars; tap one for its details and companies."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QStackedWidget, QWidget

from kiosk.model import dataset as data
from kiosk.model.dataset import Industry
from kiosk.ui import strings
from kiosk.ui.blocks.charts import bars_panel
from kiosk.ui.charts import figure_rows
from kiosk.ui.blocks.photos import detail_picture
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.widgets import (HEADING_ROLES, SPACING, VALUE_ROLES, FittedLabel, Panel, is_portrait, label,
                               source_line, vbox)


class IndustryExplorer(QWidget):
    """The chart, the selected industry's card and the list of every company.

    Side by side (landscape, wide enough): the chart with the card beside it, the company list
    under whichever of the two is shorter; one above the other (portrait, or a narrow block):
    chart, card, companies. The card is as tall as the tallest industry's, so that a tap on a
    bar changes what the card says and nothing else: the bars never move under the finger, and
    a page that fits the screen still fits."""

    MIN_SIDE_BY_SIDE = 1200  # px: narrower, the card beside the chart is too narrow for large text

    def __init__(self, ctx: ViewContext, block: data.IndustryExplorer):
        super().__init__()
        self.ctx = ctx
        self.block = block
        self.industries = list(ctx.dataset.industries)
        self.chart_panel = industry_chart(ctx, block, hint=True)
        self.chart = self.chart_panel.chart
        self.chart.row_tapped.connect(self.select)
        self.detail_host = Panel()
        self.details = QStackedWidget()
        for industry in self.industries:
            detail = IndustryDetail(ctx, industry, block.share)
            # A stack asks its pages for their height at its width only if they say they have one.
            policy = detail.sizePolicy()
            policy.setHeightForWidth(True)
            detail.setSizePolicy(policy)
            self.details.addWidget(detail)
        self.detail_host.add(self.details)
        self.companies = self._all_companies()
        # Two columns (side by side) or two parts of one column (one above the other).
        self.first, self.second = QWidget(), QWidget()
        for part in (self.first, self.second):
            vbox(part, spacing=SPACING)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(SPACING)
        self.box.addWidget(self.first)
        self.box.addWidget(self.second)
        self._arrangement_now: str | None = None
        self._place("left")
        self.select(0)

    @property
    def detail(self) -> QWidget:
        """The selected industry's card."""
        return self.details.currentWidget()

    def select(self, index: int) -> None:
        self.selected = self.industries[index]
        self.chart.select(index)
        self.details.setCurrentIndex(index)

    def reset_state(self) -> None:
        self.select(0)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place(self._arrangement(event.size().width()))

    def _arrangement(self, width: int) -> str:
        """"stacked": chart, card, companies one above the other; "left"/"right": side by side,
        the companies under the chart or under the card, whichever of the two is shorter."""
        if is_portrait(self) or width < self.MIN_SIDE_BY_SIDE:
            return "stacked"
        if self.companies is None:
            return "left"
        first = (width - SPACING) * 3 // 5
        chart = self.chart_panel.minimumSizeHint().height()
        card = self.detail_host.heightForWidth(width - SPACING - first)
        return "left" if chart <= card else "right"

    def _place(self, arrangement: str) -> None:
        if arrangement == self._arrangement_now:
            return
        self._arrangement_now = arrangement
        parts = {"stacked": ([self.chart_panel], [self.detail_host, self.companies]),
                 "left": ([self.chart_panel, self.companies], [self.detail_host]),
                 "right": ([self.chart_panel], [self.detail_host, self.companies])}[arrangement]
        for column, widgets in zip((self.first, self.second), parts):
            for stretch, widget in zip((1, 0), widgets):
                if widget is not None:
                    column.layout().addWidget(widget, stretch)  # (moved from the other column if there)
        stacked = arrangement == "stacked"
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight)
        # Side by side the chart's column is the wider; stacked, the chart takes the spare height.
        self.box.setStretch(0, 1 if stacked else 3)
        self.box.setStretch(1, 0 if stacked else 2)

    def _all_companies(self) -> QWidget | None:
        """Every company, by name (none: no panel)."""
        companies = self.ctx.dataset.companies
        if not companies:
            return None
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
        body.addWidget(FittedLabel(ctx.text(industry.name), HEADING_ROLES))
        value = FittedLabel(share_text(ctx, share_template, ctx.value(share)), VALUE_ROLES)
        value.setObjectName("industry-share")
        body.addWidget(value)
        for widget in detail_picture(ctx, industry.photo):
            body.addWidget(widget)
        if industry.description:
            body.addWidget(label(ctx.text(industry.description)))
        companies = ctx.dataset.companies_of(industry.id)
        for company in companies:
            body.addWidget(FittedLabel(ctx.text(company.name), HEADING_ROLES))
            for widget in detail_picture(ctx, company.photo):
                body.addWidget(widget)
            if company.description:
                body.addWidget(label(ctx.text(company.description)))
            body.addWidget(source_line(ctx.provenance([company])))
        if not companies:
            body.addWidget(label(ctx.ui(strings.NO_COMPANIES), "muted"))
        body.addStretch(1)
