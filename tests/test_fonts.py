"""Chinese renders from the bundled font, on a machine with no CJK font installed."""

import logging

from PySide6.QtGui import QFont, QFontInfo, QRawFont

from kiosk.model.dataset import all_texts
from kiosk.resources import resource_path
from kiosk.ui import app as app_module
from kiosk.ui import strings
from kiosk.ui.i18n import Translations


def zh_texts(node):
    return (text["zh"] for text in all_texts(node))


def test_the_app_uses_the_bundled_family(kiosk_app, theme):
    assert QFontInfo(kiosk_app.font()).family() == theme.font_family


def test_every_chinese_character_is_covered(kiosk_app, dataset, theme):
    font = QFont(theme.font_family)
    font.setPixelSize(theme.text_px)
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == theme.font_family
    translations = Translations([resource_path("i18n")])
    text = "".join(zh_texts(dataset)) + "".join(translations.text("zh", s) for s in strings.interface_strings())
    # The str overload of supportsCharacter misreports some hanzi in PySide6; ask by code point.
    missing = sorted({c for c in text if not c.isspace() and not raw.supportsCharacter(ord(c))})
    assert missing == []


def test_bold_is_bundled_too(kiosk_app, theme):
    font = QFont(theme.font_family)
    font.setBold(True)
    assert QFontInfo(font).bold()
    assert QFontInfo(font).family() == theme.font_family


def test_licence_travels_with_the_font():
    licence = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Copyright © 2014-2021 Adobe" in licence


def test_a_missing_font_falls_back_and_is_logged(kiosk_app, monkeypatch, caplog):
    monkeypatch.setattr(app_module, "FONT_FILES", ("NoSuchFont.otf",))
    with caplog.at_level(logging.ERROR):
        family = app_module.register_fonts("Kiosk Sans SC")
    assert family != "Kiosk Sans SC"
    assert "NoSuchFont.otf" in caplog.text
