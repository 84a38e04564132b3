"""The staff PIN pad: counted tries in words that read right, a lock that stays visible, and a
log of wrong PINs and lock-outs that never holds a digit."""

import logging

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from kiosk.pin import hash_pin
from kiosk.ui.i18n import switch_language

PIN = "2468"
WRONG = "1357"


@pytest.fixture
def pad(make_kiosk):
    def make(**options):
        kiosk = make_kiosk(pin_hash=hash_pin(PIN), **options)
        kiosk.pin_pad.open()
        return kiosk.pin_pad

    return make


def enter(pad, tap, digits):
    for digit in digits:
        tap(pad.keys[digit])
    tap(pad.keys["ok"])


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Wrong PIN (4 tries left)", "Wrong PIN (3 tries left)", "Wrong PIN (2 tries left)",
            "Wrong PIN (1 try left)"]),
    ("zh", [f"密码错误（还可尝试{n}次）" for n in (4, 3, 2, 1)]),
])
def test_tries_left_read_right_in_each_language(pad, tap, language, expected):
    pin_pad = pad(language=language)
    said = []
    for _ in range(4):
        enter(pin_pad, tap, WRONG)
        said.append(pin_pad.status.text())
    assert said == expected


def test_wrong_pins_and_the_lock_are_logged_without_digits(pad, tap, caplog):
    pin_pad = pad()
    with caplog.at_level(logging.INFO):
        for _ in range(pin_pad.guard.max_failures):
            enter(pin_pad, tap, WRONG)
    wrong = [r for r in caplog.records if "wrong staff PIN" in r.getMessage()]
    assert len(wrong) == pin_pad.guard.max_failures
    assert "locked for 60 s" in wrong[-1].getMessage() and wrong[-1].levelno == logging.WARNING
    for record in caplog.records:
        assert WRONG not in record.getMessage() and PIN not in record.getMessage()


def test_a_right_pin_is_logged_without_digits(pad, tap, caplog):
    pin_pad = pad()
    with caplog.at_level(logging.INFO):
        enter(pin_pad, tap, PIN)
    assert "staff PIN accepted" in caplog.text and PIN not in caplog.text


def contrast(a: QColor, b: QColor) -> float:
    def luminance(colour):
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                  for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def looks(key):
    """The key's fill (just inside its left edge, at mid-height) and its most contrasting
    pixel (the label's strokes), as rendered."""
    image = key.grab().toImage()
    fill = image.pixelColor(12, image.height() // 2)
    pixels = (image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    return fill, max(pixels, key=lambda colour: contrast(colour, fill))


def edge_contrast(key, card):
    """The strongest contrast across the key's left edge (a dashed one has gaps: every row of
    its middle half is tried) against the card just outside it."""
    image = card.grab().toImage()
    left = key.mapTo(card, QPoint(0, 0))
    rows = range(left.y() + key.height() // 4, left.y() + 3 * key.height() // 4)
    around = image.pixelColor(left.x() - 6, rows[0])
    return max(contrast(image.pixelColor(x, y), around) for x in range(left.x() - 4, left.x() + 5) for y in rows)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high contrast"])
@pytest.mark.parametrize("name", ["ok", "5", "delete"])
def test_locked_keys_stay_readable_and_look_switched_off(make_kiosk, tap, high_contrast, name):
    kiosk = make_kiosk(pin_hash=hash_pin(PIN))
    kiosk.set_look(1.0, high_contrast)
    pin_pad = kiosk.pin_pad
    pin_pad.open()
    enabled_fill, _ = looks(pin_pad.keys[name])
    pin_pad.guard.locked_until = pin_pad.guard.clock() + 60
    pin_pad._refresh()
    key = pin_pad.keys[name]
    assert not key.isEnabled()
    fill, label = looks(key)
    assert contrast(label, fill) >= 4.5  # the label is readable (WCAG 1.4.3)
    assert edge_contrast(key, pin_pad.card) >= 3  # the key is still seen as a key (WCAG 1.4.11)
    assert contrast(fill, enabled_fill) >= 1.1  # ... and not as one that works
