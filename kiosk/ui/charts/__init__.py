"""pyqtgraph charts made for a touch kiosk: static (no pan, zoom, menu), labelled values.

One module per kind of chart (bars, ring, series) on a shared base (base.StaticPlot).
"""

from kiosk.ui.charts.bars import LABEL_SHARE, BarRow, BarRowsChart, rows_description
from kiosk.ui.charts.base import ENTRY_MS, ChartArea, StaticPlot, wrap
from kiosk.ui.charts.callout import Callout
from kiosk.ui.charts.ring import RingChart, RingItem
from kiosk.ui.charts.series import SeriesChart

__all__ = ["ENTRY_MS", "LABEL_SHARE", "BarRow", "BarRowsChart", "Callout", "ChartArea", "RingChart", "RingItem",
           "SeriesChart", "StaticPlot", "rows_description", "wrap"]
