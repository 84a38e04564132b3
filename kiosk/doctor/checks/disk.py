"""Room and write access for the log files, the visitor analytics and the last good data copy."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say
from kiosk.logs import BACKUPS, MAX_BYTES as LOG_BYTES
from kiosk.model.loader import MAX_BYTES as DATA_BYTES

MB = 1000 * 1000
# What the kiosk writes at most, from its own limits: the log and its rotations, and a last good
# copy of a data file at the size limit written beside the old one before it replaces it. Less
# room than that is a problem.
LOGS_ROOM = LOG_BYTES * (BACKUPS + 1)
DATA_ROOM = 2 * DATA_BYTES
# Visitor analytics: a simulated month of the default opening hours (kiosk.analytics.simulate,
# 1,548 visits) makes a 1.0 MB database, ~35 KB a day. Ten times that, for a busy centre, over
# the days the analytics are kept (analytics_keep_days, 400 by default: 140 MB). Less room than
# that as well is a warning.
ANALYTICS_PER_DAY = 10 * 35_000


def check_disk(env: Environment) -> list[Finding]:
    config = env.loaded.config
    analytics = config.analytics_keep_days * ANALYTICS_PER_DAY if config.analytics else 0
    folders = {"disk-logs": (env.log_dir, LOGS_ROOM, LOGS_ROOM),
               "disk-data": (env.state_dir, DATA_ROOM, DATA_ROOM + analytics)}
    if env.analytics_path.parent != env.state_dir:
        folders["disk-analytics"] = (env.analytics_path.parent, 0, analytics)
    return [_folder(check_id, folder, need, env.disk_room if env.disk_room is not None else want)
            for check_id, (folder, need, want) in folders.items()]


def _folder(check_id: str, folder: Path, need: int, want: int) -> Finding:
    """`need`: bytes without which writing fails; `want`: bytes for everything the kiosk keeps there."""
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        return Finding(check_id, PROBLEM, say(m.NOT_A_FOLDER, folder=folder, path=existing),
                       say(m.NOT_A_FOLDER_FIX, path=existing))
    failure = _write_failure(existing)
    if failure:
        return Finding(check_id, PROBLEM, say(m.NOT_WRITABLE, folder=folder, error=failure),
                       say(m.NOT_WRITABLE_FIX, folder=existing))
    free = shutil.disk_usage(existing).free
    if free < max(need, want):
        return Finding(check_id, PROBLEM if free < need else WARNING,
                       say(m.LOW_ROOM, folder=folder, free=_mb(free), room=_mb(max(need, want))),
                       say(m.LOW_ROOM_FIX, folder=existing))
    return Finding(check_id, OK, say(m.ROOM_OK, folder=folder, free=_mb(free)))


def _nearest_existing(folder: Path) -> Path:
    """The folder, or the nearest parent that exists (the kiosk creates the rest when it starts)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return Path("/")


def _write_failure(folder: Path) -> str:
    """'' if a file can be written there (tried, not guessed from permission bits), else why not."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".kiosk-doctor-"):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return ""


def _mb(size: int) -> str:
    return f"{size / MB:,.0f}"
