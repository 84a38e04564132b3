"""The real entry point, in subprocesses: it starts, renders, exits by itself, and explains failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.platform_check import NO_DISPLAY, XCB_LIBRARIES, platform_problem

KIOSK = [sys.executable, "-m", "kiosk"]


def run(args, env=None, timeout=60):
    return subprocess.run(KIOSK + args, capture_output=True, text=True, timeout=timeout,
                          env=env or os.environ.copy())


def test_kiosk_starts_full_screen_paints_and_quits_by_itself():
    result = run(["--quit-after", "0"])
    assert result.returncode == 0, result.stderr
    assert "first frame painted" in result.stderr
    assert "2160x2160, full screen" in result.stderr  # the test screen's size


def test_windowed_mode_uses_the_requested_size():
    result = run(["--windowed", "--size", "1366x768", "--lang", "zh", "--quit-after", "0"])
    assert result.returncode == 0, result.stderr
    assert "1366x768, windowed" in result.stderr


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("kiosk")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert "--windowed" in result.stdout


@pytest.mark.parametrize(("view", "lang", "size"), [
    ("overview", "en", (1920, 1080)), ("living", "zh", (1080, 1920)), ("innovation", "en", (1366, 768)),
])
def test_screenshot_is_exactly_the_requested_size(tmp_path, view, lang, size):
    out = tmp_path / "shot.png"
    # No QT_QPA_PLATFORM: the screenshot command needs no display on its own.
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = run(["screenshot", "--view", view, "--lang", lang, "--size", f"{size[0]}x{size[1]}",
                  "--out", str(out)], env=env)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size


def test_without_a_display_the_operator_gets_a_paragraph_not_a_core_dump():
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = run([], env=env)
    assert result.returncode == 3
    assert result.stderr.strip().endswith(NO_DISPLAY)
    assert "Aborted" not in result.stderr and "core dumped" not in result.stderr


def test_a_missing_xcb_cursor_library_names_the_package():
    message = platform_problem({"DISPLAY": ":0"}, ["kiosk"], can_load=lambda name: name != "libxcb-cursor.so.0")
    assert "libxcb-cursor.so.0, which is not installed" in message
    assert "'sudo apt-get install libxcb-cursor0'" in message


def test_every_missing_x11_library_is_named_in_one_command():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = platform_problem({"DISPLAY": ":0"}, ["kiosk"], can_load=lambda name: name not in absent)
    assert "'sudo apt-get install libxcb-icccm4 libxcb-keysyms1'" in message
    assert len(XCB_LIBRARIES) == len(set(XCB_LIBRARIES.values()))


def test_platform_choice_follows_qt_rules():
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, ["kiosk"]) is None
    assert platform_problem({}, ["kiosk", "-platform", "offscreen"]) is None
    assert platform_problem({"QT_QPA_PLATFORM": "wayland"}, ["kiosk"]) == NO_DISPLAY
    assert platform_problem({"DISPLAY": ":0"}, ["kiosk"], can_load=lambda name: True) is None


def test_unknown_language_is_refused_with_the_available_ones():
    result = run(["--lang", "fr", "--quit-after", "0"])
    assert result.returncode == 2
    assert "en, zh" in result.stderr


def test_a_bad_data_file_is_reported_and_the_bundled_data_shown(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"languages": ["en"]', encoding="utf-8")
    result = run(["--data", str(bad), "--windowed", "--quit-after", "0"])
    assert result.returncode == 0, result.stderr
    assert "JSON syntax error at line 1" in result.stderr
    assert "(bundled)" in result.stderr


def test_screenshot_refuses_a_bad_data_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = run(["screenshot", "--data", str(bad), "--out", str(tmp_path / "x.png")])
    assert result.returncode == 1
    assert not (tmp_path / "x.png").exists()


def test_kiosk_fleet_help_names_every_fleet_command_and_each_has_its_own_help():
    listed = run(["fleet", "--help"])
    assert listed.returncode == 0, listed.stderr
    for command in ("keygen", "stats"):  # dispatched before the broker's commands: the parser does not know them
        assert f"kiosk fleet {command}" in " ".join(listed.stdout.split()), command
        own = run(["fleet", command, "--help"])
        assert own.returncode == 0 and f"kiosk fleet {command}" in own.stdout, own.stderr
