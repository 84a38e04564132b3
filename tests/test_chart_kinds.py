"""Every kind of chart (kiosk.ui.charts.CHART_KINDS, not a list kept here) keeps the chart protocol:
taps open the exact value, it grows in, follows the language and has a text alternative."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible

from chart_samples import sample_data, series_file, show_sample  # noqa: F401 (fixtures)
from kiosk.model import formatting
from kiosk.ui.charts import CHART_KINDS, StaticPlot
from kiosk.ui.i18n import switch_language
from ui_helpers import hidden_parts, pixels_apart

KINDS = pytest.mark.parametrize("kind", CHART_KINDS, ids=lambda kind: kind.__name__)


def exact_value(dataset, chart: StaticPlot, index: int) -> list[str]:
    """What element `index` must say, from the data: its value and year."""
    figure = dataset.figure(chart.keys[index])
    if figure.series:
        point = sorted(figure.series, key=lambda p: p.year)[index]
        return [formatting.format_value(point.value, dataset.unit(figure.unit), "en"), str(point.year)]
    return [formatting.format_figure(figure, dataset, "en"), f"Data for {figure.year}"]


@KINDS
def test_a_tap_on_each_element_opens_its_exact_value_and_reports_its_figure(show_sample, tap, sample_data, kind):
    chart = show_sample(kind)
    assert chart.element_count() > 0
    for index in range(chart.element_count()):
        tapped = []
        chart.signals.figure_tapped.connect(tapped.append)
        tap(chart.viewport(), chart.element_point(index))
        chart.signals.figure_tapped.disconnect(tapped.append)
        assert chart.callout.isVisible(), index
        assert hidden_parts(chart.callout) == []
        for part in exact_value(sample_data, chart, index):
            assert part in chart.callout.text(), (index, chart.callout.text())
        assert tapped == [chart.keys[index]]


@KINDS
def test_it_grows_in_from_nothing_to_its_final_picture(show_sample, kind):
    chart = show_sample(kind)
    final = chart.grab().toImage()
    chart.grow(0.0)
    empty = chart.grab().toImage()
    chart.grow(1.0)
    again = chart.grab().toImage()
    assert pixels_apart(final, empty) > 0
    assert pixels_apart(final, again) == 0


def what_it_says(chart: StaticPlot) -> tuple:
    return chart.texts(), chart.accessibleName(), chart.accessibleDescription()


@KINDS
def test_after_a_language_switch_it_says_what_a_chart_built_in_that_language_says(show_sample, kind):
    chart = show_sample(kind)
    english = what_it_says(chart)
    switch_language("zh")
    switched = what_it_says(chart)
    assert switched != english
    assert switched == what_it_says(show_sample(kind, "zh"))
    switch_language("en")
    assert what_it_says(chart) == english


@KINDS
@pytest.mark.parametrize("language", ["en", "zh"])
def test_it_has_an_accessible_name_and_description(show_sample, kind, language):
    chart = show_sample(kind, language)
    accessible = QAccessible.queryAccessibleInterface(chart)
    assert accessible.text(QAccessible.Text.Name).strip()
    assert accessible.text(QAccessible.Text.Description).strip()


def test_a_kind_that_leaves_out_part_of_the_protocol_cannot_be_defined():
    kinds = list(CHART_KINDS)
    with pytest.raises(TypeError, match="element_point.*sample|sample.*element_point"):
        class Incomplete(StaticPlot):  # noqa: F841 (defining it is the test)
            def element_at(self, scene_pos):
                return None

            def grow(self, progress):
                pass
    assert CHART_KINDS == kinds
