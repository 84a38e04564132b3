"""The clock and time zone: synchronised, in a sensible zone, and not before the dataset's own dates."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

from kiosk.doctor import messages as m
from kiosk.doctor.checks.data import choose
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say
from kiosk.resources import data_path

# Zones that are the same as UTC: right for servers, wrong for counting visitors by their hours.
UTC_ZONES = {"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT", "Etc/GMT0",
             "Etc/GMT+0", "Etc/GMT-0", "GMT0", "Etc/Greenwich", "Greenwich"}
CHINA_ZONE = "Asia/Shanghai"  # China Standard Time, the visitor centre's time


def check_clock(env: Environment) -> list[Finding]:
    shown = env.run(["timedatectl", "show"])
    properties = dict(line.partition("=")[::2] for line in shown.stdout.splitlines()) if shown.ok else {}
    return [_zone(env, properties), _sync(shown, properties), _date(env)]


def _zone(env: Environment, properties: dict[str, str]) -> Finding:
    zone = properties.get("Timezone") or time_zone(env)
    now = env.now().replace(microsecond=0).isoformat(sep=" ")
    if not zone:
        return Finding("timezone", WARNING, say(m.NO_TIMEZONE, now=now), say(m.SET_TIMEZONE_FIX, zone=CHINA_ZONE))
    if zone in UTC_ZONES:
        return Finding("timezone", WARNING, say(m.UTC_TIMEZONE, zone=zone, now=now),
                       say(m.SET_TIMEZONE_FIX, zone=CHINA_ZONE))
    return Finding("timezone", OK, say(m.TIMEZONE_OK, zone=zone, now=now))


def time_zone(env: Environment) -> str:
    """The zone name from TZ, /etc/timezone (Debian) or the /etc/localtime link, '' if none says."""
    if env.environ.get("TZ"):
        return env.environ["TZ"].lstrip(":")
    try:
        return (env.etc / "timezone").read_text(encoding="utf-8").strip()
    except OSError:
        pass
    localtime = env.etc / "localtime"
    if localtime.is_symlink():
        target = Path(os.readlink(localtime))
        if "zoneinfo" in target.parts:
            return "/".join(target.parts[target.parts.index("zoneinfo") + 1:])
    return ""


def _sync(shown, properties: dict[str, str]) -> Finding:
    if not shown.ok:
        return Finding("clock-sync", WARNING, say(m.SYNC_UNKNOWN, detail=shown.why()), say(m.SYNC_UNKNOWN_FIX))
    if properties.get("NTPSynchronized") == "yes":
        return Finding("clock-sync", OK, say(m.SYNC_OK))
    if properties.get("NTP") == "no":
        return Finding("clock-sync", WARNING, say(m.SYNC_OFF), say(m.SYNC_FIX))
    return Finding("clock-sync", WARNING, say(m.NOT_SYNCED), say(m.SYNC_FIX))


def _date(env: Environment) -> Finding:
    today = env.now().date()
    latest, path = max(((latest_date(p), p) for p in _datasets(env)), default=(None, None),
                       key=lambda pair: pair[0] or datetime.date.min)
    if latest is not None and today < latest:
        return Finding("clock-date", PROBLEM, say(m.CLOCK_BEHIND, today=today.isoformat(), latest=latest.isoformat(),
                                                  path=path), say(m.CLOCK_BEHIND_FIX))
    return Finding("clock-date", OK, say(m.CLOCK_DATE_OK, today=today.isoformat(),
                                         latest=latest.isoformat() if latest else "-"))


def _datasets(env: Environment) -> list[Path]:
    """The bundled dataset and the configured file: whichever the kiosk shows must not be 'in the future'."""
    configured = choose(env).configured
    return [data_path(), *([configured] if configured is not None and configured.is_file() else [])]


def latest_date(path: Path) -> datetime.date | None:
    """The latest source date or figure year in a data file, read without validating it (a clock
    in the past makes the validator reject the file, which is what this finding explains)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        dates = [datetime.date.fromisoformat(s["date"]) for s in data.get("sources", []) if "date" in s]
        dates += [datetime.date(f["year"], 1, 1) for f in data.get("figures", []) if isinstance(f.get("year"), int)]
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return max(dates, default=None)
