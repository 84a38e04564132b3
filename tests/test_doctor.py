"""kiosk doctor's checks on real situations: broken files, real fonts, a real display (Xvfb), a
display that never answers, a real crash in a real log, and stand-ins for systemctl and
timedatectl on PATH."""

from __future__ import annotations

import ctypes.util
import datetime
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from test_display_hours import XSET_QUERY

from kiosk.datastore import DataStore
from kiosk.doctor.checks import CHECKS
from kiosk.doctor.checks.autostart import check_autostart
from kiosk.doctor.checks.clock import check_clock
from kiosk.doctor.checks.crash import check_last_crash
from kiosk.doctor.checks.data import check_data, choose
from kiosk.doctor.checks.disk import check_disk
from kiosk.doctor.checks.display import check_display
from kiosk.doctor.checks.fonts import check_fonts
from kiosk.doctor.checks.settings import check_config, check_pin
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING
from kiosk.doctor.registry import Registry
from kiosk.pin import hash_pin
from kiosk.platform_check import platform_problem
from kiosk.resources import data_path, resource_path

BAD_DATA = Path(__file__).with_name("bad-data")
SCREEN_CONFIG = Path(__file__).with_name("offscreen-screen.json")


@pytest.fixture
def pc(tmp_path) -> Environment:
    """A kiosk PC of its own: configuration, folders, /etc and a PATH holding only what a test puts there."""
    (tmp_path / "bin").mkdir()
    return Environment(environ={"PATH": str(tmp_path / "bin")}, config_path=tmp_path / "config" / "config.toml",
                       config_home=tmp_path / "config", state_dir=tmp_path / "share", log_dir=tmp_path / "log",
                       analytics_path=tmp_path / "share" / "analytics.sqlite", etc=tmp_path / "etc")


def command(pc: Environment, name: str, script: str) -> None:
    """A stand-in for a system command, found first on the PC's PATH."""
    path = Path(pc.environ["PATH"].split(":")[0]) / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def write_config(pc: Environment, text: str) -> None:
    pc.config_path.parent.mkdir(parents=True, exist_ok=True)
    pc.config_path.write_text(text, encoding="utf-8")


def only(findings, check_id):
    found = [f for f in findings if f.id == check_id]
    assert len(found) == 1, found
    return found[0]


# ---- display -----------------------------------------------------------------------------

def test_no_display_is_a_problem_that_says_how_to_name_one(pc):
    [finding] = check_display(pc)
    assert (finding.id, finding.status) == ("display", PROBLEM)
    assert "neither DISPLAY nor WAYLAND_DISPLAY" in str(finding.message)
    assert "DISPLAY=:0 kiosk doctor" in str(finding.fix)


def test_a_missing_x11_library_is_named_with_its_package(pc):
    pc.environ["DISPLAY"] = ":0"
    pc.can_load = lambda name: name != "libxcb-cursor.so.0"
    [finding] = check_display(pc)
    assert finding.status == PROBLEM and "libxcb-cursor.so.0" in str(finding.message)
    assert str(finding.fix) == "sudo apt-get install libxcb-cursor0"


@pytest.fixture(scope="module")
def xvfb():
    """A real X server with a 1366x768 screen at 96 dpi."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (.ci/run installs it)")
    if platform_problem({"DISPLAY": ":0"}, ["kiosk"]):
        pytest.skip("the X11 libraries Qt needs are not installed (.ci/run installs them)")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24", "-dpi", "96", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    number = server.stdout.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
    server.stdout.close()


def test_a_real_display_is_described_as_qt_sees_it(pc, xvfb):
    pc.environ["DISPLAY"] = xvfb
    findings = check_display(pc)
    assert only(findings, "display").status == OK
    screen = only(findings, "screen")
    assert screen.status == OK, screen
    message = str(screen.message)
    # Xvfb derives the physical size from -dpi: 1366 px at 96 dpi is 361 mm.
    assert "1366 x 768 pixels" in message and "361 x 203 mm" in message and "platform xcb" in message


def test_a_display_nobody_serves_is_a_problem_with_qts_reason(pc, tmp_path):
    pc.environ["DISPLAY"] = ":" + str(_free_display(tmp_path))
    screen = only(check_display(pc), "screen")
    assert screen.status == PROBLEM
    assert "could not connect to display" in str(screen.message)


def test_a_display_that_never_answers_cannot_hang_the_doctor(pc):
    listener, number = _silent_x_server()
    with listener:
        pc.environ["DISPLAY"] = f"127.0.0.1:{number}"
        pc.probe_seconds = 3
        screen = only(check_display(pc), "screen")
    assert screen.status == PROBLEM
    assert "did not answer within 3 s" in str(screen.message)


def _free_display(tmp_path) -> int:
    return next(n for n in range(150, 250)
                if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())


def _silent_x_server() -> tuple[socket.socket, int]:
    """A TCP port where an X server would listen, which accepts connections and never replies."""
    for number in range(150, 250):
        listener = socket.socket()
        try:
            listener.bind(("127.0.0.1", 6000 + number))
        except OSError:
            listener.close()
            continue
        listener.listen()
        return listener, number
    pytest.skip("no free X display port")


def test_qt_set_to_draw_off_screen_is_a_warning_and_a_small_screen_too(pc, tmp_path):
    config = json.loads(SCREEN_CONFIG.read_text())
    config["screens"][0].update(width=1280, height=720)
    (tmp_path / "small.json").write_text(json.dumps(config))
    pc.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={tmp_path / 'small.json'}"
    findings = check_display(pc)
    assert only(findings, "display").status == WARNING
    assert "unset QT_QPA_PLATFORM" in str(only(findings, "display").fix)
    screen = only(findings, "screen")
    assert screen.status == WARNING and "1280 x 720 pixels" in str(screen.message)
    assert "smaller than 1366x768" in str(screen.message)


# ---- fonts ---------------------------------------------------------------------------------

def test_the_bundled_fonts_load_and_cover_every_character_shown(pc):
    [finding] = check_fonts(pc)
    assert finding.status == OK, finding
    assert "Kiosk Sans SC" in str(finding.message)


def test_a_missing_font_file_is_named(pc, tmp_path):
    pc.font_dir = tmp_path / "fonts"
    pc.font_dir.mkdir()
    shutil.copy(resource_path("fonts", "KioskSansSC-Regular.otf"), pc.font_dir)
    [finding] = check_fonts(pc)
    assert finding.status == PROBLEM
    assert str(pc.font_dir / "KioskSansSC-Bold.otf") in str(finding.message)
    assert "git checkout -- resources/fonts" in str(finding.fix)


def test_a_damaged_font_file_does_not_load(pc, tmp_path):
    pc.font_dir = tmp_path / "fonts"
    pc.font_dir.mkdir()
    shutil.copy(resource_path("fonts", "KioskSansSC-Regular.otf"), pc.font_dir)
    (pc.font_dir / "KioskSansSC-Bold.otf").write_bytes(os.urandom(4096))
    [finding] = check_fonts(pc)
    assert finding.status == PROBLEM and "KioskSansSC-Bold.otf cannot be loaded" in str(finding.message)


def test_a_character_the_subset_lacks_is_listed(pc, tmp_path, raw):
    # 龘 is outside GB 2312, so the subset has no glyph for it; PySide6's str overload of
    # supportsCharacter says it has one (and says 的 is missing): the check asks by code point.
    raw["zone"]["name"]["zh"] += "龘"
    data = tmp_path / "rare.json"
    data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    pc.data_override = data
    findings = check_fonts(pc)
    assert [f.status for f in findings] == [PROBLEM, PROBLEM]  # regular and bold
    assert all("lacks 1 character(s)" in str(f.message) and str(f.message).endswith("龘") for f in findings)


# ---- data ----------------------------------------------------------------------------------

def test_no_data_file_set_shows_the_bundled_dataset(pc):
    [finding] = check_data(pc)
    assert finding.status == OK and str(data_path()) in str(finding.message)


def test_a_valid_data_file_is_shown(pc, tmp_path):
    data = tmp_path / "mine.json"
    shutil.copy(data_path(), data)
    write_config(pc, f'data_path = "{data}"\n')
    [finding] = check_data(pc)
    assert finding.status == OK
    assert f"{data} (set by {pc.config_path}) is valid" in str(finding.message)


def test_an_invalid_data_file_names_its_first_problem_and_what_is_shown_instead(pc, tmp_path):
    bad = tmp_path / "mine.json"
    shutil.copy(BAD_DATA / "unknown-source.json", bad)
    DataStore(bad, pc.state_dir)._keep(data_path().read_bytes(), bad)  # kept when the file was still good
    pc.data_override = bad
    expected = json.loads((BAD_DATA / "expected.json").read_text())["unknown-source.json"]
    [finding] = check_data(pc)
    assert finding.status == PROBLEM
    message = str(finding.message)
    assert "(set by --data) has 1 problem(s)" in message
    assert f"The first: {expected['paths'][0]}: " in message and expected["contains"] in message
    assert f"the last good copy {pc.state_dir / 'last-good.json'}" in message
    assert f"validate {bad}" in str(finding.fix)


def test_a_damaged_last_good_copy_is_a_warning(pc, tmp_path):
    pc.data_override = BAD_DATA / "nan.json"
    DataStore(pc.data_override, pc.state_dir)._keep(b"{", pc.data_override)  # damaged since, hash and all
    findings = check_data(pc)
    assert [f.status for f in findings] == [PROBLEM, WARNING]
    assert "the bundled dataset" in str(findings[0].message)
    assert "rm " in str(findings[1].fix)


SITUATIONS = {
    "nothing set": (None, None),
    "valid file": ("valid", None),
    "invalid file": ("invalid", None),
    "invalid file, good copy": ("invalid", "valid"),
    "invalid file, damaged copy": ("invalid", "damaged"),
    "missing file, good copy": ("missing", "valid"),
}


@pytest.mark.parametrize("situation", SITUATIONS, ids=list(SITUATIONS))
def test_the_doctor_names_the_dataset_the_kiosk_really_shows(pc, tmp_path, situation):
    operator, copy = SITUATIONS[situation]
    files = {"valid": data_path(), "invalid": BAD_DATA / "missing-field.json"}
    operator_path = None if operator is None else tmp_path / "operator.json"
    if operator in files:
        shutil.copy(files[operator], operator_path)
    pc.state_dir.mkdir(parents=True)
    if copy == "valid":
        shutil.copy(data_path(), pc.state_dir / "last-good.json")
    elif copy == "damaged":
        (pc.state_dir / "last-good.json").write_text("[]", encoding="utf-8")
    pc.data_override = operator_path
    doctor_says = choose(pc)
    kiosk_shows = DataStore(operator_path, pc.state_dir).load_at_start()
    assert (doctor_says.shown, doctor_says.shown_path) == (kiosk_shows.origin, kiosk_shows.path)


# ---- configuration and PIN -------------------------------------------------------------------

def test_a_broken_config_file_is_a_problem_naming_the_file(pc):
    write_config(pc, "idle_seconds = [unclosed\n")
    [finding] = check_config(pc)
    assert finding.status == PROBLEM and str(pc.config_path) in str(finding.message)
    assert "--print-config" in str(finding.fix)


def test_unknown_keys_and_bad_values_are_each_named(pc):
    write_config(pc, 'idle_secconds = 90\nwarning_seconds = 5\n')
    findings = check_config(pc)
    messages = " | ".join(str(f.message) for f in findings)
    assert all(f.status == PROBLEM for f in findings) and len(findings) == 2
    assert "idle_secconds: unknown setting" in messages and "warning_seconds" in messages


def test_a_valid_config_and_a_set_pin_pass(pc):
    write_config(pc, f'idle_seconds = 60\npin_hash = "{hash_pin("2468")}"\n')
    assert [f.status for f in check_config(pc)] == [OK]
    assert check_pin(pc).status == OK


def test_without_a_pin_the_fix_is_set_pin(pc):
    finding = check_pin(pc)
    assert finding.status == PROBLEM
    assert f"set-pin --config {pc.config_path}" in str(finding.fix)


def test_a_pin_survives_a_bad_setting_beside_it(pc):
    write_config(pc, f'pin_hash = "{hash_pin("2468")}"\nidle_seconds = "ninety"\n')
    assert check_pin(pc).status == OK  # a bad setting costs only itself


def test_a_pin_in_a_form_the_kiosk_cannot_use_is_said_to_be_ignored(pc):
    write_config(pc, 'pin_hash = 2468\n')
    finding = check_pin(pc)
    assert finding.status == PROBLEM and "not in a form the kiosk can use" in str(finding.message)


def test_a_hand_written_pin_hash_is_a_problem(pc):
    write_config(pc, 'pin_hash = "2468"\n')
    finding = check_pin(pc)
    assert finding.status == PROBLEM and "not one that 'kiosk set-pin' writes" in str(finding.message)


# ---- autostart ------------------------------------------------------------------------------

SYSTEMCTL = """
case "$*" in
  "--user show-environment") echo "HOME=$HOME" ;;
  "--user is-enabled jining-kiosk.service") echo "${UNIT_ENABLED:-enabled}" ;;
  "--user is-active jining-kiosk.service") echo "${UNIT_ACTIVE:-active}" ;;
  *) exit 0 ;;
esac
"""


def install_autostart(pc: Environment, *options: str) -> None:
    """The real 'kiosk install-autostart', writing into this PC's config folder."""
    environ = {**os.environ, **pc.environ, "XDG_CONFIG_HOME": str(pc.config_home)}
    subprocess.run([sys.executable, "-m", "kiosk", "install-autostart", *options], env=environ, check=True,
                   capture_output=True)


def test_nothing_at_login_is_a_problem(pc):
    [finding] = check_autostart(pc)
    assert finding.status == PROBLEM and "install-autostart" in str(finding.fix)


def test_an_xdg_entry_alone_is_fine_without_systemd_and_a_warning_with_it(pc):
    install_autostart(pc)
    assert [f.status for f in check_autostart(pc)] == [OK]
    command(pc, "systemctl", SYSTEMCTL)
    [finding] = check_autostart(pc)
    assert finding.status == WARNING and "install-autostart --systemd" in str(finding.fix)


def test_both_autostarts_would_start_two_kiosks(pc):
    command(pc, "systemctl", SYSTEMCTL)
    install_autostart(pc)
    install_autostart(pc, "--systemd")
    findings = check_autostart(pc)
    assert [f.status for f in findings] == [WARNING, OK]
    assert "two kiosks" in str(findings[0].message)
    assert str(findings[0].fix).endswith(f"rm {pc.config_home / 'autostart' / 'jining-kiosk.desktop'}")


@pytest.mark.parametrize(("enabled", "active", "expected"), [
    ("enabled", "active", [OK]), ("disabled", "active", [PROBLEM]), ("enabled", "failed", [PROBLEM]),
    ("enabled", "inactive", [WARNING]),
])
def test_the_systemd_units_state_is_read_from_systemctl(pc, enabled, active, expected):
    command(pc, "systemctl", SYSTEMCTL)
    install_autostart(pc, "--systemd")
    pc.environ.update(UNIT_ENABLED=enabled, UNIT_ACTIVE=active)
    findings = check_autostart(pc)
    assert [f.status for f in findings] == expected
    if expected != [OK]:  # the message quotes the state systemd reported
        assert f"({enabled})" in str(findings[0].message) or "has failed" in str(findings[0].message) \
            or f"({active})" in str(findings[0].message)


def test_a_unit_whose_systemd_cannot_be_asked_is_a_warning(pc):
    command(pc, "systemctl", SYSTEMCTL)
    install_autostart(pc, "--systemd")
    command(pc, "systemctl", 'echo "Failed to connect to bus: No medium found" >&2; exit 1')
    [finding] = check_autostart(pc)
    assert finding.status == WARNING and "Failed to connect to bus" in str(finding.message)


def test_an_autostart_entry_for_a_moved_kiosk_is_a_problem(pc, tmp_path):
    install_autostart(pc)
    desktop = pc.config_home / "autostart" / "jining-kiosk.desktop"
    desktop.write_text(desktop.read_text().replace(str(Path(sys.executable).parent), str(tmp_path / "gone")))
    [finding] = check_autostart(pc)
    assert finding.status == PROBLEM and str(tmp_path / "gone") in str(finding.message)


# ---- disk ------------------------------------------------------------------------------------

def test_the_kiosk_folders_are_writable_with_room(pc):
    findings = check_disk(pc)
    assert [f.id for f in findings] == ["disk-logs", "disk-data"]
    assert all(f.status == OK for f in findings)


def test_a_file_where_a_folder_should_be_is_a_problem(pc, tmp_path):
    pc.log_dir = tmp_path / "state" / "log"
    (tmp_path / "state").write_text("not a folder")
    finding = only(check_disk(pc), "disk-logs")
    assert finding.status == PROBLEM and f"{tmp_path / 'state'} is a file" in str(finding.message)


def test_an_unwritable_folder_is_a_problem(pc):
    if not Path("/proc/sys").is_dir():
        pytest.skip("needs /proc/sys, where nobody can create a file")
    pc.log_dir = Path("/proc/sys/kiosk-logs")  # as a read-only file system: even root cannot write
    finding = only(check_disk(pc), "disk-logs")
    assert finding.status == PROBLEM and "cannot write in" in str(finding.message)


def test_too_little_room_is_a_warning(pc):
    free = shutil.disk_usage(pc.environ["PATH"]).free
    pc.disk_room = free * 2
    findings = check_disk(pc)
    assert all(f.status == WARNING and "MB free" in str(f.message) for f in findings)


# ---- clock -----------------------------------------------------------------------------------

def timedatectl(pc, **properties):
    lines = " ".join(f"'{k}={v}'" for k, v in properties.items())  # builtins only: PATH has nothing else
    command(pc, "timedatectl", f'[ "$1" = show ] || exit 1\nprintf "%s\\n" {lines}\n')


def test_a_synchronised_clock_in_china_passes(pc):
    timedatectl(pc, Timezone="Asia/Shanghai", NTP="yes", NTPSynchronized="yes")
    assert [f.status for f in check_clock(pc)] == [OK, OK, OK]


def test_an_unsynchronised_clock_in_utc_warns_twice(pc):
    timedatectl(pc, Timezone="Etc/UTC", NTP="no", NTPSynchronized="no")
    zone, sync, _ = check_clock(pc)
    assert (zone.status, sync.status) == (WARNING, WARNING)
    assert str(zone.fix) == "sudo timedatectl set-timezone Asia/Shanghai"
    assert "set-ntp true" in str(sync.fix)


def test_without_timedatectl_the_zone_comes_from_etc(pc):
    (pc.etc / "zoneinfo" / "Asia").mkdir(parents=True)
    (pc.etc / "localtime").symlink_to(pc.etc / "zoneinfo" / "Asia" / "Shanghai")
    zone, sync, _ = check_clock(pc)
    assert zone.status == OK and "Asia/Shanghai" in str(zone.message)
    assert sync.status == WARNING and "cannot be checked" in str(sync.message)
    (pc.etc / "timezone").write_text("Etc/UTC\n")  # Debian's file wins
    assert check_clock(pc)[0].status == WARNING


def test_a_clock_before_the_datasets_dates_is_a_problem(pc):
    latest = max(datetime.date.fromisoformat(s["date"])
                 for s in json.loads(data_path().read_text(encoding="utf-8"))["sources"])
    pc.now = lambda: datetime.datetime.combine(latest, datetime.time(9)) - datetime.timedelta(days=1)
    *_, date = check_clock(pc)
    assert date.status == PROBLEM and latest.isoformat() in str(date.message)
    pc.now = lambda: datetime.datetime.combine(latest, datetime.time(9))
    assert check_clock(pc)[-1].status == OK


# ---- last crash ------------------------------------------------------------------------------

CRASHING = """
import sys
from pathlib import Path
from kiosk.logs import install_excepthook, setup_logging
setup_logging("INFO", Path(sys.argv[1]))
install_excepthook()
def next_slide():
    return 1 / 0
next_slide()
"""


def crash_into(log_dir: Path) -> None:
    """A real crash: the kiosk's excepthook logs it and exits with code 70."""
    result = subprocess.run([sys.executable, "-c", CRASHING, str(log_dir)], capture_output=True, text=True)
    assert result.returncode == 70, result.stderr


def test_the_last_crash_is_found_with_its_time_and_traceback(pc):
    crash_into(pc.log_dir)
    finding = check_last_crash(pc)
    assert finding.status == WARNING
    message = str(finding.message)
    assert "ZeroDivisionError: division by zero" in message
    assert 'first traceback line: File "<string>", line 9, in <module>' in message
    logged = (pc.log_dir / "kiosk.log").read_text().splitlines()[0][:19]  # the crash record's time
    assert f"Last crash: {logged}" in message


def test_a_crash_in_a_rotated_log_is_found_and_an_old_one_is_only_reported(pc):
    crash_into(pc.log_dir)
    (pc.log_dir / "kiosk.log").rename(pc.log_dir / "kiosk.log.2")
    (pc.log_dir / "kiosk.log").write_text("2030-01-01 09:00:00,000 INFO kiosk: starting\n")
    assert check_last_crash(pc).status == WARNING
    pc.now = lambda: datetime.datetime.now() + datetime.timedelta(days=30)
    finding = check_last_crash(pc)
    assert finding.status == OK and "ZeroDivisionError" in str(finding.message)


def test_a_log_without_crashes_says_so(pc):
    pc.log_dir.mkdir()
    (pc.log_dir / "kiosk.log").write_text("2030-01-01 09:00:00,000 INFO kiosk: stopped, exit code 0\n")
    finding = check_last_crash(pc)
    assert finding.status == OK and "No crash in the log" in str(finding.message)


# ---- the registry and the command -------------------------------------------------------------

def test_a_check_that_raises_is_a_finding_and_the_others_still_run(pc):
    registry = Registry()

    def broken(env):
        raise KeyError("nowhere")

    registry.add("broken", broken)
    registry.add("pin", check_pin)
    findings = registry.run(pc)
    assert [(f.id, f.status) for f in findings] == [("broken", PROBLEM), ("pin", PROBLEM)]
    assert "could not finish: KeyError: 'nowhere'" in str(findings[0].message)


def test_every_check_is_registered_once_in_reading_order():
    assert [check_id for check_id, _ in CHECKS] == ["display", "fonts", "data", "tabs", "config", "pin",
                                                    "autostart", "screen-blanking", "speech", "disk", "clock", "last-crash"]
    with pytest.raises(ValueError):
        CHECKS.add("pin", check_pin)


def doctor(pc: Environment, *args: str, display: str | None = None) -> subprocess.CompletedProcess:
    """The real command, on this PC: its own config, folders and PATH."""
    environ = {"PATH": pc.environ["PATH"], "HOME": str(pc.config_home.parent),
               "XDG_CONFIG_HOME": str(pc.config_home), "XDG_STATE_HOME": str(pc.log_dir.parent / "state"),
               "XDG_DATA_HOME": str(pc.state_dir.parent / "data"), "XDG_CACHE_HOME": str(pc.state_dir.parent / "cache"),
               **({"DISPLAY": display} if display else {})}
    return subprocess.run([sys.executable, "-m", "kiosk", "doctor", *args], env=environ, capture_output=True,
                          text=True, timeout=120)


def test_the_command_lists_problems_with_fixes_and_exits_1(pc):
    result = doctor(pc)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert "PROBLEM  pin: No staff PIN is set" in result.stdout
    assert "set-pin" in result.stdout.split("PROBLEM  pin:")[1]
    assert re.fullmatch(r"\d+ problem\(s\), \d+ warning\(s\) of \d+ findings: .*\bpin\b.*",
                        result.stdout.rstrip().splitlines()[-1])


def test_the_json_has_a_stable_structure(pc):
    result = doctor(pc, "--json")
    report = json.loads(result.stdout)
    assert set(report) == {"status", "findings"} and report["status"] == PROBLEM
    assert [check_id for check_id in dict.fromkeys(f["id"] for f in report["findings"])][:2] == ["display", "fonts"]
    for finding in report["findings"]:
        assert set(finding) == {"id", "status", "message", "fix"}
        assert finding["status"] in (OK, WARNING, PROBLEM) and finding["message"]
        assert finding["fix"] or finding["status"] == OK  # whatever is not fine comes with its fix


def test_on_a_kiosk_pc_in_order_the_command_exits_0(pc, xvfb):
    command(pc, "systemctl", SYSTEMCTL)
    command(pc, "xset", f"exec /bin/cat <<'EOF'\n{XSET_QUERY.format(saver=0, dpms='Disabled', monitor='On')}\nEOF\n")
    timedatectl(pc, Timezone="Asia/Shanghai", NTP="yes", NTPSynchronized="yes")
    install_autostart(pc, "--systemd")
    sound_card(pc)
    config = pc.config_home / "jining-kiosk" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'pin_hash = "{hash_pin("2468")}"\n')
    result = doctor(pc, "--json", display=xvfb)
    report = json.loads(result.stdout)
    assert [f for f in report["findings"] if f["status"] != OK] == []
    assert result.returncode == 0
    config.write_text("")  # and without the PIN, it is not
    assert doctor(pc, display=xvfb).returncode == 1


def test_the_doctor_itself_imports_no_qt(pc):
    code = ("import sys; from kiosk.doctor.command import main; main(['--json']); "
            "sys.exit(3 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PATH": pc.environ["PATH"]})
    assert result.returncode == 0, result.stderr


# ---- speech -------------------------------------------------------------------------------

def sound_card(pc: Environment) -> None:
    """A working audio output for the PC's user, without hardware: ALSA's null device as the default."""
    if ctypes.util.find_library("asound") is None:
        pytest.skip("ALSA's library is not installed (sudo apt-get install libasound2)")
    home = pc.config_home.parent
    (home / ".asoundrc").write_text("pcm.!default { type null }\nctl.!default { type hw card 0 }\n")
    pc.environ.update(HOME=str(home), PULSE_SERVER=f"unix:{home / 'no-sound-server'}")


def test_speech_in_both_languages_through_a_working_output_passes(pc):
    from kiosk.doctor.checks.speech import check_speech

    sound_card(pc)
    engine, output = check_speech(pc)
    assert engine.status == OK and "Mandarin with tones" in str(engine.message)
    assert output.status == OK and "'default' (ALSA)" in str(output.message)


def test_no_audio_output_is_a_problem_that_says_what_to_check(pc):
    from kiosk.doctor.checks.speech import check_speech

    home = pc.config_home.parent
    (home / ".asoundrc").write_text("pcm.!default { type hw card 31 }\n")
    pc.environ.update(HOME=str(home), PULSE_SERVER=f"unix:{home / 'no-sound-server'}")
    engine, output = check_speech(pc)
    assert engine.status == OK  # speech is still made (and can be written to a file)
    assert output.status == PROBLEM and "default audio output cannot be opened" in str(output.message)
    assert "kiosk speak" in str(output.fix) and str(pc.config_path) in str(output.fix)


def test_a_silent_speech_output_is_a_warning(pc):
    from kiosk.doctor.checks.speech import check_speech

    write_config(pc, 'speech_output = "null"\n')
    assert [f.status for f in check_speech(pc)] == [OK, WARNING]


def test_an_engine_that_does_not_start_is_a_problem_with_the_reinstall(pc, tmp_path):
    from kiosk.doctor.checks.speech import check_speech

    broken = tmp_path / "python"  # an interpreter without the speech packages
    broken.write_text("#!/bin/sh\necho 'ModuleNotFoundError: No module named espeakng_loader' >&2\nexit 1\n")
    broken.chmod(0o755)
    pc.python = str(broken)
    [finding] = check_speech(pc)
    assert finding.status == PROBLEM and "espeakng_loader" in str(finding.message) and ".venv" in str(finding.fix)


# ---- screen blanking ----------------------------------------------------------------------

def test_a_screen_saver_and_dpms_timeouts_are_problems_with_their_fix(pc):
    from kiosk.doctor.checks.blanking import check_screen_blanking

    pc.environ["DISPLAY"] = ":0"
    command(pc, "xset", f"exec /bin/cat <<'EOF'\n{XSET_QUERY.format(saver=600, dpms='Enabled', monitor='On')}\nEOF\n")
    found = check_screen_blanking(pc)
    assert [f.status for f in found] == [PROBLEM, PROBLEM]
    assert {str(f.fix).split("'")[1] for f in found} == {"xset s off", "xset -dpms"}
    command(pc, "xset", f"exec /bin/cat <<'EOF'\n{XSET_QUERY.format(saver=0, dpms='Disabled', monitor='On')}\nEOF\n")
    assert [f.status for f in check_screen_blanking(pc)] == [OK]


def test_screen_blanking_that_cannot_be_read_is_a_warning(pc):
    from kiosk.doctor.checks.blanking import check_screen_blanking

    pc.environ["DISPLAY"] = ":0"  # and no xset on the PATH
    [finding] = check_screen_blanking(pc)
    assert finding.status == WARNING and "x11-xserver-utils" in str(finding.fix)


def test_a_missing_default_config_file_is_normal_even_when_named(pc, monkeypatch):
    """The doctor and the self-test name the config file they read; the default one not existing
    yet (before 'kiosk set-pin') is how every kiosk starts, not a mistake."""
    import kiosk.config

    monkeypatch.setattr(kiosk.config, "default_config_path", lambda: pc.config_path)
    assert [f.status for f in check_config(pc)] == [OK]
    assert check_config(Environment(config_path=pc.config_path.with_name("other.toml")))[0].status == PROBLEM
