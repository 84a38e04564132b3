"""Operator command: set the staff PIN (autostart: kiosk.autostart)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kiosk.config import default_config_path, set_value
from kiosk.pin import hash_pin, valid_pin


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
