"""Every check of ``kiosk doctor`` and the self-test page, in the order a technician reads them.

A new check is one function ``check(env: Environment) -> Finding | Iterable[Finding]`` and one
``CHECKS.add(id, function)`` line here. A check that raises becomes a problem finding.
"""

from __future__ import annotations

from kiosk.doctor.checks.autostart import check_autostart
from kiosk.doctor.checks.blanking import SCREEN_BLANKING, check_screen_blanking
from kiosk.doctor.checks.clock import check_clock
from kiosk.doctor.checks.crash import check_last_crash
from kiosk.doctor.checks.data import check_data, check_tabs
from kiosk.doctor.checks.disk import check_disk
from kiosk.doctor.checks.display import check_display
from kiosk.doctor.checks.fonts import check_fonts
from kiosk.doctor.checks.settings import check_config, check_pin
from kiosk.doctor.checks.speech import check_speech
from kiosk.doctor.registry import Registry

CHECKS = Registry()
CHECKS.add("display", check_display)
CHECKS.add("fonts", check_fonts)
CHECKS.add("data", check_data)
CHECKS.add("tabs", check_tabs)
CHECKS.add("config", check_config)
CHECKS.add("pin", check_pin)
CHECKS.add("autostart", check_autostart)
CHECKS.add(SCREEN_BLANKING, check_screen_blanking)
CHECKS.add("speech", check_speech)
CHECKS.add("disk", check_disk)
CHECKS.add("clock", check_clock)
CHECKS.add("last-crash", check_last_crash)
