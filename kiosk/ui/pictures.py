"""Pictures from the dataset's media folder: decoded off the UI thread, once, at the size shown.

A 24-megapixel photo decoded whole is ~100 MB of pixels and a quarter of a second; the kiosk
shows it a few hundred pixels high. So a picture is decoded already scaled (QImageReader's
scaled size: JPEG decodes at 1/2, 1/4, 1/8 directly) on a worker thread, to just cover the
place it fills, and kept in a small cache by file, change time and size. A place shows the
theme's track colour until its picture arrives, and crops the picture around its focus point.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.model.dataset import Media
from kiosk.ui import strings
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, localise

log = logging.getLogger(__name__)

CACHE_BYTES = 96 * 1024 * 1024  # about twenty screen-sized pictures
SIZE_STEP = 64
ZOOM = 0.12  # how much closer an attract-loop picture moves while it is shown  # sizes are rounded up to this, so a resize by a few pixels decodes nothing again


class _Decoded(QObject):
    done = Signal(object, QImage)  # key, picture (a null QImage if the file could not be read)


class _Decode(QRunnable):
    def __init__(self, key: tuple, path: Path, cover: QSize, report: _Decoded):
        super().__init__()
        self.key, self.path, self.cover, self.report = key, path, cover, report

    def run(self) -> None:
        reader = QImageReader(str(self.path))
        reader.setAutoTransform(True)  # a phone photo's EXIF rotation
        full = reader.size()
        if full.isValid() and full.width() > 0 and full.height() > 0:
            scale = min(1.0, max(self.cover.width() / full.width(), self.cover.height() / full.height()))
            reader.setScaledSize(QSize(max(1, math.ceil(full.width() * scale)),
                                       max(1, math.ceil(full.height() * scale))))
        image = reader.read()
        if image.isNull():
            log.warning("cannot show the picture %s: %s", self.path, reader.errorString())
        try:
            self.report.done.emit(self.key, image)
        except RuntimeError:  # the application is shutting down: nobody waits for the picture
            pass


class PictureLoader(QObject):
    """The one cache and worker queue for every picture the kiosk shows."""

    loaded = Signal(object)  # the key whose picture is ready

    def __init__(self, limit_bytes: int = CACHE_BYTES):
        super().__init__()
        self.limit = limit_bytes
        self._images: OrderedDict[tuple, QImage] = OrderedDict()
        self._pending: set[tuple] = set()
        self._report = _Decoded()
        self._report.done.connect(self._store)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one decode at a time: the UI thread keeps the other core

    def key(self, path: Path, changed: int, size: QSize) -> tuple:
        step = (-(-size.width() // SIZE_STEP) * SIZE_STEP, -(-size.height() // SIZE_STEP) * SIZE_STEP)
        return str(path), changed, step

    def get(self, path: Path, changed: int, size: QSize) -> tuple[tuple, QImage | None]:
        """The picture of the file `path` as it was at time `changed` (st_mtime_ns), to cover
        `size` pixels, or None while it is being decoded (loaded follows)."""
        key = self.key(path, changed, size)
        if key in self._images:
            self._images.move_to_end(key)
            return key, self._images[key]
        if key not in self._pending:
            self._pending.add(key)
            self.pool.start(_Decode(key, path, QSize(*key[2]), self._report))
        return key, None

    def _store(self, key: tuple, image: QImage) -> None:
        self._pending.discard(key)
        self._images[key] = image
        while len(self._images) > 1 and sum(i.sizeInBytes() for i in self._images.values()) > self.limit:
            self._images.popitem(last=False)
        self.loaded.emit(key)

    def wait(self, msecs: int = 10_000) -> bool:
        """Until every requested picture is decoded and stored (screenshots, tests)."""
        from PySide6.QtCore import QCoreApplication

        done = self.pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents(self._report)
        return done


_loader: PictureLoader | None = None


def loader() -> PictureLoader:
    global _loader
    if _loader is None:
        _loader = PictureLoader()
    return _loader


def _changed(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def picture_path(ctx: ViewContext, media: Media) -> Path:
    return (ctx.media or Path()) / media.file


class Picture(QWidget):
    """A place that shows one picture, cropped around its focus to fill the place; its accessible
    name is the picture's alt text, its description the credit."""

    def __init__(self, ctx: ViewContext, media: Media, min_height: int = 120):
        super().__init__()
        self.media = media
        self.path = picture_path(ctx, media)
        # Read once: a place asks for its picture at every paint, and new data builds new places.
        self.changed = _changed(self.path)
        self.track = QColor(ctx.theme.track)
        self.alt: Tr = ctx.text(media.alt)
        self.credit: Tr = credit_line(ctx, media)
        self.zoom = 1.0  # > 1 zooms in around the focus (the attract loop's slow pan and zoom)
        self.max_zoom = 1.0  # decoded for the closest zoom it will show, so zooming decodes nothing
        self.pan = (0.0, 0.0)  # fraction of the spare width and height, -1..1
        self._key: tuple | None = None
        self._drawn: tuple[tuple, QPixmap] | None = None  # (what it was made from, the picture at this size)
        self.setObjectName(f"picture-{media.id}")
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        loader().loaded.connect(self._on_loaded)
        self._describe()

    def _describe(self) -> None:
        self.setAccessibleName(localise(self.alt))
        self.setAccessibleDescription(localise(self.credit))

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
        super().changeEvent(event)

    def image(self) -> QImage | None:
        ratio = self.devicePixelRatioF()
        size = QSize(math.ceil(self.width() * ratio * self.max_zoom), math.ceil(self.height() * ratio * self.max_zoom))
        self._key, image = loader().get(self.path, self.changed, size)
        return image

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # A picture fills the room it is given and asks for no more than its minimum: asking
        # for more would make full pages scroll.
        return QSize(400, self.minimumHeight())

    def _on_loaded(self, key: tuple) -> None:
        if key == self._key:
            self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        image = self.image() if self.width() > 0 and self.height() > 0 else None
        if image is None or image.isNull():
            painter.fillRect(self.rect(), self.track)
            return
        painter.drawPixmap(0, 0, self._scaled(image))

    def _scaled(self, image: QImage) -> QPixmap:
        """The picture cropped and scaled to this place, made once: scaling it smoothly at every
        paint made a tab switch with pictures several times slower."""
        ratio = self.devicePixelRatioF()
        key = (image.cacheKey(), self.width(), self.height(), ratio, self.zoom, self.pan)
        if self._drawn is None or self._drawn[0] != key:
            crop = self.crop(image.width(), image.height()).toAlignedRect() & image.rect()
            size = QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio))
            pixmap = QPixmap.fromImage(image.copy(crop).scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                               Qt.TransformationMode.SmoothTransformation))
            pixmap.setDevicePixelRatio(ratio)
            self._drawn = (key, pixmap)
        return self._drawn[1]

    def crop(self, width: int, height: int) -> QRectF:
        """The part of a width x height picture that fills this place: as large as the place's
        shape allows (divided by the zoom), centred on the focus and moved by the pan, inside the picture."""
        aspect = self.width() / max(1, self.height())
        w = min(width, height * aspect) / self.zoom
        h = w / aspect
        fx, fy = self.media.focus
        x = fx * width - w / 2 + self.pan[0] * (width - w) / 2
        y = fy * height - h / 2 + self.pan[1] * (height - h) / 2
        return QRectF(min(max(0.0, x), width - w), min(max(0.0, y), height - h), w, h)


class SlowPanAndZoom(QVariantAnimation):
    """A picture that slowly moves closer, for the attract loop (none with reduced motion)."""

    def __init__(self, picture: Picture, msecs: int):
        super().__init__(picture, startValue=0.0, endValue=1.0, duration=msecs)
        self.picture = picture
        picture.max_zoom = 1.0 + ZOOM
        self.valueChanged.connect(self._step)

    def _step(self, progress: float) -> None:
        self.picture.zoom = 1.0 + ZOOM * progress
        self.picture.pan = (0.6 * progress - 0.3, 0.0)
        self.picture.update()


def credit_line(ctx: ViewContext, media: Media) -> Tr:
    """"Photo: <credit> · <licence>", and the approval number a public map needs."""
    line = ctx.ui(strings.PICTURE_CREDIT, credit=ctx.text(media.credit), licence=media.licence)
    if media.approval is None:
        return line
    approval = ctx.ui(strings.PICTURE_APPROVAL, number=media.approval)
    return lambda language: f"{line(language)} · {approval(language)}"
