"""The kiosk window: zone name on top, the current view, large tabs at the bottom."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QScrollArea, QStackedWidget, QWidget

from kiosk.ui.context import ViewContext
from kiosk.ui.views import VIEW_CLASSES, VIEW_NAMES
from kiosk.ui.widgets import label, vbox

TAB_HEIGHT = 96
HEADER_HEIGHT = 56


class TabBar(QWidget):
    """Large labelled tabs along the bottom edge, within reach of children and wheelchair users."""

    tab_selected = Signal(int)

    def __init__(self, titles: list[str]):
        super().__init__()
        self.setObjectName("TabBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFixedHeight(TAB_HEIGHT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.buttons = []
        for index, title in enumerate(titles):
            button = QPushButton(title)
            button.setProperty("role", "tab")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Expanding)
            button.setAccessibleName(title)
            self.group.addButton(button, index)
            layout.addWidget(button)
            self.buttons.append(button)
        self.group.idClicked.connect(self.tab_selected)

    def set_current(self, index: int) -> None:
        self.buttons[index].setChecked(True)


class MainWindow(QWidget):
    view_changed = Signal(str)

    def __init__(self, ctx: ViewContext):
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle(ctx.text(ctx.dataset.zone.name))
        layout = vbox(self, spacing=0)
        layout.addWidget(self._header(ctx))
        self.stack = QStackedWidget()
        self.views = {name: VIEW_CLASSES[name](ctx) for name in VIEW_NAMES}
        for view in self.views.values():
            self.stack.addWidget(_scrollable(view))
        layout.addWidget(self.stack, 1)
        self.tabs = TabBar([view.title for view in self.views.values()])
        self.tabs.tab_selected.connect(self._on_tab_selected)
        layout.addWidget(self.tabs)
        self.show_view(VIEW_NAMES[0])

    def _header(self, ctx: ViewContext) -> QWidget:
        header = QWidget()
        header.setObjectName("Header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        header.setFixedHeight(HEADER_HEIGHT)
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 0, 24, 0)
        row.addWidget(label(ctx.text(ctx.dataset.zone.name), "zone", wrap=False))
        return header

    @property
    def current_view(self) -> str:
        return VIEW_NAMES[self.stack.currentIndex()]

    def show_view(self, name: str) -> None:
        index = VIEW_NAMES.index(name)
        self.stack.setCurrentIndex(index)
        self.tabs.set_current(index)
        self.view_changed.emit(name)

    def _on_tab_selected(self, index: int) -> None:
        self.show_view(VIEW_NAMES[index])


def _scrollable(page: QWidget) -> QScrollArea:
    """A page scrolls vertically if it must, so its content never pushes the window off screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
