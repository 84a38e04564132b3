"""A figure's values by year: readable however little room its card has, nothing cut off."""

from __future__ import annotations

import pytest

import json

from chart_samples import GDP_SERIES, sample_data, series_file, show_sample, with_series  # noqa: F401 (fixtures)
from conftest import settle
from kiosk.model.loader import load_dataset
from kiosk.ui.charts import SeriesChart
from ui_helpers import MIN_TARGET_PX, chart_text_problems, layout_problems


def test_a_squeezed_series_chart_keeps_room_for_its_value_and_a_finger_high_column(show_sample):
    chart = show_sample(SeriesChart, size=(900, 40))  # far less height than the chart needs
    bars_px = chart.getPlotItem().vb.height()
    assert bars_px >= chart.last_label.boundingRect().height() + MIN_TARGET_PX


SIZES = pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
LANGUAGES = pytest.mark.parametrize("language", ["en", "zh"])


@SIZES
@LANGUAGES
def test_a_series_on_a_figure_leaves_its_card_and_the_full_overview_as_they_were(
        make_window, sample_data, language, size):
    """The Overview has 3 px to spare at 1920x1080: a chart inside the GDP card made it scroll.
    A series is shown by a block of its own, where a tab has room."""
    window = make_window(language, size, data=sample_data)
    assert layout_problems(window) == []
    assert window.views["overview"].findChildren(SeriesChart) == []


@SIZES
@LANGUAGES
def test_a_series_block_shows_every_year_and_its_last_value_whole(make_window, raw_dataset, tmp_path, language, size):
    raw = with_series(raw_dataset)
    innovation = next(tab for tab in raw["views"] if tab["id"] == "innovation")
    innovation["blocks"][0] = {"kind": "series", "figure": "gdp"}  # in place of its two cards
    path = tmp_path / "series-block.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    window = make_window(language, size, data=load_dataset(path))
    window.show_view("innovation")
    settle()
    [chart] = window.views["innovation"].findChildren(SeriesChart)
    assert chart_text_problems(chart) == [] and layout_problems(window) == []
    assert chart.years == [p["year"] for p in GDP_SERIES]
    assert all(str(p["year"]) in chart.texts() for p in GDP_SERIES)
