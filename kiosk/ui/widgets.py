"""Building blocks shared by the views: labels, figure cards, panels, responsive layouts."""

from __future__ import annotations

import re

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import (QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QScroller, QSizePolicy, QStyle, QVBoxLayout, QWidget)

from kiosk.model.dataset import Figure
from kiosk.ui import strings
from kiosk.ui.context import Provenance, ViewContext
from kiosk.ui.i18n import Tr, localise

SPACING = 20
T = TypeVar("T")
# Qt's raster engine caches glyphs up to 64 device pixels and fills larger ones as outlines at
# every paint (raising the limit, QT_MAX_CACHED_GLYPH_SIZE, made them vanish here).
CACHED_GLYPH_PX = 64


class Label(QLabel):
    """A QLabel that follows the language, and whose minimum is one line.

    Its real height comes from height-for-width: QLabel's own minimum for wrapped text
    assumes a narrow column, which makes every page demand far more height than it needs
    at the kiosk's actual width.
    """

    def __init__(self, text: str | Tr = ""):
        super().__init__()
        self._picture: tuple[tuple, QPixmap] | None = None
        self._large = False
        self.set_text(text)

    def set_text(self, text: str | Tr) -> None:
        self._source = text
        self.setText(localise(text))

    def _follow_font_size(self) -> None:
        """Large text (headlines and figures; every heading at 3840x2160) is drawn once into a
        picture and shown from then on (paint_picture): filling its outlines again at every paint
        was two thirds of painting the Overview at 3840x2160. Only such labels are watched, so
        the others paint without a detour through Python."""
        large = self.font().pixelSize() * self.devicePixelRatioF() > CACHED_GLYPH_PX
        if large != self._large:
            self._large = large
            (self.installEventFilter if large else self.removeEventFilter)(_large_text_painter())
            self._picture = None

    def paint_picture(self) -> bool:
        """Paint the text from its picture; False if QLabel must paint it itself."""
        ratio = self.devicePixelRatioF()
        if self.font().pixelSize() * ratio <= CACHED_GLYPH_PX or not self._plain():
            return False
        area = self.contentsRect()
        key = (area, ratio, self.text(), self.font().key(), self.palette().cacheKey(), self.isEnabled(),
               int(self.alignment()), self.wordWrap(), self.layoutDirection())
        if self._picture is None or self._picture[0] != key:
            self._picture = (key, self._draw_text(area.size(), ratio))
        QPainter(self).drawPixmap(area.topLeft(), self._picture[1])
        return True

    def _plain(self) -> bool:
        """What QLabel draws with one call to the style: plain text without frame, margin or indent."""
        return (self.textFormat() == Qt.TextFormat.PlainText and self.frameWidth() == 0 and self.margin() == 0
                and self.indent() <= 0)

    def _draw_text(self, size: QSize, ratio: float) -> QPixmap:
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setFont(self.font())
        flags = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        if self.wordWrap():
            flags |= Qt.TextFlag.TextWordWrap
        self.style().drawItemText(painter, QRect(QPoint(), size), int(flags), self.palette(), self.isEnabled(),
                                  self.text(), self.foregroundRole())
        painter.end()
        return picture

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.setText(localise(self._source))
        elif kind == QEvent.Type.FontChange:
            self._follow_font_size()
        super().changeEvent(event)

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        if not self.wordWrap():
            return super().minimumSizeHint()
        metrics = self.fontMetrics()
        longest_word = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        return QSize(min(longest_word, 240), metrics.height())


class _LargeTextPainter(QObject):
    """Watches the labels with large text (Label._follow_font_size) and paints them from their pictures."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        return event.type() == QEvent.Type.Paint and watched.paint_picture()


_PAINTER: list[_LargeTextPainter] = []


def _large_text_painter() -> _LargeTextPainter:
    if not _PAINTER:  # one for all labels, made when the first large text appears
        _PAINTER.append(_LargeTextPainter())
    return _PAINTER[0]


def label(text: str | Tr, role: str = "", wrap: bool = True) -> Label:
    """A label styled by its role (see resources/theme/kiosk.qss)."""
    widget = Label(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return widget


class FittedLabel(Label):
    """A label that takes the first of its roles (largest text first) at which its text fits the
    width it is given: on one line, else wrapped with no word cut off, else the last role. A
    figure broken over two lines ("54.321 billion / yuan") reads badly and its taller card
    pushed the Overview's source lines off the screen; a long word ("semiconductors") at 66 px
    overflows a narrow column."""

    def __init__(self, text: str | Tr, roles: tuple[str, ...]):
        self.roles = roles
        super().__init__(text)
        self.setProperty("role", roles[0])
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Its width comes from its card or column, never from its text: a width that followed
        # the size it takes would change the size it takes, back and forth.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override: a language switch changes the width)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """The height at that width in the size it would take there, not in the size it has now
        (a card not shown yet, in a stack, still has the size of its last width)."""
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right()
        if room <= 0:
            return super().heightForWidth(width)
        metrics = QFontMetrics(role_font(self._role_for(room), self))
        lines = metrics.boundingRect(QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), self.text())
        return lines.height() + margins.top() + margins.bottom()

    def _role_for(self, width: int) -> str:
        measures = [(role, self._measure(role_font(role, self), width)) for role in self.roles]
        return next((role for role, (one_line, _) in measures if one_line), None) or next(
            (role for role, (_, words_fit) in measures if words_fit), self.roles[-1])

    def _fit(self) -> None:
        width = self.contentsRect().width()
        if width <= 0:
            return
        role = self._role_for(width)
        if role != self.property("role"):
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)

    def least_width(self) -> int:
        """The width under which a word would be cut even in the smallest of its sizes."""
        return widest_word(self.text(), QFontMetrics(role_font(self.roles[-1], self))) + side_margins(self)

    def _measure(self, font: QFont, width: int) -> tuple[bool, bool]:
        """Whether the text fits on one line in this font, and whether each of its words does."""
        metrics = QFontMetrics(font)
        # Measured as QLabel wraps, which breaks a line that is exactly as wide as the label.
        lines = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), self.text())
        one_line = lines.height() < 1.5 * metrics.lineSpacing()  # (one line may round a pixel taller)
        return one_line and lines.width() < width, lines.width() < width


def widest_word(text: str, metrics: QFontMetrics) -> int:
    """The widest piece a wrapped line cannot break: a word, where Chinese characters are each
    a piece of their own (Chinese wraps between any two) and a number among them is one."""
    pieces = re.findall(r"[\u2e80-\U0002ffff]|[^\s\u2e80-\U0002ffff]+", text)
    return max((metrics.horizontalAdvance(piece) for piece in pieces), default=0) + 1


def side_margins(widget: QWidget) -> int:
    margins = widget.contentsMargins()
    return margins.left() + margins.right()


# A figure's value: the value size, else the heading size, else the label size.
VALUE_ROLES = ("value", "value-compact", "value-small")
# A heading, else the label size in bold, else the text size in bold.
HEADING_ROLES = ("heading", "label-strong", "text-strong")
_ROLE_FONTS: dict[tuple[str, int], QFont] = {}


def role_font(role: str, near: QWidget | None = None, kind: type[QWidget] = QLabel) -> QFont:
    """The font the stylesheets give a `kind` of widget (a label) of this role in `near`'s
    window (each looked up once): the application's, and the window's own (the editor's preview
    styles its kiosk-sized window alone, in an application with a desktop look)."""
    from PySide6.QtWidgets import QApplication

    window = near.window() if near is not None else None
    key = (role, kind.__name__, hash(QApplication.instance().styleSheet()),
           hash(window.styleSheet()) if window is not None else 0)
    if key not in _ROLE_FONTS:
        probe = kind(window)  # hidden: a child takes the window's stylesheet when polished
        probe.setProperty("role", role)
        probe.ensurePolished()
        _ROLE_FONTS[key] = QFont(probe.font())
        probe.setParent(None)
        probe.deleteLater()
    return _ROLE_FONTS[key]


class FittedName(Label):
    """A name on one line that never widens its window: the first of its names (e.g. the zone's
    full and short name) that fits, else the last one cut short with an ellipsis."""

    def __init__(self, names: list[Tr], role: str):
        self.names = names
        super().__init__(names[0])
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._fit()

    def _fit(self) -> None:
        width, metrics = self.contentsRect().width(), self.fontMetrics()
        names = [localise(name) for name in self.names]
        fitting = next((name for name in names if metrics.horizontalAdvance(name) <= width), None)
        text = fitting or metrics.elidedText(names[-1], Qt.TextElideMode.ElideRight, width)
        if text != self.text():
            QLabel.setText(self, text)


class Button(QPushButton):
    """A large push button that follows the language; touch only, so it never takes focus."""

    def __init__(self, text: str | Tr, role: str, description: str | Tr = "", name: str | Tr | None = None):
        super().__init__()
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._name = name  # for assistive technology, when the text alone ("A+") says too little
        self.set_text(text, description)

    def set_text(self, text: str | Tr, description: str | Tr = "") -> None:
        self._source, self._description = text, description
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(localise(self._source))
        self.setAccessibleName(localise(self._name) if self._name is not None else self.text())
        self.setAccessibleDescription(localise(self._description))

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


MIN_TAB_PX = 20


class TabButton(Button):
    """A tab of the tab bar. The tabs share the bar equally (a long title does not squeeze its
    neighbours); a title too wide for its tab is broken into two lines, and one still too wide
    gets smaller text, down to MIN_TAB_PX."""

    PADDING = 2 * 16 + 4  # the tab's padding (kiosk.qss) and border

    def __init__(self, text: str | Tr, description: str | Tr = ""):
        self._tab_px, self._styled_by = 0, None  # the theme's tab size, and the window whose style said so
        super().__init__(text, "tab", description)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

    def _retranslate(self) -> None:
        super()._retranslate()
        self._fit()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() <= 1:
            return
        if self._styled_by is not self.window():  # read again in a new window: its style may differ
            self._styled_by = self.window()
            font = role_font("tab", self, QPushButton)  # the theme's, not this tab's own smaller one
            self._tab_px = font.pixelSize() if font.pixelSize() > 0 else QFontInfo(font).pixelSize()
        title = localise(self._source)
        room = self.width() - self.PADDING
        font = QFont(self.font())
        for px in range(self._tab_px, MIN_TAB_PX - 1, -2):
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
            text = next((t for t in (title, two_lines(title, metrics)) if _widest_line(t, metrics) <= room), None)
            if text is not None:
                break
        else:  # too long for a tab even then: cut short, with an ellipsis
            metrics = QFontMetrics(font)
            px, text = MIN_TAB_PX, "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
                                               for line in two_lines(title, metrics).split("\n"))
        sheet = "" if px == self._tab_px else f"font-size: {px}px;"
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        if text != self.text():
            QPushButton.setText(self, text)
        self.setAccessibleName(title)


def two_lines(text: str, metrics: QFontMetrics) -> str:
    """The text in two lines as even as can be: broken at a space, or anywhere in Chinese (a
    single word of a language with spaces is not broken)."""
    words = text.split(" ")
    joiner = " "
    if len(words) < 2 and any(ord(char) >= 0x2E80 for char in text):
        words, joiner = list(text), ""
    if len(words) < 2:
        return text
    cuts = [(joiner.join(words[:n]), joiner.join(words[n:])) for n in range(1, len(words))]
    first, second = min(cuts, key=lambda cut: max(metrics.horizontalAdvance(part) for part in cut))
    return f"{first}\n{second}"


def _widest_line(text: str, metrics: QFontMetrics) -> int:
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


class SourceLink(Label):
    """A source line that opens the source card when tapped (through its context's signals)."""

    def __init__(self, provenance: Provenance):
        self.provenance = provenance
        self._description = provenance.ctx.ui(strings.SOURCE_DESCRIPTION)
        super().__init__(lambda language: f"ⓘ {provenance(language)}")
        self._pressed = False

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override: keep the accessible text in step)
        super().setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(localise(self._description))

    def mousePressEvent(self, event):  # noqa: N802 (Qt override; touch arrives as synthesized mouse)
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt override)
        if self._pressed and self.rect().contains(event.position().toPoint()):
            self.open_sources()
        self._pressed = False
        event.accept()

    def open_sources(self) -> None:
        """What a tap does (a screen reader's press action does the same)."""
        signals = self.provenance.ctx.signals
        if signals is not None:
            signals.sources_requested.emit(self.provenance.records)


def source_line(provenance: str | Tr) -> Label:
    """The provenance line under a card or chart: tappable when it knows its records."""
    if isinstance(provenance, Provenance):
        widget = SourceLink(provenance)
        widget.setProperty("role", "source-link")
        widget.setWordWrap(True)
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
    else:
        widget = label(provenance, "muted")
    widget.setObjectName("provenance")
    return widget


def descendants(widget: QObject, kind: type[T]) -> list[T]:
    """Every object of `kind` below `widget`, depth first, leaving out what discard() removed.
    Not findChildren(): PySide ties each wrapper findChildren returns to the object it was
    called on, and keeps it after Qt has deleted the widget, so a long-lived window called
    often (idle resets, touches) grows for ever."""
    found = []
    for child in widget.children():
        if child.property(_DISCARDED):
            continue  # replaced, and waiting for the event loop to delete it
        if isinstance(child, kind):
            found.append(child)
        found.extend(descendants(child, kind))
    return found


_DISCARDED = "kiosk-discarded"


def is_discarded(widget: QObject) -> bool:
    """Replaced by discard(), and waiting for the event loop to delete it."""
    return bool(widget.property(_DISCARDED))


def discard(widget: QWidget) -> None:
    """Remove a widget for good. deleteLater waits for the event loop; until then it must not
    be seen (nor overlap its replacement), nor be found by descendants(): an idle reset right
    after a rebuild would otherwise reset the old widgets too (the old language button
    switched back to the old default language)."""
    widget.hide()
    widget.setProperty(_DISCARDED, True)
    widget.deleteLater()


def vbox(widget: QWidget, margin: int = 0, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    return layout


class Panel(QFrame):
    """A white card: optional title, any content, and the provenance line at the bottom."""

    def __init__(self, title: str | Tr | None = None, provenance: str | Tr | None = None):
        super().__init__()
        self.setProperty("role", "card")
        self.body = vbox(self, margin=SPACING, spacing=10)
        self._stretched = False
        if title:
            self.add(FittedLabel(title, HEADING_ROLES))
        self._provenance = provenance

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """Add content; a stretching widget (a chart) takes the panel's spare height."""
        self.body.addWidget(widget, stretch)
        self._stretched = self._stretched or stretch > 0
        return widget

    def finish(self) -> Panel:
        """Add the provenance line last, so it always sits at the bottom."""
        if not self._stretched:
            self.body.addStretch(1)
        # Records without a source to name (no companies at all) have no source line: not an empty "ⓘ".
        if self._provenance and not (isinstance(self._provenance, Provenance) and not self._provenance.records):
            self.add(source_line(self._provenance))
        return self


class FigureCard(Panel):
    """One figure: its label, the value with unit and qualifier, and where it comes from."""

    def __init__(self, ctx: ViewContext, figure: Figure):
        super().__init__(provenance=ctx.provenance([figure]))
        self.figure = figure
        self.setObjectName(f"figure-{figure.id}")
        self.add(label(ctx.text(figure.label), "label"))
        value = FittedLabel(ctx.value(figure), VALUE_ROLES)
        value.setObjectName("value")
        self.add(value)
        for line in _secondary_lines(ctx, figure):
            self.add(label(line, "muted"))
        # A figure's series is a block of its own ("series"), placed where a tab has room: in a
        # card it made full tabs (the Overview at 1920x1080) taller than the screen.
        self.finish()


def _secondary_lines(ctx: ViewContext, figure: Figure) -> list[Tr]:
    lines = []
    if figure.note:
        lines.append(ctx.text(figure.note))
    if figure.secondary:
        other = ctx.dataset.figure(figure.secondary)
        value = ctx.value(other)
        lines.append(ctx.ui(strings.WITH_NOTE, value=value, note=ctx.text(other.note)) if other.note else value)
    return lines


def column(*widgets: tuple[QWidget, int]) -> QWidget:
    """Widgets stacked vertically, each with its stretch factor."""
    host = QWidget()
    layout = vbox(host, spacing=SPACING)
    for widget, stretch in widgets:
        layout.addWidget(widget, stretch)
    return host


THUMBNAIL_WIDTH = 160


class FactTile(QWidget):
    """A sourced statement: a title, the text, and its source line under it."""

    def __init__(self, title: str | Tr, text: str | Tr | None, provenance: str | Tr, name: str,
                 picture: QWidget | None = None, credit: str | Tr | None = None):
        super().__init__()
        self.setObjectName(name)
        texts = QWidget()
        body = vbox(texts, spacing=4)
        body.addWidget(label(title, "label-strong"))
        if text:
            body.addWidget(label(text))
        body.addWidget(source_line(provenance))
        if credit:
            body.addWidget(label(credit, "muted"))
        body.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING // 2)
        if picture is not None:  # beside the statement, as high as it: a picture costs the tile no height
            picture.setFixedWidth(THUMBNAIL_WIDTH)
            row.addWidget(picture)
        row.addWidget(texts, 1)


class CardGrid(QWidget):
    """Cards in as many equal columns as fit; reflows when the width changes."""

    def __init__(self, cards: list[QWidget], min_width: int = 380):
        super().__init__()
        self.cards = cards
        self.min_width = min_width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self._columns = 0
        self._place(len(cards))

    def _place(self, columns: int) -> None:
        columns = max(1, min(columns, len(self.cards)))
        if columns == self._columns:
            return
        self._columns = columns
        in_rows(self.grid, self.cards, columns)
        for column in range(len(self.cards)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        fit = max(1, (event.size().width() + SPACING) // (self.min_width + SPACING))
        # Balanced rows: four cards that fit three across go 2 + 2, not 3 + 1.
        rows = -(-len(self.cards) // fit)
        self._place(-(-len(self.cards) // max(1, rows)))


def in_rows(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    """Lay the widgets out again, left to right in rows of `columns`."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)


class ButtonGrid(QWidget):
    """Buttons side by side in rows of `columns` when their text fits, else one above the other
    (large text on a narrow card); re-judged when the width, the language or the look changes."""

    def __init__(self, buttons: list[QWidget], columns: int = 2):
        super().__init__()
        self.buttons = buttons
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self._placed = 0
        self._place(columns)

    def _place(self, columns: int) -> None:
        if columns == self._placed:
            return
        self._placed = columns
        in_rows(self.grid, self.buttons, columns)

    def _reflow(self) -> None:
        share = (self.width() - self.grid.spacing() * (self.columns - 1)) / self.columns
        fits = all(button.sizeHint().width() <= share for button in self.buttons)
        self._place(self.columns if fits else 1)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._reflow()

    def event(self, event):
        if event.type() == QEvent.Type.LayoutRequest:  # a button's text or font changed
            self._reflow()
        return super().event(event)


class FingerScrolled(QScrollArea):
    """Content that scrolls vertically by finger (kinetic), without scroll bars. It asks for the
    height its content needs at its width, so a card holding it is as tall as the content where
    there is room, and scrolls where there is not."""

    def __init__(self, content: QWidget | None = None):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.viewport().setAutoFillBackground(False)  # the card's colour shows through
        if content is not None:
            self.setWidget(content)

    def setWidget(self, content: QWidget) -> None:  # noqa: N802 (Qt override)
        super().setWidget(content)
        content.setAutoFillBackground(False)  # QScrollArea fills it with the window colour

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height it asks for follows its width

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        content = self.widget()
        if content is None or self.width() <= 0:
            return super().sizeHint()
        height = content.heightForWidth(self.width()) if content.hasHeightForWidth() else -1
        return QSize(super().sizeHint().width(), height if height >= 0 else content.sizeHint().height())


def is_portrait(widget: QWidget) -> bool:
    """Whether the widget's window is taller than wide: layouts follow the window, not the widget."""
    window = widget.window().size()
    return window.height() > window.width()


# Blocks side by side each get at least this many characters of the text size in width;
# narrower, the row stacks them (many blocks in a row, large text).
MIN_COLUMN_EMS = 12


class AdaptiveRow(QWidget):
    """Children side by side in landscape, stacked in portrait (judged by the window), and
    stacked too where side by side the narrowest would have less than MIN_COLUMN_EMS."""

    def __init__(self, widgets: list[tuple[QWidget, int]]):
        super().__init__()
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(SPACING)
        for widget, stretch in widgets:
            self.box.addWidget(widget, stretch)
        self.shares = [max(1, stretch) for _, stretch in widgets]

    def _too_narrow(self, width: int) -> bool:
        from PySide6.QtWidgets import QApplication

        if len(self.shares) < 2:
            return False
        room = width - SPACING * (len(self.shares) - 1)
        return room * min(self.shares) / sum(self.shares) < MIN_COLUMN_EMS * QApplication.font().pixelSize()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        stacked = is_portrait(self) or self._too_narrow(event.size().width())
        direction = QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        if self.box.direction() != direction:
            self.box.setDirection(direction)
