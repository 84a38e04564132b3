"""Telling systemd how the kiosk is doing: the sd_notify protocol. Qt-free.

A unit with Type=notify passes NOTIFY_SOCKET, the address of a datagram socket; each message is
one datagram of "KEY=value" lines (READY=1, WATCHDOG=1, STOPPING=1, STATUS=...). An address that
starts with '@' is in Linux's abstract namespace (a leading NUL byte). With WatchdogSec= in the
unit, systemd also passes WATCHDOG_USEC: a process that sends no WATCHDOG=1 within that time is
killed and, with Restart=always, started again. Without NOTIFY_SOCKET nothing is sent.

Written here rather than taken from the `sdnotify` package, which has not been maintained since
2017: the protocol is a dozen lines.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)
_reported: set[str] = set()  # each failure is logged once, not at every ping


def notify(message: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Send one message to the service manager; False if there is none or it cannot be reached."""
    address = environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    elif not address.startswith("/"):
        _once(address, "unsupported NOTIFY_SOCKET address %r (only Unix sockets)", address)
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message.encode("utf-8"), address)
    except OSError as error:
        _once(address, "cannot notify the service manager at %r: %s", address, error)
        return False
    _reported.discard(address)
    return True


def watchdog_interval(environ: Mapping[str, str] = os.environ, pid: int | None = None) -> float | None:
    """Seconds between two WATCHDOG=1 messages (half the unit's WatchdogSec=), or None when the
    service manager expects none (no watchdog, or it is meant for another process)."""
    owner = environ.get("WATCHDOG_PID")
    if owner and owner != str(pid if pid is not None else os.getpid()):
        return None
    try:
        usec = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2 / 1_000_000 if usec > 0 else None


def _once(key: str, message: str, *args) -> None:
    if key not in _reported:
        _reported.add(key)
        log.warning(message, *args)
