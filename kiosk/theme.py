"""One theme object for both the Qt stylesheet and the pyqtgraph charts. Qt-free.

QSS cannot reach pyqtgraph, so charts read the same colours from here; the stylesheet
template in resources/theme/ is filled from the same object.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from string import Template

from kiosk.resources import resource_path

# The bundled files (resources/fonts) that provide Theme.font_family, regular and bold.
FONT_FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")


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
    zone_px: int = 34
    attract_value_px: int = 120
    # Dark enough on white for graphical contrast (>= 3:1); neighbours stay apart for
    # deuteranopia and protanopia too, and so do the first five (the most a chart shows together
    # in the bundled data). Checked in tests/test_theme.py with colorspacious.
    series: tuple[str, ...] = field(
        default=("#0A5A9C", "#C24F00", "#087052", "#B0508A", "#333333", "#7A2FB8", "#0E6E86")
    )

    def scaled(self, factor: float) -> Theme:
        """Content text `factor` times larger (the visitors' text-size button); the header and
        tab bar keep their size so that they still fit."""
        return replace(self, **{name: round(getattr(self, name) * factor) for name in SCALED_SIZES})

    def series_colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def stylesheet(self) -> str:
        template = Template(resource_path("theme", "kiosk.qss").read_text(encoding="utf-8"))
        values = {k: v for k, v in asdict(self).items() if not isinstance(v, tuple)}
        return template.substitute(values)


SCALED_SIZES = ("text_px", "label_px", "heading_px", "headline_px", "value_px")
TEXT_SCALES = (1.0, 1.25, 1.5)

# White and yellow on black: the visitors' high-contrast mode. Chart colours are bright enough
# for 3:1 on the black card and stay apart for colour-blind visitors (tests/test_theme.py).
HIGH_CONTRAST = Theme(
    background="#000000", surface="#0A0A0A", text="#FFFFFF", text_muted="#E6E6E6",
    accent="#FFD23F", on_accent="#000000", bar="#000000", on_bar="#FFFFFF", on_bar_muted="#E6E6E6",
    border="#FFFFFF", track="#404040",
    series=("#5AB0FF", "#FF9A4D", "#3DDC97", "#F090C0", "#FFFFFF", "#C9A2FF", "#40E0D0"),
)


def visitor_theme(text_scale: float = 1.0, high_contrast: bool = False) -> Theme:
    return (HIGH_CONTRAST if high_contrast else Theme()).scaled(text_scale)
