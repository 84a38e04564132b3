"""The kiosk window: zone name on top, the current view, large tabs at the bottom."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from functools import partial

import shiboken6
from PySide6.QtCore import (QEasingCurve, QEvent, QParallelAnimationGroup, QPoint, QPointF, QPropertyAnimation, QRect,
                            QRectF, Qt, QTimer, Signal)
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QRegion
from PySide6.QtWidgets import (QBoxLayout, QButtonGroup, QFrame, QHBoxLayout, QScrollArea, QScroller,
                               QStackedWidget, QWidget)

from kiosk.theme import TEXT_SCALES
from kiosk.ui import strings
from kiosk.ui.burn_in import ShiftingLayout
from kiosk.ui.charts import StaticPlot
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, current_language, localise, switch_language
from kiosk.ui.rehearsal import rehearse
from kiosk.ui.scroll_hint import ScrollHints
from kiosk.ui.signals import WindowSignals
from kiosk.ui.tab_page import TabPage
from kiosk.ui.widgets import Button, FittedName, TabButton, descendants, discard, is_portrait

log = logging.getLogger(__name__)

SLIDE_MS = 260
TAB_HEIGHT = 96
CONTROLS_HEIGHT = 80
HEADER_HEIGHT = 56


class TabBar(QWidget):
    """Large labelled tabs along the bottom edge, within reach of children and wheelchair users."""

    tab_selected = Signal(int)

    def __init__(self, titles: list[Tr], controls: list[QWidget], description: Tr):
        super().__init__()
        self.setObjectName("TabBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFixedHeight(TAB_HEIGHT)
        # Landscape: tabs, then the visitor controls on the right. Portrait is too narrow for
        # both, so the controls get a row of their own just above the tabs (still low down).
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.side = QWidget()
        side = QHBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addStretch(1)
        for control in controls:
            side.addWidget(control)
        tabs = TabRow()
        layout = QHBoxLayout(tabs)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.box.addWidget(tabs, 1)
        self.box.addWidget(self.side)
        self.group = QButtonGroup(self)
        self.buttons = []
        for index, title in enumerate(titles):
            button = TabButton(title, description)  # the tabs share the bar equally
            button.setCheckable(True)
            self.group.addButton(button, index)
            layout.addWidget(button, 1)
            self.buttons.append(button)
        self.group.idClicked.connect(self.tab_selected)

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        portrait = is_portrait(self)
        direction = QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.setFixedHeight(TAB_HEIGHT + CONTROLS_HEIGHT if portrait else TAB_HEIGHT)


class TabRow(QWidget):
    """The row of tabs alone, without the visitor controls beside them: the page tab list that
    assistive technology reads (kiosk.ui.accessibility)."""


class SpeakerButton(Button):
    """Speech on or off: a loudspeaker drawn in the button's text colour (no font has to have
    the glyph)."""

    def __init__(self, description: Tr, name: Tr):
        super().__init__("", "control", description, name)
        self.setCheckable(True)  # on while speech mode is: the kiosk sets it, a tap only asks
        self.clicked.connect(lambda: self.setChecked(not self.isChecked()))

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        super().paintEvent(event)
        side = min(self.width(), self.height()) * 0.42
        centre = QPointF(self.rect().center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().buttonText().color()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        left = centre.x() - side / 2
        painter.drawPolygon(QPolygonF([QPointF(left, centre.y() - side * 0.18), QPointF(left + side * 0.25, centre.y() - side * 0.18),
                                       QPointF(left + side * 0.55, centre.y() - side * 0.45),
                                       QPointF(left + side * 0.55, centre.y() + side * 0.45),
                                       QPointF(left + side * 0.25, centre.y() + side * 0.18), QPointF(left, centre.y() + side * 0.18)]))
        pen = QPen(colour, max(2.0, side * 0.08))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for radius in (side * 0.3, side * 0.55):
            arc = QRectF(left + side * 0.45 - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawArc(arc, -45 * 16, 90 * 16)
        painter.end()


class VisitorControls(QWidget):
    """Text size (A, A+, A++) and high contrast. The kiosk rebuilds its look from the request;
    an idle reset asks for the normal look again."""

    def __init__(self, ctx: ViewContext):
        super().__init__()
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        steps = TEXT_SCALES.index(ctx.text_scale) if ctx.text_scale in TEXT_SCALES else 0
        self.text_size = Button("A" + "+" * ((steps + 1) % len(TEXT_SCALES)), "control",
                                ctx.ui(strings.LARGER_TEXT_DESCRIPTION), ctx.ui(strings.LARGER_TEXT))
        self.text_size.clicked.connect(self._larger)
        self.contrast = Button("◐", "control", ctx.ui(strings.CONTRAST_DESCRIPTION), ctx.ui(strings.CONTRAST))
        self.contrast.setCheckable(True)
        self.contrast.setChecked(ctx.high_contrast)
        self.contrast.clicked.connect(self._toggle_contrast)
        self.speech = SpeakerButton(ctx.ui(strings.SPEECH_DESCRIPTION), ctx.ui(strings.SPEECH))
        self.speech.clicked.connect(self._speech)
        for button in (self.text_size, self.contrast, self.speech):
            layout.addWidget(button)

    def _speech(self) -> None:
        if self.ctx.signals is not None:
            self.ctx.signals.speech_requested.emit()

    def _request(self, text_scale: float, high_contrast: bool) -> None:
        if self.ctx.signals is not None:
            self.ctx.signals.look_requested.emit(text_scale, high_contrast)

    def _larger(self) -> None:
        index = TEXT_SCALES.index(self.ctx.text_scale) if self.ctx.text_scale in TEXT_SCALES else 0
        self._request(TEXT_SCALES[(index + 1) % len(TEXT_SCALES)], self.ctx.high_contrast)

    def _toggle_contrast(self) -> None:
        self._request(self.ctx.text_scale, not self.ctx.high_contrast)

    def reset_state(self) -> None:
        if self.ctx.text_scale != 1.0 or self.ctx.high_contrast:
            self._request(1.0, False)


class LanguageButtons(QWidget):
    """One button per other language of the dataset, each labelled in its own language
    ("中文" while in English, "EN" while in Chinese). An idle reset returns to the default."""

    def __init__(self, ctx: ViewContext):
        super().__init__()
        self.default = ctx.default_language
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons = {}
        for language in ctx.dataset.languages:
            name = ctx.translations.text(language, strings.LANGUAGE_BUTTON)
            button = Button(name, "language", ctx.ui(strings.CHANGE_LANGUAGE))
            button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Expanding)
            button.clicked.connect(lambda _=False, lang=language: switch_language(lang))
            layout.addWidget(button)
            self.buttons[language] = button
        self._show_others()

    def _show_others(self) -> None:
        for language, button in self.buttons.items():
            button.setVisible(language != current_language())

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_others()
        super().changeEvent(event)

    def reset_state(self) -> None:
        switch_language(self.default)


class MainWindow(QWidget):
    """Assembles header, views and tabs. Its state is reset through reset_state() alone."""

    view_changed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, ctx: ViewContext):
        super().__init__()
        self.closable = True
        self.speaking = False  # speech mode is on (the speaker button shows it)
        self.signals = WindowSignals(self)  # handed to every widget in the views (kiosk.ui.signals)
        self.tab_ids: tuple[str, ...] = ()  # the dataset's tabs, in order (set by _build)
        self._current = ctx.dataset.tab_ids[0]
        self._slide: QParallelAnimationGroup | None = None
        self._slide_end = None  # what to do when the running slide ends, early or not
        self._rest_pending = False
        self._entering: list[StaticPlot] = []  # charts whose entry animation may be running
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paintEvent fills the background
        # The pages outlive data swaps and restyles: only the views inside them are rebuilt
        # (a scroll area's touch-gesture grab is not free, and a page keeps its place).
        self.stack = QStackedWidget()
        self._pages: list[QScrollArea] = []
        self._header, self.tabs = self._build(ctx)
        layout = ShiftingLayout(self)  # moved a pixel at a time against burn-in (kiosk.ui.burn_in)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.tabs)
        self.show_view(self.tab_ids[0])

    def _build(self, ctx: ViewContext) -> tuple[QWidget, TabBar]:
        """Header and tabs for one dataset (and look), and the views, built when needed."""
        ctx = self.ctx = replace(ctx, signals=self.signals)
        self._title = ctx.text(ctx.dataset.zone.name)
        self.setWindowTitle(localise(self._title))
        for page in self._pages:
            if page.widget() is not None:
                discard(page.widget())  # built for the data or look being replaced
        self.tab_ids = ctx.dataset.tab_ids
        self._match_pages(len(self.tab_ids))
        for page in self._pages:
            page.hints.set_theme(ctx.theme)
        self.views = LazyViews(ctx, dict(zip(self.tab_ids, self._pages)))
        titles = [ctx.text(tab.title) for tab in ctx.dataset.views]
        self.controls = VisitorControls(ctx)
        self.controls.speech.setChecked(self.speaking)
        tabs = TabBar(titles, [self.controls, LanguageButtons(ctx)], ctx.ui(strings.TAB_DESCRIPTION))
        tabs.tab_selected.connect(self._on_tab_selected)
        return header_bar(ctx), tabs

    def _match_pages(self, count: int) -> None:
        """One scrolling page per tab. Pages outlive data swaps and restyles (only the views in
        them are rebuilt): a scroll area's touch-gesture grab is not free."""
        while len(self._pages) < count:
            self._pages.append(_scrollable())
            self.stack.addWidget(self._pages[-1])
        while len(self._pages) > count:
            page = self._pages.pop()
            self.stack.removeWidget(page)
            discard(page)

    def set_dataset(self, ctx: ViewContext) -> None:
        """Swap in content for a new dataset, whole, on the same tab if it still has it (the
        language is kept too)."""
        self._end_slide()
        replaced = self._header, self.tabs
        self._header, self.tabs = self._build(ctx)
        for old, new in zip(replaced, (self._header, self.tabs)):
            self.layout().replaceWidget(old, new)
            new.lower()  # overlays stay on top
            discard(old)
        self.show_view(self._current if self._current in self.tab_ids else self.tab_ids[0])
        self._prepare_rest_soon()

    def _prepare_rest_soon(self) -> None:
        """The views nobody is looking at are built and rehearsed (kiosk.ui.rehearsal) after the
        visible one has been painted, one per turn of the event loop so a touch in between is
        not kept waiting: start-up and data swaps show the first view sooner, and the first
        switch to each tab costs no more than any other."""
        self._rest_pending = True  # taken up by the next paintEvent

    def set_shift(self, shift: QPoint) -> None:
        """Move the content against burn-in; the strip it uncovers takes the colour of the bars."""
        self.layout().set_shift(shift)
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        # The window's background everywhere but behind the current page, which fills its own:
        # a page that has just appeared is not opaque for its first paint (TabPage.appearing),
        # and Qt would fill the whole page's area once more beneath it. (Its scroll bar, when it
        # has one, is drawn over the window's background.)
        viewport = self.stack.currentWidget().viewport()
        page_area = QRect(viewport.mapTo(self, QPoint()), viewport.size())
        painter = QPainter(self)
        painter.setClipRegion(event.region().subtracted(QRegion(page_area)))
        painter.fillRect(self.rect(), self.palette().window())
        painter.end()
        if not self.layout().shift.isNull():
            self._paint_edges()
        if self._rest_pending:
            self._rest_pending = False
            QTimer.singleShot(0, self, partial(self._prepare_next, self.views))

    def _paint_edges(self) -> None:
        """Header and tab bar rows in the bars' colour to the window's edges: a strip uncovered
        by the pixel shift continues the bar beside it instead of showing the page colour."""
        painter = QPainter(self)
        bar = QColor(self.ctx.theme.bar)
        painter.fillRect(QRect(0, 0, self.width(), self._header.geometry().bottom() + 1), bar)
        top = self.tabs.geometry().top()
        painter.fillRect(QRect(0, top, self.width(), self.height() - top), bar)
        painter.end()

    def _prepare_next(self, views: LazyViews) -> None:
        if views is not self.views:
            return  # new data replaced that content meanwhile; its own paint starts again
        if self.sliding:  # a page in motion keeps its place; the slide is soon over
            QTimer.singleShot(SLIDE_MS, self, partial(self._prepare_next, views))
            return
        cold = [name for name in views if name in views.cold and name != self._current]
        if cold:
            views.rehearse(cold[0], self.stack.contentsRect())
            # The page's new size invalidated the window's layout (the stack's size hint takes
            # in every page): lay it out now, not at a later turn (a pixel shift would wait).
            self.layout().activate()
            QTimer.singleShot(0, self, partial(self._prepare_next, views))

    def _pages_went_cold(self) -> None:
        """The hidden pages' texts or size changed: they are laid out and painted again when
        they appear, unless they are rehearsed before."""
        self.views.cold.update(name for name in self.views if name != self._current)
        self._prepare_rest_soon()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._pages_went_cold()

    def show_speaking(self, on: bool) -> None:
        self.speaking = on
        self.controls.speech.setChecked(on)

    @property
    def current_view(self) -> str:
        return self._current

    def show_view(self, name: str, direction: int = 0) -> None:
        """Show a view; direction +1/-1 slides it in from the right/left (after a swipe)."""
        index = self.tab_ids.index(name)
        page = self.views[name]  # built on first use
        self._end_slide()
        appears = index != self.stack.currentIndex()
        if appears:
            page.appearing()
        self.views.cold.discard(name)  # laid out and painted for real now
        if direction and self.isVisible() and appears and not self.ctx.reduce_motion:
            self._slide_to(index, direction)
        else:
            self.stack.setCurrentIndex(index)
        self._current = name
        self.tabs.set_current(index)
        if appears and self.isVisible():
            self._animate_charts()
        self.view_changed.emit(name)

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._animate_charts()
        self._prepare_rest_soon()

    def _animate_charts(self) -> None:
        if self.ctx.reduce_motion:
            return
        self.finish_animations()
        self._entering = self.views.charts(self._current)
        for chart in self._entering:
            chart.animate_in()

    def finish_animations(self) -> None:
        """A finger is down: charts jump to their final picture rather than move under it.
        Only the charts that were set moving are visited: this runs on every touch."""
        for chart in self._entering:
            if shiboken6.isValid(chart):
                chart.finish_animation()
        self._entering = []

    def step_view(self, step: int) -> None:
        """The next (+1) or previous (-1) view, wrapping around."""
        index = (self.tab_ids.index(self._current) + step) % len(self.tab_ids)
        self.show_view(self.tab_ids[index], direction=step)

    def _slide_to(self, index: int, direction: int) -> None:
        old, new = self.stack.currentWidget(), self.stack.widget(index)
        group = QParallelAnimationGroup(self)
        width = self.stack.width()
        new.setGeometry(0, 0, width, self.stack.height())
        new.move(direction * width, 0)
        new.show()
        new.raise_()
        for widget, start, end in ((old, QPoint(0, 0), QPoint(-direction * width, 0)),
                                   (new, QPoint(direction * width, 0), QPoint(0, 0))):
            animation = QPropertyAnimation(widget, b"pos")
            animation.setDuration(SLIDE_MS)
            animation.setEasingCurve(QEasingCurve.Type.OutCubic)
            animation.setStartValue(start)
            animation.setEndValue(end)
            group.addAnimation(animation)

        def end() -> None:
            self.stack.setCurrentIndex(index)
            old.move(0, 0)
            new.move(0, 0)

        self._slide, self._slide_end = group, end
        group.finished.connect(self._end_slide)
        group.start()

    def _end_slide(self) -> None:
        """Finish the running slide (if any) at once: pages in place, the group gone."""
        group, end = self._slide, self._slide_end
        self._slide = self._slide_end = None
        if group is None:
            return
        group.finished.disconnect(self._end_slide)
        group.stop()
        end()
        group.deleteLater()

    @property
    def sliding(self) -> bool:
        return self._slide is not None

    def reset_state(self) -> None:
        """Back to the start: the first view, and every widget that keeps state resets itself.

        Any widget with a reset_state() method joins automatically; nothing is listed here.
        """
        self.show_view(self.tab_ids[0])
        for widget in descendants(self, QWidget):
            if not shiboken6.isValid(widget):
                continue  # an earlier reset (text size, contrast) rebuilt the views it was in
            reset = getattr(widget, "reset_state", None)
            if callable(reset):
                reset()

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(localise(self._title))
            self.language_changed.emit(current_language())
            self._pages_went_cold()
        super().changeEvent(event)

    def closeEvent(self, event):  # noqa: N802 (Qt override)
        if self.closable:
            event.accept()
        else:
            log.info("close request ignored (kiosk mode)")
            event.ignore()

    def _on_tab_selected(self, index: int) -> None:
        self.show_view(self.tab_ids[index])


def header_bar(ctx: ViewContext) -> QWidget:
    """The bar above the pages: the zone's name."""
    header = QWidget()
    header.setObjectName("Header")
    header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    header.setFixedHeight(HEADER_HEIGHT)
    row = QHBoxLayout(header)
    row.setContentsMargins(24, 0, 24, 0)
    zone = ctx.dataset.zone
    row.addWidget(FittedName([ctx.text(zone.name), ctx.text(zone.short_name)], "zone"))
    return header


class PageScroller(QScrollArea):
    """A page scrolls vertically, by finger, if it must (its edges then say there is more); it
    never pushes the window off screen."""

    def __init__(self):
        super().__init__()
        self.hints = ScrollHints(self)

    def reset_state(self) -> None:
        self.verticalScrollBar().setValue(0)


class LazyViews(Mapping):
    """The tabs' pages by tab id, each built the first time it is asked for."""

    def __init__(self, ctx: ViewContext, pages: dict[str, QScrollArea]):
        self.ctx = ctx
        self.pages = pages
        self.built: dict[str, TabPage] = {}
        self._charts: dict[str, list[StaticPlot]] = {}
        self.cold: set[str] = set(pages)  # not laid out and painted as they will appear (rehearse)

    def rehearse(self, name: str, rect: QRect) -> None:
        """Build the page if need be, and lay it out and paint it off screen (kiosk.ui.rehearsal)."""
        self[name]  # noqa: B018 (built on first use)
        rehearse(self.pages[name], rect)
        self.cold.discard(name)

    def __getitem__(self, name: str) -> QWidget:
        if name not in self.built:
            self.built[name] = TabPage(self.ctx, self.ctx.dataset.tab(name))
            self.pages[name].setWidget(self.built[name])
            self.built[name].setAutoFillBackground(False)  # setWidget turns it on; the page fills itself
        return self.built[name]

    def charts(self, name: str) -> list[StaticPlot]:
        """The view's charts (fixed once it is built), found once: this runs at every switch."""
        if name not in self._charts:
            self._charts[name] = descendants(self[name], StaticPlot)
        return self._charts[name]

    def __iter__(self):
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


def _scrollable() -> QScrollArea:
    area = PageScroller()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Scrolled by finger. A desktop scroll bar would also take width when it appears, and a page
    # whose texts fit that width differently could make it come and go for ever.
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # The page fills the area and paints its own background: an opaque viewport beneath it
    # would be painted with the whole page in it before the page's own widgets are painted
    # again (TabPage.appearing).
    area.viewport().setAutoFillBackground(False)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area
