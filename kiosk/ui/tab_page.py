"""A tab's page: its headline, then its blocks in rows (landscape) or one above the other (portrait).

The dataset says only which blocks, in which order, how wide, and which go under which; the
page decides the rest the same way for every tab, so no combination of hints breaks a screen:
- a block starts a column of its row, or goes under the block before it ("below"), or starts a
  new row ("new_row");
- a column is as wide, relative to the others of its row, as its first block's "width";
- height to spare goes to the charts; a column (and a page) without one gives it to its last block.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.model.dataset import Tab
from kiosk.ui.blocks import build_block, grows, showcase
from kiosk.ui.context import ViewContext
from kiosk.ui.pictures import Picture
from kiosk.ui.widgets import SPACING, AdaptiveRow, column, label, vbox

BANNER_HEIGHT = 200
Column = list  # the blocks stacked in one column
Row = list  # the columns side by side in one row


def arrange(blocks) -> list[Row]:
    """The tab's blocks as rows of columns, following each block's hints."""
    rows: list[Row] = []
    for block in blocks:
        if not rows or block.new_row:
            rows.append([])
        if block.below and rows[-1]:
            rows[-1][-1].append(block)
        else:
            rows[-1].append([block])
    return rows


def stretches(items: list, takes_space) -> list[int]:
    """1 for the items that take spare height, 0 for the others; the last takes it if none does."""
    factors = [1 if takes_space(item) else 0 for item in items]
    if not any(factors):
        factors[-1] = 1
    return factors


class Banner(Picture):
    """The tab's picture behind its headline: as high as the page can spare, up to
    BANNER_HEIGHT, and never less than the headline needs, so a banner never makes a page
    scroll that did not. The headline stays readable on a dark veil over the picture's foot."""

    def __init__(self, ctx: ViewContext, media, headline: QWidget):
        super().__init__(ctx, media, min_height=0)
        self.setMaximumHeight(BANNER_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = vbox(self)
        layout.setContentsMargins(SPACING // 2, 0, SPACING // 2, 0)  # no height of its own: see above
        layout.addStretch(1)
        layout.addWidget(headline)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # Asks only for the headline's room: a page's preferred height decides whether it
        # scrolls. Spare height reaches the banner through its stretch.
        return self.minimumSizeHint()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        super().paintEvent(event)
        painter = QPainter(self)
        veil = QLinearGradient(0, 0, 0, self.height())
        veil.setColorAt(0.0, QColor(0, 0, 0, 0))
        veil.setColorAt(0.35, QColor(0, 0, 0, 120))
        veil.setColorAt(1.0, QColor(0, 0, 0, 200))
        painter.fillRect(self.rect(), veil)


class TabPage(QWidget):
    """One tab of the dataset, built from its blocks (kiosk.ui.blocks).

    The page fills its own background, so Qt paints nothing beneath it (it is opaque), except
    for the one paint after it appears (appearing()).
    """

    def __init__(self, ctx: ViewContext, tab: Tab):
        super().__init__()
        self.ctx = ctx
        self.tab = tab
        self.title = ctx.text(tab.title)
        self.blocks: list[QWidget] = []  # in the dataset's order
        self.setObjectName("ViewPage")
        self._background = QColor(ctx.theme.background)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # As wide as the screen and as tall as the page needs at that width (its scroll area asks
        # its height-for-width), not its layout's minimum, which assumes every text wrapped at its
        # narrowest and made the page scroll on a screen it fits. (A page allowed to be wider
        # than the screen could also resize itself for ever: its texts fit other widths
        # differently.)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = vbox(self, margin=SPACING, spacing=SPACING)
        headline = label(ctx.text(tab.headline), "headline")
        if tab.banner:
            headline.setProperty("role", "banner-headline")
            self.banner = Banner(ctx, ctx.dataset.picture(tab.banner), headline)
            layout.addWidget(self.banner, 1)
        else:
            layout.addWidget(headline)
        rows = arrange(tab.blocks)
        for row, stretch in zip(rows, stretches(rows, lambda row: any(grows(b) for c in row for b in c))):
            layout.addWidget(self._row(row), stretch)

    def appearing(self) -> None:
        """The page is about to be shown, and with it every widget in it asks to be painted.
        Qt paints an opaque widget with everything in it first and then, once more, every
        widget in it that asked (the Overview's labels twice, its background four times): a
        page that is not opaque for this one paint is painted once. It is opaque again from
        that paint on."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.end()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # painted whole: opaque again

    def _row(self, row: Row) -> QWidget:
        columns = [(self._column(blocks), blocks[0].width) for blocks in row]
        return columns[0][0] if len(columns) == 1 else AdaptiveRow(columns)

    def _column(self, blocks: Column) -> QWidget:
        widgets = [build_block(self.ctx, block) for block in blocks]
        self.blocks += widgets
        return widgets[0] if len(widgets) == 1 else column(*zip(widgets, stretches(blocks, grows)))


def tab_showcase(ctx: ViewContext, tab: Tab) -> QWidget | None:
    """The tab's leading chart for the attract loop: its widest chart block, the first of equals."""
    charts = [block for block in tab.blocks if grows(block)]
    if not charts:
        return None
    widest = max(charts, key=lambda block: block.width)  # max() keeps the first of equals
    return showcase(ctx, widest)
