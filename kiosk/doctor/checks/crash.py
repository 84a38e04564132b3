"""The last crash in the kiosk's log (kiosk.log and its rotations): when, and what it was."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, WARNING, Finding, say
from kiosk.logs import BACKUPS, CRASH_EXIT_CODE, NATIVE_CRASH

LOG_NAME = "kiosk.log"
# What kiosk.logs writes for a crash (in Python, or below it: logged at the next start), and an
# exit with the crash code however it was logged.
CRASH_LINE = re.compile(rf"unhandled exception|{NATIVE_CRASH}|exit code {CRASH_EXIT_CODE}\b")
RECORD_START = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")
RECENT = datetime.timedelta(days=7)  # as far back as the staff panel counts crashes


@dataclass(frozen=True)
class Crash:
    file: Path
    time: datetime.datetime | None
    line: str
    first_frame: str  # the traceback's first line after its heading ('File "...", line N, in ...')
    error: str  # the exception itself, the traceback's last line


def check_last_crash(env: Environment) -> Finding:
    files = log_files(env.log_dir)
    if not files:
        return Finding("last-crash", OK, say(m.NO_LOG, folder=env.log_dir))
    crash = last_crash(files)
    if crash is None:
        return Finding("last-crash", OK, say(m.NO_CRASH, count=len(files), folder=env.log_dir))
    when = crash.time.isoformat(sep=" ") if crash.time else "?"
    message = say(m.LAST_CRASH, time=when, error=crash.error or crash.line, frame=crash.first_frame or "-",
                  file=crash.file)
    recent = crash.time is None or env.now() - crash.time <= RECENT
    return Finding("last-crash", WARNING if recent else OK, message,
                   say(m.LAST_CRASH_FIX, file=crash.file, time=when) if recent else "")


def log_files(folder: Path) -> list[Path]:
    """Newest first: kiosk.log, kiosk.log.1, ... (the rotation kiosk.logs sets up)."""
    names = [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, BACKUPS + 1))]
    return [folder / name for name in names if (folder / name).is_file()]


def last_crash(files: list[Path]) -> Crash | None:
    for path in files:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for index in range(len(lines) - 1, -1, -1):
            if RECORD_START.match(lines[index]) and CRASH_LINE.search(lines[index]):
                return _crash(path, lines, index)
    return None


def _crash(path: Path, lines: list[str], index: int) -> Crash:
    stamp = RECORD_START.match(lines[index]).group(1)
    try:
        time = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        time = None
    trace = []
    for line in lines[index + 1:]:
        if RECORD_START.match(line):
            break  # the next log record
        trace.append(line)
    frames = [line.strip() for line in trace if line.lstrip().startswith('File "')]
    errors = [line.strip() for line in trace if line.strip() and not line.startswith((" ", "\t", "Traceback"))]
    return Crash(path, time, lines[index].strip(), frames[0] if frames else "", errors[-1] if errors else "")
