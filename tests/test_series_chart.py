"""A figure's values by year: readable however little room its card has, nothing cut off."""

from __future__ import annotations

import pytest

from chart_samples import sample_data, series_file, show_sample  # noqa: F401 (fixtures)
from kiosk.ui.charts import SeriesChart
from ui_helpers import MIN_TARGET_PX, chart_text_problems, layout_problems


def test_a_squeezed_series_chart_keeps_room_for_its_value_and_a_finger_high_column(show_sample):
    chart = show_sample(SeriesChart, size=(900, 40))  # far less height than the chart needs
    bars_px = chart.getPlotItem().vb.height()
    assert bars_px >= chart.last_label.boundingRect().height() + MIN_TARGET_PX


SIZES = pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
LANGUAGES = pytest.mark.parametrize("language", ["en", "zh"])


def gdp_card(window):
    return next(card for card in window.views["overview"].cards if card.figure.id == "gdp")


@SIZES
@LANGUAGES
def test_a_card_with_a_series_shows_its_value_whole_and_grows_only_by_the_charts_minimum(
        make_window, dataset, sample_data, language, size):
    without = gdp_card(make_window(language, size)).height()
    card = gdp_card(make_window(language, size, data=sample_data))
    [chart] = card.findChildren(SeriesChart)
    assert chart_text_problems(chart) == []
    assert card.height() <= without + chart.minimumHeight() + card.body.spacing()


# The Overview holds a chart in a card where it has the room; at 1920x1080 it has none (3 px: its
# cards and its lower row are as short as their text lets them be), so the page scrolls there.
NO_ROOM = {("en", (1920, 1080)), ("en", (1080, 1920)), ("zh", (1920, 1080))}


@SIZES
@LANGUAGES
def test_the_overview_with_a_series_fits_the_window(make_window, sample_data, language, size, request):
    if (language, size) in NO_ROOM:
        request.applymarker(pytest.mark.xfail(strict=True, reason="the Overview has no room for a chart in a card"))
    window = make_window(language, size, data=sample_data)
    assert layout_problems(window) == []
