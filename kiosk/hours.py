"""Opening hours: is the kiosk open at a given moment, and when does that next change? Qt-free.

The configuration lists, per weekday, time ranges such as "09:00-12:00" in the kiosk's local
time; a range whose end is not after its start runs past midnight ("18:00-02:00" closes at 2 in
the morning of the next day), and "24:00" is the end of the day. Holidays are closed all day
(a range that started the evening before still runs to its end). Everything is computed on the
local wall clock, then turned into an aware moment, so a daylight-saving change (none in China)
moves nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.config import DisplayHours

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_MINUTES = 24 * 60
_CLOCK = re.compile(r"^(\d{2}):(\d{2})$")
_SEARCH_DAYS = (8, 800)  # a week is enough unless holidays close a long stretch


def parse_clock(text: str, end_of_day: bool = False) -> int:
    """Minutes after midnight of "HH:MM" on the 24-hour clock ("24:00" only as the end of a range)."""
    match = _CLOCK.match(text.strip())
    hours, minutes = (int(part) for part in match.groups()) if match else (-1, -1)
    if not (0 <= hours <= 23 and 0 <= minutes <= 59) and not (end_of_day and (hours, minutes) == (24, 0)):
        raise ValueError(f'"{text}" is not a time of day: write it on the 24-hour clock as HH:MM, '
                         f'e.g. "09:00" or "17:30"')
    return hours * 60 + minutes


def parse_range(text: str) -> tuple[int, int]:
    """(start, end) in minutes after midnight of "HH:MM-HH:MM"; end <= start runs past midnight."""
    parts = text.split("-")
    if len(parts) != 2:
        raise ValueError(f'"{text}" is not an opening time: write it as start-end on the 24-hour clock, '
                         f'e.g. "09:00-17:30"')
    start, end = parse_clock(parts[0]), parse_clock(parts[1], end_of_day=True)
    if start == end:
        raise ValueError(f'"{text}" opens and closes at the same time: for a whole day write "00:00-24:00"')
    return start, end


class Schedule:
    """When the screen should be on, from a DisplayHours configuration.

    Moments may be aware (converted to `zone`, by default the computer's local time zone) or
    naive (read as local wall-clock time already).
    """

    def __init__(self, hours: DisplayHours, zone: dt.tzinfo | None = None):
        self.zone = zone
        self.ranges = [[parse_range(text) for text in getattr(hours, day)] for day in WEEKDAYS]
        self.holidays = frozenset(hours.holidays)

    @property
    def never_open(self) -> bool:
        return not any(self.ranges)

    def is_open(self, at: dt.datetime) -> bool:
        local = self._local(at)
        return any(start <= local < end for start, end in self._intervals(local.date() - dt.timedelta(days=1), 2))

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """The first moment after `at` when the kiosk opens or closes; None if it never does."""
        local = self._local(at)
        first_day = local.date() - dt.timedelta(days=1)
        for days in _SEARCH_DAYS:
            for start, end in _merged(self._intervals(first_day, days)):
                if start > local:
                    return self._aware(start, at)
                if local < end and end < dt.datetime.combine(first_day + dt.timedelta(days=days), dt.time()):
                    return self._aware(end, at)
        return None

    def _intervals(self, first: dt.date, days: int) -> list[tuple[dt.datetime, dt.datetime]]:
        """Opening intervals (local, naive) of the ranges that start on `days` days from `first`."""
        intervals = []
        for offset in range(days):
            day = first + dt.timedelta(days=offset)
            if day in self.holidays:
                continue
            midnight = dt.datetime.combine(day, dt.time())
            for start, end in self.ranges[day.weekday()]:
                end += DAY_MINUTES if end <= start else 0
                intervals.append((midnight + dt.timedelta(minutes=start), midnight + dt.timedelta(minutes=end)))
        return intervals

    def _local(self, at: dt.datetime) -> dt.datetime:
        if at.tzinfo is None:
            return at
        return at.astimezone(self.zone).replace(tzinfo=None)

    def _aware(self, local: dt.datetime, like: dt.datetime) -> dt.datetime:
        """A local wall-clock moment as the caller gave theirs: naive, or aware in the zone."""
        if like.tzinfo is None:
            return local
        return local.replace(tzinfo=self.zone) if self.zone is not None else local.astimezone()


def _merged(intervals: Iterable[tuple[dt.datetime, dt.datetime]]) -> Sequence[tuple[dt.datetime, dt.datetime]]:
    """Overlapping or touching intervals joined: "…-24:00" then "00:00-…" is one opening."""
    merged: list[list[dt.datetime]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]
