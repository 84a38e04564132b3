"""Logs that operators can read, a crash that exits for the service manager, autostart files."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import autostart
from kiosk.logs import CRASH_EXIT_CODE, setup_logging


def test_logs_go_to_a_file_in_the_log_directory(tmp_path):
    path = setup_logging("INFO", tmp_path / "logs")
    logging.getLogger("kiosk.test").info("visible to the operator")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "visible to the operator" in path.read_text(encoding="utf-8")
    setup_logging("WARNING", None)


def test_an_unwritable_log_directory_does_not_stop_logging(tmp_path, caplog):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the directory should be")
    assert setup_logging("INFO", blocker / "logs") is None
    setup_logging("WARNING", None)


CRASH = """
import sys
from pathlib import Path
from kiosk.logs import install_excepthook, setup_logging
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
setup_logging("INFO", Path(sys.argv[1]))
install_excepthook()
app = QApplication(["x", "-platform", "offscreen"])
def slot():
    raise RuntimeError("boom in a slot")
QTimer.singleShot(0, slot)
QTimer.singleShot(5000, app.quit)  # if the exception were swallowed, this would end it with 0
sys.exit(app.exec())
"""


def test_an_exception_in_a_slot_is_logged_and_exits_non_zero(tmp_path):
    result = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == CRASH_EXIT_CODE
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in log and "Traceback" in log


FAKE_SYSTEMCTL = """#!/bin/sh
# systemctl as a machine with or without a user session answers (KIOSK_FAKE_SYSTEMD).
echo "$*" >> "$(dirname "$0")/calls"
case "$KIOSK_FAKE_SYSTEMD" in
    no-bus) echo "Failed to connect to bus: No medium found" >&2; exit 1 ;;
esac
case "$*" in
    *"is-active"*graphical-session.target) [ "$KIOSK_FAKE_SYSTEMD" = "graphical" ] || exit 3 ;;
esac
exit 0
"""


@pytest.fixture
def systemd(tmp_path, monkeypatch):
    """A fake systemctl first on PATH, in a throw-away config home; returns how to set it up."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "systemctl"
    fake.write_text(FAKE_SYSTEMCTL)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    def session(kind):
        monkeypatch.setenv("KIOSK_FAKE_SYSTEMD", kind)
        return bin_dir / "calls"

    return session


def test_install_and_uninstall_autostart(systemd, capsys):
    calls = systemd("graphical")
    desktop, unit = autostart.paths()
    assert autostart.autostart("install-autostart", []) == 0
    exec_line = next(l for l in desktop.read_text().splitlines() if l.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").split()[0]).is_absolute()
    assert autostart.autostart("uninstall-autostart", []) == 0 and not desktop.exists()
    assert autostart.autostart("install-autostart", ["--systemd"]) == 0
    text = unit.read_text()
    assert "Restart=always" in text and "RestartSec=2" in text and "StartLimitIntervalSec=0" in text
    assert "RestartPreventExitStatus=0" in text  # a staff exit (code 0) stays exited
    assert "@KIOSK@" not in text
    assert "--user enable jining-kiosk.service" in calls.read_text()
    assert capsys.readouterr().err == ""  # one kind, on a desktop that reaches the target: nothing to warn
    assert autostart.autostart("uninstall-autostart", []) == 0
    assert not desktop.exists() and not unit.exists()


def test_systemd_install_without_a_user_session_explains_and_fails(systemd, capsys):
    systemd("no-bus")
    assert autostart.autostart("install-autostart", ["--systemd"]) == 1
    err = capsys.readouterr().err
    assert "no systemd user session" in err and "Failed to connect to bus" in err
    assert "kiosk install-autostart" in err.replace("kiosk install-autostart --systemd:", "")  # the XDG entry
    assert not autostart.paths()[1].exists()  # nothing half-installed


def test_systemd_install_without_systemd_at_all_explains_and_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(autostart.shutil, "which", lambda name: None)
    assert autostart.autostart("install-autostart", ["--systemd"]) == 1
    assert "does not use systemd" in capsys.readouterr().err


def test_the_real_command_exits_non_zero_without_a_user_session(systemd):
    systemd("no-bus")
    result = subprocess.run([sys.executable, "-m", "kiosk", "install-autostart", "--systemd"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("second", ["--systemd", ""])
def test_installing_both_kinds_warns_of_two_kiosks_and_says_how_to_remove_one(systemd, capsys, second):
    systemd("graphical")
    first = [] if second else ["--systemd"]
    assert autostart.autostart("install-autostart", first) == 0
    capsys.readouterr()
    assert autostart.autostart("install-autostart", [second] if second else []) == 0
    err = capsys.readouterr().err
    desktop, unit = autostart.paths()
    assert "two kiosks" in err
    assert (f"rm {desktop}" if second else f"systemctl --user disable jining-kiosk && rm {unit}") in err


def test_a_session_without_graphical_session_target_is_told_what_to_do(systemd, capsys):
    systemd("no-graphical-target")  # e.g. Xfce: the user manager runs, the target is never reached
    assert autostart.autostart("install-autostart", ["--systemd"]) == 0
    err = capsys.readouterr().err
    assert "graphical-session.target is not active" in err and "kiosk install-autostart" in err


def test_the_kiosk_writes_its_log_where_the_platform_keeps_logs(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--quit-after", "0"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    [log] = tmp_path.rglob("kiosk.log")
    assert "first frame painted" in log.read_text(encoding="utf-8")
