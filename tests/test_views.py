"""The four views show every figure with unit and source, switch by touch, and follow the data."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from conftest import settle
from kiosk.model import formatting
from kiosk.model.loader import load_dataset
from kiosk.ui.charts import BarRowsChart, StaticPlot
from kiosk.ui.i18n import localise
from ui_helpers import TABS, explorer, figure_cards, layout_problems, row_point, visible_texts

# How a source is cited on screen, written from the translations' conventions, not from the code.
SOURCE_LINE = {"en": "Source: {outlet}, {date}", "zh": "来源：{outlet}，{date}"}


def source_line(source, language):
    date = formatting.format_date(source.date, language)
    return SOURCE_LINE[language].format(outlet=source.outlet[language], date=date)


def all_texts(window):
    texts = []
    for name in TABS:
        window.show_view(name)
        settle()
        texts.extend(visible_texts(window))
    return "\n".join(texts)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_figure_in_the_dataset_is_on_screen_with_its_source(make_window, dataset, language):
    window = make_window(language)
    screen = all_texts(window)
    for figure in dataset.figures:
        assert formatting.format_figure(figure, dataset, language) in screen, figure.id
        source = dataset.source(figure.source)
        assert source_line(source, language) in screen, figure.id
    for fact in dataset.facts:
        assert fact.text[language] in screen, fact.id


def test_figure_cards_say_which_year_the_data_is_for(make_window, dataset):
    window = make_window("en")
    card = window.findChild(StaticPlot) and figure_cards(window.views["overview"])[0]
    assert f"Data for {card.figure.year}" in "\n".join(visible_texts(card))


def test_tapping_a_tab_with_a_finger_switches_the_view(make_window, tap):
    window = make_window()
    for index, name in enumerate(TABS):
        tap(window.tabs.buttons[index])
        assert window.current_view == name
        assert window.tabs.buttons[index].isChecked()
    tap(window.tabs.buttons[0])
    assert window.current_view == "overview"


def test_tapping_a_cluster_shows_its_details(make_window, dataset, tap):
    window = make_window()
    tap(window.tabs.buttons[TABS.index("industries")])
    view = explorer(window)
    health = next(i for i, ind in enumerate(view.industries) if ind.id == "health-care")
    tap(view.chart.viewport(), row_point(view.chart, health))
    assert view.selected.id == "health-care"
    details = "\n".join(visible_texts(view.detail))
    assert "Lukang Pharmaceutical" in details
    assert formatting.format_figure(dataset.figure("share-health-care"), dataset, "en") in details


@pytest.mark.parametrize("offset", [-0.45, 0.45])
def test_a_tap_anywhere_in_a_row_band_counts(make_window, tap, offset):
    window = make_window()
    window.show_view("industries")
    chart = explorer(window).chart
    tap(chart.viewport(), row_point(chart, 1 + offset, x=90))  # far right of a short bar
    assert explorer(window).selected == explorer(window).industries[1]


def test_a_finger_drag_does_not_pan_a_chart(make_window, touch_device):
    from PySide6.QtTest import QTest

    window = make_window()
    window.show_view("industries")
    chart = explorer(window).chart
    before = chart.getPlotItem().vb.viewRange()
    viewport = chart.viewport()
    start = viewport.rect().center()
    QTest.touchEvent(viewport, touch_device).press(0, start, viewport).commit()
    for step in range(1, 6):
        QTest.touchEvent(viewport, touch_device).move(0, start + QPoint(40 * step, 20 * step), viewport).commit()
    QTest.touchEvent(viewport, touch_device).release(0, start + QPoint(200, 100), viewport).commit()
    settle()
    assert chart.getPlotItem().vb.viewRange() == before


def with_industries(raw, count):
    raw["industries"], shares = [], []
    for n in range(count):
        shares.append({"id": f"share-test-{n}", "label": {"en": f"Cluster {n} share", "zh": f"集群{n}占比"},
                       "value": 10 + 7 * n, "unit": "percent", "year": 2021,
                       "source": "chinadaily-2022-07-08"})
        raw["industries"].append({"id": f"cluster-{n}", "name": {"en": f"Test cluster {n}", "zh": f"测试集群{n}"},
                                  "share": f"share-test-{n}"})
    raw["figures"] = [f for f in raw["figures"] if not f["id"].startswith("share-")] + shares
    raw["companies"] = [{**c, "industry": None} for c in raw["companies"]]
    return raw


@pytest.mark.parametrize("count", [3, 7])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_number_of_industries_comes_from_the_data(make_window, raw, tmp_path, count, size):
    import json

    path = tmp_path / "data.json"
    path.write_text(json.dumps(with_industries(raw, count), ensure_ascii=False), encoding="utf-8")
    window = make_window(data=load_dataset(path), size=size)
    window.show_view("industries")
    settle()
    chart = explorer(window).chart
    assert [localise(r.label) for r in chart.rows] == [f"Test cluster {n}" for n in range(count)]
    assert layout_problems(window) == []


def test_the_shipped_data_has_no_invented_series(dataset):
    assert all(not f.series for f in dataset.figures)


def test_charts_are_static_for_touch(make_window):
    window = make_window()
    for chart in window.findChildren(StaticPlot):
        vb = chart.getPlotItem().vb
        assert vb.state["mouseEnabled"] == [False, False]
        assert vb.menu is None and not vb.menuEnabled()  # no context menu to open
        assert not chart.mouseEnabled  # the view itself neither pans nor zooms


def test_bars_use_the_theme_colours(make_window, theme):
    window = make_window()
    chart = window.views["overview"].findChild(BarRowsChart)
    assert isinstance(chart, BarRowsChart)
    assert [r.colour for r in chart.rows] == [theme.series_colour(i) for i in range(len(chart.rows))]


def test_a_chart_with_more_rows_than_fit_keeps_finger_sized_rows_and_the_page_scrolls(make_window, raw, tmp_path):
    import json

    from PySide6.QtWidgets import QScrollArea

    from ui_helpers import min_target_px

    path = tmp_path / "data.json"
    path.write_text(json.dumps(with_industries(raw, 13), ensure_ascii=False), encoding="utf-8")
    window = make_window(data=load_dataset(path), size=(1920, 1080))
    window.show_view("industries")
    settle()
    chart = explorer(window).chart
    assert chart.row_height_px() >= min_target_px(chart)
    page = window.stack.currentWidget()
    assert isinstance(page, QScrollArea) and page.verticalScrollBar().maximum() > 0
    assert layout_problems(window, scrolling=True) == []


def test_hidden_views_are_built_after_the_first_view_is_painted(qtbot, kiosk_app, dataset, theme):
    """Start-up shows the first view sooner: the others wait until it has been painted."""
    from PySide6.QtCore import QEvent, QObject

    from kiosk.ui.context import make_context
    from kiosk.ui.main_window import MainWindow

    window = MainWindow(make_context(dataset, theme, "en", reduce_motion=True))
    qtbot.addWidget(window)
    built_at_first_paint = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not built_at_first_paint:
                built_at_first_paint.append(sorted(window.views.built))
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitUntil(lambda: len(window.views.built) == len(TABS))
    assert built_at_first_paint == [["overview"]]


@pytest.mark.parametrize("target", ["industries", "innovation", "living", "overview"])
def test_a_tab_switch_paints_the_new_view_in_one_repaint(make_kiosk, tap, target):
    """Qt (de)activates a chart's scene when its page is shown or hidden; if the scene takes
    that, every chart item repaints and the page is painted in two more repaints."""
    from PySide6.QtCore import QEvent, QObject

    
    kiosk = make_kiosk()
    window = kiosk.window
    for name in TABS:  # every view built and painted once
        window.show_view(name)
        settle()
    window.show_view("living" if target == "overview" else "overview")
    settle()
    view = window.views[target]
    repaints, painted_in = [0], set()

    class Count(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if watched is window and event.type() == QEvent.Type.UpdateRequest:
                repaints[0] += 1
            elif watched is view and event.type() == QEvent.Type.Paint:
                painted_in.add(repaints[0])
            return False

    counter = Count()
    window.installEventFilter(counter)
    view.installEventFilter(counter)
    tap(window.tabs.buttons[TABS.index(target)])
    settle()
    window.removeEventFilter(counter)
    view.removeEventFilter(counter)
    assert window.current_view == target
    assert len(painted_in) == 1, f"the new view was painted in {len(painted_in)} repaints"


def _difference(first, second) -> tuple[int, int]:
    """(largest channel difference, pixels that differ visibly) between two same-size images."""
    import numpy as np

    def pixels(image):
        image = image.convertToFormat(image.Format.Format_RGBA8888)
        return np.frombuffer(image.constBits(), np.uint8).reshape(
            image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].astype(int)

    difference = np.abs(pixels(first) - pixels(second)).max(axis=2)
    return int(difference.max()), int((difference > 64).sum())


def test_large_text_is_shown_from_a_picture_that_looks_as_qlabel_paints_it(qtbot, kiosk_app, monkeypatch):
    from kiosk.ui import widgets

    label = widgets.label("Regional GDP 地区生产总值 53.19", "headline")
    label.setStyleSheet("font-size: 100px;")  # above the 64 px Qt caches as glyphs
    qtbot.addWidget(label)
    label.resize(900, 300)
    label.show()
    qtbot.waitExposed(label)
    for text in ("Regional GDP 地区生产总值 53.19", "Another text 另一个"):
        label.set_text(text)
        from_picture = label.grab().toImage()
        assert label._picture is not None and label._picture[0][2] == text
        monkeypatch.setattr(widgets, "CACHED_GLYPH_PX", 10_000)  # QLabel paints it itself
        painted = label.grab().toImage()
        monkeypatch.undo()
        largest, visible = _difference(from_picture, painted)
        assert visible == 0 and largest <= 32, (largest, visible)
    blank = QImage(painted.size(), painted.format())
    blank.fill(label.palette().color(label.backgroundRole()))
    assert _difference(painted, blank)[1] > 1000  # the comparison above compared text, not nothing
