"""Operator commands: set the staff PIN, install or remove autostart."""

from __future__ import annotations

import argparse
import getpass
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

from kiosk.config import default_config_path, set_value
from kiosk.pin import hash_pin, valid_pin
from kiosk.resources import resource_path

DESKTOP_FILE = "jining-kiosk.desktop"
UNIT_FILE = "jining-kiosk.service"


ATTEMPTS = 3  # bad or differing PINs before set-pin gives up


def set_pin(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kiosk set-pin",
                                     description="Set the staff PIN (4-8 digits); only a salted hash is stored. "
                                                 "Reads the PIN from the terminal without echo, or line by "
                                                 "line from piped input.")
    parser.add_argument("--config", type=Path, default=None, help=f"configuration file (default {default_config_path()})")
    args = parser.parse_args(argv)
    path = args.config or default_config_path()
    try:
        pin = _new_pin()
    except KeyboardInterrupt:
        pin = None
        print(file=sys.stderr)
    if pin is None:
        print("Nothing was changed.", file=sys.stderr)
        return 1
    set_value(path, "pin_hash", hash_pin(pin))
    print(f"Staff PIN set in {path}. A kiosk running with this configuration file uses it within a few "
          "seconds; no restart is needed.")
    return 0


def _new_pin() -> str | None:
    """A valid PIN typed twice the same, asking again after a mistake; None if there is none."""
    for attempt in range(1, ATTEMPTS + 1):
        pin = _ask("New staff PIN (4-8 digits): ")
        if pin is None:
            return None
        if not valid_pin(pin):
            print("A PIN is 4 to 8 digits, nothing else.", file=sys.stderr)
        else:
            repeated = _ask("Repeat the PIN: ")
            if repeated is None:
                return None
            if repeated == pin:
                return pin
            print("The two PINs differ.", file=sys.stderr)
        if attempt < ATTEMPTS:
            print("Please try again.", file=sys.stderr)
    print(f"No PIN after {ATTEMPTS} tries.", file=sys.stderr)
    return None


def _ask(prompt: str) -> str | None:
    """One answer: typed without echo at a terminal, else the next line of piped input (getpass
    would read the terminal instead, or warn). None when the input has ended."""
    if sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except EOFError:
            return None
    print(prompt, file=sys.stderr)
    line = sys.stdin.readline()
    return line.rstrip("\r\n") if line else None


def _command() -> str:
    """How autostart should start the kiosk: the installed script, by absolute path."""
    script = Path(sys.executable).with_name("kiosk")
    return str(script) if script.exists() else f"{sys.executable} -m kiosk"


def autostart(command: str, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"kiosk {command}")
    parser.add_argument("--systemd", action="store_true",
                        help="use a systemd user unit that restarts the kiosk after a crash (recommended)")
    args = parser.parse_args(argv)
    config_home = Path(platformdirs.user_config_dir())
    desktop = config_home / "autostart" / DESKTOP_FILE
    unit = config_home / "systemd" / "user" / UNIT_FILE
    if command == "uninstall-autostart":
        _systemctl("disable", UNIT_FILE)
        for path in (desktop, unit):
            if path.exists():
                path.unlink()
                print(f"removed {path}")
        return 0
    if args.systemd:
        text = resource_path("linux", UNIT_FILE).read_text(encoding="utf-8")
        _write(unit, text.replace("@KIOSK@", _command()))
        _systemctl("daemon-reload")
        _systemctl("enable", UNIT_FILE)
        return 0
    text = resource_path("linux", "jining-kiosk-autostart.desktop").read_text(encoding="utf-8")
    _write(desktop, text.replace("@KIOSK@", _command()))
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def _systemctl(*args: str) -> None:
    if shutil.which("systemctl") is None:
        print(f"systemctl not found: run 'systemctl --user {' '.join(args)}' where systemd is available")
        return
    result = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"systemctl --user {' '.join(args)}: {result.stderr.strip()}")
