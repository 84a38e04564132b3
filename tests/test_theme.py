"""Colours from the one theme object meet WCAG 2.2 AA contrast, computed not eyeballed."""

import pytest

from kiosk.theme import Theme


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


T = Theme()
TEXT_PAIRS = {
    "text on surface": (T.text, T.surface),
    "text on background": (T.text, T.background),
    "muted text on surface": (T.text_muted, T.surface),
    "muted text on background": (T.text_muted, T.background),
    "values (accent) on surface": (T.accent, T.surface),
    "selected tab": (T.on_accent, T.accent),
    "tab and header text": (T.on_bar, T.bar),
    "unselected tab text": (T.on_bar_muted, T.bar),
    "chart labels on the selection band": (T.text, T.track),
}


@pytest.mark.parametrize("name", TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(name):
    assert contrast(*TEXT_PAIRS[name]) >= 4.5


@pytest.mark.parametrize("colour", T.series)
def test_chart_colours_stand_out_from_the_chart_and_the_selection_band(colour):
    # WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
    assert contrast(colour, T.surface) >= 3
    assert contrast(colour, T.track) >= 3


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


# Colour-vision deficiencies, simulated at full severity (colorspacious, Machado et al. 2009).
VISION = {"normal": None, "deuteranopia": "deuteranomaly", "protanopia": "protanomaly"}
MIN_DELTA_E_ADJACENT = 12  # CAM02-UCS; about 10 is "clearly different" side by side
MIN_DELTA_E_TOGETHER = 8
SHOWN_TOGETHER = 5


def seen_as(hex_colour, deficiency):
    import colorspacious
    import numpy as np

    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    if deficiency is not None:
        cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
        rgb = np.clip(colorspacious.cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    return colorspacious.cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def delta_e(a, b, deficiency):
    import numpy as np

    return float(np.linalg.norm(seen_as(a, deficiency) - seen_as(b, deficiency)))


@pytest.mark.parametrize("vision", VISION)
def test_neighbouring_chart_colours_stay_apart_for_colour_blind_visitors(vision):
    series = T.series
    gaps = {(a, b): delta_e(a, b, VISION[vision]) for a, b in zip(series, series[1:])}
    assert min(gaps.values()) >= MIN_DELTA_E_ADJACENT, gaps


@pytest.mark.parametrize("vision", VISION)
def test_colours_shown_together_stay_apart_for_colour_blind_visitors(vision):
    import itertools

    together = T.series[:SHOWN_TOGETHER]
    gaps = {pair: delta_e(*pair, VISION[vision]) for pair in itertools.combinations(together, 2)}
    assert min(gaps.values()) >= MIN_DELTA_E_TOGETHER, gaps


def test_the_simulation_can_tell_a_bad_pair():
    # Red and green of equal lightness look alike to a deuteranope; the check must see that.
    assert delta_e("#D62728", "#2CA02C", "deuteranomaly") < MIN_DELTA_E_TOGETHER < delta_e("#D62728", "#2CA02C", None)
