"""Every source line opens a source card with the source in full and a QR code that scans."""

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from conftest import settle
from kiosk.model import formatting
from kiosk.ui.sources import QR_MM, QrCode
from kiosk.ui.widgets import SourceLink
from ui_helpers import TABS, visible_texts


def decode(widget):
    """Read a QR code off the screen the way a phone would: from the rendered pixels."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    results = zxingcpp.read_barcodes(np.ascontiguousarray(pixels[:, :image.width()]))
    return [r.text for r in results]


def links(kiosk, view):
    kiosk.window.show_view(view)
    settle()
    return [link for link in kiosk.window.views[view].findChildren(SourceLink) if link.isVisible()]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_tapping_any_source_line_opens_its_sources_in_full(make_kiosk, tap, dataset, language):
    kiosk = make_kiosk(language=language)
    opened = 0
    for view in TABS:
        for link in links(kiosk, view):
            tap(link)
            assert kiosk.source_card.isVisible(), link.text()
            shown = "\n".join(visible_texts(kiosk.source_card))
            for source_id in {r.source for r in link.provenance.records}:
                source = dataset.source(source_id)
                assert source.outlet[language] in shown
                assert formatting.format_date(source.date, language) in shown
            for record in link.provenance.records:
                if getattr(record, "quote", None):
                    assert record.quote in shown
            kiosk.source_card.hide()
            opened += 1
    assert opened >= 10


def test_the_qr_code_decodes_to_the_source_url_and_is_big_enough(make_kiosk, tap, dataset):
    kiosk = make_kiosk()
    link = links(kiosk, "overview")[0]
    tap(link)
    [qr] = [w for w in kiosk.source_card.findChildren(QrCode) if w.isVisible()]
    source = dataset.source(link.provenance.records[0].source)
    assert decode(qr) == [source.url]
    screen = qr.screen()
    mm = qr.width() * screen.devicePixelRatio() / screen.physicalDotsPerInch() * 25.4
    assert mm >= QR_MM


def test_a_damaged_qr_code_does_not_decode(make_kiosk, tap):
    """The decoding check can fail: cover part of the code and it no longer reads."""
    from PySide6.QtGui import QPainter, QPixmap

    kiosk = make_kiosk()
    tap(links(kiosk, "overview")[0])
    [qr] = [w for w in kiosk.source_card.findChildren(QrCode) if w.isVisible()]
    damaged = QPixmap(qr.pixmap())
    painter = QPainter(damaged)
    painter.fillRect(0, 0, damaged.width() // 2, damaged.height() // 2, "white")
    painter.end()
    qr.setPixmap(damaged)
    assert decode(qr) == []


def test_the_idle_reset_closes_the_source_card(make_kiosk, tap):
    kiosk = make_kiosk()
    tap(links(kiosk, "overview")[0])
    kiosk.reset()
    assert not kiosk.source_card.isVisible()


def test_each_passage_of_the_source_is_quoted_once(make_kiosk, tap, dataset):
    """The four industry shares are quoted from one sentence: it is shown once, not four times."""
    kiosk = make_kiosk()
    for view in TABS:
        for link in links(kiosk, view):
            tap(link)
            shown = "\n".join(visible_texts(kiosk.source_card))
            quotes = {r.quote for r in link.provenance.records if getattr(r, "quote", None)}
            for quote in quotes:
                assert shown.count(quote) == 1 or any(quote in other and quote != other for other in quotes), quote
            kiosk.source_card.hide()
