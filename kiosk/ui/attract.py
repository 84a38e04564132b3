"""The attract loop: highlights built from the dataset, cycling while nobody is using the kiosk.

The first touch only wakes the kiosk: the loop is a full-window layer that takes the whole
touch (and its synthesized mouse events) itself, so nothing underneath is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEasingCurve, QEvent, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.model.dataset import Figure, FigureCards, Media
from kiosk.ui import strings
from kiosk.ui.burn_in import ShiftingLayout
from kiosk.ui.context import ViewContext
from kiosk.ui.overlays import TapAnywhere
from kiosk.ui.pictures import Picture, SlowPanAndZoom, credit_line
from kiosk.ui.tab_page import tab_showcase
from kiosk.ui.widgets import FittedLabel, discard, label, vbox

# The zone's name and a figure, very large; a long one in the headline size.
ATTRACT_ROLES = ("attract-value", "attract-heading")

FADE_MS = 700
MAX_PHOTO_SLIDES = 8
PAN_MS = 8000  # set to the slide's time when it is shown


class AttractScreen(TapAnywhere):
    woke = Signal()

    def __init__(self, parent: QWidget, ctx: ViewContext, seconds: int):
        super().__init__(parent, "Attract", with_card=False)
        self.ctx = ctx
        layout = ShiftingLayout(self)  # moved a pixel at a time against burn-in (kiosk.ui.burn_in)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget()
        self._slides: list[QWidget] | None = None
        layout.addWidget(self.stack, 1)
        self.cta = QWidget()
        layout.addWidget(self.cta)
        self.set_dataset(ctx)
        self.curtain = Curtain(self.stack, lambda: self.ctx.theme.bar)
        self._animation = QVariantAnimation(self, startValue=1.0, endValue=0.0, duration=FADE_MS)
        self._animation.valueChanged.connect(self.curtain.set_cover)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._timer = QTimer(self, interval=seconds * 1000)
        self._timer.timeout.connect(self.next_slide)
        self.tapped.connect(self._wake)

    def set_seconds(self, seconds: int) -> None:
        """How long each slide stays (the configuration's attract_seconds)."""
        self._timer.setInterval(seconds * 1000)

    def set_dataset(self, ctx: ViewContext) -> None:
        """Slides and call to action for a (new) dataset: a different dataset, a different loop.

        The slides themselves are built when the loop first needs them: nobody sees them at
        start or right after a data change, and building them is a fifth of the start-up work.
        """
        self.ctx = ctx
        for slide in self._slides or []:
            self.stack.removeWidget(slide)
            discard(slide)
        self._slides = None
        cta = _call_to_action(ctx)
        self.layout().replaceWidget(self.cta, cta)
        discard(self.cta)
        self.cta = cta

    @property
    def slides(self) -> list[QWidget]:
        if self._slides is None:
            self._slides = build_slides(self.ctx)
            for slide in self._slides:
                self.stack.addWidget(slide)
                # Chart axes learn their labels' width when first painted, then lay out again:
                # painted once now, a slide's first picture in a fade is already its final one.
                self.curtain.picture_of(slide)
        return self._slides

    def set_shift(self, shift) -> None:
        self.layout().set_shift(shift)
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self.layout().shift.isNull():
            # A strip uncovered below the call to action continues its colour.
            painter = QPainter(self)
            top = self.cta.geometry().top()
            painter.fillRect(0, top, self.width(), self.height() - top, QColor(self.ctx.theme.accent))
            painter.end()

    def start(self) -> None:
        self.slides  # noqa: B018 (built on first use)
        self.stack.setCurrentIndex(0)
        self.curtain.set_cover(0.0)
        self.open()
        self._timer.start()

    def next_slide(self) -> None:
        # len(self.slides), not the stack: new data may have just replaced the slides.
        self.show_slide((self.stack.currentIndex() + 1) % len(self.slides), animate=not self.ctx.reduce_motion)

    def show_slide(self, index: int, animate: bool = True) -> None:
        self.stack.setCurrentIndex(index)
        self._animation.stop()
        motion = getattr(self.stack.currentWidget(), "motion", None)
        if motion is not None and not self.ctx.reduce_motion:
            motion.setDuration(self._timer.interval() + FADE_MS)
            motion.start()
        if animate:
            self.curtain.lift(self.stack.currentWidget())  # the slide appears out of the background
            self._animation.start()
        else:
            self.curtain.set_cover(0.0)

    def reset_state(self) -> None:
        self._timer.stop()
        self._animation.stop()
        self.curtain.set_cover(0.0)
        self.hide()

    def _wake(self) -> None:
        self.reset_state()
        self.woke.emit()


class Curtain(QWidget):
    """Lays a still picture of the new slide over the slides, fading in from the background
    colour: one fill and one translucent pixmap per frame. An opacity effect on the live slide
    renders the whole slide again every frame (over 16.7 ms at 1080p on a 2-core machine);
    being opaque, the curtain also spares the slide underneath from being painted at all."""

    def __init__(self, over: QWidget, colour):
        super().__init__(over)
        self._colour = colour  # read when painting: the visitor's contrast choice changes it
        self._cover = 0.0
        self._picture: QPixmap | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        over.installEventFilter(self)
        self.hide()

    def lift(self, slide: QWidget) -> None:
        """Start covered, with the slide's picture ready to show through."""
        self.setGeometry(self.parentWidget().rect())
        self._picture = self.picture_of(slide)
        self.set_cover(1.0)

    def picture_of(self, slide: QWidget) -> QPixmap:
        slide.resize(self.parentWidget().size())
        for _ in range(3):  # laid out as it will be shown: layouts settle in posted passes
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return slide.grab()

    def set_cover(self, cover: float) -> None:
        self._cover = cover
        if cover <= 0 or self._picture is None:
            self._picture = None  # the live slide is showing again
            self.hide()
            return
        self.show()
        self.raise_()
        self.update()

    def cover(self) -> float:
        return self._cover if self.isVisible() else 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._colour()))
        painter.setOpacity(1.0 - self._cover)
        painter.drawPixmap(self.rect(), self._picture)
        painter.end()


def build_slides(ctx: ViewContext) -> list[QWidget]:
    """The zone's name, then the key figures (the first figure cards of the first tab with
    some) interleaved with each tab's leading chart."""
    cards = next((block for tab in ctx.dataset.views for block in tab.blocks if isinstance(block, FigureCards)), None)
    figures = [_figure_slide(ctx, f) for f in ctx.figures(cards.figures if cards else ())]
    photos = [_photo_slide(ctx, media) for media in ctx.dataset.media[:MAX_PHOTO_SLIDES]]
    charts = [_chart_slide(panel) for tab in ctx.dataset.views if (panel := tab_showcase(ctx, tab))]
    slides: list[QWidget] = [_welcome_slide(ctx)]
    for index in range(max(len(figures), len(photos), len(charts))):
        slides += figures[index:index + 1] + photos[index:index + 1] + charts[index:index + 1]
    return slides


def _slide() -> tuple[QWidget, object]:
    slide = QWidget()
    layout = vbox(slide, margin=80, spacing=24)
    layout.addStretch(1)
    return slide, layout


def _welcome_slide(ctx: ViewContext) -> QWidget:
    slide, layout = _slide()
    name = FittedLabel(ctx.text(ctx.dataset.zone.name), ATTRACT_ROLES)
    name.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(name)
    layout.addStretch(1)
    return slide


def _figure_slide(ctx: ViewContext, figure: Figure) -> QWidget:
    slide, layout = _slide()
    for text, role in ((ctx.text(figure.label), "attract-label"), (ctx.value(figure), "attract-value"),
                       (ctx.provenance([figure]), "attract-muted")):
        line = FittedLabel(text, ATTRACT_ROLES) if role == "attract-value" else label(text, role)
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(line)
    layout.addStretch(1)
    return slide


def _photo_slide(ctx: ViewContext, media: Media) -> QWidget:
    """A picture filling the screen, slowly moving closer while it is shown, with its credit."""
    slide = QWidget()
    layout = vbox(slide, margin=0, spacing=12)
    picture = Picture(ctx, media)
    layout.addWidget(picture, 1)
    credit = label(credit_line(ctx, media), "attract-muted")
    credit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(credit)
    slide.motion = SlowPanAndZoom(picture, PAN_MS)
    return slide


def _chart_slide(panel: QWidget) -> QWidget:
    slide = QWidget()
    vbox(slide, margin=60).addWidget(panel)
    return slide


def _call_to_action(ctx: ViewContext) -> QWidget:
    """"Touch to explore" in every language of the dataset: a visitor may read any of them."""
    bar = QWidget()
    bar.setObjectName("CallToAction")
    bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    text = "  ·  ".join(ctx.translations.text(language, strings.TOUCH_TO_EXPLORE)
                        for language in ctx.dataset.languages)
    cta = label(text, "cta", wrap=True)
    cta.setAlignment(Qt.AlignmentFlag.AlignCenter)
    vbox(bar, margin=28).addWidget(cta)
    return bar
