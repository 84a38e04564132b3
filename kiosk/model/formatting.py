"""Numbers, dates and source lines as a reader of each language expects them. Qt-free.

The conventions are the Unicode CLDR's, through Babel, for every language it knows: digit
grouping, dates, and the words that scale large numbers — million/billion in English
("53.19 billion yuan"), 万/亿 in Chinese ("531.9亿元"), 万/億 in Japanese. A number is scaled
only when the scaled form keeps every digit the source gave, so no precision is ever lost:
47,815 stays whole where CLDR's own compact form would round it (4.78万).

Babel is imported and a language's data loaded only the first time the language is formatted:
what the formatting here takes from them is kept in the user's cache folder for later starts
(kiosk.model.cldr), which then format without Babel.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from kiosk.model import cldr
from kiosk.model.dataset import Dataset, Figure, Qualifier, Unit

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

# The dataset's "en" is English for visitors from anywhere: CLDR's World English ("8 July
# 2022"), not the US English its bare "en" stands for ("July 8, 2022").
_CLDR_CODES = {"en": "en-001"}
# For a language CLDR does not know at all.
_FALLBACK = "en-001"

# A thousand is never a scale: "35 thousand" reads no easier than 35,000.
_SMALLEST_SCALE = 10**4
# A scaled number has at most six digits: 999.999 billion where the scales step by a thousand,
# 9,999.99亿 where they step by ten thousand. More decimals than that leave it whole.
_MAX_SCALED_DIGITS = 6

# Wordings checked against the sources. Other languages say "about" with CLDR's
# approximately sign and "more than" with the mathematical sign.
_QUALIFIERS = {
    "en": {Qualifier.MORE_THAN: "> {}", Qualifier.ABOUT: "≈ {}"},
    "zh": {Qualifier.MORE_THAN: "超过{}", Qualifier.ABOUT: "约{}"},
}
_MORE_THAN = "> {}"
# A bare count reads better as "300+" than "> 300".
_COUNT_MORE_THAN = "{}+"


@functools.cache
def cldr_locale(language: str) -> Locale:
    """CLDR's locale for a dataset language code such as "ja", "zh-Hant" or "fr-CA".

    A code CLDR does not know loses subtags from the end until one it knows remains
    ("fr-XX" is French); English stands in only for a language CLDR does not know at all.
    """
    from babel import Locale, UnknownLocaleError

    tags = language.split("-")
    while tags:
        code = "-".join(tags)
        try:
            return Locale.parse(_CLDR_CODES.get(code, code), sep="-")
        except (UnknownLocaleError, ValueError):
            tags.pop()
    return Locale.parse(_FALLBACK, sep="-")


class _FromBabel(NamedTuple):
    """A language's conventions as Babel applies them; cldr.Tables is the same without Babel."""

    locale: Locale
    decimal_pattern: NumberPattern
    scales: tuple[cldr.Scale, ...]  # largest first
    max_decimals: int  # the most a scaled number may show

    @property
    def language(self) -> str:
        return self.locale.language

    @property
    def approximately(self) -> str | None:
        return self.locale.number_symbols["latn"].get("approximatelySign")

    def apply(self, pattern: NumberPattern, value: Decimal, grouping: bool) -> str:
        return pattern.apply(value, self.locale, decimal_quantization=False, group_separator=grouping)

    def plural(self, value: Decimal) -> str:
        return self.locale.plural_form(value)

    def date(self, date: datetime.date) -> str:
        from babel.dates import format_date

        return format_date(date, "long", locale=self.locale)


@functools.cache
def _conventions(language: str) -> cldr.Tables | _FromBabel:
    """The language's conventions as kept by an earlier start, or else from Babel (and kept)."""
    kept = cldr.kept(language)
    if kept is not None:
        return kept
    found = _from_babel(language)
    tables = cldr.extract(found)
    if tables is not None:
        cldr.keep(language, tables)
    return found


def _from_babel(language: str) -> _FromBabel:
    """The language's scales from CLDR's long compact patterns ("00 billion", "0000万")."""
    locale = cldr_locale(language)
    compact = locale.compact_decimal_formats["long"]
    decimal_pattern = locale.decimal_formats[None]
    scales, widest = [], 0
    for magnitude in sorted(map(int, compact["other"]), reverse=True):
        key = str(magnitude)
        pattern = compact["other"][key].pattern
        zeros = pattern.count("0")
        if not pattern.strip("0"):  # CLDR's "not compacted at this magnitude"
            continue
        divisor = magnitude // 10 ** (zeros - 1)
        if divisor < _SMALLEST_SCALE:
            continue
        widest = max(widest, zeros)
        patterns = {form: _grouped(by_magnitude[key], decimal_pattern.number_pattern)
                    for form, by_magnitude in compact.items()
                    if key in by_magnitude and "0" in by_magnitude[key].pattern}
        scales.append(cldr.Scale(Decimal(magnitude), Decimal(divisor), patterns))
    return _FromBabel(locale, decimal_pattern, tuple(scales), _MAX_SCALED_DIGITS - widest)


def _grouped(compact: NumberPattern, digits: str) -> NumberPattern:
    """The compact pattern with the language's usual digits ("#,##0.###"), so that a scaled
    number is grouped like any other ("5,069.96亿") and keeps all its decimals."""
    from babel.numbers import parse_pattern

    return parse_pattern(re.sub("0+", digits, compact.pattern, count=1))


def format_number(value: float, language: str, *, scalable: bool = True, grouping: bool = True) -> str:
    number = Decimal(repr(value))
    conventions = _conventions(language)
    scaled = _scaled(number, conventions, grouping) if scalable else None
    if scaled is not None:
        return scaled
    return conventions.apply(conventions.decimal_pattern, number, grouping)


def _scaled(number: Decimal, conventions: cldr.Tables | _FromBabel, grouping: bool) -> str | None:
    # Only the largest scale the number reaches: "1,000.5 million" would read worse than the
    # plain number.
    for scale in conventions.scales:
        if number >= scale.reach:
            mantissa = (number / scale.divisor).normalize()
            if cldr.decimals(mantissa) > conventions.max_decimals:
                return None
            pattern = scale.patterns.get(conventions.plural(mantissa), scale.patterns["other"])
            return conventions.apply(pattern, mantissa, grouping)
    return None


def format_value(value: float, unit: Unit, language: str, qualifier: Qualifier | None = None) -> str:
    number = format_number(value, language, scalable=unit.scalable, grouping=unit.grouping)
    text = unit.format[language].replace("{}", number)
    if qualifier is None:
        return text
    if qualifier is Qualifier.MORE_THAN and text == number:
        return _COUNT_MORE_THAN.format(text)
    return _qualifier_pattern(qualifier, language).format(text)


def _qualifier_pattern(qualifier: Qualifier, language: str) -> str:
    # Any English, and a language CLDR does not know (its numbers are English then), reads the
    # English wording.
    wordings = _QUALIFIERS.get(language)
    if wordings is None and _conventions(language).language == "en":
        wordings = _QUALIFIERS["en"]
    if wordings is not None:
        return wordings[qualifier]
    if qualifier is Qualifier.ABOUT:
        return (_conventions(language).approximately or "~") + "{}"
    return _MORE_THAN


def format_figure(figure: Figure, dataset: Dataset, language: str) -> str:
    return format_value(figure.value, dataset.unit(figure.unit), language, figure.qualifier)


def format_date(date: datetime.date, language: str) -> str:
    return _conventions(language).date(date)
