"""A tab as the kiosk shows it, drawn by the kiosk's own widgets at the kiosk's resolution and
scaled down into the editor: header, the tab's page (kiosk.ui.tab_page), tab bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QWidget

from kiosk.model.dataset import Dataset
from kiosk.theme import Theme
from kiosk.ui import strings as kiosk_strings
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Translations, set_initial_language
from kiosk.ui.main_window import LanguageButtons, TabBar, VisitorControls, header_bar
from kiosk.ui.pictures import loader
from kiosk.ui.tab_page import TabPage
from kiosk.ui.widgets import discard, vbox

LANDSCAPE = QSize(1920, 1080)
PORTRAIT = QSize(1080, 1920)


class KioskFrame(QWidget):
    """A kiosk-sized window that is never on screen: the preview is grabbed from it. It is a
    window of its own because the kiosk's layouts follow their window's shape (portrait).
    Pictures arrive after the first grab (they are decoded on a worker thread): each arrival
    grabs the frame again."""

    regrabbed = Signal(QPixmap)

    def __init__(self, theme: Theme):
        super().__init__()
        self._regrab = QTimer(self, singleShot=True, interval=0, timeout=self._grab_again)
        loader().loaded.connect(self._regrab.start)
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        # Never the active window: the editor keeps the keyboard while the preview is drawn.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setStyleSheet(theme.stylesheet())  # the kiosk's look here only, not the editor's
        font = self.font()
        font.setFamily(theme.font_family)
        font.setPixelSize(theme.text_px)
        self.setFont(font)
        self.column = vbox(self, margin=0, spacing=0)
        self.parts: dict[str, QWidget] = {}  # header, page, tabs
        self._bars: tuple | None = None  # what the header and tab bar were built for

    def picture(self, ctx: ViewContext, tab_index: int, size: QSize) -> QPixmap:
        """The tab as the kiosk draws it at `size`, in the context's language. The page is built
        again each time; the header and tab bar only when what they show changed."""
        set_initial_language(ctx.default_language)
        bars = (ctx.dataset.zone.name, tuple(tab.title for tab in ctx.dataset.views), ctx.dataset.languages,
                tab_index, ctx.default_language)
        self._place("page", _scrolling(TabPage(ctx, ctx.dataset.views[tab_index])), 1)
        if bars != self._bars:
            self._bars = bars
            self._place("header", header_bar(ctx), 0, first=True)
            tabs = TabBar([ctx.text(tab.title) for tab in ctx.dataset.views],
                          [VisitorControls(ctx), LanguageButtons(ctx)], ctx.ui(kiosk_strings.TAB_DESCRIPTION))
            tabs.set_current(tab_index)
            self._place("tabs", tabs, 0)
        self.resize(size)
        self.show()
        # Two rounds: the first lays out at this size, the second lets rows that follow the
        # window's shape (landscape or portrait) settle.
        for _ in range(2):
            QApplication.sendPostedEvents()
            self.column.activate()
        return self.grab()

    def _place(self, name: str, widget: QWidget, stretch: int, first: bool = False) -> None:
        old = self.parts.get(name)
        if old is not None:
            self.column.replaceWidget(old, widget)
            discard(old)
        else:
            self.column.insertWidget(0 if first else self.column.count(), widget, stretch)
        self.column.setStretchFactor(widget, stretch)
        self.parts[name] = widget

    def _grab_again(self) -> None:
        if self.parts:
            self.regrabbed.emit(self.grab())


def _scrolling(page: QWidget) -> QScrollArea:
    """As in the kiosk: a page taller than the screen scrolls (and the preview shows its top)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area


class PreviewImage(QWidget):
    """The picture, scaled to fit, with a line of text under it when there is something to say."""

    painted = Signal()

    def __init__(self):
        super().__init__()
        self.setMinimumSize(240, 180)
        self.picture: QPixmap | None = None
        self.message = ""
        self._scaled: QPixmap | None = None

    def set_picture(self, picture: QPixmap | None, message: str = "") -> None:
        self.picture, self.message, self._scaled = picture, message, None
        self.update()

    def set_message(self, message: str) -> None:
        if message != self.message:
            self.message, self._scaled = message, None
            self.update()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        text_height = self.fontMetrics().lineSpacing() * 2 if self.message else 0
        room = self.rect().adjusted(0, 0, 0, -text_height)
        if self.picture is not None and not self.picture.isNull():
            if self._scaled is None:
                self._scaled = self.picture.scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation)
            left = room.left() + (room.width() - self._scaled.width()) // 2
            painter.drawPixmap(left, room.top(), self._scaled)
            painter.setPen(self.palette().mid().color())
            painter.drawRect(QRect(left, room.top(), self._scaled.width() - 1, self._scaled.height() - 1))
            text_top = room.top() + self._scaled.height()
        else:
            text_top = room.top()
        if self.message:
            painter.setPen(self.palette().text().color())
            painter.drawText(QRect(0, text_top, self.width(), self.height() - text_top),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.message)
        painter.end()
        self.painted.emit()


def render(frame: KioskFrame, dataset: Dataset, theme: Theme, translations: Translations, language: str,
           tab_id: str | None, portrait: bool, media: Path | None = None) -> QPixmap:
    """The tab (the first if it is gone) as visitors would see it (its pictures from `media`)."""
    ctx = ViewContext(dataset, theme, translations, language, reduce_motion=True, media=media)
    index = dataset.tab_ids.index(tab_id) if tab_id in dataset.tab_ids else 0
    return frame.picture(ctx, index, PORTRAIT if portrait else LANDSCAPE)


class PreviewPane(QWidget):
    """The preview and what it shows: which tab, landscape or portrait, which language."""

    changed = Signal()  # the person picked another tab, orientation or language

    def __init__(self):
        super().__init__()
        self.tab = QComboBox()
        self.orientation = QComboBox()
        self.language = QComboBox()
        self.image = PreviewImage()
        self.tab_label = QLabel()
        self.tab_label.setBuddy(self.tab)
        controls = QHBoxLayout()
        controls.addWidget(self.tab_label)
        controls.addWidget(self.tab, 1)
        controls.addWidget(self.orientation)
        controls.addWidget(self.language)
        column = vbox(self, margin=0, spacing=6)
        column.addLayout(controls)
        column.addWidget(self.image, 1)
        for combo in (self.tab, self.orientation, self.language):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _: self.changed.emit())

    def set_items(self, combo: QComboBox, items: list[tuple[str, object]], current) -> None:
        """Fill a combo with (label, value) and select `current` (else keep the position)."""
        index = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
        found = combo.findData(current)
        combo.setCurrentIndex(found if found >= 0 else min(max(index, 0), combo.count() - 1))
        combo.blockSignals(False)

    @property
    def tab_id(self) -> str | None:
        return self.tab.currentData()

    @property
    def portrait(self) -> bool:
        return bool(self.orientation.currentData())

    @property
    def language_code(self) -> str | None:
        return self.language.currentData()
