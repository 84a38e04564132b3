"""What the validator says about a data file, in English, with {placeholders}. Qt-free.

Problems keep their template and values apart (kiosk.wording): ``kiosk validate`` prints the
English, and the content editor lists the same problems in its own language. Ids, field names,
file names and the values quoted from the file stay as they are in every language: they are
what the person editing sees in the file.
"""

from __future__ import annotations

from kiosk.wording import QT_TRANSLATE_NOOP

# A problem and where in the file it is ("figures.3.value": the fourth figure's value).
AT_PATH = QT_TRANSLATE_NOOP("Kiosk", "{path}: {message}")

# ---- reading the file
CANNOT_READ = QT_TRANSLATE_NOOP("Kiosk", "cannot read the file: {reason}")
TOO_LARGE = QT_TRANSLATE_NOOP("Kiosk", "file is {size} bytes; the limit is {limit}")
NOT_UTF8 = QT_TRANSLATE_NOOP("Kiosk", "not UTF-8 text (byte {byte})")
JSON_SYNTAX = QT_TRANSLATE_NOOP("Kiosk", "JSON syntax error at line {line}, column {column}: {detail}")
NOT_A_REAL_NUMBER = QT_TRANSLATE_NOOP("Kiosk", "{name} is not a number a kiosk can show; write a real value")

# Opened or saved by the content editor
NOT_JSON = QT_TRANSLATE_NOOP("Kiosk", "not a JSON data file: {detail}")
NOT_A_DATASET = QT_TRANSLATE_NOOP("Kiosk", "not a dataset: the file must hold one JSON object {{ ... }}")
PICTURE_NAME_TAKEN = QT_TRANSLATE_NOOP(
    "Kiosk", "{file} is another picture of the same name; rename one of them, or save in another folder")

# ---- the rules of each field
UNKNOWN_FIELD_CLOSE = QT_TRANSLATE_NOOP("Kiosk", 'unknown field; did you mean "{close}"?')
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Kiosk", "unknown field; known fields: {known}")
BAD_ID = QT_TRANSLATE_NOOP("Kiosk", 'ids use lowercase letters, digits and hyphens, e.g. "gdp-share"')
BAD_LANGUAGE_CODE = QT_TRANSLATE_NOOP("Kiosk", 'must be a language code such as "en" or "zh"')
BAD_WEB_ADDRESS = QT_TRANSLATE_NOOP("Kiosk", "must be a web address starting with http:// or https://")
NEGATIVE = QT_TRANSLATE_NOOP("Kiosk", "{input} is negative; a count or amount cannot be")
TOO_FEW = QT_TRANSLATE_NOOP("Kiosk", "must list at least {least} item(s)")
TOO_MANY = QT_TRANSLATE_NOOP("Kiosk", "lists {count} items; at most {most} fit on a screen")
UNKNOWN_BLOCK_KIND = QT_TRANSLATE_NOOP("Kiosk", 'unknown block kind "{kind}"; known kinds: {known}')
NO_BLOCK_KIND = QT_TRANSLATE_NOOP("Kiosk", 'a block needs a "kind": one of {known}')
NOT_A_CHOICE = QT_TRANSLATE_NOOP("Kiosk", "must be one of: {choices}")
MISSING = QT_TRANSLATE_NOOP("Kiosk", "required field is missing")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Kiosk", "must be a number, not {input}")
NOT_WHOLE = QT_TRANSLATE_NOOP("Kiosk", "must be a whole number, not {input}")
NOT_FINITE = QT_TRANSLATE_NOOP("Kiosk", "must be a real number, not NaN or Infinity")
NOT_TEXT = QT_TRANSLATE_NOOP("Kiosk", "must be text in quotes, not {input}")
EMPTY = QT_TRANSLATE_NOOP("Kiosk", "must not be empty")
AT_MOST = QT_TRANSLATE_NOOP("Kiosk", "must be at most {le}")
AT_LEAST = QT_TRANSLATE_NOOP("Kiosk", "must be at least {ge}")
NOT_A_DATE = QT_TRANSLATE_NOOP("Kiosk", 'must be a date written like "2022-07-08", not {input}')
NOT_YES_NO = QT_TRANSLATE_NOOP("Kiosk", "must be true or false, not {input}")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("Kiosk", "must be an object {{ ... }}, not {input}")
NOT_A_LIST = QT_TRANSLATE_NOOP("Kiosk", "must be a list [ ... ], not {input}")

# ---- what the types cannot say
NOT_A_PERCENTAGE = QT_TRANSLATE_NOOP("Kiosk", "{value} is not a percentage between 0 and 100")
LARGER_THAN_WHOLE = QT_TRANSLATE_NOOP("Kiosk", '{value} is larger than its whole "{whole}" ({whole_value})')
OTHER_UNIT_THAN_WHOLE = QT_TRANSLATE_NOOP("Kiosk", '"{whole}" is in {whole_unit}, this figure in {unit}')
SHARE_NOT_PERCENTAGE = QT_TRANSLATE_NOOP("Kiosk", '"{figure}" is not a percentage; a share of the whole is one')
DATE_IN_FUTURE = QT_TRANSLATE_NOOP("Kiosk", "{date} is in the future")
YEAR_IN_FUTURE = QT_TRANSLATE_NOOP("Kiosk", "{year} is in the future")
BEFORE_FOUNDED = QT_TRANSLATE_NOOP("Kiosk", "{year} is before the zone existed (founded {founded})")
FIRST_BLOCK_BELOW = QT_TRANSLATE_NOOP("Kiosk", "the first block has no block above it to go under")
ONE_BAR = QT_TRANSLATE_NOOP(
    "Kiosk", "a chart with one bar compares nothing: give it at least two figures (or use figure-cards)")
SHARES_NOT_PERCENTAGE = QT_TRANSLATE_NOOP("Kiosk", '"{figure}" is not a percentage; this block shows shares of a whole')
SHOWS_NOTHING = QT_TRANSLATE_NOOP("Kiosk", "the block shows nothing: give it facts or figures")
NO_SERIES = QT_TRANSLATE_NOOP("Kiosk", '"{figure}" has no series of two or more years to chart')
REPEATED_PICTURE = QT_TRANSLATE_NOOP("Kiosk", '"{media}" is in the gallery already; give each picture once')
ONE_INDUSTRY = QT_TRANSLATE_NOOP("Kiosk", "an industry explorer needs at least two industries to compare")
SHARE_WITHOUT_VALUE = QT_TRANSLATE_NOOP("Kiosk", 'must say where the share goes with "{{value}}" in every language')
DUPLICATE_ID = QT_TRANSLATE_NOOP("Kiosk", 'duplicate id "{id}"')
MISSING_TRANSLATION = QT_TRANSLATE_NOOP("Kiosk", 'missing the "{language}" text')
UNKNOWN_REFERENCE = QT_TRANSLATE_NOOP("Kiosk", 'unknown {kind} id "{id}"')

# What a reference names, in the sentence above.
REFERENCE_KINDS = {
    "source": QT_TRANSLATE_NOOP("Kiosk", "source"),
    "figure": QT_TRANSLATE_NOOP("Kiosk", "figure"),
    "fact": QT_TRANSLATE_NOOP("Kiosk", "fact"),
    "industry": QT_TRANSLATE_NOOP("Kiosk", "industry"),
    "unit": QT_TRANSLATE_NOOP("Kiosk", "unit"),
    "media": QT_TRANSLATE_NOOP("Kiosk", "media"),
}

# ---- pictures
PICTURE_OUTSIDE = QT_TRANSLATE_NOOP("Kiosk", "{name} is not in the media folder {folder}")
PICTURE_LEADS_OUT = QT_TRANSLATE_NOOP(
    "Kiosk", "{name} leads out of the media folder {folder} (a link?); copy the picture into it")
PICTURE_TOO_LARGE = QT_TRANSLATE_NOOP("Kiosk", "{name} is {megabytes} MB; the limit is {limit} MB (save it smaller)")
PICTURE_FORMAT = QT_TRANSLATE_NOOP("Kiosk", "{name} is a {format} file; save it as PNG, JPEG or WebP")
PICTURE_TOO_MANY_PIXELS = QT_TRANSLATE_NOOP(
    "Kiosk", "{name} is {width}x{height} pixels; save it smaller (at most 60 megapixels)")
PICTURE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Kiosk", "{name} cannot be read as a picture ({error}); export it again as PNG, JPEG or WebP")
PICTURE_TOO_SMALL = QT_TRANSLATE_NOOP(
    "Kiosk", '"{media}" is {width}x{height} pixels; {place} needs at least {least} pixels across to look sharp')
PLACE_BANNER = QT_TRANSLATE_NOOP("Kiosk", "a banner")
PLACE_PHOTO = QT_TRANSLATE_NOOP("Kiosk", "a photo block")
PLACE_GALLERY = QT_TRANSLATE_NOOP("Kiosk", "a gallery")
PLACE_DETAIL = QT_TRANSLATE_NOOP("Kiosk", "an industry, company or fact")
