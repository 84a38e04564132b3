"""The random walk of touches and keys (kiosk.monkey): nothing breaks the kiosk, and a failure
is reported with its seed and a short sequence that reproduces it."""

import os

from kiosk import monkey

CI_EVENTS = 5000


def test_thousands_of_random_touches_and_keys_break_nothing(kiosk_app):
    seed = int(os.environ.get("MONKEY_SEED", "2026"))
    size = (kiosk_app.primaryScreen().geometry().width(), kiosk_app.primaryScreen().geometry().height())
    failure = monkey.run(monkey.generate(seed, CI_EVENTS, size))
    assert failure is None, f"seed {seed}: {failure.problems}"


def test_the_walk_is_the_same_for_the_same_seed():
    assert monkey.generate(5, 300, (1920, 1080)) == monkey.generate(5, 300, (1920, 1080))
    assert monkey.generate(5, 300, (1920, 1080)) != monkey.generate(6, 300, (1920, 1080))


def test_a_failure_is_shortened_to_the_events_that_cause_it(kiosk_app, monkeypatch):
    from kiosk.ui.main_window import MainWindow

    def broken(self, step):
        raise RuntimeError("a swipe breaks the kiosk")

    monkeypatch.setattr(MainWindow, "step_view", broken)
    events = [("tap", 900, 500)] * 150 + [("swipe", 1500, 500, 300, 520)] + [("tap", 900, 500)] * 60
    failure = monkey.run(events)
    assert failure is not None and "a swipe breaks the kiosk" in str(failure.problems)
    short = monkey.shorten(failure, budget_s=60)
    assert short.events == [("swipe", 1500, 500, 300, 520)]


def test_shortening_stops_at_its_budget_even_inside_a_long_replay(kiosk_app, monkeypatch):
    played = []
    monkeypatch.setattr(monkey.Harness, "play", lambda self, event: played.append(event))
    failure = monkey.Failure(["something broke"], [("tap", 900, 500)] * 5000)
    short = monkey.shorten(failure, budget_s=0)  # already out of time: no replay may start
    assert short is failure and played == []


def test_keys_and_the_mouse_arrive_at_the_window_as_from_a_platform(kiosk_app):
    """A platform plugin hands input to the QWindow first; widget-level injection skipped that
    path, and a key crash there went unseen by thousands of monkey events."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow

    seen = set()

    class Recorder(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if isinstance(watched, QWindow):
                seen.add(event.type())
            return False

    harness = monkey.Harness()
    recorder = Recorder()
    kiosk_app.installEventFilter(recorder)
    try:
        for event in (("key", "A", ()), ("click", 900, 500, "RightButton", False), ("drag", 900, 500, 300, 500)):
            harness.play(event)
    finally:
        kiosk_app.removeEventFilter(recorder)
        harness.close()
    assert {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove} <= seen
