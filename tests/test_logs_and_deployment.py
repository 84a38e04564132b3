"""Logs that operators can read, a crash that exits for the service manager, autostart files."""

import logging
import os
import subprocess
import sys
from pathlib import Path

from kiosk import admin
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


def test_install_and_uninstall_autostart(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(admin.shutil, "which", lambda name: None)  # no systemd in the test
    assert admin.autostart("install-autostart", []) == 0
    desktop = tmp_path / "autostart" / admin.DESKTOP_FILE
    exec_line = next(l for l in desktop.read_text().splitlines() if l.startswith("Exec="))
    assert Path(exec_line.removeprefix("Exec=").split()[0]).is_absolute()
    assert admin.autostart("install-autostart", ["--systemd"]) == 0
    unit = (tmp_path / "systemd" / "user" / admin.UNIT_FILE).read_text()
    assert "Restart=always" in unit and "RestartSec=2" in unit and "StartLimitIntervalSec=0" in unit
    assert "RestartPreventExitStatus=0" in unit  # a staff exit (code 0) stays exited
    assert "@KIOSK@" not in unit
    assert admin.autostart("uninstall-autostart", []) == 0
    assert not desktop.exists() and not (tmp_path / "systemd" / "user" / admin.UNIT_FILE).exists()


def test_the_kiosk_writes_its_log_where_the_platform_keeps_logs(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--quit-after", "0"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    [log] = tmp_path.rglob("kiosk.log")
    assert "first frame painted" in log.read_text(encoding="utf-8")
