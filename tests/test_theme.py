"""Colours from the one theme object meet WCAG 2.2 AA contrast, computed not eyeballed."""

import pytest

from kiosk.theme import HIGH_CONTRAST, TEXT_SCALES, Theme, visitor_theme


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


T = Theme()
THEMES = {"normal": Theme(), "high contrast": HIGH_CONTRAST}


def text_pairs(t):
    return {
        "text on surface": (t.text, t.surface),
        "text on background": (t.text, t.background),
        "muted text on surface": (t.text_muted, t.surface),
        "muted text on background": (t.text_muted, t.background),
        "values (accent) on surface": (t.accent, t.surface),
        "selected tab": (t.on_accent, t.accent),
        "tab and header text": (t.on_bar, t.bar),
        "unselected tab text": (t.on_bar_muted, t.bar),
        "chart labels on the selection band": (t.text, t.track),
    }


@pytest.mark.parametrize("theme", THEMES)
def test_text_contrast_is_at_least_4_5(theme):
    low = {name: round(contrast(*pair), 2) for name, pair in text_pairs(THEMES[theme]).items()
           if contrast(*pair) < 4.5}
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_chart_colours_stand_out_from_the_chart_and_the_selection_band(theme):
    # WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
    t = THEMES[theme]
    low = [c for c in t.series if contrast(c, t.surface) < 3 or contrast(c, t.track) < 3]
    assert low == []


def test_high_contrast_is_higher_than_normal():
    normal = min(contrast(*p) for p in text_pairs(Theme()).values())
    high = min(contrast(*p) for p in text_pairs(HIGH_CONTRAST).values())
    assert high > normal and high >= 7  # WCAG AAA


def test_larger_text_scales_content_up_to_one_and_a_half():
    assert max(TEXT_SCALES) == 1.5
    big = visitor_theme(1.5)
    assert big.text_px == round(Theme().text_px * 1.5) and big.value_px == round(Theme().value_px * 1.5)
    assert big.tab_px == Theme().tab_px  # the tab bar must still fit


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


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("vision", VISION)
def test_neighbouring_chart_colours_stay_apart_for_colour_blind_visitors(vision, theme):
    series = THEMES[theme].series
    gaps = {(a, b): delta_e(a, b, VISION[vision]) for a, b in zip(series, series[1:])}
    assert min(gaps.values()) >= MIN_DELTA_E_ADJACENT, gaps


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("vision", VISION)
def test_colours_shown_together_stay_apart_for_colour_blind_visitors(vision, theme):
    import itertools

    together = THEMES[theme].series[:SHOWN_TOGETHER]
    gaps = {pair: delta_e(*pair, VISION[vision]) for pair in itertools.combinations(together, 2)}
    assert min(gaps.values()) >= MIN_DELTA_E_TOGETHER, gaps


def test_the_simulation_can_tell_a_bad_pair():
    # Red and green of equal lightness look alike to a deuteranope; the check must see that.
    assert delta_e("#D62728", "#2CA02C", "deuteranomaly") < MIN_DELTA_E_TOGETHER < delta_e("#D62728", "#2CA02C", None)
