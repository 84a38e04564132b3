"""Restarting the kiosk on purpose (staff button, nightly slot). Qt-free.

Under a service manager the kiosk exits with RESTART_EXIT_CODE and the manager starts a fresh
process (the unit's Restart=always; only exit code 0, a staff exit, keeps it stopped). Started
any other way (a shell, an XDG autostart entry) nothing would start it again, so the process
replaces itself with a new one, same command line.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

log = logging.getLogger(__name__)

# EX_TEMPFAIL: "try again later". Neither a staff exit (0) nor a crash (70).
RESTART_EXIT_CODE = 75
CLEAN_EXIT_CODES = (0, RESTART_EXIT_CODE)


def supervised(environ: Mapping[str, str] = os.environ) -> bool:
    """True when systemd started this process (it sets INVOCATION_ID for every unit it runs)."""
    return "INVOCATION_ID" in environ or "NOTIFY_SOCKET" in environ


def command_line(argv: list[str] | None = None) -> list[str]:
    """How to start this kiosk again: the same interpreter and arguments."""
    argv = sys.argv[1:] if argv is None else argv
    return [sys.executable, "-m", "kiosk", *argv]


def replace_process(argv: list[str] | None = None) -> None:
    """Become a fresh kiosk (never returns). Log handlers are flushed first: exec discards them."""
    command = command_line(argv)
    log.info("starting again: %s", " ".join(command))
    logging.shutdown()
    os.execv(command[0], command)
