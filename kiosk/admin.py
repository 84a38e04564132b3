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


def set_pin(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kiosk set-pin",
                                     description="Set the staff PIN (4-8 digits); only a salted hash is stored.")
    parser.add_argument("--config", type=Path, default=None, help=f"configuration file (default {default_config_path()})")
    args = parser.parse_args(argv)
    path = args.config or default_config_path()
    pin = getpass.getpass("New staff PIN (4-8 digits): ")
    if not valid_pin(pin):
        print("A PIN is 4 to 8 digits. Nothing was changed.", file=sys.stderr)
        return 1
    if getpass.getpass("Repeat the PIN: ") != pin:
        print("The two PINs differ. Nothing was changed.", file=sys.stderr)
        return 1
    set_value(path, "pin_hash", hash_pin(pin))
    print(f"Staff PIN set in {path}. Restart the kiosk to use it.")
    return 0


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
