"""The display and Qt's platform plugin, then the screens as Qt sees them on the real display."""

from __future__ import annotations

import json

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say
from kiosk.platform_check import NO_DISPLAY, XCB_LIBRARIES, chosen_platform, platform_problem

# The smallest screen the layout tests cover (README: a small 1366x768 panel still works).
SMALLEST = (1366, 768)
HEADLESS = ("offscreen", "minimal", "vnc")
ORIENTATIONS = {"LandscapeOrientation": m.LANDSCAPE, "PortraitOrientation": m.PORTRAIT,
                "InvertedLandscapeOrientation": m.INVERTED_LANDSCAPE,
                "InvertedPortraitOrientation": m.INVERTED_PORTRAIT}


def check_display(env: Environment) -> list[Finding]:
    """Is there a display, can Qt's plugin load, and what does Qt see on it?"""
    argv = ["kiosk"]
    platform = chosen_platform(env.environ, argv)
    problem = platform_problem(env.environ, argv, can_load=env.can_load)
    if problem == NO_DISPLAY:
        return [Finding("display", PROBLEM, say(m.NO_DISPLAY), say(m.NO_DISPLAY_FIX))]
    if problem:
        missing = [name for name in XCB_LIBRARIES if name in problem]
        return [Finding("display", PROBLEM, say(m.MISSING_LIBRARIES, libraries=", ".join(missing)),
                        say(m.INSTALL_PACKAGES, packages=" ".join(XCB_LIBRARIES[name] for name in missing)))]
    found = [_platform_finding(env, platform)]
    ran = env.probe("screen")
    if ran.returncode is None:
        return found + [Finding("screen", PROBLEM, say(m.DISPLAY_HUNG, display=_display(env), seconds=f"{env.probe_seconds:g}"),
                                say(m.DISPLAY_HUNG_FIX))]
    if not ran.ok:
        return found + [Finding("screen", PROBLEM, say(m.DISPLAY_FAILED, display=_display(env), detail=_qt_reason(ran)),
                                say(m.DISPLAY_FAILED_FIX))]
    answer = json.loads(ran.stdout)
    if not answer["screens"]:
        return found + [Finding("screen", PROBLEM, say(m.NO_SCREENS, display=_display(env)), say(m.NO_SCREENS_FIX))]
    return found + [finding for screen in answer["screens"] for finding in screen_findings(screen, answer["platform"])]


def _platform_finding(env: Environment, platform: str) -> Finding:
    if platform in HEADLESS:
        return Finding("display", WARNING, say(m.HEADLESS, platform=platform), say(m.HEADLESS_FIX))
    return Finding("display", OK, say(m.DISPLAY_OK, display=_display(env), platform=platform))


def _display(env: Environment) -> str:
    if chosen_platform(env.environ, ["kiosk"]) == "wayland":
        return env.environ.get("WAYLAND_DISPLAY", "")
    return env.environ.get("DISPLAY", "") or env.environ.get("QT_QPA_PLATFORM", "")


def _qt_reason(ran) -> str:
    """Qt's explanation, without the generic lines it prints around it."""
    lines = [line.strip() for line in ran.stderr.splitlines() if line.strip()]
    telling = [line for line in lines if "could not connect" in line or "cannot" in line.lower()
               or "failed" in line.lower()]
    return (telling or lines or [ran.why()])[0]


def screen_findings(screen: dict, platform: str) -> list[Finding]:
    """What a screen reports, and whether the kiosk's layout is made for its size."""
    width, height = screen["width"], screen["height"]
    facts = say(m.SCREEN, name=screen["name"] or "?", width=width, height=height,
                dpi=f"{screen['logical_dpi']:.0f}", physical_dpi=f"{screen['physical_dpi']:.0f}",
                width_mm=f"{screen['width_mm']:.0f}", height_mm=f"{screen['height_mm']:.0f}",
                ratio=f"{screen['pixel_ratio']:g}", hz=f"{screen['refresh_hz']:.0f}",
                orientation=say(ORIENTATIONS.get(screen["orientation"], m.UNKNOWN)), platform=platform,
                primary=say(m.PRIMARY if screen["primary"] else m.SECONDARY))
    found = []
    if max(width, height) < SMALLEST[0] or min(width, height) < SMALLEST[1]:
        found.append(Finding("screen", WARNING, say(m.SCREEN_SMALL, screen=facts, smallest="x".join(map(str, SMALLEST))),
                             say(m.SCREEN_SMALL_FIX)))
    return found or [Finding("screen", OK, facts)]
