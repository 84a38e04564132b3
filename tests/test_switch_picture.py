"""What a visitor sees after a tab switch is the page, exactly: painted in one pass (TabPage
.appearing), with the hidden pages laid out and painted ahead (kiosk.ui.rehearsal), nothing
old may show through. Whatever changed before the switch (language, look, data, a callout)
shows the same on screen as in a fresh rendering of the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QImage

from conftest import settle
from kiosk.datastore import DataStore
from kiosk.ui.charts import BarRowsChart
from kiosk.ui.main_window import LanguageButtons, VisitorControls
from ui_helpers import TABS, pixels_apart, row_point


def on_screen(window) -> QImage:
    """The window as the platform shows it: its backing store (what the offscreen platform's
    screen grab reads), not a new rendering. Grabbed as an area of the screen, which is in
    device pixels at any scale factor (a grab by window id is not, with QT_SCALE_FACTOR=2)."""
    top_left = window.mapToGlobal(window.rect().topLeft())
    return window.screen().grabWindow(0, top_left.x(), top_left.y(), window.width(), window.height()).toImage()


def painted_afresh(window) -> QImage:
    return window.grab().toImage()


def switch(kiosk, tap, name: str) -> QImage:
    """Tap a tab; what the screen showed before the tap."""
    before = on_screen(kiosk.window)
    tap(kiosk.window.tabs.buttons[kiosk.window.tab_ids.index(name)])
    assert kiosk.window.current_view == name
    return before


def assert_shows_the_page(window, before: QImage) -> None:
    shown = on_screen(window)
    assert pixels_apart(shown, before) > 0, "the switch changed nothing on screen"
    assert pixels_apart(shown, painted_afresh(window)) == 0


@pytest.fixture
def kiosk(make_kiosk):
    kiosk = make_kiosk()  # without motion: charts at rest, one picture to compare
    assert pixels_apart(on_screen(kiosk.window), painted_afresh(kiosk.window)) == 0
    return kiosk


def visit_every_tab(kiosk, tap) -> None:
    """Every page shown once (and left): what a change must then reach on the hidden pages."""
    for name in [*TABS[1:], TABS[0]]:
        switch(kiosk, tap, name)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_every_switch_shows_exactly_the_page(make_kiosk, tap, size):
    kiosk = make_kiosk(size=size)
    for name in [*TABS[1:], *TABS]:  # the first switch to each tab, and the next
        before = switch(kiosk, tap, name)
        assert_shows_the_page(kiosk.window, before)


def test_after_a_language_switch(kiosk, tap):
    visit_every_tab(kiosk, tap)
    english = kiosk.window.tabs.buttons[0].text()
    tap(kiosk.window.tabs.findChild(LanguageButtons).buttons["zh"])
    assert kiosk.window.tabs.buttons[0].text() != english
    for name in TABS[1:]:
        before = switch(kiosk, tap, name)
        assert_shows_the_page(kiosk.window, before)


@pytest.mark.parametrize("control", ["text_size", "contrast"])
def test_after_a_look_change(kiosk, tap, control):
    visit_every_tab(kiosk, tap)
    tap(getattr(kiosk.window.tabs.findChild(VisitorControls), control))
    assert (kiosk.ctx.text_scale, kiosk.ctx.high_contrast) != (1.0, False)
    for name in TABS[1:]:
        before = switch(kiosk, tap, name)
        assert_shows_the_page(kiosk.window, before)


def test_after_a_data_swap(kiosk, tap, raw, tmp_path):
    visit_every_tab(kiosk, tap)
    changed = json.loads(json.dumps(raw))
    for figure in changed["figures"]:
        figure["label"]["en"] = f"{figure['label']['en']} (new)"
    path = tmp_path / "data.json"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    kiosk.show_data(DataStore(path, tmp_path / "state").load_at_start())
    settle()
    for name in TABS[1:]:
        before = switch(kiosk, tap, name)
        assert_shows_the_page(kiosk.window, before)


def test_after_leaving_a_tab_with_a_callout_open(kiosk, tap):
    window = kiosk.window
    chart = window.views[TABS[0]].findChild(BarRowsChart)
    tap(chart.viewport(), row_point(chart, 0))
    assert chart.callout.isVisible()
    with_callout = on_screen(window)
    switch(kiosk, tap, TABS[1])
    before = switch(kiosk, tap, TABS[0])
    assert_shows_the_page(window, before)
    assert pixels_apart(on_screen(window), with_callout) > 0  # the callout closed when the tab was left


def test_after_a_rotation_and_a_pixel_shift(kiosk, tap):
    visit_every_tab(kiosk, tap)
    kiosk.window.resize(1080, 1920)  # the panel turned to portrait
    kiosk.pixel_shift.step()  # what the burn-in timer does once a minute
    settle()
    assert not kiosk.window.layout().shift.isNull()
    for name in TABS[1:]:
        before = switch(kiosk, tap, name)
        assert_shows_the_page(kiosk.window, before)
