"""Explain, before Qt aborts, why its platform plugin cannot start. Qt-free.

Qt ends the process with a core dump when it cannot open a display or load the xcb
plugin; the operator needs one paragraph saying what is missing and how to fix it.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Mapping

NO_DISPLAY = (
    "The kiosk cannot start: there is no display to show it on (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set). Start it from the desktop session of the kiosk's screen, "
    "or under a kiosk compositor with 'cage -d -s -- kiosk'. To render a view without a "
    "display, use 'kiosk screenshot --view overview --out overview.png'."
)
NO_XCB_CURSOR = (
    "The kiosk cannot start: Qt's X11 platform plugin needs the library libxcb-cursor.so.0, "
    "which is not installed. Install it with 'sudo apt-get install libxcb-cursor0' "
    "(Fedora: 'sudo dnf install xcb-util-cursor') and start the kiosk again."
)
PLUGIN_FAILED = (
    "The kiosk cannot start: Qt could not load a platform plugin ({detail}). On Debian or "
    "Ubuntu install the X11 libraries Qt needs with 'sudo apt-get install libxcb-cursor0 "
    "libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libegl1' and try again; "
    "set QT_DEBUG_PLUGINS=1 to see which file failed."
)


def chosen_platform(environ: Mapping[str, str], argv: list[str]) -> str:
    if "-platform" in argv[:-1]:
        return argv[argv.index("-platform") + 1].split(":")[0]
    if environ.get("QT_QPA_PLATFORM"):
        return environ["QT_QPA_PLATFORM"].split(";")[0].split(":")[0]
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb" if sys.platform.startswith("linux") else "native"


def platform_problem(environ: Mapping[str, str], argv: list[str], can_load=None) -> str | None:
    """A message for the operator if the Qt platform plugin will fail, else None."""
    platform = chosen_platform(environ, argv)
    if platform == "xcb":
        if not environ.get("DISPLAY"):
            return NO_DISPLAY
        if not (can_load or _can_load)("libxcb-cursor.so.0"):
            return NO_XCB_CURSOR
    if platform == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    return None


def _can_load(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True
