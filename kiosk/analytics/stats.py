"""What the analytics say, for a range of days: the numbers behind `kiosk stats`, its CSV
files and report, and the staff panel. Qt-free; reads only.

Days and hours are the kiosk's local time (a visitor centre thinks in its own opening hours).
"""

from __future__ import annotations

import csv
import datetime
import sqlite3
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.analytics.visits import Kind
from kiosk.restart import CLEAN_EXIT_CODES

Date = datetime.date


@dataclass
class ViewUse:
    view: str
    visits: int
    dwell_seconds: float
    median_dwell_seconds: float


@dataclass
class Summary:
    since: Date
    until: Date  # inclusive
    sessions: int = 0
    median_session_seconds: float | None = None
    per_day: list[tuple[Date, int]] = field(default_factory=list)  # every day, none left out
    per_hour: list[tuple[int, int]] = field(default_factory=list)  # sessions started, 0..23
    views: list[ViewUse] = field(default_factory=list)  # most visited first
    figures: list[tuple[str, int]] = field(default_factory=list)  # taps, most first
    sources: list[tuple[str, int]] = field(default_factory=list)  # source cards opened
    qr_codes: int = 0
    languages: list[tuple[str, int]] = field(default_factory=list)  # sessions by language: see language_shares
    language_switches: int = 0
    text_size_changes: int = 0
    contrast_changes: int = 0
    idle_resets: int = 0
    starts: int = 0
    crashes: int = 0  # runs that died, or ended with an exit code other than a staff exit or restart


def bounds(since: Date, until: Date, tz: datetime.tzinfo | None) -> tuple[float, float]:
    start = datetime.datetime.combine(since, datetime.time(), tz).timestamp()
    end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time(), tz).timestamp()
    return start, end


def first_day(connection: sqlite3.Connection, tz: datetime.tzinfo | None) -> Date | None:
    row = connection.execute("SELECT min(started) FROM runs UNION ALL SELECT min(started) FROM sessions").fetchall()
    found = [value for (value,) in row if value is not None]
    return _local(min(found), tz).date() if found else None


def summarise(connection: sqlite3.Connection, since: Date, until: Date,
              tz: datetime.tzinfo | None = None) -> Summary:
    start, end = bounds(since, until, tz)
    summary = Summary(since, until)
    _sessions(connection, summary, start, end, tz)
    _events(connection, summary, start, end)
    _runs(connection, summary, start, end)
    return summary


def _sessions(connection, summary: Summary, start: float, end: float, tz) -> None:
    rows = connection.execute(
        "SELECT started, last_touch, ended, language FROM sessions WHERE started >= ? AND started < ?",
        (start, end)).fetchall()
    summary.sessions = len(rows)
    lengths = [last - first for first, last, ended, _ in rows if ended is not None and last is not None]
    summary.median_session_seconds = statistics.median(lengths) if lengths else None
    days = Counter(_local(first, tz).date() for first, *_ in rows)
    day, summary.per_day = summary.since, []
    while day <= summary.until:
        summary.per_day.append((day, days[day]))
        day += datetime.timedelta(days=1)
    hours = Counter(_local(first, tz).hour for first, *_ in rows)
    summary.per_hour = [(hour, hours[hour]) for hour in range(24)]
    summary.languages = Counter(language for *_, language in rows if language).most_common()


def _events(connection, summary: Summary, start: float, end: float) -> None:
    rows = connection.execute("SELECT kind, view, subject, seconds FROM events WHERE at >= ? AND at < ?",
                              (start, end)).fetchall()
    dwell: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, Counter] = defaultdict(Counter)
    for kind, view, subject, seconds in rows:
        if kind == Kind.VIEW.value:
            dwell[view].append(seconds or 0.0)
        else:
            counts[kind][subject] += 1
    summary.views = sorted((ViewUse(view, len(times), sum(times), statistics.median(times))
                            for view, times in dwell.items()), key=lambda use: (-use.visits, use.view))
    summary.figures = _ranked(counts[Kind.FIGURE.value])
    summary.sources = _ranked(counts[Kind.SOURCE.value])
    summary.qr_codes = sum(counts[Kind.QR.value].values())
    summary.language_switches = sum(counts[Kind.LANGUAGE.value].values())
    summary.text_size_changes = sum(counts[Kind.TEXT_SIZE.value].values())
    summary.contrast_changes = sum(counts[Kind.CONTRAST.value].values())
    summary.idle_resets = sum(counts[Kind.IDLE_RESET.value].values())


def language_shares(summary: Summary) -> list[tuple[str, int, float]]:
    """Sessions by the language they were left in (or, never closed, were last in), with each
    one's share in per cent to one decimal: the one definition for `kiosk stats`, its CSV
    files and report, and the staff panel. Sessions recorded without a language (by kiosks
    before this one kept it for open sessions) are left out of every share alike, so the
    shares add up to 100."""
    known = sum(n for _, n in summary.languages)
    return [(language, n, round(100 * n / known, 1)) for language, n in summary.languages]


def _runs(connection, summary: Summary, start: float, end: float) -> None:
    summary.starts = connection.execute("SELECT count(*) FROM runs WHERE started >= ? AND started < ?",
                                        (start, end)).fetchone()[0]
    summary.crashes = connection.execute(
        "SELECT count(*) FROM runs WHERE last_seen >= ? AND last_seen < ?"
        " AND (unclean = 1 OR (ended IS NOT NULL AND exit_code NOT IN (?, ?)))",
        (start, end, *CLEAN_EXIT_CODES)).fetchone()[0]


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _local(timestamp: float, tz) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(timestamp, tz)


# ---- for people -----------------------------------------------------------------------------

def duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def tables(summary: Summary, names: dict[str, str] | None = None) -> dict[str, tuple[list[str], list[list]]]:
    """Every table of the summary as (header, rows): the one source for terminal, CSV and HTML."""
    name = (names or {}).get
    return {
        "totals": (["measure", "value"], [
            ["sessions", summary.sessions],
            ["median session length (s)", _round(summary.median_session_seconds)],
            ["source cards opened", sum(n for _, n in summary.sources)],
            ["QR codes shown", summary.qr_codes],
            ["language switches", summary.language_switches],
            ["text size changes", summary.text_size_changes],
            ["contrast changes", summary.contrast_changes],
            ["idle resets", summary.idle_resets],
            ["kiosk starts", summary.starts],
            ["crashes", summary.crashes]]),
        "sessions_per_day": (["day", "sessions"], [[day.isoformat(), n] for day, n in summary.per_day]),
        "busiest_hours": (["hour", "sessions"], [[f"{hour:02d}:00", n] for hour, n in summary.per_hour]),
        "views": (["view", "name", "visits", "total dwell (s)", "median dwell (s)"],
                  [[use.view, name(use.view, ""), use.visits, _round(use.dwell_seconds),
                    _round(use.median_dwell_seconds)]
                   for use in summary.views]),
        "figures_tapped": (["figure", "name", "taps"], [[key, name(key, ""), n] for key, n in summary.figures]),
        "sources_opened": (["source", "name", "opened"], [[key, name(key, ""), n] for key, n in summary.sources]),
        "languages": (["language", "sessions", "share (%)"], [list(row) for row in language_shares(summary)]),
    }


def _round(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


def write_csv(summary: Summary, directory: Path, names: dict[str, str] | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (header, rows) in tables(summary, names).items():
        path = directory / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def text_report(summary: Summary, names: dict[str, str] | None = None, top: int = 10) -> str:
    """The terminal summary: totals, then each table (long ones cut to their top rows)."""
    lines = [f"Kiosk analytics {summary.since} to {summary.until}", ""]
    all_tables = tables(summary, names)
    header, rows = all_tables.pop("totals")
    lines += _aligned(None, header, [[m.replace(" (s)", ""), duration(summary.median_session_seconds)]
                                     if "length" in m else [m, v] for m, v in rows])
    busiest = sorted(all_tables.pop("busiest_hours")[1], key=lambda row: -row[1])[:5]
    for title, (header, rows) in all_tables.items():
        shown = rows if title == "sessions_per_day" and len(rows) <= 31 else rows[:top]
        lines += ["", *_aligned(title.replace("_", " "), header, shown)]
        if len(shown) < len(rows):
            lines.append(f"  ... {len(rows) - len(shown)} more (see --csv)")
    lines += ["", *_aligned("busiest hours (top 5)", ["hour", "sessions"], [r for r in busiest if r[1]])]
    return "\n".join(lines)


def _aligned(title: str | None, header: list[str], rows: list[list]) -> list[str]:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    out = [title] if title else []
    for n, row in enumerate(cells):
        pads = [" " * (w - _width(c)) for c, w in zip(row, widths)]
        out.append("  " + "  ".join(pad + c if _numeric(c) and n else c + pad for c, pad in zip(row, pads)))
        if n == 0:
            out.append("  " + "  ".join("-" * w for w in widths))
    if not rows:
        out.append("  (none)")
    return out


def _width(text: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _numeric(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()


def open_read(path: Path) -> sqlite3.Connection:
    """A connection for reading (never creates the file; a reader waits briefly, at most)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no analytics recorded yet")
    return sqlite3.connect(path, timeout=0.5)


def key_numbers(path: Path, today: Date, tz: datetime.tzinfo | None = None) -> tuple[Summary, Summary]:
    """Today's and the last seven days' summaries, for the staff panel."""
    connection = open_read(path)
    try:
        return (summarise(connection, today, today, tz),
                summarise(connection, today - datetime.timedelta(days=6), today, tz))
    finally:
        connection.close()
