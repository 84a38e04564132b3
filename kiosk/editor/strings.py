"""The content editor's own interface text, in English, translated like the kiosk's own
(kiosk.ui.strings: QT_TRANSLATE_NOOP, resources/i18n/kiosk_<language>.ts).

WORDS names the model's fields, collections, block kinds and choices for people; a name the
model gains later and WORDS lacks is shown as itself, made readable ("new_row" -> "New row").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("Kiosk", "Kiosk content editor")
WINDOW_TITLE = QT_TRANSLATE_NOOP("Kiosk", "{file} – Kiosk content editor")

MENU_FILE = QT_TRANSLATE_NOOP("Kiosk", "&File")
MENU_EDIT = QT_TRANSLATE_NOOP("Kiosk", "&Edit")
MENU_VIEW = QT_TRANSLATE_NOOP("Kiosk", "&View")
OPEN = QT_TRANSLATE_NOOP("Kiosk", "&Open…")
SAVE = QT_TRANSLATE_NOOP("Kiosk", "&Save")
SAVE_AS = QT_TRANSLATE_NOOP("Kiosk", "Save &As…")
HISTORY = QT_TRANSLATE_NOOP("Kiosk", "&History…")
QUIT = QT_TRANSLATE_NOOP("Kiosk", "&Quit")
UNDO = QT_TRANSLATE_NOOP("Kiosk", "&Undo")
REDO = QT_TRANSLATE_NOOP("Kiosk", "&Redo")
UNDO_WHAT = QT_TRANSLATE_NOOP("Kiosk", "&Undo: {what}")
REDO_WHAT = QT_TRANSLATE_NOOP("Kiosk", "&Redo: {what}")
ADD = QT_TRANSLATE_NOOP("Kiosk", "&Add")
ADD_WHAT = QT_TRANSLATE_NOOP("Kiosk", "Add: {what}")
ADD_PICTURES = QT_TRANSLATE_NOOP("Kiosk", "Add &pictures…")
PICTURE_FILES = QT_TRANSLATE_NOOP("Kiosk", "Pictures (*.png *.jpg *.jpeg *.webp)")
PICTURES_ADDED = QT_TRANSLATE_NOOP("Kiosk", "Add pictures: {names}")
DELETE_ITEM = QT_TRANSLATE_NOOP("Kiosk", "&Delete")
MOVE_UP = QT_TRANSLATE_NOOP("Kiosk", "Move &up")
MOVE_DOWN = QT_TRANSLATE_NOOP("Kiosk", "Move do&wn")
INTERFACE_LANGUAGE = QT_TRANSLATE_NOOP("Kiosk", "Editor &language")

PROBLEMS = QT_TRANSLATE_NOOP("Kiosk", "Problems")
PREVIEW_TAB = QT_TRANSLATE_NOOP("Kiosk", "Tab")
LANDSCAPE = QT_TRANSLATE_NOOP("Kiosk", "Landscape 1920 × 1080")
PORTRAIT = QT_TRANSLATE_NOOP("Kiosk", "Portrait 1080 × 1920")
PREVIEW_WAITING = QT_TRANSLATE_NOOP("Kiosk", "The preview shows the content once it has no problems.")
PREVIEW_OLD = QT_TRANSLATE_NOOP("Kiosk", "The preview shows the last version without problems.")

GENERAL = QT_TRANSLATE_NOOP("Kiosk", "General")
ITEMS = QT_TRANSLATE_NOOP("Kiosk", "{count} item(s)")
NONE = QT_TRANSLATE_NOOP("Kiosk", "(none)")
OPTIONAL = QT_TRANSLATE_NOOP("Kiosk", "Uncheck to leave this out (it is optional)")
UNKNOWN_ID = QT_TRANSLATE_NOOP("Kiosk", "{id} (not found)")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Kiosk", "Not a number: write digits, e.g. 53190000000 or 7.5")
NOT_JSON = QT_TRANSLATE_NOOP("Kiosk", "Not valid here: write it as JSON, e.g. [0.5, 0.5]")
ADD_TO_LIST = QT_TRANSLATE_NOOP("Kiosk", "Add")
REMOVE = QT_TRANSLATE_NOOP("Kiosk", "Remove")
UP = QT_TRANSLATE_NOOP("Kiosk", "Up")
DOWN = QT_TRANSLATE_NOOP("Kiosk", "Down")
SHOWN_AS = QT_TRANSLATE_NOOP("Kiosk", "Visitors read: {value}")
ID_FOLLOWS_NAME = QT_TRANSLATE_NOOP("Kiosk", "Made from the English name while the item is new")

STATUS_VALID = QT_TRANSLATE_NOOP("Kiosk", "No problems: ready to save")
STATUS_SAVED = QT_TRANSLATE_NOOP("Kiosk", "Saved {file} as version {number}")
STATUS_RESTORED = QT_TRANSLATE_NOOP("Kiosk", "Version {old} is the file again, as version {number}")
REVIEW_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Save {file}")
REVIEW_CHANGES = QT_TRANSLATE_NOOP("Kiosk", "What visitors will see change ({count}):")
REVIEW_NONE = QT_TRANSLATE_NOOP("Kiosk", "Nothing changes for visitors.")
REVIEW_NEW = QT_TRANSLATE_NOOP("Kiosk", "A new data file: everything in it is new to visitors.")
REVIEW_PUBLISH = QT_TRANSLATE_NOOP(
    "Kiosk", "A kiosk showing this file shows the new version within seconds. The last versions are kept: "
    "File › History goes back to one.")
HISTORY_TITLE = QT_TRANSLATE_NOOP("Kiosk", "History of {file}")
HISTORY_INTRO = QT_TRANSLATE_NOOP("Kiosk", "The kept versions, newest first. Restoring one saves it as a new version, "
                                           "so a restore can be undone too.")
HISTORY_EMPTY = QT_TRANSLATE_NOOP("Kiosk", "No versions yet: they are kept from the first save.")
HISTORY_LINE = QT_TRANSLATE_NOOP("Kiosk", "{number}   {time}   {summary}")
HISTORY_CURRENT = QT_TRANSLATE_NOOP("Kiosk", "(the file now)")
RESTORE = QT_TRANSLATE_NOOP("Kiosk", "Restore")
RESTORE_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Version {number} is not restored: {reason}")
STATUS_PROBLEMS = QT_TRANSLATE_NOOP("Kiosk", "{count} problem(s): fix them to save")
SAVE_DISABLED = QT_TRANSLATE_NOOP("Kiosk", "Cannot save while there are problems ({count}); the first: {problem}")
BUNDLED = QT_TRANSLATE_NOOP(
    "Kiosk", "This is the content bundled with the kiosk program; an update of the program replaces it. "
    "Save your changes as a file of your own, and set data_path in the kiosk's configuration to it.")
OPEN_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Cannot open {file}")
SAVE_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Cannot save {file}: {error}")
DATA_FILES = QT_TRANSLATE_NOOP("Kiosk", "Kiosk data (*.json)")
UNSAVED = QT_TRANSLATE_NOOP("Kiosk", "Save the changes to {file}?")
DISCARD = QT_TRANSLATE_NOOP("Kiosk", "Discard changes")
UPGRADED = QT_TRANSLATE_NOOP("Kiosk", "This file was written for an older version of the kiosk; it is saved in the "
                                      "current format.")

# The model's names, for people. Keys are the names in the data file.
WORDS = {
    # the dataset's collections and other fields
    "schema_version": QT_TRANSLATE_NOOP("Kiosk", "Format version"),
    "languages": QT_TRANSLATE_NOOP("Kiosk", "Languages"),
    "zone": QT_TRANSLATE_NOOP("Kiosk", "Zone"),
    "units": QT_TRANSLATE_NOOP("Kiosk", "Units"),
    "sources": QT_TRANSLATE_NOOP("Kiosk", "Sources"),
    "figures": QT_TRANSLATE_NOOP("Kiosk", "Figures"),
    "facts": QT_TRANSLATE_NOOP("Kiosk", "Facts"),
    "companies": QT_TRANSLATE_NOOP("Kiosk", "Companies"),
    "industries": QT_TRANSLATE_NOOP("Kiosk", "Industries"),
    "views": QT_TRANSLATE_NOOP("Kiosk", "Tabs"),
    "media": QT_TRANSLATE_NOOP("Kiosk", "Pictures"),
    "blocks": QT_TRANSLATE_NOOP("Kiosk", "Blocks"),
    # one record of each
    "unit": QT_TRANSLATE_NOOP("Kiosk", "Unit"),
    "source": QT_TRANSLATE_NOOP("Kiosk", "Source"),
    "figure": QT_TRANSLATE_NOOP("Kiosk", "Figure"),
    "fact": QT_TRANSLATE_NOOP("Kiosk", "Fact"),
    "company": QT_TRANSLATE_NOOP("Kiosk", "Company"),
    "industry": QT_TRANSLATE_NOOP("Kiosk", "Industry"),
    "tab": QT_TRANSLATE_NOOP("Kiosk", "Tab"),
    "seriespoint": QT_TRANSLATE_NOOP("Kiosk", "Year and value"),
    "Media": QT_TRANSLATE_NOOP("Kiosk", "Picture"),  # one record of the media (its type's name)
    # fields
    "id": QT_TRANSLATE_NOOP("Kiosk", "Id"),
    "name": QT_TRANSLATE_NOOP("Kiosk", "Name"),
    "short_name": QT_TRANSLATE_NOOP("Kiosk", "Short name"),
    "founded": QT_TRANSLATE_NOOP("Kiosk", "Founded"),
    "format": QT_TRANSLATE_NOOP("Kiosk", "Format"),
    "scalable": QT_TRANSLATE_NOOP("Kiosk", "Scaled (million, billion)"),
    "grouping": QT_TRANSLATE_NOOP("Kiosk", "Thousands separators"),
    "percent": QT_TRANSLATE_NOOP("Kiosk", "Percentage"),
    "outlet": QT_TRANSLATE_NOOP("Kiosk", "Publisher"),
    "title": QT_TRANSLATE_NOOP("Kiosk", "Title"),
    "date": QT_TRANSLATE_NOOP("Kiosk", "Date"),
    "url": QT_TRANSLATE_NOOP("Kiosk", "Web address"),
    "year": QT_TRANSLATE_NOOP("Kiosk", "Year"),
    "value": QT_TRANSLATE_NOOP("Kiosk", "Value"),
    "label": QT_TRANSLATE_NOOP("Kiosk", "Label"),
    "qualifier": QT_TRANSLATE_NOOP("Kiosk", "Qualifier"),
    "quote": QT_TRANSLATE_NOOP("Kiosk", "Quote"),
    "note": QT_TRANSLATE_NOOP("Kiosk", "Note"),
    "secondary": QT_TRANSLATE_NOOP("Kiosk", "Shown under it"),
    "part_of": QT_TRANSLATE_NOOP("Kiosk", "Part of"),
    "series": QT_TRANSLATE_NOOP("Kiosk", "Series"),
    "text": QT_TRANSLATE_NOOP("Kiosk", "Text"),
    "description": QT_TRANSLATE_NOOP("Kiosk", "Description"),
    "share": QT_TRANSLATE_NOOP("Kiosk", "Share"),
    "headline": QT_TRANSLATE_NOOP("Kiosk", "Headline"),
    "width": QT_TRANSLATE_NOOP("Kiosk", "Width"),
    "below": QT_TRANSLATE_NOOP("Kiosk", "Below the block before"),
    "new_row": QT_TRANSLATE_NOOP("Kiosk", "New row"),
    "kind": QT_TRANSLATE_NOOP("Kiosk", "Kind"),
    "scale": QT_TRANSLATE_NOOP("Kiosk", "Scale"),
    "colour": QT_TRANSLATE_NOOP("Kiosk", "Colour"),
    "hint": QT_TRANSLATE_NOOP("Kiosk", "Hint"),
    "companies_title": QT_TRANSLATE_NOOP("Kiosk", "Companies heading"),
    "banner": QT_TRANSLATE_NOOP("Kiosk", "Banner picture"),
    "photo": QT_TRANSLATE_NOOP("Kiosk", "Photo"),
    "gallery": QT_TRANSLATE_NOOP("Kiosk", "Gallery"),
    "file": QT_TRANSLATE_NOOP("Kiosk", "File"),
    "alt": QT_TRANSLATE_NOOP("Kiosk", "Alt text"),
    "credit": QT_TRANSLATE_NOOP("Kiosk", "Credit"),
    "licence": QT_TRANSLATE_NOOP("Kiosk", "Licence"),
    "approval": QT_TRANSLATE_NOOP("Kiosk", "Map approval number"),
    "focus": QT_TRANSLATE_NOOP("Kiosk", "Focus point"),
    "caption": QT_TRANSLATE_NOOP("Kiosk", "Caption"),
    # block kinds
    "figure-cards": QT_TRANSLATE_NOOP("Kiosk", "Figure cards"),
    "bar-chart": QT_TRANSLATE_NOOP("Kiosk", "Bar chart"),
    "comparison": QT_TRANSLATE_NOOP("Kiosk", "Comparison"),
    "ring": QT_TRANSLATE_NOOP("Kiosk", "Ring"),
    "highlights": QT_TRANSLATE_NOOP("Kiosk", "Highlights"),
    "industry-explorer": QT_TRANSLATE_NOOP("Kiosk", "Industry explorer"),
    # choices
    "more_than": QT_TRANSLATE_NOOP("Kiosk", "more than"),
    "about": QT_TRANSLATE_NOOP("Kiosk", "about"),
    "linear": QT_TRANSLATE_NOOP("Kiosk", "linear"),
    "log": QT_TRANSLATE_NOOP("Kiosk", "logarithmic"),
    "narrow": QT_TRANSLATE_NOOP("Kiosk", "narrow"),
    "wide": QT_TRANSLATE_NOOP("Kiosk", "wide"),
    "widest": QT_TRANSLATE_NOOP("Kiosk", "widest"),
}


def readable(name: str) -> str:
    """A model name the WORDS lack, as a person reads it."""
    text = str(name).replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


def editor_strings() -> list[str]:
    """Every interface string above (for the checks that every one is translated)."""
    own = [value for name, value in globals().items() if name.isupper() and isinstance(value, str)]
    return own + [word for word in WORDS.values() if word not in own]
