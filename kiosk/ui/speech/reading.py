"""What speech mode reads, and in which order: the things on screen as a visitor meets them.

The reading order is the order of the widget tree (header, the current tab's blocks in the
dataset's order, the visitor controls, the tab bar); an open overlay is read alone. Each thing
read is an `Item`: a text in the current language and a place on the window where a tap would
activate it. A figure card is read whole (label, value with unit, year and notes) and its
source line after it; a chart is read as its text alternative, then element by element.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from kiosk.ui import strings
from kiosk.ui.charts import StaticPlot
from kiosk.ui.i18n import Translations, current_language, localise
from kiosk.ui.pictures import Picture
from kiosk.ui.widgets import HEADING_ROLES, FigureCard, SourceLink, TabButton, is_discarded

SKIPPED = "speech-skipped"  # a widget with this property set is never read (the highlight itself)


@dataclass(eq=False)
class Item:
    """One thing speech mode reads: its words, and where on the window it is and is tapped."""

    widget: QWidget
    words: Callable[[], str]  # in the current language
    element: int | None = None  # a chart's bar, slice or point
    pressable: bool = False  # a double tap does something to it

    def text(self) -> str:
        return " ".join(self.words().split())

    def rect(self, window: QWidget) -> QRect:
        """Where it is, in window coordinates."""
        if self.element is not None:
            centre = self.tap_point(window)
            return QRect(centre - QPoint(28, 28), centre + QPoint(28, 28))
        return QRect(self.widget.mapTo(window, QPoint()), self.widget.size())

    def tap_point(self, window: QWidget) -> QPoint:
        """Where a finger would tap it, in window coordinates."""
        if self.element is not None:
            chart = self.widget
            return chart.viewport().mapTo(window, chart.element_point(self.element))
        return self.widget.mapTo(window, self.widget.rect().center())

    def key(self) -> tuple:
        """What it is, beyond this widget: the same control built again (a rebuild for larger
        text) has the same key."""
        return type(self.widget), self.widget.objectName(), _name(self.widget), self.element

    def same_as(self, other: Item | None) -> bool:
        return other is not None and other.widget is self.widget and other.element == self.element


def reading_order(root: QWidget, translations: Translations) -> list[Item]:
    """Everything visible under root that speech mode reads, in reading order."""
    words = Words(translations)
    return list(_items(root, root, words))


class Words:
    """The interface's own words (role names, "1 of 5") in the current language."""

    def __init__(self, translations: Translations):
        self.translations = translations

    def __call__(self, source: str, **values) -> str:
        return self.translations.text(current_language(), source, **values)


def item_at(items: list[Item], window: QWidget, point: QPoint) -> Item | None:
    """The item under a point of the window: the innermost (a source line in a card, a bar in
    a chart), else None."""
    widget = window.childAt(point)
    while widget is not None and widget is not window:
        found = [item for item in items if item.widget is widget]
        if found:
            if isinstance(widget, StaticPlot):
                return _chart_element(found, widget, window, point)
            return found[0]
        widget = widget.parentWidget()
    return None


def _chart_element(found: list[Item], chart: StaticPlot, window: QWidget, point: QPoint) -> Item:
    scene = chart.mapToScene(chart.viewport().mapFrom(window, point))
    hit = chart.element_at(scene)
    if hit is not None:
        for item in found:
            if item.element == hit[0]:
                return item
    return found[0]  # the chart as a whole


def _items(widget: QWidget, root: QWidget, words: Words) -> Iterator[Item]:
    for child in _children(widget):
        if not child.isVisibleTo(root) or is_discarded(child) or child.property(SKIPPED):
            continue
        reader = _reader(child)
        if reader is not None:
            yield from reader(child, words)
        else:
            yield from _items(child, root, words)


def _children(widget: QWidget) -> list[QWidget]:
    """Child widgets in the order they were added; a scroll area's page, not its scroll bars."""
    if isinstance(widget, QScrollArea):
        return [widget.widget()] if widget.widget() is not None else []
    return [c for c in widget.children() if isinstance(c, QWidget) and not c.isWindow()]


def _reader(widget: QWidget) -> Callable[[QWidget, Words], Iterator[Item]] | None:
    for kind, reader in READERS:
        if isinstance(widget, kind):
            return reader
    return None


# ---- what each kind of thing says ---------------------------------------------------------

def _name(widget: QWidget) -> str:
    node = QAccessible.queryAccessibleInterface(widget)
    return node.text(QAccessible.Text.Name) if node is not None else ""


def _description(widget: QWidget) -> str:
    node = QAccessible.queryAccessibleInterface(widget)
    return node.text(QAccessible.Text.Description) if node is not None else ""


def _says_something(text: str) -> bool:
    """A name made only of symbols ("‹", "◐") says nothing aloud."""
    return any(unicodedata.category(c)[0] in "LN" for c in text)


def _joined(*parts: str) -> str:
    """Parts read as sentences, with the full stop of the current language."""
    stop = "。" if _is_chinese() else ". "
    return stop.join(p.strip().rstrip(".。") for p in parts if p and p.strip()) + stop.strip()


def _is_chinese() -> bool:
    return current_language().startswith("zh")


def _read_button(button: QAbstractButton, say: Words) -> Iterator[Item]:
    def words() -> str:
        name = _name(button) or button.text()
        description = _description(button)
        if not _says_something(name):
            name, description = description, ""
        if isinstance(button, TabButton):  # every tab has the same description: said once would do, said each time tires
            role = say(strings.SPEECH_TAB_SELECTED if button.isChecked() else strings.SPEECH_TAB)
            description = ""
        elif button.isCheckable():
            role = say(strings.SPEECH_SWITCH_ON if button.isChecked() else strings.SPEECH_SWITCH_OFF)
        else:
            role = say(strings.SPEECH_BUTTON)
        return _joined(f"{name}, {role}" if not _is_chinese() else f"{name}，{role}", description)

    yield Item(button, words, pressable=True)


def _read_source(link: SourceLink, say: Words) -> Iterator[Item]:
    def words() -> str:
        return _joined(_plain(link.text()), say(strings.SPEECH_LINK))

    yield Item(link, words, pressable=True)


def _read_label(widget: QLabel, say: Words) -> Iterator[Item]:
    if not widget.text().strip() or widget.buddy() is not None:
        return  # a caption is read with what it labels
    captions = [c for c in _children(widget.parentWidget()) if isinstance(c, QLabel) and c.buddy() is widget]

    def words() -> str:
        text = widget.text()
        if captions:
            return _joined(text, *(c.text() for c in captions))
        if widget.property("role") in (*HEADING_ROLES, "headline"):
            return _joined(text, say(strings.SPEECH_HEADING))
        return text

    yield Item(widget, words)


def _read_card(card: FigureCard, say: Words) -> Iterator[Item]:
    """The figure whole (label, value with unit, notes, then source and year), then its source
    line alone, as a link to choose."""
    labels = [w for w in _descendants(card) if isinstance(w, QLabel)]

    def words() -> str:
        return _joined(*(_plain(w.text()) for w in labels if w.isVisibleTo(card)))

    yield Item(card, words)
    for link in labels:
        if isinstance(link, SourceLink) and link.isVisibleTo(card):
            yield from _read_source(link, say)


def _plain(text: str) -> str:
    """What is said of a text: without the symbols that mark it on screen ("ⓘ")."""
    return text.lstrip("ⓘ").strip()


def _read_chart(chart: StaticPlot, say: Words) -> Iterator[Item]:
    yield Item(chart, lambda: _joined(_name(chart), say(strings.SPEECH_CHART), _description(chart)))
    for index in range(chart.element_count()):
        yield Item(chart, _element_words(chart, index, say), element=index, pressable=True)


def _element_words(chart: StaticPlot, index: int, say: Words) -> Callable[[], str]:
    def words() -> str:
        hit = chart.element_at(chart.mapToScene(chart.element_point(index)))
        text = localise(hit[1]) if hit is not None and hit[1] is not None else ""
        count = chart.element_count()
        return _joined(say(strings.SPEECH_ELEMENT, number=index + 1, count=count), *text.splitlines())

    return words


def _read_picture(picture: Picture, say: Words) -> Iterator[Item]:
    yield Item(picture, lambda: _joined(_name(picture), say(strings.SPEECH_PICTURE), _description(picture)))


def _descendants(widget: QWidget) -> list[QWidget]:
    found = []
    for child in _children(widget):
        found.append(child)
        found.extend(_descendants(child))
    return found


# The first kind a widget is an instance of says how it is read (more specific kinds first).
READERS: list[tuple[type, Callable[[QWidget, Words], Iterator[Item]]]] = [
    (FigureCard, _read_card),
    (StaticPlot, _read_chart),
    (Picture, _read_picture),
    (SourceLink, _read_source),
    (QAbstractButton, _read_button),
    (QLabel, _read_label),
]
