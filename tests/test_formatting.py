"""Numbers per language: expected strings are written from the conventions, not from the code."""

import datetime

import pytest

from kiosk.model.dataset import Qualifier, Text, Unit
from kiosk.model.formatting import format_date, format_number, format_value

YUAN = Unit(format=Text({"en": "{} yuan", "zh": "{}元"}))
USD = Unit(format=Text({"en": "US${}", "zh": "{}美元"}))
COUNT = Unit(format=Text({"en": "{}", "zh": "{}"}))
PERCENT = Unit(format=Text({"en": "{}%", "zh": "{}%"}), scalable=False)
YEAR = Unit(format=Text({"en": "{}", "zh": "{}年"}), scalable=False, grouping=False)


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "en", "zh"),
    [
        (53_190_000_000, YUAN, None, "53.19 billion yuan", "531.9亿元"),
        (27_700_000_000, YUAN, None, "27.7 billion yuan", "277亿元"),
        (2_370_000_000, USD, None, "US$2.37 billion", "23.7亿美元"),
        (47_815, YUAN, None, "47,815 yuan", "47,815元"),  # 4.7815万 would need 4 decimals
        (35_000, COUNT, Qualifier.ABOUT, "≈ 35,000", "约3.5万"),
        (300, COUNT, Qualifier.MORE_THAN, "300+", "300+"),
        (10, PERCENT, Qualifier.MORE_THAN, "> 10%", "超过10%"),
        (45.5, PERCENT, None, "45.5%", "45.5%"),
        (350_000, COUNT, None, "350,000", "35万"),
        (1992, YEAR, None, "1992", "1992年"),
        (99_995, COUNT, None, "99,995", "99,995"),
        (100_000_000, COUNT, None, "100 million", "1亿"),
        (99_990_000, COUNT, None, "99.99 million", "9,999万"),
        (506_996_000_000, YUAN, None, "506.996 billion yuan", "5,069.96亿元"),
        (0, COUNT, None, "0", "0"),
        # Boundaries of each scale: one below stays whole, the boundary itself scales.
        (9_999, COUNT, None, "9,999", "9,999"),
        (10_000, COUNT, None, "10,000", "1万"),
        (999_999, COUNT, None, "999,999", "999,999"),
        (1_000_000, COUNT, None, "1 million", "100万"),
        (99_999_999, COUNT, None, "99,999,999", "99,999,999"),
        (999_999_999, COUNT, None, "999,999,999", "999,999,999"),
        (1_000_000_000, YUAN, None, "1 billion yuan", "10亿元"),
        (1_005_000_000, YUAN, None, "1.005 billion yuan", "10.05亿元"),
        (1_000_500_000, YUAN, None, "1,000,500,000 yuan", "1,000,500,000元"),
        (12.5, PERCENT, None, "12.5%", "12.5%"),
        (99.95, PERCENT, Qualifier.ABOUT, "≈ 99.95%", "约99.95%"),
        (2, COUNT, None, "2", "2"),
        # Only the largest scale a number reaches is tried: never "1,000.5 million" or "100,050万".
        (1_000_500_000, COUNT, None, "1,000,500,000", "1,000,500,000"),
        (123_450_000, COUNT, None, "123.45 million", "123,450,000"),
    ],
)
def test_values_read_naturally_in_each_language(value, unit, qualifier, en, zh):
    assert format_value(value, unit, "en", qualifier) == en
    assert format_value(value, unit, "zh", qualifier) == zh


def test_scaling_never_drops_digits():
    # 1,234,567 has 7 significant digits: "1.234567 million" would be unreadable, so keep it whole.
    assert format_number(1_234_567, "en") == "1,234,567"
    assert format_number(123_456_789, "zh") == "123,456,789"


def test_unknown_language_uses_english_conventions():
    assert format_number(53_190_000_000, "fr") == "53.19 billion"


@pytest.mark.parametrize(
    ("date", "en", "zh"),
    [(datetime.date(2022, 7, 8), "8 July 2022", "2022年7月8日"),
     (datetime.date(2025, 12, 31), "31 December 2025", "2025年12月31日")],
)
def test_dates(date, en, zh):
    assert format_date(date, "en") == en
    assert format_date(date, "zh") == zh
