"""Start the kiosk at login: a systemd user unit (restarts it after a crash) or an XDG autostart
entry (any desktop that follows the XDG autostart specification; no restart). Use one.

The unit is enabled for graphical-session.target, which only some desktops reach (GNOME and
KDE Plasma do; see resources/linux/README.md): after installing it, the target is checked and
a session that has not reached it is reported with what to do instead.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

from kiosk.resources import resource_path

DESKTOP_FILE = "jining-kiosk.desktop"
UNIT_FILE = "jining-kiosk.service"
UNIT = UNIT_FILE.removesuffix(".service")

NO_USER_MANAGER = """\
kiosk install-autostart --systemd: there is no systemd user session to install the unit in.
({detail})
This happens in a shell that is not a login of this user, e.g. one opened with su or sudo.
Nothing was installed. Either:
  - log in as the kiosk user (at the kiosk's desktop, or over SSH as that user) and run this
    command again there, or
  - install the XDG autostart entry instead, which works without systemd but does not restart
    the kiosk after a crash:  kiosk install-autostart"""

TARGET_NOT_REACHED = """\
Note: graphical-session.target is not active in this user's session, so the unit will not
start at login unless the desktop reaches that target. GNOME and KDE Plasma (5.25 and later)
do; Xfce, MATE, Cinnamon, LXQt and window managers such as i3 do not (see
resources/linux/README.md). If this is such a desktop, use the XDG entry instead:
  kiosk uninstall-autostart && kiosk install-autostart
(If you are logged in only over SSH now, check again from the kiosk's desktop:
  systemctl --user is-active graphical-session.target)"""


def paths() -> tuple[Path, Path]:
    """Where the XDG autostart entry and the systemd user unit go."""
    config_home = Path(platformdirs.user_config_dir())
    return config_home / "autostart" / DESKTOP_FILE, config_home / "systemd" / "user" / UNIT_FILE


def autostart(command: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"kiosk {command}")
    parser.add_argument("--systemd", action="store_true",
                        help="use a systemd user unit that restarts the kiosk after a crash (recommended)")
    args = parser.parse_args(argv)
    desktop, unit = paths()
    if command == "uninstall-autostart":
        return _uninstall(desktop, unit)
    return _install_unit(unit, desktop) if args.systemd else _install_entry(desktop, unit)


def _install_unit(unit: Path, desktop: Path) -> int:
    problem = _user_manager_problem()
    if problem is not None:
        print(NO_USER_MANAGER.format(detail=problem), file=sys.stderr)
        return 1
    text = resource_path("linux", UNIT_FILE).read_text(encoding="utf-8")
    _write(unit, text.replace("@KIOSK@", _command()))
    for step in (("daemon-reload",), ("enable", UNIT_FILE)):
        error = _systemctl(*step)
        if error is not None:
            print(f"kiosk install-autostart --systemd: 'systemctl --user {' '.join(step)}' failed: {error}",
                  file=sys.stderr)
            return 1
    print(f"enabled {UNIT}: it starts with the next graphical login (now: systemctl --user start {UNIT})")
    if desktop.exists():
        _warn_both(f"the XDG autostart entry {desktop} is installed too", f"rm {desktop}")
    if _systemctl("is-active", "--quiet", "graphical-session.target") is not None:
        print(TARGET_NOT_REACHED, file=sys.stderr)
    return 0


def _install_entry(desktop: Path, unit: Path) -> int:
    text = resource_path("linux", "jining-kiosk-autostart.desktop").read_text(encoding="utf-8")
    _write(desktop, text.replace("@KIOSK@", _command()))
    if unit.exists():
        _warn_both(f"the systemd unit {unit} is installed too",
                   f"systemctl --user disable {UNIT} && rm {unit}")
    return 0


def _warn_both(other: str, remove: str) -> None:
    print(f"Warning: {other}. With both, two kiosks start at login, one over the other.\n"
          f"Keep one. To remove that one: {remove}\n"
          "(kiosk uninstall-autostart removes both; then install the one you want.)", file=sys.stderr)


def _uninstall(desktop: Path, unit: Path) -> int:
    if unit.exists() and _user_manager_problem() is None:
        _systemctl("disable", UNIT_FILE)
    for path in (desktop, unit):
        if path.exists():
            path.unlink()
            print(f"removed {path}")
    return 0


def _command() -> str:
    """How autostart should start the kiosk: the installed script, by absolute path."""
    script = Path(sys.executable).with_name("kiosk")
    return str(script) if script.exists() else f"{sys.executable} -m kiosk"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def _user_manager_problem() -> str | None:
    """Why `systemctl --user` cannot reach this user's service manager, or None if it can."""
    if shutil.which("systemctl") is None:
        return "systemctl is not installed: this system does not use systemd"
    return _systemctl("show-environment")


def _systemctl(*args: str) -> str | None:
    """Run `systemctl --user ARGS`; None when it succeeds, else what it said went wrong."""
    try:
        result = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    if result.returncode == 0:
        return None
    return result.stderr.strip() or result.stdout.strip() or f"exit code {result.returncode}"
