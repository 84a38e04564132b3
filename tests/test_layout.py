"""Every view, in both languages and orientations: nothing clipped, small or off screen."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import settle
from kiosk.harness import open_overlay
from kiosk.ui.overlay_registry import OVERLAYS
from kiosk.ui.charts import BarRowsChart
from ui_helpers import TABS, clipped_button_text, explorer, figure_cards, layout_problems, visible_texts

SIZES = [(1920, 1080), (1080, 1920)]
# A small panel keeps the readable text size, so its pages may scroll (by finger).
SMALL = (1366, 768)


@pytest.mark.parametrize("size", [*SIZES, SMALL], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_clipping_small_targets_or_small_text(make_window, language, size):
    window = make_window(language, size)
    problems = []
    for name in TABS:
        window.show_view(name)
        settle()
        problems += [f"{name}: {p}" for p in layout_problems(window, scrolling=size == SMALL)]
    assert problems == [], "\n".join(problems)


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") == "2", reason="this is the 4K run itself")
def test_the_layout_holds_on_a_4k_panel_at_scale_factor_2():
    """3840x2160 with QT_SCALE_FACTOR=2: the same checks in a process whose Qt scales by 2."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
                             "-k", "no_clipping and (1920x1080 or 1080x1920) or scale_factor_is"],
                            capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "5 passed" in result.stdout.splitlines()[-1], result.stdout[-500:]


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") != "2", reason="only in the 4K run")
def test_the_scale_factor_is_2_in_the_4k_run(make_window):
    window = make_window(size=(1920, 1080))
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (3840, 2160)


def test_the_tab_bar_is_at_the_bottom(make_window):
    for size in SIZES:
        window = make_window(size=size)
        bar = window.tabs.geometry()
        assert bar.bottom() == window.height() - 1
        assert all(b.height() >= 48 for b in window.tabs.buttons)


def test_the_layout_check_catches_a_clipped_label(make_window):
    window = make_window()
    label = figure_cards(window.views["overview"])[0].findChild(type(window.tabs.buttons[0].parent().findChild(type(None)) or object))
    from PySide6.QtWidgets import QLabel

    label = figure_cards(window.views["overview"])[0].findChildren(QLabel)[0]
    label.setWordWrap(False)
    # Held to its width, as in a layout with no room to spare: otherwise the page widens to
    # the label's one long line once the scroll area has laid it out again.
    label.setMaximumWidth(label.width())
    label.setText("A label far too long to fit into a quarter-width card at this size " * 2)
    settle()
    assert any("does not fit" in p for p in layout_problems(window))


def test_the_layout_check_catches_overlapping_widgets(make_window):
    window = make_window()
    window.show_view("industries")
    host = explorer(window).detail_host
    block = explorer(window)
    stray = type(block.detail)(block.ctx, block.industries[1], block.block.share)
    stray.setParent(host)  # shown, but placed by no layout: on top of the current detail
    stray.setGeometry(explorer(window).detail.geometry())
    stray.show()
    settle()
    assert any("overlaps" in p for p in layout_problems(window))


def test_the_chart_check_catches_a_cut_off_value_and_crowded_ticks(make_window):
    from ui_helpers import chart_text_problems

    window = make_window()
    window.show_view("innovation")
    settle()
    chart = window.views["innovation"].findChildren(BarRowsChart)[0]
    assert chart_text_problems(chart) == []
    longest = max(chart._lengths)
    chart.getPlotItem().setXRange(0, longest, padding=0)  # no room right of the longest bar
    settle()
    assert any("outside the chart" in p for p in chart_text_problems(chart))
    chart.getPlotItem().setXRange(0, 40, padding=0)  # decades a few pixels apart
    chart.getPlotItem().getAxis("bottom").setTicks([[(p, f"{10**p:,}") for p in range(6)], []])
    settle()
    assert any("overlap" in p for p in chart_text_problems(chart))


# On a tall portrait panel the top of the screen is out of reach from a wheelchair
# (essential controls 380-1220 mm above the floor): keep every control in the lower 60 %.
REACH_FROM_TOP = 0.4


def out_of_reach(window):
    from PySide6.QtWidgets import QAbstractButton

    limit = window.height() * REACH_FROM_TOP
    return [f"{type(b).__name__} {b.text()!r} at y={b.mapTo(window, b.rect().center()).y()}"
            for b in window.findChildren(QAbstractButton)
            if b.isVisible() and b.mapTo(window, b.rect().center()).y() < limit]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_in_portrait_every_control_is_in_the_lower_part_of_the_screen(make_kiosk, language):
    kiosk = make_kiosk(language=language, size=(1080, 1920))
    problems = out_of_reach(kiosk.window)
    for name in OVERLAYS:
        overlay = open_overlay(kiosk, name)
        settle()
        problems += [f"{name}: {p}" for p in out_of_reach(kiosk.window)]
        overlay.reset_state()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_selecting_an_industry_changes_its_card_and_nothing_else(make_window, tap, language, size):
    """Health care has the longest card: it must neither push the page into scrolling nor move
    the bars under the visitor's finger."""
    from ui_helpers import row_point

    window = make_window(language, size)
    window.show_view("industries")
    settle()
    block = explorer(window)
    page = window.stack.currentWidget()
    chart_at = block.chart.mapTo(window, block.chart.rect().topLeft()), block.chart.size()
    for row, industry in enumerate(block.industries):
        tap(block.chart.viewport(), row_point(block.chart, row))
        assert block.selected == industry
        assert (block.chart.mapTo(window, block.chart.rect().topLeft()), block.chart.size()) == chart_at, industry.id
        assert page.verticalScrollBar().maximum() == 0, industry.id  # nothing to scroll: the page fits
        assert layout_problems(window, root=page) == [], industry.id


@pytest.mark.parametrize("value, qualifier", [(54321000000, None), (543219000000, "about")])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_longer_figure_keeps_the_overview_on_one_screen(make_window, raw, value, qualifier, language):
    """A GDP of 54.321 billion yuan (one digit more than the bundled figure) wrapped onto two
    lines and pushed the Overview's source lines under the tab bar."""
    from kiosk.model.loader import parse_dataset

    gdp = next(f for f in raw["figures"] if f["id"] == "gdp")
    gdp.update(value=value, **({"qualifier": qualifier} if qualifier else {}))
    data = parse_dataset(json.dumps(raw).encode(), Path("longer-gdp.json"), remember=False)
    for size in SIZES:
        window = make_window(language, size, data=data)
        assert layout_problems(window) == [], size


def loaded(raw):
    from kiosk.model.loader import parse_dataset

    return parse_dataset(json.dumps(raw).encode(), Path("changed.json"), remember=False)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_zone_name_gives_way_to_the_short_name_and_never_widens_the_window(make_window, raw, size):
    raw["zone"]["name"]["en"] = "A test zone whose name is far longer than any header has room for, " * 2
    window = make_window(size=size, data=loaded(raw))
    assert (window.width(), window.height()) == size
    assert raw["zone"]["short_name"]["en"] in visible_texts(window._header)
    assert layout_problems(window) == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_seven_tabs_share_the_bar_and_each_title_fits_its_tab(make_window, raw, language):
    """Titles of every length, seven tabs, portrait: no tab is squeezed, no title cut off."""
    titles = [("Map", "地图"), ("Living environment", "宜居环境"), ("Transport and logistics links", "交通与物流网络"),
              ("Innovation", "创新"), ("Talent", "人才"), ("Leading companies of the zone", "园区龙头企业"),
              ("Overview", "概览")]
    overview = raw["views"][0]
    raw["views"] = [{**overview, "id": f"tab-{n}", "title": {"en": en, "zh": zh}} for n, (en, zh) in enumerate(titles)]
    window = make_window(language, (1080, 1920), data=loaded(raw))
    widths = {button.width() for button in window.tabs.buttons}
    assert max(widths) - min(widths) <= 1
    assert layout_problems(window, root=window.tabs) == []
    assert clipped_button_text(window.tabs) == []


def test_a_panel_of_records_without_sources_has_no_empty_source_line(make_window, raw):
    """No companies at all: the explorer shows no company list, and no panel an empty "ⓘ"."""
    from kiosk.ui.widgets import Panel, SourceLink

    raw["companies"] = []
    window = make_window(data=loaded(raw))
    window.show_view("industries")
    settle()
    assert explorer(window).companies is None
    panel = Panel("Companies", window.ctx.provenance([])).finish()
    assert panel.findChildren(SourceLink) == []
