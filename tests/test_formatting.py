"""Numbers per language: expected strings are written from the conventions, not from the code."""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.model import cldr, formatting
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




@pytest.mark.parametrize(
    ("date", "en", "zh"),
    [(datetime.date(2022, 7, 8), "8 July 2022", "2022年7月8日"),
     (datetime.date(2025, 12, 31), "31 December 2025", "2025年12月31日")],
)
def test_dates(date, en, zh):
    assert format_date(date, "en") == en
    assert format_date(date, "zh") == zh


# How each language writes a number, from its own usage: (group separator, decimal sign) and
# what its scale words mean.
NOTATION = {"en": (",", "."), "zh": (",", "."), "ja": (",", "."), "de": (".", ",")}
SCALE_WORDS = {
    "en": {" million": 10**6, " billion": 10**9, " trillion": 10**12},
    "zh": {"万": 10**4, "亿": 10**8, "万亿": 10**12},
    "ja": {"万": 10**4, "億": 10**8, "兆": 10**12},
    "de": {" Million": 10**6, " Millionen": 10**6, " Milliarde": 10**9, " Milliarden": 10**9,
           " Billion": 10**12, " Billionen": 10**12},
}
# The most decimals a scaled number may show: steps of a thousand allow three, of 万 two.
MAX_SCALED_DECIMALS = {"en": 3, "de": 3, "zh": 2, "ja": 2}


def read_back(text, language):
    """The number a reader of `language` takes from `text`, after checking its digits are grouped
    in threes with the language's separator."""
    group, point = NOTATION[language]
    digits, word = re.fullmatch(r"([0-9.,]+)(.*)", text).groups()
    assert re.fullmatch(rf"\d{{1,3}}({re.escape(group)}\d{{3}})*({re.escape(point)}\d+)?", digits), text
    if word:
        decimals = digits.partition(point)[2]
        assert len(decimals) <= MAX_SCALED_DECIMALS[language], text
    return Decimal(digits.replace(group, "").replace(point, ".")) * SCALE_WORDS[language].get(word, 1)


def dataset_values(dataset):
    return sorted({f.value for f in dataset.figures} | {p.value for f in dataset.figures for p in f.series})


# Every magnitude, with few digits (which scale) and many (which must stay whole).
SWEEP = sorted({digits * 10**power for digits in (1, 3, 12, 35, 125, 999, 5319, 9999, 10001, 47815, 1234567)
                for power in range(14)} | {45.5, 99.95, 0.5, 0})


@pytest.mark.parametrize("language", NOTATION)
def test_scaled_or_not_every_digit_survives(language, dataset):
    """Read back as a reader of the language would, the text gives exactly the source's number."""
    for value in dataset_values(dataset) + SWEEP:
        assert read_back(format_number(value, language), language) == Decimal(repr(value)), value


@pytest.mark.parametrize("language", NOTATION)
def test_numbers_with_few_digits_take_the_languages_scale_words(language):
    for factor in set(SCALE_WORDS[language].values()):
        for mantissa in ("1", "3.5", "12.5", "531.9"):
            text = format_number(float(Decimal(mantissa) * factor), language)
            word = re.fullmatch(r"[0-9.,]+(.*)", text).group(1)
            assert SCALE_WORDS[language].get(word) == factor, text


@pytest.mark.parametrize("language", NOTATION)
def test_years_and_unscaled_units_keep_all_their_digits(language):
    assert format_number(1992, language, scalable=False, grouping=False) == "1992"
    assert read_back(format_number(53_190_000_000, language, scalable=False), language) == 53_190_000_000


@pytest.mark.parametrize(
    ("value", "qualifier", "ja", "de"),
    [
        (53_190_000_000, None, "531.9億", "53,19 Milliarden"),
        (1_000_000_000, None, "10億", "1 Milliarde"),
        (2_500_000, None, "250万", "2,5 Millionen"),
        (1_000_000, None, "100万", "1 Million"),
        (47_815, None, "47,815", "47.815"),  # 4.7815万 would need 4 decimals
        (1_000_500_000, None, "1,000,500,000", "1.000.500.000"),  # 10.005億, 1,0005 Milliarden
        (35_000, Qualifier.ABOUT, "約3.5万", "≈35.000"),
        (300, Qualifier.MORE_THAN, "300+", "300+"),
        (45.5, None, "45.5", "45,5"),
    ],
)
def test_a_third_language_has_its_own_numbers(value, qualifier, ja, de):
    count = Unit(format=Text({"ja": "{}", "de": "{}"}))
    assert format_value(value, count, "ja", qualifier) == ja
    assert format_value(value, count, "de", qualifier) == de


def test_a_third_language_has_its_own_dates():
    assert format_date(datetime.date(2022, 7, 8), "ja") == "2022年7月8日"
    assert format_date(datetime.date(2022, 7, 8), "de") == "8. Juli 2022"


def test_a_language_variant_takes_its_own_script_or_its_languages_conventions():
    assert format_number(53_190_000_000, "zh-Hant") == "531.9億"
    assert format_number(35_000, "zh-Hant") == "3.5萬"
    # No such region: still German.
    assert format_number(53_190_000_000, "de-XX") == "53,19 Milliarden"


def test_a_language_cldr_does_not_know_uses_english():
    # "qaa" is reserved for local use and never assigned to a language.
    count = Unit(format=Text({"qaa": "{}"}))
    assert format_number(53_190_000_000, "qaa") == "53.19 billion"
    assert format_value(35_000, count, "qaa", Qualifier.ABOUT) == "≈ 35,000"
    assert format_date(datetime.date(2022, 7, 8), "qaa") == "8 July 2022"


# ---- conventions kept for later starts (kiosk.model.cldr) -------------------------------

LANGUAGES = tuple(NOTATION)
DATES = sorted({datetime.date(year, month, day) for year in (1, 5, 2022, 9999) for month in range(1, 13)
                for day in (1, 9, 28)})

# Formats every figure of the bundled data, every value it holds and the sweep in each language
# of argv: as plain numbers, whole, ungrouped and with each qualifier; then the dates.
FORMAT_EVERYTHING = """
import datetime, json, sys
from kiosk.model.dataset import Qualifier, Text, Unit
from kiosk.model.formatting import format_date, format_figure, format_number, format_value
from kiosk.model.loader import load_dataset
from kiosk.resources import data_path

values, dates, languages = json.loads(sys.argv[1])
dataset = load_dataset(data_path())
texts = {}
for language in languages:
    plain = Unit(format=Text({language: "{}"}))
    texts[language] = [
        [format_figure(figure, dataset, language) for figure in dataset.figures if language in dataset.languages],
        [format_value(figure.value, Unit(format=plain.format, scalable=dataset.unit(figure.unit).scalable,
                                         grouping=dataset.unit(figure.unit).grouping), language, figure.qualifier)
         for figure in dataset.figures],
        [[format_number(value, language), format_number(value, language, scalable=False),
          format_number(value, language, grouping=False)]
         + [format_value(value, plain, language, qualifier) for qualifier in Qualifier] for value in values],
        [format_date(datetime.date.fromisoformat(date), language) for date in dates],
    ]
print(json.dumps({"babel loaded": "babel" in sys.modules, "texts": texts}))
"""


def test_a_start_with_kept_conventions_formats_everything_as_babel_does_without_loading_it(tmp_path, dataset):
    dates = sorted({source.date for source in dataset.sources} | set(DATES))
    argument = json.dumps([dataset_values(dataset) + SWEEP, [date.isoformat() for date in dates], LANGUAGES])
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first, second = (json.loads(subprocess.run([sys.executable, "-c", FORMAT_EVERYTHING, argument], env=environment,
                                               capture_output=True, text=True, check=True, timeout=120).stdout)
                     for _ in range(2))
    assert first["babel loaded"] and not second["babel loaded"]
    assert second["texts"] == first["texts"]
    assert all(first["texts"][language][0] for language in dataset.languages)


# Numbers whose plural form differs somewhere: integers, decimals with and without trailing
# zeros, and the normalised forms a scaled number takes (1E+1 for 10).
PLURAL_PROBES = [Decimal(text) for text in
                 [str(number) for number in range(0, 112)] + ["1000000", "1E+1", "1E+2", "2E+6", "1.0", "1.00",
                 "0.0", "0.1", "0.5", "1.1", "1.5", "1.50", "2.0", "2.5", "3.25", "10.1", "11.0", "21.5", "101.01"]]
# Languages whose number or dates differ from their language's everywhere else.
REGIONAL = ["en-IN", "en-US", "de-CH", "fr-CH", "es-MX", "pt-PT", "zh-Hant", "sr-Latn", "ar-EG"]
SCALED = sorted({mantissa * 10**power for mantissa in (1, 2, 5, 21, 1.5, 12.5, 1234567) for power in range(4, 14)})
WHOLE = [0, 0.5, 45.5, 99.95, 1234567.125, 10**13, -1234.5, -0.0]


def formatted(language_conventions, monkeypatch) -> list:
    monkeypatch.setattr(formatting, "_conventions", lambda language: language_conventions)
    plain = Unit(format=Text({"any": "{}"}))
    return ([format_number(value, "any") for value in SCALED + WHOLE]
            + [format_number(value, "any", scalable=False, grouping=grouping) for value in WHOLE for grouping in (1, 0)]
            + [format_value(35_000, plain, "any", qualifier) for qualifier in Qualifier]
            + [format_date(date, "any") for date in DATES if date.day == 28 or date.month == 1]
            + [language_conventions.plural(number) for number in PLURAL_PROBES])


def test_kept_conventions_apply_as_babel_does_in_every_language_cldr_knows(monkeypatch):
    from babel import localedata

    kept = 0
    for code in [code for code in localedata.locale_identifiers() if "_" not in code] + REGIONAL:
        with_babel = formatting._from_babel(code)
        tables = cldr.extract(with_babel)
        if tables is None:
            assert code not in LANGUAGES
            continue
        kept += 1
        # As a later start reads them.
        without_babel = cldr.Tables.from_json(json.loads(json.dumps(tables)))
        assert formatted(without_babel, monkeypatch) == formatted(with_babel, monkeypatch), code
    assert kept > 300


@pytest.fixture
def kept_file(tmp_path, monkeypatch):
    """The file of kept conventions, in a cache folder of its own, as a new start finds it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    new_start()
    yield cldr.cache_path()
    new_start()


def new_start():
    formatting._conventions.cache_clear()
    cldr._kept_file.cache_clear()


def damage_file(kept: dict) -> str:
    return "{not json"


def damage_a_pattern(kept: dict) -> str:
    kept["languages"]["de"]["scales"][0][2]["other"][2] = [0, 0]  # no groups of no digits
    return json.dumps(kept)


def damage_a_plural_rule(kept: dict) -> str:
    kept["languages"]["de"]["plural_rule"][0][1] = ["is", "i", 1]
    return json.dumps(kept)


def damage_a_date(kept: dict) -> str:
    kept["languages"]["de"]["date_pieces"][0] = ["weekday", 4]
    return json.dumps(kept)


def damage_the_key(kept: dict) -> str:
    kept["key"] = "another Babel"
    return json.dumps(kept)


@pytest.mark.parametrize("damage", [damage_file, damage_a_pattern, damage_a_plural_rule, damage_a_date,
                                    damage_the_key])
def test_damaged_or_foreign_kept_conventions_mean_babel_again_and_are_replaced(kept_file, damage):
    expected = format_number(1_000_000_000, "de"), format_date(datetime.date(2022, 7, 8), "de")
    kept_file.write_text(damage(json.loads(kept_file.read_text(encoding="utf-8"))), encoding="utf-8")
    new_start()
    assert (format_number(1_000_000_000, "de"), format_date(datetime.date(2022, 7, 8), "de")) == expected
    assert not isinstance(formatting._conventions("de"), cldr.Tables)
    new_start()
    assert isinstance(formatting._conventions("de"), cldr.Tables)


def test_other_code_forgets_kept_conventions(kept_file, tmp_path, monkeypatch):
    format_number(1, "de")
    code = tmp_path / "code"
    code.mkdir()
    for name in cldr._CODE:
        shutil.copy(Path(cldr.__file__).with_name(name), code / name)
    monkeypatch.setattr(cldr, "__file__", str(code / "cldr.py"))
    cldr._key.cache_clear()
    new_start()
    assert isinstance(formatting._conventions("de"), cldr.Tables)
    with (code / "formatting.py").open("a") as source:
        source.write("\n# another rule\n")
    cldr._key.cache_clear()
    new_start()
    assert not isinstance(formatting._conventions("de"), cldr.Tables)
    cldr._key.cache_clear()


def test_an_unwritable_cache_only_means_babel_every_time(kept_file, tmp_path, monkeypatch):
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    assert format_number(53_190_000_000, "de") == "53,19 Milliarden"
    new_start()
    assert not isinstance(formatting._conventions("de"), cldr.Tables)


def test_a_language_whose_dates_name_the_weekday_is_formatted_by_babel_every_time(kept_file, monkeypatch):
    from babel import Locale
    from babel.dates import format_date as babel_date

    full = babel_date(datetime.date(2022, 7, 8), "full", locale="de")
    monkeypatch.setattr(Locale, "date_formats", property(lambda locale: {"long": locale._data["date_formats"]["full"]}))
    assert format_date(datetime.date(2022, 7, 8), "de") == full
    assert "Freitag" in full
    assert not kept_file.exists()
