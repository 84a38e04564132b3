"""The benchmark's speech-mode figures: from a visitor's touch or key to the first sound.

A kiosk built as the program builds it, speech mode on, its engine playing to miniaudio's null
device (a sound card's pace, no sound card needed). Each run is a real input at the window; the
clock stops when the client has read the engine's "first-audio" event for what that input made
the kiosk say (so the pipe back is included, and the event loop's turn to deliver the input).
- a finger resting on a tab: the explore delay (kiosk.ui.speech.touch.EXPLORE_MS) is part of it;
- a tap: the wait for a possible second tap (DOUBLE_TAP_SECONDS) is part of it;
- a keypad key (next item).
"""

from __future__ import annotations

import dataclasses
import time

from kiosk import harness

WAIT_SECONDS = 10.0


def touch_to_sound(runs: int, stats) -> dict:
    from PySide6.QtCore import QCoreApplication, QPoint, Qt
    from PySide6.QtTest import QTest

    from kiosk.config import Config

    harness.app(["bench"])
    kiosk = harness.build(config=dataclasses.replace(Config(), speech_output="null"), watch_data=False,
                          context={"reduce_motion": True}, size=(1920, 1080))
    window = kiosk.window
    handle = window.windowHandle()
    device = QTest.createTouchDevice()
    speech = kiosk.speech
    try:
        speech.start("touch")
        speech.speaker.wait_until_heard(WAIT_SECONDS)  # the engine is up; its how-to is not waited for
        speech.speaker.stop()
        speech.speaker.wait_until_quiet(WAIT_SECONDS)
        tabs = window.tabs.buttons
        targets = [tab.mapTo(window, tab.rect().center()) for tab in tabs[:2]]

        def until_heard(count: int, started: float) -> float:
            deadline = time.perf_counter() + WAIT_SECONDS
            while len(speech.speaker.first_audio_seconds) <= count:
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"nothing was heard within {WAIT_SECONDS} s ({speech.speaker.problem})")
                QCoreApplication.processEvents()
                time.sleep(0.0005)
            return (time.perf_counter() - started) * 1000

        def measured(action, finish=lambda: None) -> float:
            count = len(speech.speaker.first_audio_seconds)
            started = time.perf_counter()
            action()
            ms = until_heard(count, started)
            finish()
            speech.speaker.stop()
            speech.speaker.wait_until_quiet(WAIT_SECONDS)
            harness.settle()
            return ms

        resting, tapped, keyed = [], [], []
        for run in range(runs):
            point: QPoint = targets[run % 2]
            resting.append(measured(lambda: QTest.touchEvent(handle, device).press(0, point).commit(),
                                    lambda: QTest.touchEvent(handle, device).release(0, point).commit()))
            point = targets[(run + 1) % 2]

            def tap():
                QTest.touchEvent(handle, device).press(0, point).commit()
                QTest.touchEvent(handle, device).release(0, point).commit()

            tapped.append(measured(tap))
            keyed.append(measured(lambda: QTest.keyClick(handle, Qt.Key.Key_Right)))
        return {"speech mode: finger resting on a tab to first sound": stats(resting),
                "speech mode: tap on a tab to first sound": stats(tapped),
                "speech mode: keypad key (next item) to first sound": stats(keyed)}
    finally:
        harness.close(kiosk)
