"""Photo and gallery blocks, and the small pictures of industries, companies and facts."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

from kiosk.model import dataset as data
from kiosk.ui import strings
from kiosk.ui.blocks.registry import builds
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr
from kiosk.ui.pictures import Picture, credit_line
from kiosk.ui.widgets import Button, Panel, label

PHOTO_MIN_HEIGHT = 240
DETAIL_HEIGHT = 180
THUMBNAIL_MIN_HEIGHT = 96


def photo(ctx: ViewContext, block: data.Photo) -> Panel:
    media = ctx.dataset.picture(block.media)
    panel = Panel()
    panel.picture = Picture(ctx, media, PHOTO_MIN_HEIGHT)
    panel.add(panel.picture, 1)
    if block.caption:
        panel.add(label(ctx.text(block.caption), "label"))
    panel.add(label(credit_line(ctx, media), "muted"))
    return panel.finish()


builds(data.Photo, grows=True)(photo)


class Gallery(Panel):
    """Pictures one at a time: a swipe across it, or the arrows, step through them (wrapping)."""

    def __init__(self, ctx: ViewContext, block: data.Gallery):
        super().__init__(ctx.text(block.title) if block.title else None)
        self.ctx = ctx
        self.pictures = [Picture(ctx, ctx.dataset.picture(i), PHOTO_MIN_HEIGHT) for i in block.media]
        self.stack = QStackedWidget()
        for picture in self.pictures:
            self.stack.addWidget(picture)
        self.add(self.stack, 1)
        self.credit = label("", "muted")
        self.previous = Button("‹", "step", ctx.ui(strings.GALLERY_PREVIOUS))
        self.next = Button("›", "step", ctx.ui(strings.GALLERY_NEXT))
        self.position = label("", "label")
        self.previous.clicked.connect(lambda: self.take_swipe(-1))
        self.next.clicked.connect(lambda: self.take_swipe(1))
        row = QWidget()
        controls = QHBoxLayout(row)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.previous)
        controls.addWidget(self.position, 1)
        controls.addWidget(self.next)
        self.add(row)
        self.add(self.credit)
        self.finish()
        self.show_picture(0)

    def show_picture(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        media = self.pictures[index].media
        self.credit.set_text(credit_line(self.ctx, media))
        self.position.set_text(self.ctx.ui(strings.GALLERY_POSITION, number=index + 1, count=len(self.pictures)))

    def take_swipe(self, step: int) -> bool:
        """A swipe that starts on the gallery turns its pictures, not the tab."""
        self.show_picture((self.stack.currentIndex() + step) % len(self.pictures))
        return True

    def reset_state(self) -> None:
        self.show_picture(0)


builds(data.Gallery, grows=True)(Gallery)


def detail_picture(ctx: ViewContext, media_id: str | None) -> list[QWidget]:
    """An industry's, company's or fact's picture with its credit line (nothing without one)."""
    if media_id is None:
        return []
    media = ctx.dataset.picture(media_id)
    picture = Picture(ctx, media, DETAIL_HEIGHT)
    picture.setMaximumHeight(DETAIL_HEIGHT)
    return [picture, label(credit_line(ctx, media), "muted")]


def thumbnail(ctx: ViewContext, media_id: str | None) -> tuple[Picture | None, Tr | None]:
    """A fact's picture, small, and its credit line (None and None without one)."""
    if media_id is None:
        return None, None
    media = ctx.dataset.picture(media_id)
    return Picture(ctx, media, THUMBNAIL_MIN_HEIGHT), credit_line(ctx, media)
