"""Chart blocks: bars of figures (linear or log), a comparison of shares, a ring, a series."""

from __future__ import annotations

from kiosk.model import dataset as data
from kiosk.model.dataset import Figure, Scale
from kiosk.ui import strings
from kiosk.ui.blocks.registry import builds
from kiosk.ui.charts import BarRow, BarRowsChart, RingChart, SeriesChart, figure_rows, rows_description
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.widgets import Panel, label


def bars_panel(ctx: ViewContext, title: Tr, rows: list[BarRow], figures: list[Figure], *, log: bool = False,
               limit: float | None = None, hint: Tr | None = None) -> Panel:
    """A titled card holding a bar chart (as `panel.chart`) and the figures' source line."""
    panel = Panel(title, ctx.provenance(figures))
    if hint is not None:
        panel.add(label(hint, "muted"))
    panel.chart = BarRowsChart(ctx.theme, rows, log=log, limit=limit, signals=ctx.signals)
    panel.chart.describe(title, rows_description(ctx, rows))
    panel.add(panel.chart, 1)
    if log:
        panel.add(label(ctx.ui(strings.LOG_SCALE), "muted"))
    return panel.finish()


def bar_chart(ctx: ViewContext, block: data.BarChart | data.ShareComparison) -> Panel:
    figures = ctx.figures(block.figures)
    # A log scale keeps, say, 2 Nobel laureates and ~35,000 professionals both readable.
    log = getattr(block, "scale", Scale.LINEAR) is Scale.LOG
    return bars_panel(ctx, ctx.text(block.title), figure_rows(ctx, figures), figures, log=log)


builds(data.BarChart, grows=True, showcase=bar_chart)(bar_chart)
builds(data.ShareComparison, grows=True, showcase=bar_chart)(bar_chart)


def ring(ctx: ViewContext, block: data.PartOfWhole) -> Panel:
    """A titled ring shows the figure's label under it; an untitled one is titled by it."""
    figure = ctx.dataset.figure(block.figure)
    title = ctx.text(block.title or figure.label)
    colour = ctx.theme.accent if block.colour is None else ctx.theme.series_colour(block.colour - 1)
    panel = Panel(title, ctx.provenance([figure]))
    panel.chart = RingChart(ctx.theme, figure.value / 100, ctx.value(figure), colour, ctx.callout(figure),
                            figure.id, signals=ctx.signals)
    panel.chart.describe(title, ctx.ui(strings.CHART_ROW, label=ctx.text(figure.label), value=ctx.value(figure)))
    panel.add(panel.chart, 1)
    if block.title:
        panel.add(label(ctx.text(figure.label), "label"))
    return panel.finish()


builds(data.PartOfWhole, grows=True, showcase=ring)(ring)


def series(ctx: ViewContext, block: data.Series) -> Panel:
    figure = ctx.dataset.figure(block.figure)
    title = ctx.text(block.title or figure.label)
    panel = Panel(title, ctx.provenance([figure]))
    panel.chart = SeriesChart(ctx, figure)
    panel.chart.describe(title, panel.chart.description(ctx))
    panel.add(panel.chart, 1)
    return panel.finish()


builds(data.Series, grows=True, showcase=series)(series)
