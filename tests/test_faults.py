"""Faults injected into the real, running program: it keeps showing good content, says what is
wrong, and stops or restarts cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.model.loader import load_dataset
from conftest import STARTED
from test_data_reload import edited, operator_file, write_atomically  # noqa: F401 (a fixture)

FIRST_FRAME = "first frame painted"


class Running:
    """The kiosk as a process with its own config, state and log directories."""

    def __init__(self, tmp_path: Path, *args: str, code: str | None = None, env: dict | None = None):
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                    "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "share"),
                    **(env or {})}
        command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "kiosk", *args]
        self.process = subprocess.Popen(command + ["--windowed"], env=self.env,
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        STARTED.append(self.process)
        self.lines: list[str] = []

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """Read the log (stderr) until a line contains `text`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.lines.append(line)
            if text in line:
                return line
        raise AssertionError(f"never logged {text!r}:\n{self.log}")

    def finish(self, timeout: float = 30) -> int:
        _, rest = self.process.communicate(timeout=timeout)
        self.lines.append(rest or "")
        return self.process.returncode

    @property
    def log(self) -> str:
        return "".join(self.lines)


def make_unreadable(path: Path) -> None:
    if os.geteuid() == 0:  # permissions do not stop root: a directory in its place does
        path.unlink()
        path.mkdir()
    else:
        path.chmod(0)


MUTATIONS = {
    "deleted": lambda path: path.unlink(),
    "truncated": lambda path: path.write_bytes((data := path.read_bytes())[: len(data) // 2]),
    "garbage": lambda path: path.write_bytes(os.urandom(4096)),
    "unreadable": make_unreadable,
}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=list(MUTATIONS))
def test_a_damaged_data_file_keeps_the_good_data_on_screen(tmp_path, operator_file, mutation):
    kiosk = Running(tmp_path, "--data", str(operator_file), "--quit-after", "3")
    kiosk.wait_for(FIRST_FRAME)
    MUTATIONS[mutation](operator_file)
    kiosk.wait_for("keeping")  # "... keeping what is shown" / "... keeping the data on screen"
    assert kiosk.finish() == 0
    assert "now showing" not in kiosk.log  # nothing replaced the good data
    assert str(operator_file) in kiosk.log


def test_sigterm_stops_cleanly_with_exit_code_0(tmp_path):
    kiosk = Running(tmp_path)
    kiosk.wait_for(FIRST_FRAME)
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.finish() == 0
    assert "stopping on SIGTERM" in kiosk.log and "stopped, exit code 0" in kiosk.log
    [log_file] = (tmp_path / "state").rglob("kiosk.log")
    assert "stopped, exit code 0" in log_file.read_text(encoding="utf-8")  # the log file is complete


@pytest.mark.parametrize("fault", [signal.SIGSEGV, signal.SIGABRT], ids=["segfault", "abort"])
def test_a_native_crash_is_logged_at_the_next_start_and_the_doctor_names_it(tmp_path, fault):
    """A crash below Python (a segmentation fault in Qt; SIGABRT, as systemd's watchdog ends a
    hung kiosk) leaves no word in the log as the process dies; the next start logs where each
    thread was, once, and kiosk doctor's last-crash check finds it."""
    from kiosk.doctor.checks.crash import last_crash, log_files
    from kiosk.logs import NATIVE_CRASH

    kiosk = Running(tmp_path)
    kiosk.wait_for(FIRST_FRAME)
    kiosk.process.send_signal(fault)
    assert kiosk.finish() == -fault
    [log_file] = (tmp_path / "state").rglob("kiosk.log")
    assert NATIVE_CRASH not in log_file.read_text(encoding="utf-8")

    again = Running(tmp_path, "--quit-after", "0")
    again.wait_for(FIRST_FRAME)
    assert again.finish() == 0
    name = {signal.SIGSEGV: "Segmentation fault", signal.SIGABRT: "Aborted"}[fault]
    crash = last_crash(log_files(log_file.parent))
    assert crash is not None and NATIVE_CRASH in crash.line and name in crash.line
    assert crash.error == f"Fatal Python error: {name}"
    # The thread that crashed comes first, where it was at the time: the main thread, in kiosk run.
    record = log_file.read_text(encoding="utf-8").partition(crash.line)[2].partition(crash.error)[0]
    main_thread = record.split("Thread 0x")[0]
    assert crash.first_frame.startswith('File "') and crash.first_frame in main_thread
    assert "Current thread" in main_thread and 'kiosk/cli.py", line' in main_thread and " in run" in main_thread

    third = Running(tmp_path, "--quit-after", "0")  # reported once: a clean run after it says nothing
    third.wait_for(FIRST_FRAME)
    assert third.finish() == 0
    assert log_file.read_text(encoding="utf-8").count(NATIVE_CRASH) == 1


def test_after_sigkill_mid_reload_the_next_start_is_clean(tmp_path, operator_file, raw):
    kiosk = Running(tmp_path, "--data", str(operator_file))
    kiosk.wait_for(FIRST_FRAME)
    write_atomically(operator_file, edited(raw, "Version two"))
    kiosk.wait_for("now showing")
    operator_file.write_text(edited(raw, "Version three")[:500], encoding="utf-8")  # half written
    kiosk.process.kill()
    assert kiosk.finish() == -signal.SIGKILL
    [last_good] = (tmp_path / "share").rglob("last-good.json")
    assert load_dataset(last_good).figures[0].label["en"] == "Version two"
    again = Running(tmp_path, "--data", str(operator_file), "--quit-after", "0")
    again.wait_for(FIRST_FRAME)
    assert again.finish() == 0
    assert f"data file rejected, keeping what is shown: {operator_file}" in again.log  # named ...
    assert f"showing {last_good} (last good copy)" in again.log  # ... and the kept copy shown


def test_a_broken_config_file_starts_with_defaults_and_says_so(tmp_path):
    config = tmp_path / "config" / "jining-kiosk" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("idle_seconds = [unclosed\n", encoding="utf-8")
    kiosk = Running(tmp_path, "--quit-after", "0")
    kiosk.wait_for(FIRST_FRAME)
    assert kiosk.finish() == 0
    assert f"config {config}: line 1" in kiosk.log and "using the default" in kiosk.log


def test_set_pin_reaches_a_kiosk_started_without_a_pin_and_without_a_config_file(tmp_path):
    """The first day: './run-kiosk' before any PIN, then 'kiosk set-pin' in another terminal."""
    kiosk = Running(tmp_path)
    kiosk.wait_for(FIRST_FRAME)
    result = subprocess.run([sys.executable, "-m", "kiosk", "set-pin"], input="2468\n2468\n", env=kiosk.env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    kiosk.wait_for("pin_hash changed from not set to set (not shown); applied")
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.finish() == 0


def test_an_unwritable_log_directory_leaves_stderr(tmp_path):
    (tmp_path / "state").write_text("a file where the state directory should be")
    kiosk = Running(tmp_path, "--quit-after", "0")
    kiosk.wait_for(FIRST_FRAME)
    assert kiosk.finish() == 0
    assert "cannot write logs" in kiosk.log


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_the_log_file_is_reported_once_and_the_kiosk_runs_on(tmp_path):
    log_dir = tmp_path / "state" / "jining-kiosk" / "log"
    log_dir.mkdir(parents=True)
    (log_dir / "kiosk.log").symlink_to("/dev/full")  # every write: "No space left on device"
    kiosk = Running(tmp_path, "--quit-after", "1")
    kiosk.wait_for(FIRST_FRAME)
    assert kiosk.finish() == 0
    assert kiosk.log.count("cannot write the log file") == 1, kiosk.log
    assert "No space left on device" in kiosk.log and "Traceback" not in kiosk.log


MISSING_FONT = """
import sys
import kiosk.ui.app
from kiosk.cli import main
kiosk.ui.app.FONT_FILES = ("KioskSansSC-Gone.otf",)  # as if the file had been deleted
sys.exit(main(sys.argv[1:]))
"""


def test_a_missing_bundled_font_falls_back_to_a_system_font(tmp_path):
    kiosk = Running(tmp_path, "--quit-after", "0", code=MISSING_FONT)
    kiosk.wait_for(FIRST_FRAME)
    assert kiosk.finish() == 0
    assert "bundled font missing" in kiosk.log and "using system font" in kiosk.log


@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768)], ids=["rotated", "smaller"])
def test_a_screen_that_turns_or_changes_size_gets_the_whole_window_relaid_out(make_kiosk, size):
    from PySide6.QtCore import QRect

    from conftest import settle
    from kiosk.ui.lockdown import FullScreenKeeper, show_full_screen
    from ui_helpers import layout_problems

    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    show_full_screen(window)
    settle()
    # The test screen keeps its size while it reports another; the keeper of full screen would
    # rightly put the window back to the size the screen has, if a busy machine let 300 ms pass.
    for keeper in window.findChildren(FullScreenKeeper):
        keeper.deleteLater()
    settle()
    window.screen().geometryChanged.emit(QRect(0, 0, *size))  # what xrandr --rotate left reports
    settle()
    assert (window.width(), window.height()) == size
    stacked = window.tabs.box.direction() == window.tabs.box.Direction.BottomToTop
    assert stacked == (size[1] > size[0])  # portrait: the visitor controls get a row of their own
    assert layout_problems(window, scrolling=True) == []


def test_the_real_program_records_its_runs_sigterm_as_clean_and_sigkill_as_a_crash(tmp_path):
    import datetime
    import sqlite3

    from kiosk.analytics import stats
    from test_analytics import rows_in

    for number, stop in enumerate((signal.SIGTERM, signal.SIGKILL), start=1):
        kiosk = Running(tmp_path)
        kiosk.wait_for(FIRST_FRAME)  # analytics start once the first frame is up
        path = Path(kiosk.wait_for("visitor analytics:").rsplit(": ", 1)[1].strip())
        deadline = time.monotonic() + 10
        while rows_in(path, "runs") < number and time.monotonic() < deadline:
            time.sleep(0.05)
        kiosk.process.send_signal(stop)
        kiosk.finish()
    again = Running(tmp_path, "--quit-after", "0")
    again.wait_for(FIRST_FRAME)
    assert again.finish() == 0
    assert "1 earlier run(s) ended without a clean exit" in again.log
    assert path.parent.parent == tmp_path / "share"  # the platform data directory
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        summary = stats.summarise(connection, datetime.date.today(), datetime.date.today())
    assert (summary.starts, summary.crashes) == (3, 1)
