"""Screen blanking: an X screen saver or DPMS timeout would darken the screen in opening hours."""

from __future__ import annotations

from kiosk.display_power import blanking_findings
from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import OK, PROBLEM, WARNING, Finding, say

SCREEN_BLANKING = "screen-blanking"


def check_screen_blanking(env: Environment) -> list[Finding]:
    if not env.environ.get("DISPLAY"):
        return [Finding(SCREEN_BLANKING, OK, say(m.BLANKING_NOT_X11))]
    report = env.run(["xset", "-q"])
    if not report.ok:
        return [Finding(SCREEN_BLANKING, WARNING, say(m.BLANKING_UNKNOWN, detail=report.why()),
                        say(m.BLANKING_UNKNOWN_FIX))]
    found = blanking_findings(report.stdout)
    if not found:
        return [Finding(SCREEN_BLANKING, OK, say(m.BLANKING_OFF))]
    # A dark screen in opening hours looks broken to every visitor: a problem, not a warning.
    return [Finding(SCREEN_BLANKING, PROBLEM, say(m.BLANKING_ON, what=item.problem), say(m.BLANKING_FIX, command=item.fix))
            for item in found]
