"""Numbers, dates and source lines as a reader of each language expects them. Qt-free.

English groups by thousands and scales by million/billion ("53.19 billion yuan");
Chinese scales by 万 (10^4) and 亿 (10^8) ("531.9亿元"). A number is scaled only when
the scaled form keeps every digit the source gave, so no precision is ever lost.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from kiosk.model.dataset import Dataset, Figure, Qualifier, Unit

# (threshold, word) from largest to smallest; the word follows the number.
_SCALES = {
    "en": ((Decimal(10**9), " billion"), (Decimal(10**6), " million")),
    "zh": ((Decimal(10**8), "亿"), (Decimal(10**4), "万")),
}
_MAX_SCALED_DECIMALS = {"en": 3, "zh": 2}

_QUALIFIERS = {
    "en": {Qualifier.MORE_THAN: "> {}", Qualifier.ABOUT: "≈ {}"},
    "zh": {Qualifier.MORE_THAN: "超过{}", Qualifier.ABOUT: "约{}"},
}
# A bare count reads better as "300+" than "> 300".
_COUNT_MORE_THAN = "{}+"

_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()



def conventions(language: str) -> str:
    """The number/date conventions to use; unknown languages fall back to English."""
    return language if language in _SCALES else "en"


def format_number(value: float, language: str, *, scalable: bool = True, grouping: bool = True) -> str:
    number = Decimal(repr(value))
    lang = conventions(language)
    if scalable:
        # Only the largest scale the number reaches: "1,000.5 million" would read worse than
        # the plain number.
        for threshold, word in _SCALES[lang]:
            if number >= threshold:
                scaled = (number / threshold).normalize()
                if _decimals(scaled) <= _MAX_SCALED_DECIMALS[lang]:
                    return _plain(scaled, grouping) + word
                break
    return _plain(number, grouping)


def _decimals(number: Decimal) -> int:
    return max(0, -number.as_tuple().exponent)


def _plain(number: Decimal, grouping: bool) -> str:
    number = number.normalize()
    decimals = _decimals(number)
    text = f"{number:,.{decimals}f}" if grouping else f"{number:.{decimals}f}"
    return text


def format_value(value: float, unit: Unit, language: str, qualifier: Qualifier | None = None) -> str:
    number = format_number(value, language, scalable=unit.scalable, grouping=unit.grouping)
    text = unit.format[language].replace("{}", number)
    if qualifier is None:
        return text
    if qualifier is Qualifier.MORE_THAN and text == number:
        return _COUNT_MORE_THAN.format(text)
    return _QUALIFIERS[conventions(language)][qualifier].format(text)


def format_figure(figure: Figure, dataset: Dataset, language: str) -> str:
    return format_value(figure.value, dataset.unit(figure.unit), language, figure.qualifier)


def format_date(date: datetime.date, language: str) -> str:
    if conventions(language) == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"
