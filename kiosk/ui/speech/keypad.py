"""The keys of a tactile keypad and what they do in speech mode.

Tactile keypads for kiosks (EZ Access style, the museum "universal keypad") present themselves
as a USB keyboard and send ordinary keys; most can be set to send any key. This table is the
one list of them: speech mode reads it, and the README's keypad table is checked against it.
When speech mode is off, the keys a visitor reaches for first (arrows, select, help, repeat,
speech) start it; back, language, volume and pause do nothing until it is on (Escape stays a
key that does nothing in kiosk mode).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt

K = Qt.Key


class Command(Enum):
    NEXT = "next item"
    PREVIOUS = "previous item"
    SELECT = "choose (activate) the item"
    BACK = "back: close the open panel, else go to the tabs"
    REPEAT = "say it again"
    HELP = "how speech mode works"
    LOUDER = "volume up"
    SOFTER = "volume down"
    LANGUAGE = "next language"
    PAUSE = "pause or go on"
    SPEECH = "speech mode on or off"


KEYS: dict[Command, tuple[Qt.Key, ...]] = {
    Command.NEXT: (K.Key_Right, K.Key_Down, K.Key_Tab),
    Command.PREVIOUS: (K.Key_Left, K.Key_Up, K.Key_Backtab),
    Command.SELECT: (K.Key_Return, K.Key_Enter, K.Key_Space, K.Key_Select),
    Command.BACK: (K.Key_Escape, K.Key_Backspace, K.Key_Back),
    Command.REPEAT: (K.Key_R, K.Key_F5),
    Command.HELP: (K.Key_H, K.Key_F1, K.Key_Help),
    Command.LOUDER: (K.Key_Plus, K.Key_Equal, K.Key_VolumeUp),
    Command.SOFTER: (K.Key_Minus, K.Key_VolumeDown),
    Command.LANGUAGE: (K.Key_L, K.Key_F2),
    Command.PAUSE: (K.Key_P, K.Key_Pause, K.Key_MediaTogglePlayPause, K.Key_MediaPause),
    Command.SPEECH: (K.Key_S, K.Key_F12),
}

_BY_KEY = {key: command for command, keys in KEYS.items() for key in keys}


def command_for(key: Qt.Key) -> Command | None:
    return _BY_KEY.get(key)


STARTS = frozenset({Command.NEXT, Command.PREVIOUS, Command.SELECT, Command.HELP, Command.REPEAT, Command.SPEECH})
