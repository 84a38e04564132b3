"""Autostart at login: the XDG entry and/or the systemd user unit that kiosk install-autostart writes."""

from __future__ import annotations

import shlex
from pathlib import Path

from kiosk.autostart import DESKTOP_FILE, UNIT_FILE
from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say


def check_autostart(env: Environment) -> list[Finding]:
    desktop = env.config_home / "autostart" / DESKTOP_FILE
    unit = env.config_home / "systemd" / "user" / UNIT_FILE
    kiosk = env.kiosk_command()
    systemd = _systemd_works(env)
    has_desktop, has_unit = desktop.exists(), unit.exists()
    if not has_desktop and not has_unit:
        option = " --systemd" if systemd else ""
        return [Finding("autostart", PROBLEM, say(m.NO_AUTOSTART, desktop=desktop, unit=unit),
                        say(m.INSTALL_AUTOSTART_FIX, kiosk=kiosk, option=option))]
    found = [*_starts_something(desktop, "Exec", kiosk), *_starts_something(unit, "ExecStart", kiosk)]
    if has_desktop and has_unit:
        found.append(Finding("autostart", WARNING, say(m.TWO_AUTOSTARTS, desktop=desktop, unit=unit),
                             say(m.REMOVE_DESKTOP_FIX, desktop=desktop)))
    if has_desktop and _disabled(desktop):
        found.append(Finding("autostart", WARNING, say(m.DESKTOP_DISABLED, desktop=desktop),
                             say(m.INSTALL_AUTOSTART_FIX, kiosk=kiosk, option="")))
    if has_unit:
        found += _unit_state(env, unit, systemd)
    elif systemd:
        found.append(Finding("autostart", WARNING, say(m.NO_RESTART_AFTER_CRASH, desktop=desktop),
                             say(m.SWITCH_TO_SYSTEMD_FIX, kiosk=kiosk)))
    elif not found:
        found.append(Finding("autostart", OK, say(m.DESKTOP_OK, desktop=desktop)))
    return found


def _systemd_works(env: Environment) -> bool:
    """Whether systemctl --user can reach this user's service manager from here."""
    return env.run(["systemctl", "--user", "show-environment"]).ok


def _unit_state(env: Environment, unit: Path, systemd: bool) -> list[Finding]:
    if not systemd:
        why = env.run(["systemctl", "--user", "is-enabled", UNIT_FILE]).why()
        return [Finding("autostart", WARNING, say(m.SYSTEMD_UNREACHABLE, unit=unit, detail=why),
                        say(m.SYSTEMD_UNREACHABLE_FIX))]
    enabled = env.run(["systemctl", "--user", "is-enabled", UNIT_FILE]).stdout.strip()
    active = env.run(["systemctl", "--user", "is-active", UNIT_FILE]).stdout.strip()
    found = []
    if enabled not in ("enabled", "enabled-runtime", "linked", "linked-runtime"):
        found.append(Finding("autostart", PROBLEM, say(m.UNIT_NOT_ENABLED, unit=UNIT_FILE, state=enabled or "?"),
                             say(m.ENABLE_UNIT_FIX, unit=UNIT_FILE)))
    if active == "failed":
        found.append(Finding("autostart", PROBLEM, say(m.UNIT_FAILED, unit=UNIT_FILE),
                             say(m.UNIT_FAILED_FIX, unit=UNIT_FILE)))
    elif active not in ("active", "activating", "reloading"):
        found.append(Finding("autostart", WARNING, say(m.UNIT_NOT_RUNNING, unit=UNIT_FILE, state=active or "?"),
                             say(m.START_UNIT_FIX, unit=UNIT_FILE)))
    return found or [Finding("autostart", OK, say(m.UNIT_OK, unit=unit))]


def _starts_something(path: Path, key: str, kiosk: str) -> list[Finding]:
    """The program an autostart file runs must exist (a moved or deleted checkout leaves it dangling)."""
    command = _value(path, key)
    if command is None:
        return []
    try:
        program = shlex.split(command)[0] if command.strip() else ""
    except ValueError:
        program = command.split()[0]
    if program.startswith("/") and not Path(program).exists():
        return [Finding("autostart", PROBLEM, say(m.AUTOSTART_DANGLING, file=path, program=program),
                        say(m.INSTALL_AUTOSTART_FIX, kiosk=kiosk,
                            option=" --systemd" if path.suffix == ".service" else ""))]
    return []


def _disabled(desktop: Path) -> bool:
    return (_value(desktop, "Hidden") or "").lower() == "true" or \
        (_value(desktop, "X-GNOME-Autostart-enabled") or "").lower() == "false"


def _value(path: Path, key: str) -> str | None:
    """The first ``key=value`` of an ini-style file (desktop entry, systemd unit)."""
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        name, sep, value = line.partition("=")
        if sep and name.strip() == key:
            return value.strip()
    return None
