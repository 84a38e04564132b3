"""The source card: where a figure comes from, in full, with a QR code of the source's URL.

Opened by tapping a source line (widgets.SourceLink). The QR code is made locally with
segno and drawn at least 40 mm wide on the actual screen, large enough to scan from 40 cm.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.model import formatting
from kiosk.model.dataset import Figure, Source
from kiosk.ui import strings
from kiosk.ui.context import ViewContext
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import HEADING_ROLES, Button, FingerScrolled, FittedLabel, discard, label, vbox

QR_MM = 40
QR_QUIET_MODULES = 4  # the blank border scanners need


def qr_image(text: str, min_px: int) -> QImage:
    """A crisp black-on-white QR code at least min_px wide (whole pixels per module)."""
    import segno  # only when a visitor opens a source card: not on the start-up path

    matrix = [list(row) for row in segno.make(text, error="m", micro=False).matrix]
    modules = len(matrix) + 2 * QR_QUIET_MODULES
    module_px = max(2, math.ceil(min_px / modules))
    image = QImage(modules * module_px, modules * module_px, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRect((x + QR_QUIET_MODULES) * module_px, (y + QR_QUIET_MODULES) * module_px,
                                       module_px, module_px), QColor("black"))
    painter.end()
    return image


class QrCode(QLabel):
    def __init__(self, url: str, min_px: int):
        super().__init__()
        self.url = url
        self.setObjectName("qr-code")
        self.setPixmap(QPixmap.fromImage(qr_image(url, min_px)))
        self.setFixedSize(self.pixmap().size())
        self.setAccessibleName(url)


def qr_min_px(widget: QWidget) -> int:
    """QR_MM on this screen, in logical pixels."""
    screen = widget.screen()
    return math.ceil(QR_MM / 25.4 * screen.physicalDotsPerInch() / screen.devicePixelRatio())


class SourceCard(Overlay):
    source_shown = Signal(str)  # a source's id, each time its card opens
    qr_shown = Signal(str)  # the same, when the card shows a QR code for it

    def __init__(self, parent: QWidget, ctx: ViewContext):
        super().__init__(parent)
        self.ctx = ctx
        self.card.setMaximumWidth(1400)
        self.card.add(label(ctx.ui(strings.SOURCE_TITLE), "headline"))
        self.content = QWidget()
        # Many sources, each with quotes, can be taller than the screen: they scroll by finger.
        self.scroller = FingerScrolled(self.content)
        self.card.add(self.scroller)
        close = Button(ctx.ui(strings.CLOSE), "primary", ctx.ui(strings.CLOSE_DESCRIPTION))
        close.clicked.connect(self.hide)
        self.card.add(close)
        self.records: tuple = ()

    def set_dataset(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        self.hide()

    def show_for(self, records: tuple) -> None:
        self.records = records
        fresh = QWidget()
        body = vbox(fresh, spacing=24)
        sources = [self.ctx.dataset.source(source_id) for source_id in dict.fromkeys(r.source for r in records)]
        for source in sources:
            body.addWidget(self._source_row(source, [r for r in records if r.source == source.id]))
        discard(self.scroller.takeWidget())
        self.scroller.setWidget(fresh)
        self.content = fresh
        self.open()
        for source in sources:
            self.source_shown.emit(source.id)
            if source.url:
                self.qr_shown.emit(source.id)

    def _source_row(self, source: Source, records: list) -> QWidget:
        ctx = self.ctx
        row = QWidget()
        row.setObjectName(f"source-{source.id}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32)
        text = QWidget()
        lines = vbox(text, spacing=6)
        lines.addWidget(FittedLabel(ctx.text(source.outlet), HEADING_ROLES))
        if source.title:
            lines.addWidget(label(f"“{source.title}”", "label"))
        lines.addWidget(label(lambda language: formatting.format_date(source.date, language), "label"))
        quotes = _distinct_quotes(r.quote for r in records if getattr(r, "quote", None))
        if quotes:
            lines.addWidget(label(ctx.ui(strings.AS_STATED), "label-strong"))
            lines.addWidget(label(" · ".join(f"“{q}”" for q in quotes), "label"))
        if any(isinstance(r, Figure) and r.note for r in records):
            for r in records:
                if isinstance(r, Figure) and r.note:
                    lines.addWidget(label(ctx.text(r.note), "muted"))
        if source.url:
            lines.addWidget(label(source.url, "muted"))
        lines.addStretch(1)
        layout.addWidget(text, 1)
        if source.url:
            layout.addWidget(QrCode(source.url, qr_min_px(self.parentWidget())), 0, Qt.AlignmentFlag.AlignTop)
        return row


def _distinct_quotes(quotes) -> list[str]:
    """Each passage once: figures quoted from the same sentence often share it, or one quote
    is part of another (the four industry shares)."""
    unique = list(dict.fromkeys(quotes))
    return [q for q in unique if not any(q != other and q in other for other in unique)]
