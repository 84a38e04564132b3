"""The attract loop: highlights built from the dataset, cycling while nobody is using the kiosk.

The first touch only wakes the kiosk: the loop is a full-window layer that takes the whole
touch (and its synthesized mouse events) itself, so nothing underneath is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QStackedWidget, QWidget

from kiosk.model.dataset import Figure
from kiosk.ui.context import ViewContext
from kiosk.ui.overlays import TapAnywhere
from kiosk.ui import strings
from kiosk.ui.views import SHOWCASES
from kiosk.ui.widgets import discard, label, vbox

FADE_MS = 700


class AttractScreen(TapAnywhere):
    woke = Signal()

    def __init__(self, parent: QWidget, ctx: ViewContext, seconds: int):
        super().__init__(parent, "Attract", with_card=False)
        self.ctx = ctx
        layout = vbox(self, margin=0, spacing=0)
        self.stack = QStackedWidget()
        self._slides: list[QWidget] | None = None
        layout.addWidget(self.stack, 1)
        self.cta = QWidget()
        layout.addWidget(self.cta)
        self.set_dataset(ctx)
        self.fade = QGraphicsOpacityEffect(self.stack)
        self.stack.setGraphicsEffect(self.fade)
        self._animation = QPropertyAnimation(self.fade, b"opacity", self)
        self._animation.setDuration(FADE_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._timer = QTimer(self, interval=seconds * 1000)
        self._timer.timeout.connect(self.next_slide)
        self.tapped.connect(self._wake)

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
        return self._slides

    def start(self) -> None:
        self.slides  # noqa: B018 (built on first use)
        self.stack.setCurrentIndex(0)
        self.fade.setOpacity(1.0)
        self.open()
        self._timer.start()

    def next_slide(self) -> None:
        # len(self.slides), not the stack: new data may have just replaced the slides.
        self.show_slide((self.stack.currentIndex() + 1) % len(self.slides), animate=not self.ctx.reduce_motion)

    def show_slide(self, index: int, animate: bool = True) -> None:
        self.stack.setCurrentIndex(index)
        self._animation.stop()
        if animate:
            self._animation.setStartValue(0.0)
            self._animation.setEndValue(1.0)
            self._animation.start()
        else:
            self.fade.setOpacity(1.0)

    def reset_state(self) -> None:
        self._timer.stop()
        self._animation.stop()
        self.hide()

    def _wake(self) -> None:
        self.reset_state()
        self.woke.emit()


def build_slides(ctx: ViewContext) -> list[QWidget]:
    """The call to action, then the overview's key figures interleaved with each view's chart."""
    figures = [_figure_slide(ctx, f) for f in ctx.figures(ctx.dataset.views.overview.cards)]
    charts = [_chart_slide(panel) for build in SHOWCASES.values() if (panel := build(ctx))]
    slides: list[QWidget] = [_welcome_slide(ctx)]
    for index in range(max(len(figures), len(charts))):
        slides += figures[index:index + 1] + charts[index:index + 1]
    return slides


def _slide() -> tuple[QWidget, object]:
    slide = QWidget()
    layout = vbox(slide, margin=80, spacing=24)
    layout.addStretch(1)
    return slide, layout


def _welcome_slide(ctx: ViewContext) -> QWidget:
    slide, layout = _slide()
    name = label(ctx.text(ctx.dataset.zone.name), "attract-value")
    name.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(name)
    layout.addStretch(1)
    return slide


def _figure_slide(ctx: ViewContext, figure: Figure) -> QWidget:
    slide, layout = _slide()
    for text, role in ((ctx.text(figure.label), "attract-label"), (ctx.value(figure), "attract-value"),
                       (ctx.provenance([figure]), "attract-muted")):
        line = label(text, role)
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(line)
    layout.addStretch(1)
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
