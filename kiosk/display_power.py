"""Switching the screen itself off and on, and what would blank it by itself. Qt-free.

X11: DPMS through `xset dpms force off|on`, its state from `xset -q` ("Monitor is On"). xset
exits 0 even when the server has no DPMS extension, so the state is always read back from the
query, never from an exit code. Wayland (wlroots compositors such as cage): `wlr-randr --output
NAME --off|--on`. Anywhere else the kiosk's black curtain is all there is (kiosk.ui.display).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)
TIMEOUT_S = 5  # a tool that hangs (an X server that no longer answers) must not hang the kiosk


@dataclass(frozen=True)
class BlankingFinding:
    """Something that would blank the screen during opening hours, and the command that stops it."""

    problem: str
    fix: str


def run(args: list[str], environ: Mapping[str, str]) -> str | None:
    """The tool's output, or None (logged) if it is missing, fails or hangs."""
    try:
        result = subprocess.run(args, env=dict(environ), capture_output=True, text=True, timeout=TIMEOUT_S,
                                stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("display: %s failed: %s", " ".join(args), error)
        return None
    if result.returncode != 0:
        log.warning("display: %s exited with %d: %s", " ".join(args), result.returncode, result.stderr.strip())
        return None
    return result.stdout


class NoSwitch:
    """No way to switch the panel from here: the black curtain alone darkens the screen."""

    name = "black curtain"

    def is_on(self) -> bool | None:
        return None

    def off(self) -> None:
        pass

    def on(self) -> None:
        pass


class XDpms:
    """X11's Display Power Management Signaling, through xset."""

    name = "DPMS (xset)"

    def __init__(self, environ: Mapping[str, str] = os.environ):
        self.environ = environ

    def query(self) -> str | None:
        return run(["xset", "-q"], self.environ)

    def is_on(self) -> bool | None:
        report = self.query()
        match = re.search(r"Monitor is (?:in )?(\w+)", report or "")
        return None if match is None else match.group(1) == "On"

    def off(self) -> None:
        run(["xset", "dpms", "force", "off"], self.environ)

    def on(self) -> None:
        run(["xset", "dpms", "force", "on"], self.environ)
        run(["xset", "s", "reset"], self.environ)  # a screen saver that started meanwhile ends
        # "force" switched DPMS on, with whatever timeouts it had: during opening hours the
        # kiosk decides when the screen goes off, not an idle timer.
        run(["xset", "-dpms"], self.environ)


class WlrRandr:
    """wlroots compositors (cage, sway, labwc): every output switched off and on."""

    name = "wlr-randr"

    def __init__(self, environ: Mapping[str, str] = os.environ):
        self.environ = environ

    def outputs(self) -> dict[str, bool]:
        """Each output's name and whether it is enabled."""
        outputs: dict[str, bool] = {}
        name = None
        for line in (run(["wlr-randr"], self.environ) or "").splitlines():
            if line and not line[0].isspace():
                name = line.split()[0]
                outputs[name] = True
            elif name and line.strip().startswith("Enabled:"):
                outputs[name] = line.split(":", 1)[1].strip() == "yes"
        return outputs

    def is_on(self) -> bool | None:
        outputs = self.outputs()
        return any(outputs.values()) if outputs else None

    def off(self) -> None:
        self._switch("--off")

    def on(self) -> None:
        self._switch("--on")

    def _switch(self, how: str) -> None:
        for name in self.outputs():
            run(["wlr-randr", "--output", name, how], self.environ)


def choose_power(platform: str, environ: Mapping[str, str] = os.environ):
    """(how to switch the screen, why that way) for Qt's platform ("xcb", "wayland", ...)."""
    path = environ.get("PATH")
    if platform == "xcb":
        if shutil.which("xset", path=path) is None:
            return NoSwitch(), "xset is not installed (Debian: x11-xserver-utils)"
        report = XDpms(environ).query()
        if report is None:
            return NoSwitch(), "xset -q failed"
        if "DPMS is" not in report:
            return NoSwitch(), "the X server has no DPMS extension"
        return XDpms(environ), f"X display {environ.get('DISPLAY', '?')} has DPMS"
    if platform == "wayland":
        if shutil.which("wlr-randr", path=path) is None:
            return NoSwitch(), "wlr-randr is not installed (Debian: wlr-randr)"
        outputs = WlrRandr(environ).outputs()
        if not outputs:
            return NoSwitch(), "wlr-randr lists no outputs (not a wlroots compositor?)"
        return WlrRandr(environ), f"wlr-randr lists {', '.join(outputs)}"
    return NoSwitch(), f"Qt's {platform!r} platform has no screen switch"


def blanking_findings(xset_query: str) -> list[BlankingFinding]:
    """What in `xset -q`'s report would blank an X11 screen while nobody touches it."""
    findings = []
    saver = re.search(r"timeout:\s+(\d+)\s+cycle", xset_query)
    if saver and int(saver.group(1)) > 0:
        findings.append(BlankingFinding(
            f"the X screen saver blanks the screen after {saver.group(1)} s without input", "xset s off"))
    timeouts = re.search(r"Standby:\s+(\d+)\s+Suspend:\s+(\d+)\s+Off:\s+(\d+)", xset_query)
    if "DPMS is Enabled" in xset_query and timeouts:
        named = [f"{mode} after {seconds} s" for mode, seconds in zip(("standby", "suspend", "off"), timeouts.groups())
                 if int(seconds) > 0]
        if named:
            findings.append(BlankingFinding(f"DPMS switches the screen to {', '.join(named)} without input",
                                            "xset -dpms"))
    return findings


def find_screen_blanking(environ: Mapping[str, str] = os.environ) -> list[BlankingFinding]:
    """Screen-saver and DPMS settings of the X display that would blank the screen during
    opening hours (empty where there is no X display or no xset). For the log and `kiosk doctor`."""
    if not environ.get("DISPLAY") or shutil.which("xset", path=environ.get("PATH")) is None:
        return []
    report = run(["xset", "-q"], environ)
    return blanking_findings(report) if report else []
