"""Opening hours (kiosk.hours): open or closed at a moment, and the next change. No Qt."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from kiosk.config import DisplayHours, load_config
from kiosk.hours import Schedule, parse_range

# A week in December 2026: Monday the 7th to Sunday the 13th.
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2026, 12, 7) + dt.timedelta(days=n) for n in range(7))


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock))


def schedule(**days) -> Schedule:
    return Schedule(DisplayHours(**days))


def test_two_ranges_a_day_with_a_lunch_break():
    hours = schedule(monday=("09:00-12:00", "13:30-17:30"))
    assert [hours.is_open(at(MON, t)) for t in ("08:59", "09:00", "11:59", "12:00", "13:30", "17:29", "17:30")] == [
        False, True, True, False, True, True, False]
    assert hours.next_change(at(MON, "08:00")) == at(MON, "09:00")
    assert hours.next_change(at(MON, "10:00")) == at(MON, "12:00")
    assert hours.next_change(at(MON, "12:00")) == at(MON, "13:30")
    assert hours.next_change(at(MON, "17:30")) == at(MON + dt.timedelta(days=7), "09:00")  # next Monday


def test_a_weekday_left_out_is_closed():
    hours = schedule(monday=("09:00-17:00",), wednesday=("09:00-17:00",))
    assert not hours.is_open(at(TUE, "10:00"))
    assert hours.next_change(at(MON, "18:00")) == at(WED, "09:00")


def test_midnight_belongs_to_the_new_day():
    hours = schedule(monday=("00:00-01:00",), sunday=("23:00-24:00",))
    assert not hours.is_open(at(SUN, "22:59"))
    assert hours.is_open(at(SUN, "23:59"))
    assert hours.is_open(at(MON + dt.timedelta(days=7), "00:00"))
    # Sunday 23:00-24:00 and Monday 00:00-01:00 are one opening: no change at midnight.
    assert hours.next_change(at(SUN, "23:30")) == at(MON + dt.timedelta(days=7), "01:00")


def test_a_range_past_midnight_closes_the_next_morning():
    hours = schedule(friday=("18:00-02:00",))
    assert hours.is_open(at(FRI, "23:00")) and hours.is_open(at(SAT, "01:59"))
    assert not hours.is_open(at(SAT, "02:00")) and not hours.is_open(at(FRI, "01:00"))
    assert hours.next_change(at(FRI, "20:00")) == at(SAT, "02:00")


def test_a_whole_day_and_a_week_that_is_always_open():
    every_day = {day: ("00:00-24:00",) for day in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                   "saturday", "sunday")}
    hours = schedule(**every_day)
    assert hours.is_open(at(WED, "03:00"))
    assert hours.next_change(at(WED, "03:00")) is None
    assert schedule().next_change(at(WED, "03:00")) is None and schedule().never_open


def test_holidays_are_closed_all_day():
    weekdays = {day: ("09:00-17:00",) for day in ("monday", "tuesday", "wednesday", "thursday", "friday")}
    hours = Schedule(DisplayHours(**weekdays, holidays=(TUE, WED)))
    assert hours.is_open(at(MON, "10:00")) and not hours.is_open(at(TUE, "10:00"))
    assert hours.next_change(at(MON, "16:00")) == at(MON, "17:00")
    assert hours.next_change(at(MON, "17:00")) == at(THU, "09:00")


def test_an_evening_that_started_before_a_holiday_runs_to_its_end():
    hours = Schedule(DisplayHours(friday=("18:00-02:00",), saturday=("18:00-02:00",), holidays=(SAT,)))
    assert hours.is_open(at(SAT, "01:00"))
    assert not hours.is_open(at(SAT, "19:00"))
    assert hours.next_change(at(SAT, "01:00")) == at(SAT, "02:00")
    assert hours.next_change(at(SAT, "02:00")) == at(FRI + dt.timedelta(days=7), "18:00")


def test_a_long_closure_is_crossed():
    closed = tuple(MON + dt.timedelta(days=n) for n in range(60))
    hours = Schedule(DisplayHours(monday=("09:00-17:00",), holidays=closed))
    assert hours.next_change(at(MON, "08:00")) == at(MON + dt.timedelta(days=63), "09:00")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        pytest.skip(f"the time zone database has no {name} (Debian: tzdata)")


def test_an_aware_moment_is_read_on_the_local_clock():
    shanghai = zone("Asia/Shanghai")
    hours = Schedule(DisplayHours(monday=("09:00-17:00",)), shanghai)
    utc = dt.timezone.utc
    assert hours.is_open(dt.datetime(2026, 12, 7, 1, 30, tzinfo=utc))  # 09:30 in Jining
    assert not hours.is_open(dt.datetime(2026, 12, 7, 9, 30, tzinfo=utc))  # 17:30 in Jining
    change = hours.next_change(dt.datetime(2026, 12, 7, 0, 0, tzinfo=utc))  # 08:00 in Jining
    assert change == dt.datetime(2026, 12, 7, 1, 0, tzinfo=utc) and change.utcoffset() == dt.timedelta(hours=8)


def test_a_daylight_saving_change_keeps_the_wall_clock_times():
    berlin = zone("Europe/Berlin")  # clocks went forward on 29 March 2026
    hours = Schedule(DisplayHours(monday=("09:00-17:00",)), berlin)
    change = hours.next_change(dt.datetime(2026, 3, 27, 12, 0, tzinfo=berlin))
    assert change.replace(tzinfo=None) == dt.datetime(2026, 3, 30, 9, 0)
    assert change.utcoffset() == dt.timedelta(hours=2)


def test_the_computers_own_zone_is_used_by_default():
    hours = Schedule(DisplayHours(monday=("09:00-17:00",)))
    local = dt.datetime(2026, 12, 7, 9, 30).astimezone()  # 09:30 on this computer's clock
    assert hours.is_open(local.astimezone(dt.timezone.utc))
    assert hours.next_change(local).replace(tzinfo=None) == dt.datetime(2026, 12, 7, 17, 0)


@pytest.mark.parametrize("text", ["9:00-17:00", "09:00", "09:00-17:60", "24:00-09:00", "09:00-09:00", "9am-5pm"])
def test_a_bad_range_is_refused_with_words_a_technician_reads(text):
    with pytest.raises(ValueError, match="24-hour clock|same time"):
        parse_range(text)


# ---- the configuration ----------------------------------------------------------------------


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_display_hours_as_a_technician_writes_them(tmp_path):
    loaded = load_config(write(tmp_path, """
restart_at = "03:30"
[display_hours]
monday = ["09:00-12:00", "13:30-17:30"]
tuesday = "09:00-17:30"              # one range needs no brackets
sunday = []
holidays = [2026-10-01, "2026-10-02"]
wake_minutes = 0
"""))
    assert loaded.problems == []
    hours = loaded.config.display_hours
    assert hours.monday == ("09:00-12:00", "13:30-17:30") and hours.tuesday == ("09:00-17:30",)
    assert hours.holidays == (dt.date(2026, 10, 1), dt.date(2026, 10, 2)) and hours.wake_minutes == 0
    assert loaded.config.restart_at == "03:30"
    assert load_config(tmp_path / "none.toml").config.display_hours is None  # always on


@pytest.mark.parametrize(("text", "key", "words"), [
    ('[display_hours]\nmonday = ["9:00-17:00"]\n', "display_hours.monday.0", '"9:00" is not a time of day'),
    ('[display_hours]\nfriday = ["18:00"]\n', "display_hours.friday.0", "start-end"),
    ('[display_hours]\nholidays = ["2026-13-01"]\n', "display_hours.holidays.0", "month"),
    ('[display_hours]\nwake_minutes = -5\n', "display_hours.wake_minutes", "greater than or equal to 0"),
    ('[display_hours]\nfridy = ["09:00-17:00"]\n', "display_hours.fridy", "unknown setting"),
    ('restart_at = "3.30"\n', "restart_at", "24-hour clock"),
])
def test_a_bad_value_is_named_with_its_key(tmp_path, text, key, words):
    problems = load_config(write(tmp_path, text)).problems
    assert any(p.path.endswith(f": {key}") and words in p.message for p in problems), problems
