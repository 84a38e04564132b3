"""Visitors' text size (A, A+, A++) and high contrast: by touch, layouts survive, reset restores."""

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from conftest import settle
from kiosk.theme import HIGH_CONTRAST, Theme
from kiosk.ui.main_window import VisitorControls
from kiosk.ui.charts import BarRowsChart
from ui_helpers import TABS, layout_problems


def controls(kiosk):
    return kiosk.window.tabs.findChild(VisitorControls)


def headline_px(kiosk):
    return kiosk.window.views["overview"].findChildren(QLabel)[0].font().pixelSize()


def test_the_text_size_button_steps_to_one_and_a_half_then_back(make_kiosk, tap):
    kiosk = make_kiosk()
    normal = headline_px(kiosk)
    sizes = []
    for _ in range(3):
        tap(controls(kiosk).text_size)
        sizes.append(headline_px(kiosk))
    assert sizes[0] > normal and sizes[1] == round(Theme().headline_px * 1.5) and sizes[2] == normal
    assert kiosk.window.current_view == "overview"


def test_the_contrast_button_switches_to_white_on_black_and_keeps_the_view(make_kiosk, tap):
    kiosk = make_kiosk()
    tap(kiosk.window.tabs.buttons[2])
    tap(controls(kiosk).contrast)
    assert kiosk.ctx.theme.background == HIGH_CONTRAST.background
    assert HIGH_CONTRAST.background.lower() in QApplication.instance().styleSheet().lower()
    chart = kiosk.window.views["innovation"].findChild(BarRowsChart)
    assert chart.backgroundBrush().color().name().upper() == HIGH_CONTRAST.surface
    assert kiosk.window.current_view == "innovation"
    assert controls(kiosk).contrast.isChecked()


def test_the_idle_reset_restores_text_size_and_contrast(make_kiosk, tap):
    kiosk = make_kiosk()
    normal = headline_px(kiosk)
    tap(controls(kiosk).text_size)
    tap(controls(kiosk).contrast)
    kiosk.reset()
    settle()
    assert headline_px(kiosk) == normal
    assert kiosk.ctx.theme == Theme() and not controls(kiosk).contrast.isChecked()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_layouts_survive_the_largest_text_in_high_contrast(make_kiosk, language, size):
    """Nothing clips or overlaps; pages may need a finger scroll at one and a half times."""
    kiosk = make_kiosk(language=language, size=size)
    kiosk.set_look(1.5, True)
    problems = []
    for name in TABS:
        kiosk.window.show_view(name)
        settle()
        problems += [f"{name}: {p}" for p in layout_problems(kiosk.window, scrolling=True)]
    assert problems == [], "\n".join(problems)


def test_touches_still_count_as_activity_after_a_rebuild(make_kiosk, tap):
    """A rebuild takes the input watcher out of Qt's way for its duration only."""
    kiosk = make_kiosk()
    touches = []
    kiosk.watcher.activity.connect(lambda: touches.append(1))
    tap(controls(kiosk).text_size)  # restyles and rebuilds the content
    before = len(touches)
    tap(kiosk.window.tabs.buttons[1])
    assert len(touches) > before and kiosk.window.current_view == TABS[1]
