"""Random touches and keys against the whole kiosk: nothing a visitor does may break it.

    .venv/bin/python -m kiosk.monkey                      # 5,000 events, a random seed
    .venv/bin/python -m kiosk.monkey --events 100000 --seed 7

A seeded random walk of real touch events (taps anywhere, swipes, two- and three-finger
touches, touches held for up to seconds, bursts of 20 taps a second, touches during animations
and during the idle countdown), mouse clicks, double clicks and drags with any button, and key
mashing, including the key combinations that close or leave full screen elsewhere. All of it
is delivered to the window, where a platform plugin delivers real input. After every batch it checks: no exception, no Qt warning, the
window still covers the screen and shows a valid view, and a tap still works. A failure names
the seed and the shortest sequence of events found that reproduces it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk import harness
from kiosk.harness import settle
from kiosk.platform_check import use_offscreen_screen
from kiosk.ui.overlay_registry import OVERLAYS

BATCH = 100
# Offscreen Qt warns about this for every top-level window; it says nothing about the kiosk.
IGNORED_QT = ("propagateSizeHints",)
ESCAPES = [("Escape", ()), ("F11", ()), ("Q", ("Control",)), ("W", ("Control",)), ("F4", ("Alt",)),
           ("F4", ("Control",))]
KEYS = ["A", "Z", "1", "0", "Space", "Return", "Tab", "Backspace", "Left", "Right", "Up", "Down", "F1",
        "F5", "Menu", "Delete", "Home", "End", "PageDown"]
MODIFIERS = ["Control", "Alt", "Shift", "Meta"]
MOUSE_BUTTONS = ["LeftButton", "RightButton", "MiddleButton"]

Event = tuple  # ("tap", x, y) ...: plain data, so a failing run can be replayed and shortened


def generate(seed: int, count: int, size: tuple[int, int]) -> list[Event]:
    rng = random.Random(seed)
    w, h = size

    def point() -> tuple[int, int]:
        return rng.randrange(w), rng.randrange(h)

    kinds = [("tap", 50), ("swipe", 12), ("fingers", 6), ("key", 12), ("escape", 4), ("staff", 2),
             ("idle", 3), ("expire", 2), ("burst", 0.4), ("hold", 0.4), ("click", 6), ("drag", 3)]
    names, weights = zip(*kinds)
    events: list[Event] = []
    for _ in range(count):
        kind = rng.choices(names, weights)[0]
        if kind == "tap":
            events.append(("tap", *point()))
        elif kind == "swipe":
            events.append(("swipe", *point(), *point()))
        elif kind == "fingers":
            events.append(("fingers", rng.choice((2, 3)), *point(), rng.randrange(-300, 300)))
        elif kind == "key":
            events.append(("key", rng.choice(KEYS), tuple(rng.sample(MODIFIERS, rng.randrange(3)))))
        elif kind == "escape":
            events.append(("key", *rng.choice(ESCAPES)))
        elif kind == "burst":
            events.append(("burst", *point()))
        elif kind == "hold":
            events.append(("hold", *point(), rng.randrange(300, 2500)))
        elif kind == "click":  # a mouse left at the kiosk: any button, sometimes a double click
            events.append(("click", *point(), rng.choice(MOUSE_BUTTONS), rng.random() < 0.3))
        elif kind == "drag":
            events.append(("drag", *point(), *point()))
        else:
            events.append((kind,))
    return events


@dataclass
class Failure:
    problems: list[str]
    events: list[Event] = field(default_factory=list)


class Harness:
    """One kiosk in kiosk mode, full screen, as the real program builds it (no staff PIN, so
    no random walk can leave it), and the means to drive and check it."""

    def __init__(self):
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from kiosk.analytics.visits import Visits
        from kiosk.analytics.writer import Writer
        from kiosk.config import Config
        from kiosk.ui.lockdown import show_full_screen

        self.problems: list[str] = []
        self.app = QApplication.instance() or harness.app(["monkey"])
        # Visitor analytics on, as in the real program: every touch is recorded too.
        self._analytics_dir = tempfile.TemporaryDirectory(prefix="kiosk-monkey-")
        self.analytics = Writer(Path(self._analytics_dir.name) / "analytics.sqlite").start()
        self.kiosk = harness.build(language="en", config=Config(pin_hash=None), kiosk_mode=True,
                                   visits=Visits(self.analytics.put, "en", "overview"))
        self.window = self.kiosk.window
        show_full_screen(self.window)
        self.QTest = QTest
        self.touch = _touch_device()
        self._previous_hook = sys.excepthook
        sys.excepthook = lambda kind, value, tb: self.problems.append(f"exception: {kind.__name__}: {value}")
        qInstallMessageHandler(self._qt_message)
        settle()

    def _qt_message(self, kind, _context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind != QtMsgType.QtDebugMsg and not any(text in message for text in IGNORED_QT):
            self.problems.append(f"Qt {kind.name}: {message}")

    def close(self) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        harness.close(self.kiosk)
        sys.excepthook = self._previous_hook
        qInstallMessageHandler(None)
        if not self.analytics.stop(0):
            self.problems.append("the analytics writer did not stop")
        self._analytics_dir.cleanup()

    # ---- driving -----------------------------------------------------------------------

    def play(self, event: Event) -> None:
        from PySide6.QtCore import QPoint

        kind, *args = event
        if kind == "tap":
            self._tap(QPoint(*args))
        elif kind == "swipe":
            x0, y0, x1, y1 = args
            self._path([QPoint(x0 + (x1 - x0) * i // 6, y0 + (y1 - y0) * i // 6) for i in range(7)])
        elif kind == "fingers":
            self._fingers(*args)
        elif kind == "key":
            self._key(*args)
        elif kind == "burst":  # 20 taps a second for a second
            for _ in range(20):
                self._tap(QPoint(*args))
                settle(50)
        elif kind == "hold":
            x, y, ms = args
            self.QTest.touchEvent(self.window, self.touch).press(0, QPoint(x, y), self.window).commit()
            settle(ms)
            self.QTest.touchEvent(self.window, self.touch).release(0, QPoint(x, y), self.window).commit()
        elif kind == "click":
            x, y, button, double = args
            self._click(QPoint(x, y), button, double)
        elif kind == "drag":
            x0, y0, x1, y1 = args
            self._mouse_drag([QPoint(x0 + (x1 - x0) * i // 6, y0 + (y1 - y0) * i // 6) for i in range(7)])
        elif kind == "staff":  # the staff corner: five quick taps
            for _ in range(5):
                self._tap(QPoint(10, 10))
        elif kind == "idle":  # time passes: the idle warning and its countdown
            self.kiosk.session._on_idle()
        elif kind == "expire":  # the countdown runs out: reset and attract loop
            self.kiosk.session.remaining = 1
            self.kiosk.session._on_tick()
        settle()

    def _tap(self, point) -> None:
        self.QTest.touchEvent(self.window, self.touch).press(0, point, self.window).commit()
        self.QTest.touchEvent(self.window, self.touch).release(0, point, self.window).commit()

    def _path(self, points) -> None:
        touch = self.QTest.touchEvent
        touch(self.window, self.touch).press(0, points[0], self.window).commit()
        for point in points[1:]:
            touch(self.window, self.touch).move(0, point, self.window).commit()
            self.app.processEvents()
        touch(self.window, self.touch).release(0, points[-1], self.window).commit()

    def _fingers(self, count: int, x: int, y: int, dx: int) -> None:
        from PySide6.QtCore import QPoint

        starts = [QPoint(x + 90 * i, y) for i in range(count)]
        sequence = self.QTest.touchEvent(self.window, self.touch)
        for i, point in enumerate(starts):
            sequence.press(i, point, self.window)
        sequence.commit()
        sequence = self.QTest.touchEvent(self.window, self.touch)
        for i, point in enumerate(starts):
            sequence.move(i, point + QPoint(dx, 0), self.window)
        sequence.commit()
        sequence = self.QTest.touchEvent(self.window, self.touch)
        for i, point in enumerate(starts):
            sequence.release(i, point + QPoint(dx, 0), self.window)
        sequence.commit()

    # Keys and the mouse go to the QWindow, through Qt's window-system interface, where a
    # platform plugin delivers them (sent to a widget they would skip the application's filters).

    def _key(self, key: str, modifiers: tuple[str, ...]) -> None:
        from PySide6.QtCore import Qt

        combined = Qt.KeyboardModifier.NoModifier
        for name in modifiers:
            combined |= getattr(Qt.KeyboardModifier, f"{name}Modifier")
        self.QTest.keyClick(self.window.windowHandle(), getattr(Qt.Key, f"Key_{key}"), combined)

    def _click(self, point, button: str, double: bool) -> None:
        from PySide6.QtCore import Qt

        click = self.QTest.mouseDClick if double else self.QTest.mouseClick
        click(self.window.windowHandle(), getattr(Qt.MouseButton, button), Qt.KeyboardModifier.NoModifier, point)

    def _mouse_drag(self, points) -> None:
        from PySide6.QtCore import Qt

        handle, left, none = self.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        self.QTest.mousePress(handle, left, none, points[0])
        for point in points[1:]:
            self.QTest.mouseMove(handle, point)
            self.app.processEvents()
        self.QTest.mouseRelease(handle, left, none, points[-1])

    # ---- checking ----------------------------------------------------------------------

    def check(self) -> list[str]:
        window = self.window
        problems = list(self.problems)
        self.problems.clear()
        if not window.isVisible() or window.geometry() != window.screen().geometry():
            problems.append(f"window no longer covers the screen: {window.geometry()}")
        if window.current_view not in harness.tab_ids(self.kiosk) or window.views[window.current_view] is None:
            problems.append(f"no valid view: {window.current_view!r}")
        problems += self._still_reacts()
        if self.analytics.trouble is not None:
            problems.append(f"analytics cannot write: {self.analytics.trouble}")
        return problems

    def _still_reacts(self) -> list[str]:
        """Close whatever is open, with taps, then change the view with a tap on a tab."""
        from PySide6.QtCore import QPoint

        from kiosk.ui.overlays import TapAnywhere

        if self.kiosk.speech.active:  # keys or three fingers turned speech on: a tap only reads
            _press_key(self.window, "S")
            if self.kiosk.speech.active:
                return ["the keypad's S did not turn speech mode off"]
        for _ in range(len(OVERLAYS)):
            shown = self.kiosk.overlays.shown()
            if not shown:
                break
            top = shown[-1]
            target = top if isinstance(top, TapAnywhere) else _close_button(top, self.kiosk.ctx)
            if target is None:
                return [f"{type(top).__name__} is open and has nothing to close it"]
            self._tap(target.mapTo(self.window, target.rect().center()))
            settle()
            if top.isVisible():
                return [f"a tap did not close {type(top).__name__}"]
        before = self.window.current_view
        tabs = self.window.tabs.buttons
        other = next(b for b in tabs if not b.isChecked())
        self._tap(other.mapTo(self.window, other.rect().center()))
        settle()
        if self.window.current_view == before:
            return [f"a tap on a tab left the view at {before}"]
        return []


def _press_key(window, key: str) -> None:
    """A key pressed at the window, as a keyboard's arrives."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(window.windowHandle(), getattr(Qt.Key, f"Key_{key}"))
    settle()


def _close_button(overlay, ctx):
    from kiosk.ui import strings
    from kiosk.ui.i18n import localise
    from kiosk.ui.widgets import Button, descendants

    closing = {localise(ctx.ui(text)) for text in (strings.CLOSE, strings.CANCEL, strings.CONTINUE)}
    for button in descendants(overlay, Button):
        if button.isVisible() and button.text() in closing:
            return button
    return None


_DEVICE = []


def _touch_device():
    from PySide6.QtTest import QTest

    if not _DEVICE:
        _DEVICE.append(QTest.createTouchDevice())
    return _DEVICE[0]


# ---- running and shortening ----------------------------------------------------------------

class OutOfTime(Exception):
    """A replay ran past the shortening budget."""


def run(events: list[Event], on_batch: Callable[[int], None] | None = None,
        deadline: float | None = None) -> Failure | None:
    """Play the events on a fresh kiosk, checking after every batch; the first failure, if any.
    With a deadline (time.monotonic()), a replay that runs past it raises OutOfTime."""
    harness = Harness()
    try:
        for start in range(0, len(events), BATCH):
            if deadline is not None and time.monotonic() > deadline:
                raise OutOfTime
            for event in events[start:start + BATCH]:
                harness.play(event)
            problems = harness.check()
            if problems:
                return Failure(problems, events[:start + BATCH])
            if on_batch:
                on_batch(start + BATCH)
        return None
    finally:
        harness.close()


def shorten(failure: Failure, budget_s: float = 120) -> Failure:
    """The shortest failing sequence found within the time budget: first the shortest failing
    prefix (bisection), then whole chunks left out while it still fails (delta debugging).
    The budget holds even inside a replay, however long the run that failed."""
    deadline = time.monotonic() + budget_s
    best = failure
    try:
        low, high = 0, len(best.events)
        while low + 1 < high:
            middle = (low + high) // 2
            found = run(best.events[:middle], deadline=deadline)
            if found is None:
                low = middle
            else:
                best, high = found, len(found.events)
        chunk = max(1, len(best.events) // 2)
        while chunk >= 1:
            index, shortened = 0, False
            while index < len(best.events):
                candidate = best.events[:index] + best.events[index + chunk:]
                found = run(candidate, deadline=deadline) if candidate else None
                if found is not None:
                    best, shortened = found, True  # found.events: the part of candidate that fails
                else:
                    index += chunk
            if not shortened:
                chunk //= 2
    except OutOfTime:
        pass  # the shortest found so far
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.monkey", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=None, help="replay a run (default: a new random seed)")
    parser.add_argument("--size", default="1920x1080", help="screen size, WxH")
    parser.add_argument("--shorten-seconds", type=float, default=120)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 31)
    size = tuple(int(v) for v in args.size.split("x"))
    use_offscreen_screen(size)
    started = time.monotonic()
    print(f"monkey: seed {seed}, {args.events} events, screen {size[0]}x{size[1]}", flush=True)
    failure = run(generate(seed, args.events, size),
                  on_batch=lambda done: done % 10_000 == 0 and print(f"  {done} events, no failure", flush=True))
    if failure is None:
        print(f"monkey: {args.events} events, no failure ({time.monotonic() - started:.0f} s)")
        return 0
    print(f"monkey: FAILED with seed {seed} after {len(failure.events)} events: {failure.problems}")
    short = shorten(failure, args.shorten_seconds)
    print(f"shortest sequence found ({len(short.events)} events) -> {short.problems}:")
    print(json.dumps(short.events))
    return 1


if __name__ == "__main__":
    sys.exit(main())
