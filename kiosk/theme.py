"""One theme object for both the Qt stylesheet and the pyqtgraph charts. Qt-free.

QSS cannot reach pyqtgraph, so charts read the same colours from here; the stylesheet
template in resources/theme/ is filled from the same object.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from string import Template

from kiosk.resources import resource_path


@dataclass(frozen=True)
class Theme:
    background: str = "#F3F5F8"
    surface: str = "#FFFFFF"
    text: str = "#17202B"
    text_muted: str = "#46505E"
    accent: str = "#0A5A9C"
    on_accent: str = "#FFFFFF"
    bar: str = "#0F2A44"
    on_bar: str = "#FFFFFF"
    on_bar_muted: str = "#C5D3E2"
    border: str = "#D5DCE5"
    track: str = "#E3E8EF"
    font_family: str = "Kiosk Sans SC"
    # Pixel sizes are logical pixels; at 1920x1080 on a 40-55" panel 24 px is ~7-9 mm.
    text_px: int = 24
    label_px: int = 26
    heading_px: int = 34
    headline_px: int = 44
    value_px: int = 44
    tab_px: int = 28
    attract_value_px: int = 120
    # Dark enough on white for graphical contrast (>= 3:1); neighbours stay apart for
    # deuteranopia and protanopia too, and so do the first five (the most a chart shows together
    # in the bundled data). Checked in tests/test_theme.py with colorspacious.
    series: tuple[str, ...] = field(
        default=("#0A5A9C", "#C24F00", "#087052", "#B0508A", "#333333", "#7A2FB8", "#0E6E86")
    )

    def series_colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def stylesheet(self) -> str:
        template = Template(resource_path("theme", "kiosk.qss").read_text(encoding="utf-8"))
        values = {k: v for k, v in asdict(self).items() if not isinstance(v, tuple)}
        return template.substitute(values)
