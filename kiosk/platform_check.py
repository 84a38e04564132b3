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
# The libraries Qt's xcb plugin loads, and the Debian/Ubuntu packages that ship them.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}
MISSING_XCB = (
    "The kiosk cannot start: Qt's X11 platform plugin needs {libraries}, which {verb} not "
    "installed. Install {them} with 'sudo apt-get install {packages}' and start the kiosk again."
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
        loadable = can_load or _can_load
        missing = [name for name in XCB_LIBRARIES if not loadable(name)]
        if missing:
            return missing_xcb_message(missing)
    if platform == "wayland" and not environ.get("WAYLAND_DISPLAY"):
        return NO_DISPLAY
    return None


def missing_xcb_message(libraries: list[str]) -> str:
    return MISSING_XCB.format(
        libraries=", ".join(libraries), verb="is" if len(libraries) == 1 else "are",
        them="it" if len(libraries) == 1 else "them",
        packages=" ".join(XCB_LIBRARIES[name] for name in libraries))


def _can_load(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def use_offscreen_screen(size: tuple[int, int], scale: float = 1.0) -> None:
    """Headless (unless a display was asked for) on one screen of `size` logical pixels.

    Qt's offscreen screen is 800x800 unless told otherwise, and it drops touch points outside
    it: a tap on the tab bar of a 1920x1080 window would silently do nothing.
    """
    import json
    import os
    import tempfile

    if not os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
        return
    width, height = (round(side * scale) for side in size)
    screen = {"windowFrameMargins": False, "screens": [{
        "name": "headless", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
        # a 96 dpi panel: millimetre-based sizes (touch targets, QR codes) come out as on a real one
        "physicalWidth": round(width / 96 * 25.4), "physicalHeight": round(height / 96 * 25.4)}]}
    path = os.path.join(tempfile.mkdtemp(prefix="kiosk-screen-"), "screen.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(screen, file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
