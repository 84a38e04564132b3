"""What each of the kiosk's own controls is to a screen reader: its role, states and action.

Qt guesses a role from the widget class, and guesses wrong for the kiosk's controls: a tab of
the tab bar is a checkable push button, so it reads as a check box; a source line is a label
that opens the source card when tapped, so it reads as plain text; the idle warning and a
picture are plain widgets. One registry says what each is, and an accessibility factory
(QAccessible.installFactory) hands Qt an interface built from it. Names and descriptions stay
the widgets' own (setAccessibleName/Description).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget

PRESS = QAccessibleWidget.pressAction()


@dataclass(frozen=True)
class Exposure:
    """How a kind of widget shows itself to assistive technology."""

    role: QAccessible.Role
    # A page tab: selected while its button is checked (never "checked": it is no check box).
    selectable: bool = False
    # What the press action does (a tap's effect); None: the widget's default actions.
    press: Callable[[QWidget], None] | None = None
    # The accessible name when the widget has none of its own.
    name: Callable[[QWidget], str] | None = None


def registry() -> dict[type, Exposure]:
    """Widget class -> how it is exposed; a subclass is exposed as its nearest listed class.
    Imported here, not at the top: the views import this module (IdleWarning announces itself)."""
    from kiosk.ui.main_window import TabRow
    from kiosk.ui.overlays import IdleWarning
    from kiosk.ui.pictures import Picture
    from kiosk.ui.widgets import SourceLink, TabButton

    return {
        TabRow: Exposure(QAccessible.Role.PageTabList),
        TabButton: Exposure(QAccessible.Role.PageTab, selectable=True, press=QAbstractButton.click),
        SourceLink: Exposure(QAccessible.Role.Link, press=SourceLink.open_sources),
        IdleWarning: Exposure(QAccessible.Role.AlertMessage, name=IdleWarning.message),
        Picture: Exposure(QAccessible.Role.Graphic),
    }


class ExposedWidget(QAccessibleWidget):
    """Qt's own widget interface (geometry, parent and children, name, description, visibility)
    with the role, states and action the registry gives."""

    def __init__(self, widget: QWidget, exposure: Exposure):
        super().__init__(widget, exposure.role)
        self.exposure = exposure
        if exposure.selectable:
            # Qt sends "checked" when a button's check changes; a page tab tells its selection.
            widget.toggled.connect(partial(_selection_changed, widget))

    def text(self, kind: QAccessible.Text) -> str:
        text = super().text(kind)
        if kind == QAccessible.Text.Name and not text and self.exposure.name is not None:
            return self.exposure.name(self.widget())
        return text

    def state(self) -> QAccessible.State:
        state = super().state()
        if self.exposure.selectable:
            state.selectable = True
            state.selected = self.widget().isChecked()
            state.checkable = state.checked = False
        return state

    def actionNames(self) -> list[str]:  # noqa: N802 (Qt override)
        names = super().actionNames()
        return [PRESS, *names] if self.exposure.press is not None else names

    def doAction(self, name: str) -> None:  # noqa: N802 (Qt override)
        if name == PRESS and self.exposure.press is not None:
            self.exposure.press(self.widget())
        else:
            super().doAction(name)


def _selection_changed(widget: QWidget, selected: bool) -> None:
    kind = QAccessible.Event.SelectionAdd if selected else QAccessible.Event.SelectionRemove
    QAccessible.updateAccessibility(QAccessibleEvent(widget, kind))


def announce_alert(widget: QWidget, message: str) -> None:
    """Tell assistive technology that an alert appeared: the Alert event (Windows and macOS
    announce it; Qt's AT-SPI bridge passes it over), and an assertive announcement of its
    message (AT-SPI's Announcement signal). Nothing is sent while no client listens."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
    announcement = QAccessibleAnnouncementEvent(widget, message)
    announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(announcement)


_installed: list[bool] = []


def install() -> None:
    """Hand Qt the registry's interfaces (once per process; the application may be created again)."""
    if not _installed:
        _installed.append(True)
        QAccessible.installFactory(_factory)


@cache
def _exposures() -> dict[type, Exposure]:
    return registry()


def _factory(_class_name: str, obj) -> QAccessibleWidget | None:
    # Qt asks once per object and class of its hierarchy, and keeps the first answer. The registry
    # is read at the first question, not at install: tools that create the application without
    # showing the views (the statistics report) do not load them.
    exposures = _exposures()
    for kind in type(obj).__mro__:
        exposure = exposures.get(kind)
        if exposure is not None:
            return ExposedWidget(obj, exposure)
    return None
