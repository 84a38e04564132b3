"""pyqtgraph charts made for a touch kiosk: static (no pan, zoom, menu), labelled values.

One module per kind of chart (bars, ring, series). Each kind is one subclass of base.StaticPlot,
whose docstring states the chart protocol; defining the class checks it keeps the protocol and
adds it to CHART_KINDS, which the chart tests go through (tests/test_chart_kinds.py).
"""

from kiosk.ui.charts.bars import LABEL_SHARE, BarRow, BarRowsChart, figure_rows, rows_description
from kiosk.ui.charts.base import CHART_KINDS, ENTRY_MS, ChartArea, StaticPlot, wrap
from kiosk.ui.charts.callout import Callout
from kiosk.ui.charts.ring import RingChart, RingItem
from kiosk.ui.charts.series import SeriesChart

__all__ = ["CHART_KINDS", "ENTRY_MS", "LABEL_SHARE", "BarRow", "BarRowsChart", "Callout", "ChartArea", "RingChart",
           "RingItem", "SeriesChart", "StaticPlot", "figure_rows", "rows_description", "wrap"]
