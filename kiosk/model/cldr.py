"""A language's CLDR conventions as plain data, so that a start formats without Babel. Qt-free.

Importing Babel and loading CLDR data for English and Chinese cost a start ~27 ms of CPU and ~7 MB of
memory, for a handful of values: the decimal and group signs, the number patterns of each scale
per plural form, the plural rule, the pieces of the long date and the approximately sign.
formatting.py takes them from Babel the first time a language is formatted, and this module
keeps them as JSON in the user's cache folder and applies them on later starts, doing exactly
what Babel's code does for those patterns (tests compare the two over every figure of the
data and a sweep of magnitudes and dates).

The file is kept under the Babel release and the source of the code that takes the values and
applies them; any other, a missing or a damaged file only means Babel is loaded again. A
language whose conventions need more than this module applies (a weekday in its dates, say)
is never kept: it is always formatted by Babel.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import logging
import os
import re
import tempfile
from decimal import Decimal
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from kiosk import APP_NAME

log = logging.getLogger(__name__)

# The code whose behaviour the kept values stand for, besides Babel itself.
_CODE = ("cldr.py", "formatting.py")


class Pattern(NamedTuple):
    """A CLDR number pattern such as "#,##0.###" or "#,##0.### million", in the parts Babel uses."""

    prefixes: tuple[str, str]  # for a positive number, for a negative one
    suffixes: tuple[str, str]
    grouping: tuple[int, int]  # digits in the group next to the decimal sign, in each further group
    least_integers: int
    fraction: tuple[int, int]  # fewest and most decimals

    def apply(self, value: Decimal, decimal_sign: str, group_sign: str, grouping: bool) -> str:
        """Babel's NumberPattern.apply without decimal quantization, for a pattern of plain digits."""
        negative = int(value.is_signed())
        value = abs(value).normalize()
        fewest, most = self.fraction[0], max(self.fraction[1], decimals(value))
        whole, _, fraction = f"{value.quantize(Decimal(10) ** -most):f}".partition(".")
        if grouping:
            whole = _grouped(whole.rjust(self.least_integers, "0"), self.grouping, group_sign)
        fraction = (fraction or "0").ljust(fewest, "0")
        if most == 0 or (fewest == 0 and int(fraction) == 0):
            fraction = ""
        else:
            fraction = decimal_sign + fraction[:fewest] + fraction[fewest:].rstrip("0")
        text = self.prefixes[negative] + whole + fraction + self.suffixes[negative]
        # Quoted literal text loses its quotes; a doubled quote stands for one.
        return re.sub(r"'([^']*)'", lambda quoted: quoted.group(1) or "'", text)


def decimals(value: Decimal) -> int:
    """How many decimals a number shows (none for 5E+2): Babel's get_decimal_precision."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _grouped(digits: str, grouping: tuple[int, int], sign: str) -> str:
    size, groups = grouping[0], []
    while len(digits) > size:
        groups.insert(0, digits[-size:])
        digits = digits[:-size]
        size = grouping[1]
    return sign.join([digits, *groups])


class Scale(NamedTuple):
    reach: Decimal  # the smallest number CLDR writes with these patterns
    divisor: Decimal
    patterns: dict[str, Any]  # per plural form ("one", "other", ...): a Pattern or Babel's


class Tables(NamedTuple):
    """Everything formatting.py asks of a language's conventions, with no Babel behind it."""

    language: str  # CLDR's language code: "en" for any English
    approximately: str | None  # CLDR's approximately sign, if the language has one
    decimal_sign: str
    group_sign: str
    plural_rule: list  # [(form, condition)], tried in order; "other" if none holds
    decimal_pattern: Pattern
    scales: tuple[Scale, ...]  # largest first
    max_decimals: int  # the most a scaled number may show
    date_pieces: list  # the long date: [(kind, argument)]

    def apply(self, pattern: Pattern, value: Decimal, grouping: bool) -> str:
        return pattern.apply(value, self.decimal_sign, self.group_sign, grouping)

    def plural(self, value: Decimal) -> str:
        operands = _operands(value)
        for form, condition in self.plural_rule:
            if _holds(condition, operands):
                return form
        return "other"

    def date(self, date: datetime.date) -> str:
        return "".join(_DATE_PIECES[kind](date, argument) for kind, argument in self.date_pieces)

    @classmethod
    def from_json(cls, kept: dict) -> Tables:
        """The tables `extract` gave; raises ValueError, TypeError, KeyError or IndexError if damaged."""
        scales = tuple(Scale(Decimal(reach), Decimal(divisor), {str(form): _pattern(p) for form, p in patterns.items()})
                       for reach, divisor, patterns in kept["scales"])
        approximately = kept["approximately"]
        return cls(str(kept["language"]), None if approximately is None else str(approximately),
                   str(kept["decimal_sign"]), str(kept["group_sign"]),
                   [(str(form), _condition(condition)) for form, condition in kept["plural_rule"]],
                   _pattern(kept["decimal_pattern"]), scales, int(kept["max_decimals"]),
                   [_kept_date_piece(kind, argument) for kind, argument in kept["date_pieces"]])


def _pattern(kept: list) -> Pattern:
    prefixes, suffixes, grouping, least, fraction = kept
    pattern = Pattern(tuple(map(str, prefixes)), tuple(map(str, suffixes)), tuple(map(int, grouping)),
                      int(least), tuple(map(int, fraction)))
    if len(pattern.prefixes) != 2 or len(pattern.suffixes) != 2 or min(pattern.grouping) < 1:
        raise ValueError(f"not a number pattern: {kept}")
    return pattern


# ---- plural rules: CLDR's condition syntax, evaluated as Babel evaluates it ----------------

def _operands(value: Decimal) -> dict[str, Decimal | int]:
    """CLDR's plural operands of a number, as Babel's extract_operands gives them for a Decimal."""
    n = abs(value)
    exponent = n.as_tuple().exponent
    fraction = "".join(map(str, n.as_tuple().digits[exponent:])) if exponent < 0 else ""
    significant = fraction.rstrip("0")
    # c and e (compact exponent) are always 0 in Babel.
    return {"n": n, "i": int(n), "v": len(fraction), "w": len(significant), "f": int(fraction or 0),
            "t": int(significant or 0), "c": 0, "e": 0}


def _holds(condition: list, operands: dict) -> bool:
    kind = condition[0]
    if kind == "and":
        return _holds(condition[1], operands) and _holds(condition[2], operands)
    if kind == "or":
        return _holds(condition[1], operands) or _holds(condition[2], operands)
    if kind == "not":
        return not _holds(condition[1], operands)
    _, operand, modulus, ranges = condition  # ("in" | "within", operand, modulus or None, ranges)
    value = operands[operand]
    if modulus is not None:
        value = value % modulus  # operands are never negative, so this is also CLDR's modulo
    if kind == "in" and value != int(value):
        return False
    return any(low <= value <= high for low, high in ranges)


_OPERANDS = frozenset("nivwftce")


def _condition(kept: list) -> tuple:
    """A kept condition, checked to be one _holds can evaluate."""
    kind = kept[0]
    if kind in ("and", "or"):
        _, first, second = kept
        return kind, _condition(first), _condition(second)
    if kind == "not":
        _, negated = kept
        return kind, _condition(negated)
    _, operand, modulus, ranges = kept
    modulus = None if modulus is None else int(modulus)
    if kind not in ("in", "within") or operand not in _OPERANDS or (modulus is not None and modulus < 1):
        raise ValueError(f"not a plural condition: {kept}")
    return kind, operand, modulus, tuple((int(low), int(high)) for low, high in ranges)


def _plural_condition(node: tuple) -> list:
    """Babel's parsed plural condition as nested lists (see _holds)."""
    kind, arguments = node
    if kind in ("and", "or", "not"):
        return [kind, *map(_plural_condition, arguments)]
    if kind != "relation":
        raise ValueError(f"unknown plural rule node {kind}")
    method, expression, (_, ranges) = arguments
    modulus = None
    if expression[0] == "mod":
        expression, (_, (modulus,)) = expression[1]
    return [method, expression[0], modulus, [[low, high] for (_, (low,)), (_, (high,)) in ranges]]


# ---- dates ------------------------------------------------------------------------------

def _padded(value: int, width: int) -> str:
    return "%0*d" % (width, value)


_DATE_PIECES = {
    "text": lambda date, text: text,
    "year": lambda date, width: _padded(date.year, width)[-2:] if width == 2 else _padded(date.year, width),
    "month": lambda date, width: _padded(date.month, width),
    "day": lambda date, width: _padded(date.day, width),
    "by month": lambda date, names: names[date.month - 1],  # month names, or the era (AD for any date)
}


def _kept_date_piece(kind: str, argument) -> tuple[str, Any]:
    if kind == "text":
        return kind, str(argument)
    if kind == "by month" and len(argument) == 12:
        return kind, tuple(map(str, argument))
    if kind in ("year", "month", "day") and int(argument) > 0:
        return kind, int(argument)
    raise ValueError(f"not a date piece: {kind} {argument}")


def _date_piece(token: tuple, locale) -> tuple[str, Any]:
    from babel.dates import DateTimeFormat

    kind, value = token
    if kind == "chars":
        return "text", value
    letter, width = value
    if letter in "yu":
        return "year", width
    if letter in "ML" and width <= 2:
        return "month", width
    if letter == "d":
        return "day", width
    if letter in "MLG":
        return "by month", [DateTimeFormat(datetime.date(2000, month, 1), locale)[letter * width]
                            for month in range(1, 13)]
    raise ValueError(f"no plain form for the date field {letter * width}")


# ---- taking the tables from Babel -------------------------------------------------------

def extract(conventions) -> dict | None:
    """The tables of formatting's Babel conventions as JSON data; None if they need more than
    this module applies."""
    from babel.dates import tokenize_pattern

    locale = conventions.locale
    symbols = locale.number_symbols["latn"]
    try:
        return {
            "language": locale.language, "approximately": symbols.get("approximatelySign"),
            "decimal_sign": symbols.get("decimal", "."), "group_sign": symbols.get("group", ","),
            "plural_rule": [[form, _plural_condition(node)] for form, node in locale.plural_form.abstract],
            "decimal_pattern": _plain(conventions.decimal_pattern),
            "scales": [[str(scale.reach), str(scale.divisor), {form: _plain(p) for form, p in scale.patterns.items()}]
                       for scale in conventions.scales],
            "max_decimals": conventions.max_decimals,
            "date_pieces": [_date_piece(token, locale)
                            for token in tokenize_pattern(locale.date_formats["long"].pattern)],
        }
    except ValueError as error:
        log.debug("%s is formatted by Babel every time: %s", locale, error)
        return None


def _plain(pattern) -> list:
    if pattern.exp_prec or "@" in pattern.pattern or pattern.scale or not pattern.number_pattern:
        raise ValueError(f"no plain form for the number pattern {pattern.pattern!r}")
    return [pattern.prefix, pattern.suffix, pattern.grouping, pattern.int_prec[0], pattern.frac_prec]


# ---- the cache file ---------------------------------------------------------------------

def kept(language: str) -> Tables | None:
    tables = _kept_file().get(language)
    if tables is None:
        return None
    try:
        return Tables.from_json(tables)
    except (ValueError, TypeError, KeyError, IndexError, ArithmeticError) as error:
        log.warning("ignoring damaged CLDR conventions for %s in %s: %s", language, cache_path(), error)
        return None


def keep(language: str, tables: dict) -> None:
    """Adds a language's tables to the file, for the next start."""
    key = _key()
    if key is None:
        return
    languages = _kept_file()
    languages[language] = tables
    path, temporary = cache_path(), None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"key": key, "languages": languages}, file, ensure_ascii=False)
        os.replace(temporary, path)  # atomic: a killed process leaves no half file
    except OSError as error:
        log.info("could not keep CLDR conventions in %s: %s", path.parent, error)
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def cache_path() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "cldr.json"


@functools.cache
def _kept_file() -> dict:
    """The languages kept under this Babel and this code: {language: tables as JSON}."""
    try:
        with cache_path().open(encoding="utf-8") as file:
            kept = json.load(file)
        if kept["key"] == _key():
            return dict(kept["languages"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("ignoring a damaged %s: %s", cache_path(), error)
    return {}


@functools.cache
def _key() -> str | None:
    """The Babel release and this code, or None if they cannot be read (a build without sources)."""
    digest = hashlib.sha256()
    try:
        # Babel's version, found without importing Babel, which is what this module saves.
        digest.update(Path(find_spec("babel").origin).read_bytes())
        for name in _CODE:
            digest.update(b"\0" + (Path(__file__).with_name(name)).read_bytes())
    except (OSError, TypeError, AttributeError) as error:
        log.debug("CLDR conventions not kept: %s", error)
        return None
    return digest.hexdigest()

