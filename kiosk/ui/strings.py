"""The application's own interface text, in English (content text comes from the dataset).

Each string is marked with QT_TRANSLATE_NOOP so pyside6-lupdate extracts it into
resources/i18n/kiosk_<language>.ts. Use them through ViewContext.ui() or Translations.tr();
{placeholders} are filled in after translation, so translators may move them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# This language's own short name, shown on the button that switches to it.
LANGUAGE_BUTTON = QT_TRANSLATE_NOOP("Kiosk", "EN")
CHANGE_LANGUAGE = QT_TRANSLATE_NOOP("Kiosk", "Show the kiosk in this language")

LARGER_TEXT = QT_TRANSLATE_NOOP("Kiosk", "Text size")
LARGER_TEXT_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Makes the text larger, up to one and a half times, then normal again")
CONTRAST = QT_TRANSLATE_NOOP("Kiosk", "High contrast")
CONTRAST_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Switches between white-on-black and normal colours")
TAB_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Shows this part of the kiosk")
SOURCE_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Shows where these figures come from, with a QR code")
CONTINUE_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Stays on this page")
CLOSE_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Closes this panel")
EXIT_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Closes the kiosk program")
DIGIT_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Types this digit of the PIN")
DELETE_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Removes the last digit")
OK_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Checks the PIN")
CHART_ROW = QT_TRANSLATE_NOOP("Kiosk", "{label}: {value}")

SOURCE_LINE = QT_TRANSLATE_NOOP("Kiosk", "Source: {outlet}, {date}")
DATA_FOR = QT_TRANSLATE_NOOP("Kiosk", "Data for {year}")
NO_COMPANIES = QT_TRANSLATE_NOOP("Kiosk", "The sources name no leading company for this cluster.")
LOG_SCALE = QT_TRANSLATE_NOOP("Kiosk", "Bar lengths on a logarithmic scale")
WITH_NOTE = QT_TRANSLATE_NOOP("Kiosk", "{value} ({note})")
LABEL_VALUE = QT_TRANSLATE_NOOP("Kiosk", "{label}: {value}")
PICTURE_CREDIT = QT_TRANSLATE_NOOP("Kiosk", "Picture: {credit} · {licence}")
PICTURE_APPROVAL = QT_TRANSLATE_NOOP("Kiosk", "Approval number: {number}")
GALLERY_PREVIOUS = QT_TRANSLATE_NOOP("Kiosk", "Shows the previous picture")
GALLERY_NEXT = QT_TRANSLATE_NOOP("Kiosk", "Shows the next picture")
GALLERY_POSITION = QT_TRANSLATE_NOOP("Kiosk", "Picture {number} of {count}")

SOURCE_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Where these figures come from")
AS_STATED = QT_TRANSLATE_NOOP("Kiosk", "As stated in the source:")

STILL_THERE = QT_TRANSLATE_NOOP("Kiosk", "Are you still there?")
RETURNING = QT_TRANSLATE_NOOP("Kiosk", "Returning to the start in {seconds} s")
CONTINUE = QT_TRANSLATE_NOOP("Kiosk", "Continue")
TOUCH_ANYWHERE = QT_TRANSLATE_NOOP("Kiosk", "Touch anywhere to keep exploring")
TOUCH_TO_EXPLORE = QT_TRANSLATE_NOOP("Kiosk", "Touch to explore")

STAFF_ONLY = QT_TRANSLATE_NOOP("Kiosk", "Staff only: enter the PIN")
PIN_WRONG = QT_TRANSLATE_NOOP("Kiosk", "Wrong PIN ({left} tries left)")
PIN_WRONG_LAST = QT_TRANSLATE_NOOP("Kiosk", "Wrong PIN ({left} try left)")  # English singular: left is 1
PIN_LOCKED = QT_TRANSLATE_NOOP("Kiosk", "Too many wrong PINs: locked for {seconds} s")
EXIT = QT_TRANSLATE_NOOP("Kiosk", "Exit kiosk")
STAFF_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Staff")
DATA_SHOWN = QT_TRANSLATE_NOOP("Kiosk", "Data shown: {path} ({origin})")
LOADED_AT = QT_TRANSLATE_NOOP("Kiosk", "Loaded at {time}")
NOTHING_REJECTED = QT_TRANSLATE_NOOP("Kiosk", "No data file has been rejected.")
REJECTED = QT_TRANSLATE_NOOP("Kiosk", "Rejected: {path} at {time}, {count} problem(s):")
MORE_PROBLEMS = QT_TRANSLATE_NOOP("Kiosk", "… and {count} more (run: kiosk validate FILE)")
ORIGIN_OPERATOR = QT_TRANSLATE_NOOP("Kiosk", "the operator's file")
ORIGIN_LAST_GOOD = QT_TRANSLATE_NOOP("Kiosk", "last good copy of the operator's file")
ORIGIN_BUNDLED = QT_TRANSLATE_NOOP("Kiosk", "bundled with the kiosk")
VISITS_TODAY = QT_TRANSLATE_NOOP("Kiosk", "Today: {summary}")
VISITS_WEEK = QT_TRANSLATE_NOOP("Kiosk", "Last 7 days: {summary}")
VISITS_SUMMARY = QT_TRANSLATE_NOOP(
    "Kiosk", "visits {sessions}, median length {length}; most viewed: {view}; languages: {languages}; "
    "crashes {crashes}")
VISITS_NONE = QT_TRANSLATE_NOOP("Kiosk", "none")
MINUTES_SECONDS = QT_TRANSLATE_NOOP("Kiosk", "{minutes} min {seconds} s")
SECONDS = QT_TRANSLATE_NOOP("Kiosk", "{seconds} s")
VISITS_OFF = QT_TRANSLATE_NOOP("Kiosk", "Visitor analytics are off (analytics = false in the configuration).")
VISITS_UNREADABLE = QT_TRANSLATE_NOOP("Kiosk", "Visitor analytics cannot be read: {error}")
NO_VISITS_YET = QT_TRANSLATE_NOOP("Kiosk", "No visits recorded yet.")
RESTART = QT_TRANSLATE_NOOP("Kiosk", "Restart kiosk")
RESTART_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Closes the kiosk program and starts it again")
SELF_TEST = QT_TRANSLATE_NOOP("Kiosk", "Self-test")
SELF_TEST_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Shows the display's details and checks the kiosk PC")
DISPLAY_HEADING = QT_TRANSLATE_NOOP("Kiosk", "Display")
DISPLAY_NAME = QT_TRANSLATE_NOOP("Kiosk", "Screen: {name}")
DISPLAY_SIZE = QT_TRANSLATE_NOOP("Kiosk", "Size: {width} x {height} pixels ({device_width} x {device_height} device pixels)")
DISPLAY_DPI = QT_TRANSLATE_NOOP("Kiosk", "Logical DPI: {dpi}")
DISPLAY_PHYSICAL = QT_TRANSLATE_NOOP("Kiosk", "Physical size: {width} x {height} mm")
DISPLAY_RATIO = QT_TRANSLATE_NOOP("Kiosk", "Device pixel ratio: {ratio}")
DISPLAY_ORIENTATION = QT_TRANSLATE_NOOP("Kiosk", "Orientation: {orientation}")
DISPLAY_REFRESH = QT_TRANSLATE_NOOP("Kiosk", "Refresh rate: {hz} Hz")
DISPLAY_PLATFORM = QT_TRANSLATE_NOOP("Kiosk", "Platform plugin: {platform}")
CHECKS_HEADING = QT_TRANSLATE_NOOP("Kiosk", "Checks")
CHECKING = QT_TRANSLATE_NOOP("Kiosk", "Checking…")
CHECKS_SUMMARY = QT_TRANSLATE_NOOP("Kiosk", "{problems} problem(s), {warnings} warning(s)")
CHECKS_FINE = QT_TRANSLATE_NOOP("Kiosk", "Everything checked is fine.")
STATUS_OK = QT_TRANSLATE_NOOP("Kiosk", "Passed")
STATUS_WARNING = QT_TRANSLATE_NOOP("Kiosk", "Warning")
STATUS_PROBLEM = QT_TRANSLATE_NOOP("Kiosk", "Problem")
FINDING_TITLE = QT_TRANSLATE_NOOP("Kiosk", "{status}: {check}")
FINDING_FIX = QT_TRANSLATE_NOOP("Kiosk", "Fix: {fix}")
CHECK_AGAIN = QT_TRANSLATE_NOOP("Kiosk", "Check again")
CHECK_AGAIN_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Runs the checks again")
BACK = QT_TRANSLATE_NOOP("Kiosk", "Back")
BACK_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Returns to the staff panel")
TOUCH_TEST = QT_TRANSLATE_NOOP("Kiosk", "Touch test")
TOUCH_TEST_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Draws every finger where it touches the screen")
TOUCH_TEST_HINT = QT_TRANSLATE_NOOP(
    "Kiosk", "Touch with one or more fingers: each is drawn where it touches. The circles should sit under "
    "your fingers, at the corners too.")
TOUCH_TEST_STATUS = QT_TRANSLATE_NOOP("Kiosk", "{fingers} finger(s) down · screen {width} x {height} pixels")
DONE = QT_TRANSLATE_NOOP("Kiosk", "Done")
DONE_DESCRIPTION = QT_TRANSLATE_NOOP("Kiosk", "Leaves the touch test")
CANCEL = QT_TRANSLATE_NOOP("Kiosk", "Cancel")
DELETE = QT_TRANSLATE_NOOP("Kiosk", "Delete")
OK = QT_TRANSLATE_NOOP("Kiosk", "OK")
CLOSE = QT_TRANSLATE_NOOP("Kiosk", "Close")
# Seen by anyone who taps the staff corner: no command, no file name (the log has those).
NO_PIN = QT_TRANSLATE_NOOP("Kiosk", "Staff access has not been set up on this kiosk yet.")

# Speech mode (kiosk.ui.speech): what it says besides the screen's own texts.
SPEECH = QT_TRANSLATE_NOOP("Kiosk", "Speech")
SPEECH_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Kiosk", "Reads the screen aloud. You can also hold three fingers on the screen for two seconds")
SPEECH_HOW_TO_TOUCH = QT_TRANSLATE_NOOP(
    "Kiosk", "Speech is on. Touch the screen to hear what is under your finger. Double-tap to choose what you "
    "heard last. Swipe right or left with one finger for the next or previous item. Swipe up or down to hear it "
    "again. Tap with two fingers to pause or go on. Hold three fingers on the screen for two seconds to turn "
    "speech off.")
SPEECH_HOW_TO_KEYPAD = QT_TRANSLATE_NOOP(
    "Kiosk", "Speech is on. Right and left arrows: next and previous item. Enter: choose it. Escape: back. "
    "R: repeat. H: this help. Plus and minus: louder and softer. L: change language. P: pause. S: speech off.")
SPEECH_OFF = QT_TRANSLATE_NOOP("Kiosk", "Speech off.")
SPEECH_LANGUAGE = QT_TRANSLATE_NOOP("Kiosk", "Speech in English.")
SPEECH_VOLUME = QT_TRANSLATE_NOOP("Kiosk", "Volume {percent} percent.")
SPEECH_END = QT_TRANSLATE_NOOP("Kiosk", "End of the page.")
SPEECH_START = QT_TRANSLATE_NOOP("Kiosk", "Start of the page.")
SPEECH_NOTHING = QT_TRANSLATE_NOOP("Kiosk", "Nothing to choose here.")
SPEECH_TAB = QT_TRANSLATE_NOOP("Kiosk", "tab")
SPEECH_TAB_SELECTED = QT_TRANSLATE_NOOP("Kiosk", "tab, selected")
SPEECH_BUTTON = QT_TRANSLATE_NOOP("Kiosk", "button")
SPEECH_SWITCH_ON = QT_TRANSLATE_NOOP("Kiosk", "switch, on")
SPEECH_SWITCH_OFF = QT_TRANSLATE_NOOP("Kiosk", "switch, off")
SPEECH_LINK = QT_TRANSLATE_NOOP("Kiosk", "link")
SPEECH_HEADING = QT_TRANSLATE_NOOP("Kiosk", "heading")
SPEECH_CHART = QT_TRANSLATE_NOOP("Kiosk", "chart")
SPEECH_PICTURE = QT_TRANSLATE_NOOP("Kiosk", "picture")
SPEECH_ELEMENT = QT_TRANSLATE_NOOP("Kiosk", "{number} of {count}")


def interface_strings() -> list[str]:
    """Every interface string above, the doctor's findings (shown in the staff panel's
    self-test) and the content editor's, for checks that must cover them all."""
    from kiosk.doctor import messages
    from kiosk.editor.strings import editor_strings

    own = [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    others = [*messages.templates(), *editor_strings()]
    return own + [text for text in dict.fromkeys(others) if text not in own]
