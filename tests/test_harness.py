"""One kiosk in this process (kiosk.harness) and its end (Kiosk.close): the tests, the benchmark
and the monkey build many in one process, and each must find the application as the first did."""

import os
import sys

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kiosk import harness
from kiosk.doctor.invocation import DoctorCommand

# A self-test whose doctor is still running when the kiosk closes.
SLOW_DOCTOR = DoctorCommand(program=(sys.executable, "-c", "import time; time.sleep(60)"))


def test_a_closed_kiosk_leaves_the_application_as_it_found_it(kiosk_app):
    look = kiosk_app.styleSheet(), kiosk_app.font().pixelSize()
    kiosk = harness.build(kiosk_mode=True, size=(1920, 1080), doctor=SLOW_DOCTOR)
    kiosk.set_look(1.5, True)  # a visitor's text size and contrast restyle the whole application
    doctor = harness.open_overlay(kiosk, "self-test").checks.process.processId()
    window, input_seen = kiosk.window, []
    kiosk.watcher.activity.connect(lambda: input_seen.append(True))
    assert kiosk_app.overrideCursor() is not None and kiosk_app.styleSheet() != look[0]

    harness.close(kiosk)

    assert not shiboken6.isValid(window)
    assert (kiosk_app.styleSheet(), kiosk_app.font().pixelSize()) == look
    assert kiosk_app.overrideCursor() is None  # kiosk mode hid the pointer
    assert not _running(doctor)
    kiosk_app.sendEvent(kiosk_app, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert input_seen == []  # its input filter is gone


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
