"""A figure's values by year: readable however little room its card has, nothing cut off."""

from __future__ import annotations

from chart_samples import sample_data, series_file, show_sample  # noqa: F401 (fixtures)
from kiosk.ui.charts import SeriesChart
from ui_helpers import MIN_TARGET_PX


def test_a_squeezed_series_chart_keeps_room_for_its_value_and_a_finger_high_column(show_sample):
    chart = show_sample(SeriesChart, size=(900, 40))  # far less height than the chart needs
    bars_px = chart.getPlotItem().vb.height()
    assert bars_px >= chart.last_label.boundingRect().height() + MIN_TARGET_PX
