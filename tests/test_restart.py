"""Staff restart the real program with touches: corner, PIN, Restart kiosk. Without a service
manager the same process becomes a fresh kiosk; under systemd it exits for systemd to restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.pin import hash_pin
from kiosk.restart import RESTART_EXIT_CODE
from test_faults import FIRST_FRAME, Running

PIN = "2468"
# Qt's offscreen screen is 800x800 unless configured, and drops touches outside it.
SCREEN = {"QT_QPA_PLATFORM": f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}"}

# The kiosk, plus a staff member's fingers: once the first frame is up, five taps in the corner,
# the PIN and Restart kiosk, each a real touch delivered to the window. After the restart the
# process runs the plain kiosk (the same arguments), which touches nothing.
STAFF_RESTART = f"""
import sys
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
import kiosk.cli as cli

started = cli._after_start
device = []

def tap(kiosk, point):
    window = kiosk.window.windowHandle()
    QTest.touchEvent(window, device[0]).press(0, point).commit()
    QTest.touchEvent(window, device[0]).release(0, point).commit()
    QApplication.processEvents()

def centre(widget, kiosk):
    return widget.mapTo(kiosk.window, widget.rect().center())

def restart_by_touch(kiosk):
    device.append(QTest.createTouchDevice())
    for _ in range(5):
        tap(kiosk, QPoint(20, 20))
    for key in "{PIN}":
        tap(kiosk, centre(kiosk.pin_pad.keys[key], kiosk))
    tap(kiosk, centre(kiosk.pin_pad.keys["ok"], kiosk))
    tap(kiosk, centre(kiosk.staff.restart_button, kiosk))

def after_start(kiosk, *args):
    started(kiosk, *args)
    QTimer.singleShot(0, lambda: restart_by_touch(kiosk))

cli._after_start = after_start
sys.exit(cli.main(sys.argv[1:]))
"""


def with_pin(tmp_path: Path) -> None:
    config = tmp_path / "config" / "jining-kiosk" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'pin_hash = "{hash_pin(PIN)}"\n', encoding="utf-8")


def command_line(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1]


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_staff_restart_becomes_a_fresh_kiosk_in_the_same_process(tmp_path, monkeypatch):
    with_pin(tmp_path)
    for name in ("INVOCATION_ID", "NOTIFY_SOCKET"):
        monkeypatch.delenv(name, raising=False)
    kiosk = Running(tmp_path, "--quit-after", "3", code=STAFF_RESTART, env=SCREEN)
    pid = kiosk.process.pid  # started as 'python -c STAFF_RESTART'
    kiosk.wait_for(FIRST_FRAME)
    kiosk.wait_for("restarting: staff restart")
    kiosk.wait_for("starting again:")
    kiosk.wait_for(FIRST_FRAME)  # a second first frame ...
    assert command_line(pid)[1:3] == ["-m", "kiosk"]  # ... from the plain kiosk, in the same process
    assert kiosk.finish() == 0  # the fresh kiosk quits by itself (--quit-after)
    assert kiosk.log.count(FIRST_FRAME) == 2 and kiosk.log.count("restarting: staff restart") == 1
    [log_file] = (tmp_path / "state").rglob("kiosk.log")
    assert log_file.read_text(encoding="utf-8").count(FIRST_FRAME) == 2


def test_under_systemd_a_staff_restart_exits_with_the_restart_code(tmp_path):
    with_pin(tmp_path)
    kiosk = Running(tmp_path, "--quit-after", "30", code=STAFF_RESTART, env={**SCREEN, "INVOCATION_ID": "0123abcd"})
    kiosk.wait_for(FIRST_FRAME)
    assert kiosk.finish() == RESTART_EXIT_CODE  # systemd (Restart=always) starts the next one
    assert "restarting: staff restart" in kiosk.log and "starting again" not in kiosk.log
    assert kiosk.log.count(FIRST_FRAME) == 1
