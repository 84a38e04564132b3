"""Full-window layers over the views: idle warning, staff PIN pad, notices."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.datastore import DataStatus
from kiosk.pin import PinGuard
from kiosk.ui import strings
from kiosk.ui.accessibility import announce_alert
from kiosk.ui.context import ViewContext
from kiosk.ui.i18n import Tr, localise
from kiosk.ui.widgets import Button, ButtonGrid, Panel, is_portrait, label, vbox

if TYPE_CHECKING:  # the statistics module is loaded when staff first open the panel
    from kiosk.analytics.stats import Summary

# In portrait, three parts of the free height go above the card and one below it.
PORTRAIT_SPACE_ABOVE = 3
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): str(digit) for digit in range(10)}


class Overlay(QWidget):
    """Covers its parent window; hidden until shown. Subclasses put a card in the middle."""

    def __init__(self, parent: QWidget, name: str = "Overlay", with_card: bool = True):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        parent.installEventFilter(self)
        self.hide()
        if with_card:
            self._add_card()

    def _add_card(self) -> None:
        self.card = Panel()
        self.card.setMaximumWidth(1000)
        self.outer = vbox(self, margin=40)
        self.outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.outer.addStretch(1)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if isinstance(event, QResizeEvent) and watched is self.parent():
            self.setGeometry(self.parent().rect())
            self._place_card()
        return False

    def _place_card(self) -> None:
        """Centred in landscape; low on a tall portrait screen, within reach of a seated visitor."""
        if getattr(self, "outer", None) is None:
            return
        above = PORTRAIT_SPACE_ABOVE if is_portrait(self) else 1
        self.outer.setStretch(0, above)

    def reset_state(self) -> None:
        """An idle reset closes every layer (the attract loop opens afterwards)."""
        self.hide()

    def open(self) -> None:
        self.setGeometry(self.parent().rect())
        self._place_card()
        self.show()
        self.raise_()


class TapAnywhere(Overlay):
    """An overlay that takes every touch itself, so nothing underneath is pressed."""

    tapped = Signal()

    def __init__(self, parent: QWidget, name: str = "Overlay", with_card: bool = True):
        super().__init__(parent, name, with_card)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)

    def event(self, event):
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.MouseButtonPress):
            event.accept()
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease):
            event.accept()
            self.tapped.emit()
            return True
        return super().event(event)


class SleepCurtain(TapAnywhere):
    """Black over everything outside opening hours. Where the panel cannot be switched off this
    is the dark screen; where it can, it still takes the touch that wakes it, so nothing under
    the finger is pressed. It draws one black fill, and nothing under it needs painting."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, "Sleep", with_card=False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.end()

    def reset_state(self) -> None:
        """An idle reset does not lift it: only opening hours or a wake do (kiosk.ui.display)."""


class IdleWarning(TapAnywhere):
    """WCAG 2.2.1: warn before the time-out and let one simple action extend it."""

    continued = Signal()

    def __init__(self, parent: QWidget, ctx: ViewContext):
        super().__init__(parent)
        self.ctx = ctx
        self.headline = label(ctx.ui(strings.STILL_THERE), "headline")
        self.card.add(self.headline)
        self.countdown = label("", "heading")
        self.countdown.setObjectName("countdown")
        self.card.add(self.countdown)
        self.hint = label(ctx.ui(strings.TOUCH_ANYWHERE), "muted")
        self.card.add(self.hint)
        self.continue_button = Button(ctx.ui(strings.CONTINUE), "primary", ctx.ui(strings.CONTINUE_DESCRIPTION))
        self.card.add(self.continue_button)
        self.tapped.connect(self.continued)

    def show_seconds(self, seconds: int) -> None:
        self.countdown.set_text(self.ctx.ui(strings.RETURNING, seconds=seconds))

    def message(self) -> str:
        """What it says, as a screen reader reads the alert."""
        return " ".join(part.text() for part in (self.headline, self.countdown, self.hint) if part.text())

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        announce_alert(self, self.message())


class Notice(Overlay):
    """A message with a Close button (e.g. how to set a staff PIN)."""

    def __init__(self, parent: QWidget, ctx: ViewContext, text: str | Tr):
        super().__init__(parent)
        self.message = label(text, "label")
        self.card.add(self.message)
        close = Button(ctx.ui(strings.CLOSE), "primary", ctx.ui(strings.CLOSE_DESCRIPTION))
        close.clicked.connect(self.hide)
        self.card.add(close)


class PinPad(Overlay):
    """A large on-screen keypad; the right PIN opens the staff panel."""

    unlocked = Signal()

    def __init__(self, parent: QWidget, ctx: ViewContext, guard: PinGuard):
        super().__init__(parent)
        self.ctx = ctx
        self.guard = guard
        self.digits = ""
        self.card.add(label(ctx.ui(strings.STAFF_ONLY), "heading"))
        self.display = label("", "value")
        self.display.setObjectName("pin-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.add(self.display)
        self.status = label("", "label")  # a wrong PIN must be noticed: full text colour, not muted
        self.status.setObjectName("pin-status")
        self.card.add(self.status)
        self.card.add(self._keypad())
        self._lock_timer = QTimer(self, interval=1000)
        self._lock_timer.timeout.connect(self._refresh)

    def _keypad(self) -> QWidget:
        host = QWidget()
        grid = QGridLayout(host)
        grid.setSpacing(16)
        self.keys = {}
        ui = self.ctx.ui
        for index, key in enumerate("123456789"):
            self.keys[key] = self._key(key, grid, index // 3, index % 3)
        self.keys["delete"] = self._key(ui(strings.DELETE), grid, 3, 0, self._delete,
                                        description=ui(strings.DELETE_DESCRIPTION))
        self.keys["0"] = self._key("0", grid, 3, 1)
        self.keys["ok"] = self._key(ui(strings.OK), grid, 3, 2, self._submit, "key-primary",
                                    ui(strings.OK_DESCRIPTION))
        cancel = Button(ui(strings.CANCEL), "secondary", ui(strings.CLOSE_DESCRIPTION))
        cancel.clicked.connect(self.hide)
        grid.addWidget(cancel, 4, 0, 1, 3)
        return host

    def _key(self, text, grid, row, column, action=None, role="key", description=None) -> Button:
        key = Button(text, role, description or self.ctx.ui(strings.DIGIT_DESCRIPTION))
        key.clicked.connect(action or (lambda: self._type(text)))
        grid.addWidget(key, row, column)
        return key

    def open(self) -> None:
        self.digits = ""
        self._refresh()
        super().open()

    def press_key(self, key: Qt.Key) -> bool:
        """A key from a staff keyboard: digits (main row or keypad), Backspace, Enter, Escape.
        False for any other key (it does nothing)."""
        digit = _DIGIT_KEYS.get(key)
        if digit is not None and self.keys[digit].isEnabled():
            self._type(digit)
        elif key == Qt.Key.Key_Backspace:
            self._delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.keys["ok"].isEnabled():
            self._submit()
        elif key == Qt.Key.Key_Escape:
            self.hide()
        else:
            return False
        return True

    def _type(self, digit: str) -> None:
        if len(self.digits) < 8:
            self.digits += digit
        self._refresh()

    def _delete(self) -> None:
        self.digits = self.digits[:-1]
        self._refresh()

    def _submit(self) -> None:
        pin, self.digits = self.digits, ""
        if self.guard.check(pin):
            self.hide()
            self.unlocked.emit()
            return
        left = self.guard.max_failures - self.guard.failures
        self.status.set_text(self.ctx.ui(strings.PIN_WRONG_LAST if left == 1 else strings.PIN_WRONG, left=left))
        self._refresh()

    def _refresh(self) -> None:
        locked = self.guard.seconds_locked()
        for key in self.keys.values():
            key.setEnabled(not locked)
        if locked:
            self.status.set_text(self.ctx.ui(strings.PIN_LOCKED, seconds=locked))
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.status.set_text("")
        self.display.set_text("●" * len(self.digits) or " ")


class StaffPanel(Overlay):
    """Behind the PIN: what data the kiosk shows, what was rejected and why, the self-test, a
    restart and the way out."""

    exit_requested = Signal()
    restart_requested = Signal()
    self_test_requested = Signal()
    MAX_PROBLEMS = 8

    def __init__(self, parent: QWidget, ctx: ViewContext, status: Callable[[], DataStatus | None],
                 key_numbers: Callable[[], tuple[Summary, Summary]] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.status = status
        self.key_numbers = key_numbers
        self.card.add(label(ctx.ui(strings.STAFF_TITLE), "headline"))
        self.details = label("", "label")
        self.details.setObjectName("staff-status")
        self.card.add(self.details)
        self.visits = label("", "label")
        self.visits.setObjectName("staff-visits")
        self.card.add(self.visits)
        self.card.add(self._buttons())

    def _buttons(self) -> ButtonGrid:
        """Two by two, so that four buttons fit a portrait screen, the ways out side by side below;
        one column when the text is too large for that."""
        ui = self.ctx.ui
        self.self_test_button = Button(ui(strings.SELF_TEST), "secondary", ui(strings.SELF_TEST_DESCRIPTION))
        self.self_test_button.clicked.connect(self.self_test_requested)
        # Closing is what staff do most; the buttons that take the kiosk down are not the loudest.
        close = Button(ui(strings.CLOSE), "primary", ui(strings.CLOSE_DESCRIPTION))
        close.clicked.connect(self.hide)
        self.restart_button = Button(ui(strings.RESTART), "secondary", ui(strings.RESTART_DESCRIPTION))
        self.restart_button.clicked.connect(self.restart_requested)
        self.exit_button = Button(ui(strings.EXIT), "secondary", ui(strings.EXIT_DESCRIPTION))
        self.exit_button.clicked.connect(self.exit_requested)
        return ButtonGrid([self.self_test_button, close, self.restart_button, self.exit_button])

    def open(self) -> None:
        self._show_status()
        super().open()

    def set_dataset(self, ctx: ViewContext) -> None:
        """New data (or look): the views it names are the new dataset's; open, it says so at once."""
        self.ctx = ctx
        if self.isVisible():
            self._show_status()

    def _show_status(self) -> None:
        self.details.set_text(self._describe(self.status()))
        self.visits.set_text(self._visits())

    def _visits(self) -> Tr:
        """Today's and this week's key numbers from the anonymous analytics."""
        ui = self.ctx.ui
        if self.key_numbers is None:
            return ui(strings.VISITS_OFF)
        try:
            today, week = self.key_numbers()
        except FileNotFoundError:  # a new kiosk: nothing to read, nothing wrong
            return ui(strings.NO_VISITS_YET)
        except Exception as error:  # noqa: BLE001 (the panel must open whatever the file is like)
            return ui(strings.VISITS_UNREADABLE, error=str(error))
        lines = [ui(strings.VISITS_TODAY, summary=self._summary(today)),
                 ui(strings.VISITS_WEEK, summary=self._summary(week))]
        return lambda language: "\n".join(localise(line, language) for line in lines)

    def _summary(self, summary: Summary) -> Tr:
        from kiosk.analytics.stats import language_shares

        ui, ctx = self.ctx.ui, self.ctx
        shown = [use.view for use in summary.views if use.view in ctx.dataset.tab_ids]  # a tab may have gone
        view = ctx.text(ctx.dataset.tab(shown[0]).title) if shown else ui(strings.VISITS_NONE)
        # Each language by its own short name, as on the language button (EN, 中文), with the
        # share `kiosk stats` gives (one definition for both).
        languages = ", ".join(f"{ctx.translations.text(language, strings.LANGUAGE_BUTTON)} {share:g} %"
                              for language, _, share in language_shares(summary))
        return ui(strings.VISITS_SUMMARY, sessions=summary.sessions, length=self._duration(summary.median_session_seconds),
                  view=view, languages=languages or ui(strings.VISITS_NONE), crashes=summary.crashes)

    def _duration(self, seconds: float | None) -> Tr | str:
        if seconds is None:
            return "-"
        minutes, rest = divmod(round(seconds), 60)
        if minutes:
            return self.ctx.ui(strings.MINUTES_SECONDS, minutes=minutes, seconds=rest)
        return self.ctx.ui(strings.SECONDS, seconds=rest)

    def _describe(self, status: DataStatus | None) -> Tr:
        ui = self.ctx.ui
        if status is None:
            return ""
        shown = status.shown
        lines = [ui(strings.DATA_SHOWN, path=str(shown.path), origin=ui(_ORIGINS[shown.origin])),
                 ui(strings.LOADED_AT, time=shown.loaded_at.isoformat(sep=" "))]
        rejected = status.rejected
        if rejected is None:
            lines.append(ui(strings.NOTHING_REJECTED))
        else:
            lines.append(ui(strings.REJECTED, path=str(rejected.path), time=rejected.at.isoformat(sep=" "),
                            count=len(rejected.problems)))
            shown_problems = [str(p) for p in rejected.problems[:self.MAX_PROBLEMS]]
            if len(rejected.problems) > self.MAX_PROBLEMS:
                shown_problems.append(ui(strings.MORE_PROBLEMS, count=len(rejected.problems) - self.MAX_PROBLEMS))
            lines += shown_problems
        return lambda language: "\n".join(localise(line, language) for line in lines)


_ORIGINS = {"operator file": strings.ORIGIN_OPERATOR, "last good copy": strings.ORIGIN_LAST_GOOD,
            "bundled": strings.ORIGIN_BUNDLED}
