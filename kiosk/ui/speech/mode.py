"""Speech mode: the kiosk read aloud, explored by touch or by a tactile keypad.

Off, it costs nothing but the keypad's key lookup and the three-finger hold. On, it owns every
touch sequence that begins while it is on (nothing is pressed by landing on it): it speaks what
a finger rests on, steps through the reading order (kiosk.ui.speech.reading) with swipes and
keys, and activates what was spoken last with a double tap or the select key, by tapping it
where a finger would. A frame on the screen shows what is being read, for whoever is watching.
The idle reset leaves speech mode and puts the volume back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QInputEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.ui import strings
from kiosk.ui.i18n import Translations, current_language, switch_language
from kiosk.ui.speech.keypad import STARTS, Command, command_for
from kiosk.ui.speech.reading import SKIPPED, Item, Words, item_at, reading_order
from kiosk.ui.speech.touch import SpeechTouch
from kiosk.ui.widgets import TabButton

log = logging.getLogger(__name__)

VOLUME_STEP = 0.1
_POINTER = frozenset({QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                      QEvent.Type.TouchCancel, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.MouseMove, QEvent.Type.MouseButtonDblClick})
_IGNORED_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier


class Highlight(QWidget):
    """A thick frame around what is being read, above everything, never touched."""

    def __init__(self, parent: QWidget, colour: Callable[[], str]):
        super().__init__(parent)
        self.colour = colour  # the theme's, as it is now (a visitor may switch to high contrast)
        self.setProperty(SKIPPED, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("speech-highlight")
        self.hide()

    def frame(self, rect: QRect) -> None:
        self.setGeometry(rect.adjusted(-8, -8, 8, 8).intersected(self.parentWidget().rect()))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.colour()), 6))
        painter.drawRoundedRect(QRect(QPoint(), self.size()).adjusted(3, 3, -3, -3), 10, 10)
        painter.end()


class SpeechMode(QObject):
    """Speech on and off, and what each touch, swipe and key says or does while it is on."""

    started = Signal()
    stopped = Signal()

    def __init__(self, window: QWidget, translations: Translations, make_speaker: Callable[[], object],
                 top_layer: Callable[[], QWidget | None], colour: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.words = Words(translations)
        self.make_speaker = make_speaker
        self.top_layer = top_layer  # the open overlay, read alone; None: the window
        self.speaker = None
        self.active = False
        self.current: Item | None = None
        self._place: tuple[Item | None, str] = (None, "")  # what was read when the finger went down
        self._before_tap: tuple[Item | None, str] = (None, "")  # ... when the last tap's finger did
        self.last_text = ""
        self.highlight = Highlight(window, colour)
        self.touch = SpeechTouch(parent=self)
        self.touch.began.connect(self._remember_place)
        self.touch.explored.connect(self._explore)
        self.touch.tapped.connect(self._tapped)
        self.touch.double_tapped.connect(self._double_tapped)
        self.touch.swiped.connect(self._swiped)
        self.touch.repeated.connect(self._repeated)
        self.touch.paused.connect(self.pause)
        self._owned = False  # the touch sequence under way began in speech mode
        self._tapping = False  # our own tap (activation) is passing through
        self._filtered = None
        window.language_changed.connect(self._language_changed)

    # ---- on and off ---------------------------------------------------------------------------

    def start(self, how: str = "touch") -> None:
        if self.active:
            return
        log.info("speech mode on (%s)", how)
        if self.speaker is None:
            self.speaker = self.make_speaker()
        self.active = True
        self._watch(True)
        self.current = None
        self.say(self.words(strings.SPEECH_HOW_TO_KEYPAD if how == "keypad" else strings.SPEECH_HOW_TO_TOUCH))
        self.started.emit()

    def stop(self, quietly: bool = False) -> None:
        if not self.active:
            return
        log.info("speech mode off")
        self.active = False
        self.current = None
        self.highlight.hide()
        if quietly:
            self.speaker.stop()
        else:
            self.say(self.words(strings.SPEECH_OFF))
        self.stopped.emit()

    def toggle(self, how: str = "touch") -> None:
        if self.active:
            self.stop()
        else:
            self.start(how)

    def reset_state(self) -> None:
        """The visit is over: speech off, without a word, and the volume back to its default."""
        self.stop(quietly=True)
        if self.speaker is not None:
            self.speaker.reset_volume()

    def close(self) -> None:
        self._watch(False)
        if self.speaker is not None:
            self.speaker.close()

    def _watch(self, on: bool) -> None:
        handle = self.window.windowHandle()
        if on and self._filtered is None and handle is not None:
            handle.installEventFilter(self)
            self._filtered = handle
        elif not on and self._filtered is not None:
            self._filtered.removeEventFilter(self)
            self._filtered = None

    # ---- speaking --------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Say it now, in the current language, interrupting whatever was being said."""
        self.last_text = text
        log.debug("say (%s): %s", current_language(), text)
        self.speaker.say(text, current_language())

    def speak(self, item: Item) -> None:
        self.current = item
        self._show(item)
        self.say(item.text())

    def _show(self, item: Item) -> None:
        area = _scroll_area_of(item.widget)
        if area is not None:
            area.ensureWidgetVisible(item.widget, 0, 40)
        self.highlight.frame(item.rect(self.window))

    def items(self) -> list[Item]:
        return reading_order(self.top_layer() or self.window, self.words.translations)

    def repeat(self) -> None:
        if self.last_text:
            self.say(self.last_text)

    def pause(self) -> None:
        if self.speaker.paused:
            self.speaker.resume()
        else:
            self.speaker.pause()

    # ---- moving and choosing -----------------------------------------------------------------

    def _explore(self, position: QPointF) -> None:
        """A finger resting or sliding: what it reaches is spoken once, as it reaches it."""
        item = item_at(self.items(), self.window, position.toPoint())
        if item is not None and not item.same_as(self.current):
            self.speak(item)

    def _tapped(self, position: QPointF) -> None:
        """A tap speaks what is under it, again if it was spoken already."""
        self._before_tap = self._place
        item = item_at(self.items(), self.window, position.toPoint())
        if item is not None:
            self.speak(item)

    def _double_tapped(self) -> None:
        """Chooses what was being read before the double tap's first tap: a double tap anywhere
        chooses it, wherever its first tap landed."""
        self.current, self.last_text = self._before_tap
        self.activate()

    def _remember_place(self) -> None:
        self._place = (self.current, self.last_text)

    def _swiped(self, direction: int) -> None:
        self.current = self._place[0]
        self.step(direction)

    def _repeated(self) -> None:
        self.current, self.last_text = self._place
        self.repeat()

    def step(self, direction: int) -> None:
        """The next (+1) or previous (-1) item in reading order; at either end it says so."""
        items = self.items()
        if not items:
            return
        index = next((i for i, item in enumerate(items) if item.same_as(self.current)), None) \
            if self.current is not None and _alive(self.current.widget) else None
        if index is None:
            target = 0 if direction > 0 else len(items) - 1
        else:
            target = index + direction
        if not 0 <= target < len(items):
            self.say(self.words(strings.SPEECH_END if direction > 0 else strings.SPEECH_START))
            return
        self.speak(items[target])

    def activate(self) -> None:
        """Choose what was spoken last, as a tap on it would; then say what it changed."""
        item = self.current
        if item is None or not item.pressable or not _alive(item.widget) or not item.widget.isVisible():
            self.say(self.words(strings.SPEECH_NOTHING))
            return
        layer, key = self.top_layer(), item.key()
        self._tap(item.tap_point(self.window))
        QTimer.singleShot(0, self, lambda: self._after_activation(item, layer, key))

    def _after_activation(self, item: Item, layer, key: tuple) -> None:
        """Say what the choice changed: a panel that opened or closed is read from its start;
        else the item again, in its new state ("tab, selected", "switch, on"), or, where the
        choice rebuilt the screen (larger text), whatever now stands in its place."""
        if not self.active:
            return
        items = self.items()
        if not items:
            return
        if self.top_layer() is not layer:
            self.speak(items[0])
            return
        same = next((i for i in items if i.same_as(item)), None) or next((i for i in items if i.key() == key), None)
        if same is not None:
            self.speak(same)

    def back(self) -> None:
        """Close the open panel (its first button that closes it), else go to the current tab."""
        items = self.items()
        if self.top_layer() is not None:
            closing = [i for i in items if i.pressable]
            if closing:
                self.current = closing[-1]
                self.activate()
            return
        selected = [i for i in items if isinstance(i.widget, TabButton) and i.widget.isChecked()]
        if selected:
            self.speak(selected[0])

    def read_alert(self, overlay: QWidget) -> None:
        """An alert (the idle warning) is read whole at once; its last button is then chosen by
        a double tap or the select key."""
        if not self.active:
            return
        items = reading_order(overlay, self.words.translations)
        if not items:
            return
        self.current = next((i for i in reversed(items) if i.pressable), items[-1])
        self._show(self.current)
        self.say(" ".join(i.text() for i in items))

    # ---- keys ----------------------------------------------------------------------------------

    def key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
        """A key from a keyboard or tactile keypad; True if speech mode used it."""
        if modifiers & _IGNORED_MODIFIERS:
            return False
        command = command_for(key)
        if command is None or not self.active and command not in STARTS:
            return False
        if not self.active:
            self.start("keypad")
            return True
        self.run(command)
        return True

    def run(self, command: Command) -> None:
        actions = {
            Command.NEXT: lambda: self.step(1),
            Command.PREVIOUS: lambda: self.step(-1),
            Command.SELECT: self.activate,
            Command.BACK: self.back,
            Command.REPEAT: self.repeat,
            Command.HELP: lambda: self.say(self.words(strings.SPEECH_HOW_TO_KEYPAD)),
            Command.LOUDER: lambda: self._volume(VOLUME_STEP),
            Command.SOFTER: lambda: self._volume(-VOLUME_STEP),
            Command.LANGUAGE: self._next_language,
            Command.PAUSE: self.pause,
            Command.SPEECH: self.stop,
        }
        actions[command]()

    def _volume(self, step: float) -> None:
        self.speaker.set_volume(self.speaker.volume + step)
        self.say(self.words(strings.SPEECH_VOLUME, percent=round(self.speaker.volume * 100)))

    def _next_language(self) -> None:
        languages = list(self.window.ctx.dataset.languages)
        language = current_language()
        switch_language(languages[(languages.index(language) + 1) % len(languages)] if language in languages
                        else languages[0])

    def _language_changed(self, language: str) -> None:
        if self.active:
            self.say(self.words(strings.SPEECH_LANGUAGE))

    # ---- touch ---------------------------------------------------------------------------------

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if not isinstance(event, QInputEvent) or event.type() not in _POINTER or self._tapping:
            return False
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            self._owned = self.active
        if not self._owned:
            return False
        self.touch.handle(event)
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease):
            self._owned = False
            if not self.active:
                self._watch(False)
        event.accept()
        return True

    def _tap(self, point: QPoint) -> None:
        """A tap at a point of the window, delivered where a platform delivers one."""
        handle = self.window.windowHandle()
        local, screen = QPointF(point), QPointF(self.window.mapToGlobal(point))
        self._tapping = True
        try:
            for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                                  (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
                event = QMouseEvent(kind, local, local, screen, Qt.MouseButton.LeftButton, buttons,
                                    Qt.KeyboardModifier.NoModifier)
                QCoreApplication.sendEvent(handle, event)
        finally:
            self._tapping = False


def _alive(widget: QWidget) -> bool:
    """Not deleted by a rebuild (new data, a larger text size) since it was read."""
    return shiboken6.isValid(widget)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
