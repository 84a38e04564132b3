"""Charts made for fingers: a tap on any part of a bar's row or a ring shows exactly what it is."""

import pytest
from PySide6.QtGui import QGuiApplication

from conftest import settle
from kiosk.model import formatting
from kiosk.ui.charts import BarRowsChart, RingChart
from ui_helpers import figure_cards, min_target_px, row_point

CHARTS = ["overview", "innovation", "industries"]  # the bundled tabs with a bar chart


def bar_chart(kiosk, view):
    kiosk.window.show_view(view)
    for _ in range(3):  # rows may grow to fit wrapped labels: let the layout finish first
        settle()
    return kiosk.window.views[view].findChild(BarRowsChart)


def figure_of(dataset, chart, row):
    label = chart.rows[row].label("en")
    return next(f for f in dataset.figures if f.label["en"] == label) if any(
        f.label["en"] == label for f in dataset.figures) else dataset.figure(
        next(i.share for i in dataset.industries if i.name["en"] == label))


@pytest.mark.parametrize("view", CHARTS)
@pytest.mark.parametrize("edge", [-0.49, 0.49])
def test_a_tap_at_the_edge_of_any_row_shows_its_exact_value_year_and_source(make_kiosk, tap, dataset,
                                                                           view, edge):
    kiosk = make_kiosk()
    chart = bar_chart(kiosk, view)
    assert isinstance(chart, BarRowsChart)
    for row in range(len(chart.rows)):
        # the top or bottom edge of the row band, right of where any bar ends
        x = chart.getPlotItem().vb.viewRange()[0][1] * 0.97
        tap(chart.viewport(), row_point(chart, row + edge, x=x))
        figure = figure_of(dataset, chart, row)
        text = chart.callout.text()
        assert chart.callout.isVisible(), (view, row)
        assert formatting.format_figure(figure, dataset, "en") in text
        assert f"Data for {figure.year}" in text
        assert dataset.source(figure.source).outlet["en"] in text


def test_rows_are_at_least_finger_sized(make_kiosk):
    kiosk = make_kiosk()
    for view in CHARTS:
        chart = bar_chart(kiosk, view)
        assert chart.row_height_px() >= min_target_px(chart), view


def test_a_tap_elsewhere_closes_the_callout(make_kiosk, tap):
    kiosk = make_kiosk()
    chart = bar_chart(kiosk, "overview")
    tap(chart.viewport(), row_point(chart, 0))
    assert chart.callout.isVisible()
    tap(figure_cards(kiosk.window.views["overview"])[0])
    assert not chart.callout.isVisible()


def test_the_callout_closes_by_itself_after_8_seconds(make_kiosk, tap):
    kiosk = make_kiosk()
    chart = bar_chart(kiosk, "overview")
    tap(chart.viewport(), row_point(chart, 1))
    assert chart.callout.timer.isActive() and chart.callout.timer.interval() == 8000
    chart.callout.timer.timeout.emit()  # the 8 s elapse (not waited for in a test)
    assert not chart.callout.isVisible()


def test_a_callout_opened_at_the_corner_of_a_chart_is_shown_whole(make_kiosk, tap):
    from ui_helpers import hidden_parts

    kiosk = make_kiosk()
    chart = bar_chart(kiosk, "innovation")
    last = len(chart.rows) - 1
    tap(chart.viewport(), row_point(chart, last + 0.49, x=chart.getPlotItem().vb.viewRange()[0][1] * 0.99))
    assert hidden_parts(chart.callout) == []


def test_a_tap_on_a_ring_explains_its_share(make_kiosk, tap, dataset):
    kiosk = make_kiosk()
    kiosk.window.show_view("living")
    settle()
    ring = kiosk.window.views["living"].findChild(RingChart)
    tap(ring.viewport(), ring.viewport().rect().topLeft() + ring.viewport().rect().center() * 0.2)
    gauge = dataset.figure(dataset.tab("living").blocks[0].figure)
    assert ring.callout.isVisible()
    assert formatting.format_figure(gauge, dataset, "en") in ring.callout.text()


def test_the_callout_follows_the_language(make_kiosk, tap):
    from kiosk.ui.i18n import switch_language

    kiosk = make_kiosk()
    chart = bar_chart(kiosk, "overview")
    tap(chart.viewport(), row_point(chart, 0))
    switch_language("zh")
    assert "来源" in chart.callout.text()


def charts_on(kiosk, view):
    from kiosk.ui.charts import StaticPlot

    kiosk.window.show_view(view)
    settle()
    return [chart for chart in kiosk.window.views[view].findChildren(StaticPlot) if chart.isVisible()]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
def test_every_callout_is_shown_whole_inside_the_window(make_kiosk, tap, request, language, size, text_scale):
    from kiosk.ui.i18n import localise
    from ui_helpers import TABS, hidden_parts

    kiosk = make_kiosk(language=language, size=size)
    kiosk.set_look(text_scale, False)
    problems, tapped = [], 0
    # Taps seconds apart, as a visitor's would be: two at the same spot of the screen (the next
    # row, scrolled there) must not make a double click.
    hints = QGuiApplication.styleHints()
    interval = hints.mouseDoubleClickInterval()
    hints.setMouseDoubleClickInterval(0)
    request.addfinalizer(lambda: hints.setMouseDoubleClickInterval(interval))
    for view in TABS:
        for chart in charts_on(kiosk, view):
            for index in range(chart.element_count()):
                point = chart.element_point(index)
                page = kiosk.window.stack.currentWidget()  # it may scroll (large text)
                on_page = chart.viewport().mapTo(page.widget(), point)
                page.ensureVisible(on_page.x(), on_page.y(), 0, 60)
                settle()
                point = chart.element_point(index)
                expected = localise(chart.element_at(chart.mapToScene(point))[1])
                tap(chart.viewport(), point)
                assert chart.callout.text().replace("\n", " ") == expected.replace("\n", " "), (view, index)
                problems += [f"{view} {type(chart).__name__} {index}: {p}" for p in hidden_parts(chart.callout)]
                tapped += 1
    assert tapped >= 8  # every chart's every element, on every tab
    assert problems == [], "\n".join(problems)


def test_a_callout_goes_when_its_chart_is_hidden_or_rebuilt(make_kiosk, tap):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.charts import Callout, StaticPlot

    kiosk = make_kiosk()
    chart = bar_chart(kiosk, "overview")
    tap(chart.viewport(), row_point(chart, 0))
    kiosk.window.show_view("industries")
    settle()
    assert not chart.callout.isVisible()
    for scale in (1.25, 1.0):
        chart = bar_chart(kiosk, "industries")
        tap(chart.viewport(), row_point(chart, 0))
        kiosk.set_look(scale, False)  # every chart is built again
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()
        callouts = kiosk.window.findChildren(Callout)
        assert not any(callout.isVisible() for callout in callouts)
        assert len(callouts) == len(kiosk.window.findChildren(StaticPlot))  # none left behind


def test_a_long_chinese_label_in_a_narrow_chart_wraps_and_leaves_the_bars_room_to_be_tapped(kiosk_app, theme, tap):
    """Built before it had a width, a chart once kept a label axis as wide as the longest label
    on one line: wider than a narrow chart, with no room for bars, and never measured again."""
    from kiosk.ui.charts.bars import LABEL_SHARE, BarRow

    label = "总值增长健康以上集群研发中心仪器服务"  # no spaces: Chinese wraps between characters
    rows = [BarRow(label, value, f"{value}", theme.series_colour(n), detail=f"{value}") for n, value in
            enumerate((3.0, 5.0, 8.0))]
    chart = BarRowsChart(theme, rows)
    chart.resize(300, chart.heightForWidth(300))
    chart.show()
    settle()
    axis = chart.getPlotItem().getAxis("left")
    assert axis.width() <= LABEL_SHARE * chart.width() + 20  # its lines wrapped at the chart's share
    assert chart.getPlotItem().vb.width() > chart.width() / 3  # the bars have the rest
    tap(chart.viewport(), chart.element_point(1))
    assert chart.callout.isVisible()
    chart.close()


def grown_rows(theme, label: str = "row "):
    from kiosk.ui.charts.bars import BarRow

    return [BarRow(f"{label}{n}", value, f"{value}", theme.series_colour(n), detail=f"{value}")
            for n, value in enumerate((30.0, 5000.0))]


def assert_whole(chart, grown_from: int) -> None:
    """A chart that grew within its own resize (its new minimum height): the viewport, where
    taps land, and the plot have its new size too."""
    assert chart.height() == chart.heightForWidth(chart.width()) > grown_from
    assert chart.viewport().geometry() == chart.rect()
    assert chart.getPlotItem().geometry().height() == chart.height()
    assert chart.row_height_px() >= min_target_px(chart)


def test_a_bar_chart_that_grows_as_its_page_appears_fills_its_new_height(kiosk_app, theme):
    """As a page appears, a chart given less height than it needs grows in its first resize
    event. Qt sent no event for that growth, and the plot kept the old height: rows too short
    for a finger (seen after switching to high contrast, which builds the pages again)."""
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.resize(1000, 600)
    area.show()
    settle()
    page = QWidget()
    chart = BarRowsChart(theme, grown_rows(theme), log=True)  # a log scale: an axis under the rows
    column = QVBoxLayout(page)
    column.addWidget(chart)
    column.addStretch(1)
    rows_only = chart.minimumHeight()  # its rows, not yet its axis
    area.setWidget(page)  # as a tab's page is built when it is first shown
    settle()
    assert_whole(chart, rows_only)
    area.close()
    area.deleteLater()


def test_a_bar_chart_that_grows_as_it_narrows_can_be_tapped_all_over(kiosk_app, theme, tap):
    """A narrower chart wraps its labels onto more lines and grows within its viewport's resize.
    The scroll area under the chart lays out its viewport once per resize: the viewport kept the
    old height, and a tap on the lower rows landed beside it (a generated dataset, seed 13)."""
    from PySide6.QtWidgets import QWidget

    page = QWidget()
    page.resize(1000, 900)
    chart = BarRowsChart(theme, grown_rows(theme, "新能源湿地交通电池收入电池健康以上"))
    chart.setParent(page)
    chart.setGeometry(0, 0, 900, chart.heightForWidth(900))
    page.show()
    settle()
    wide = chart.height()
    chart.setGeometry(0, 0, 400, wide)  # as the column it is in gets narrower (a rotation, A++)
    settle()
    assert_whole(chart, wide)
    tap(chart.viewport(), chart.element_point(len(chart.rows) - 1))
    assert chart.callout.isVisible()
    page.close()
    page.deleteLater()
