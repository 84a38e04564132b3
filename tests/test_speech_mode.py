"""Speech mode, driven as a blind visitor drives it: fingers and keypad keys at the window, and
what the kiosk's own speech engine (a real engine process, playing to a null sound device) was
asked to say, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from conftest import settle
from kiosk.ui import strings
from kiosk.ui.main_window import SpeakerButton
from kiosk.ui.session import State
from kiosk.ui.speech.keypad import KEYS, Command
from kiosk.ui.speech.touch import DOUBLE_TAP_SECONDS, EXPLORE_MS
from ui_helpers import explorer

LANGUAGES = ["en", "zh"]


@pytest.fixture
def speaking(make_kiosk):
    """A kiosk whose speech engine plays to a null device (no sound card needed)."""
    def make(**options):
        return make_kiosk(speech_output="null", **options)

    return make


class Finger:
    """One or more fingers on the window, with real touch events where a platform sends them."""

    def __init__(self, kiosk, device, qtbot):
        self.window = kiosk.window
        self.handle = kiosk.window.windowHandle()
        self.device = device
        self.qtbot = qtbot

    def at(self, widget, point: QPoint | None = None) -> QPoint:
        return widget.mapTo(self.window, point if point is not None else widget.rect().center())

    def tap(self, point: QPoint) -> None:
        QTest.touchEvent(self.handle, self.device).press(0, point).commit()
        QTest.touchEvent(self.handle, self.device).release(0, point).commit()
        settle()

    def double_tap(self, point: QPoint) -> None:
        self.tap(point)
        self.tap(point)

    def rest(self, point: QPoint) -> None:
        """A finger put down and kept still long enough to explore, then lifted."""
        QTest.touchEvent(self.handle, self.device).press(0, point).commit()
        self.qtbot.wait(EXPLORE_MS * 2)
        QTest.touchEvent(self.handle, self.device).release(0, point).commit()
        settle()

    def swipe(self, dx: int, dy: int = 0) -> None:
        start = QPoint(self.window.width() // 2, self.window.height() // 2)
        QTest.touchEvent(self.handle, self.device).press(0, start).commit()
        for step in (1, 2, 3):
            QTest.touchEvent(self.handle, self.device).move(0, start + QPoint(dx * step // 3, dy * step // 3)).commit()
        QTest.touchEvent(self.handle, self.device).release(0, start + QPoint(dx, dy)).commit()
        settle()

    def two_finger_tap(self) -> None:
        a, b = QPoint(600, 500), QPoint(800, 500)
        QTest.touchEvent(self.handle, self.device).press(0, a).press(1, b).commit()
        QTest.touchEvent(self.handle, self.device).release(0, a).release(1, b).commit()
        settle()

    def hold_three(self, seconds: float) -> None:
        points = [QPoint(500 + 150 * i, 400) for i in range(3)]
        sequence = QTest.touchEvent(self.handle, self.device)
        for i, point in enumerate(points):
            sequence.press(i, point)
        sequence.commit()
        self.qtbot.wait(int(seconds * 1000))
        sequence = QTest.touchEvent(self.handle, self.device)
        for i, point in enumerate(points):
            sequence.release(i, point)
        sequence.commit()
        settle()


@pytest.fixture
def finger(touch_device, qtbot):
    return lambda kiosk: Finger(kiosk, touch_device, qtbot)


def said(kiosk) -> list[tuple[str, str]]:
    return kiosk.speech.speaker.said


def last(kiosk) -> str:
    return said(kiosk)[-1][0]


def ui(kiosk, source: str, language: str, **values) -> str:
    return kiosk.ctx.translations.text(language, source, **values)


def press(kiosk, command: Command) -> None:
    QTest.keyClick(kiosk.window.windowHandle(), KEYS[command][0])
    settle()


# ---- starting it ------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_speaker_button_starts_speech_with_a_how_to_in_the_visitors_language(speaking, finger, language):
    kiosk = speaking(language=language)
    assert kiosk.speech.speaker is None  # no engine, no sound, until speech mode is asked for
    button = kiosk.window.findChild(SpeakerButton)
    assert button.accessibleName() == ui(kiosk, strings.SPEECH, language)
    hand = finger(kiosk)
    hand.tap(hand.at(button))
    assert kiosk.speech.active and button.isChecked()
    assert said(kiosk) == [(ui(kiosk, strings.SPEECH_HOW_TO_TOUCH, language), language)]
    hand.rest(hand.at(button))  # now the button is explored, not pressed
    assert ui(kiosk, strings.SPEECH_SWITCH_ON, language) in last(kiosk)
    hand.double_tap(QPoint(300, 300))
    assert not kiosk.speech.active and not button.isChecked()
    assert last(kiosk) == ui(kiosk, strings.SPEECH_OFF, language)


def test_three_fingers_held_for_two_seconds_start_speech_and_press_nothing(speaking, finger):
    kiosk = speaking()
    hand = finger(kiosk)
    hand.hold_three(0.5)  # too short
    assert not kiosk.speech.active
    view = kiosk.window.current_view
    hand.hold_three(2.3)
    assert kiosk.speech.active and kiosk.window.current_view == view
    assert last(kiosk) == ui(kiosk, strings.SPEECH_HOW_TO_TOUCH, "en")
    hand.hold_three(2.3)
    assert not kiosk.speech.active and last(kiosk) == ui(kiosk, strings.SPEECH_OFF, "en")


@pytest.mark.parametrize("kiosk_mode", [False, True])
def test_a_keypad_key_starts_speech_with_the_keypad_how_to(speaking, kiosk_mode):
    """Keys arrive at the window as from a real keyboard; in kiosk mode, where every other key
    is swallowed, the keypad's still reach speech mode."""
    kiosk = speaking(kiosk_mode=kiosk_mode)
    press(kiosk, Command.NEXT)
    assert kiosk.speech.active
    assert last(kiosk) == ui(kiosk, strings.SPEECH_HOW_TO_KEYPAD, "en")
    press(kiosk, Command.NEXT)
    assert last(kiosk).startswith(kiosk.ctx.dataset.zone.name["en"])


# ---- exploring by touch ---------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_a_resting_finger_speaks_what_it_is_on_without_pressing_it(speaking, finger, language):
    kiosk = speaking(language=language)
    kiosk.speech.start()
    hand = finger(kiosk)
    second_tab = kiosk.window.tabs.buttons[1]
    title = kiosk.ctx.dataset.views[1].title[language]
    hand.rest(hand.at(second_tab))
    assert title in last(kiosk) and ui(kiosk, strings.SPEECH_TAB, language) in last(kiosk)
    assert kiosk.window.current_view == kiosk.ctx.dataset.tab_ids[0]  # not pressed
    card = kiosk.window.views[kiosk.window.current_view].findChild(type(_first_card(kiosk)))
    hand.rest(hand.at(card))
    figure = card.figure
    for told in (figure.label[language], kiosk.ctx.value(figure)(language),  # name, value with unit,
                 kiosk.ctx.dataset.source(figure.source).outlet[language], str(figure.year)):  # source, year
        assert told in last(kiosk)


def _first_card(kiosk):
    from kiosk.ui.widgets import FigureCard

    return kiosk.window.views[kiosk.window.current_view].findChild(FigureCard)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_double_tap_chooses_what_was_spoken_last(speaking, finger, language):
    kiosk = speaking(language=language)
    kiosk.speech.start()
    hand = finger(kiosk)
    hand.rest(hand.at(kiosk.window.tabs.buttons[1]))
    hand.double_tap(QPoint(kiosk.window.width() // 2, kiosk.window.height() // 3))  # anywhere
    assert kiosk.window.current_view == kiosk.ctx.dataset.tab_ids[1]
    assert ui(kiosk, strings.SPEECH_TAB_SELECTED, language) in last(kiosk)


def test_two_taps_further_apart_than_a_double_tap_are_two_taps(speaking, finger, qtbot):
    kiosk = speaking()
    kiosk.speech.start()
    hand = finger(kiosk)
    point = hand.at(kiosk.window.tabs.buttons[1])
    count = len(said(kiosk))
    for _ in range(2):
        hand.tap(point)
        qtbot.wait(int(DOUBLE_TAP_SECONDS * 1000) + 150)
    assert kiosk.window.current_view == kiosk.ctx.dataset.tab_ids[0]
    assert len(said(kiosk)) == count + 2 and said(kiosk)[-1] == said(kiosk)[-2]  # spoken twice, chosen never
    assert kiosk.ctx.dataset.views[1].title["en"] in last(kiosk)


@pytest.mark.parametrize("language", LANGUAGES)
def test_swipes_step_through_the_reading_order_and_repeat(speaking, finger, language):
    kiosk = speaking(language=language)
    kiosk.speech.start()
    hand = finger(kiosk)
    view = kiosk.window.current_view
    hand.swipe(300)
    zone = kiosk.ctx.dataset.zone.name[language]
    assert last(kiosk).startswith(zone)
    hand.swipe(300)
    headline = kiosk.ctx.dataset.views[0].headline[language]
    assert headline in last(kiosk)
    hand.swipe(-300)
    assert last(kiosk).startswith(zone)
    hand.swipe(-300)
    assert last(kiosk) == ui(kiosk, strings.SPEECH_START, language)
    count = len(said(kiosk))
    hand.swipe(0, 300)
    assert len(said(kiosk)) == count + 1 and said(kiosk)[-1] == said(kiosk)[-2]
    assert kiosk.window.current_view == view  # no swipe turned the tab


def test_a_two_finger_tap_pauses_and_resumes(speaking, finger):
    kiosk = speaking()
    kiosk.speech.start()
    hand = finger(kiosk)
    hand.two_finger_tap()
    assert kiosk.speech.speaker.paused
    hand.two_finger_tap()
    assert not kiosk.speech.speaker.paused


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_chart_is_read_as_its_text_alternative_then_bar_by_bar(speaking, finger, language):
    kiosk = speaking(language=language)
    kiosk.window.show_view("industries")
    settle()
    kiosk.speech.start()
    chart = explorer(kiosk.window).chart
    hand = finger(kiosk)
    hand.rest(hand.at(chart.viewport(), chart.element_point(0)))
    industries = kiosk.ctx.dataset.industries
    assert industries[0].name[language] in last(kiosk)
    hand.swipe(-300)  # the chart itself, before its first bar: its text alternative
    assert last(kiosk).startswith(chart.accessibleName())
    assert ui(kiosk, strings.SPEECH_CHART, language) in last(kiosk)
    assert all(f"{kiosk.ctx.dataset.figure(i.share).value:g}%" in last(kiosk) for i in industries)
    for number, industry in enumerate(industries, start=1):
        hand.swipe(300)
        assert f"{kiosk.ctx.dataset.figure(industry.share).value:g}%" in last(kiosk)
        assert ui(kiosk, strings.SPEECH_ELEMENT, language, number=number, count=len(industries)) in last(kiosk)
    hand.double_tap(QPoint(100, 100))  # chooses the last bar, as a tap on it would
    assert explorer(kiosk.window).selected == industries[-1]


# ---- keypad ------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_keypad_moves_chooses_repeats_and_changes_volume(speaking, language):
    kiosk = speaking(language=language)
    kiosk.speech.start("keypad")
    second = kiosk.ctx.dataset.views[1].title[language]
    for _ in range(200):
        press(kiosk, Command.NEXT)
        if last(kiosk).startswith(second):
            break
    assert last(kiosk).startswith(second)
    press(kiosk, Command.SELECT)
    assert kiosk.window.current_view == kiosk.ctx.dataset.tab_ids[1]
    count = len(said(kiosk))
    press(kiosk, Command.REPEAT)
    assert said(kiosk)[count:] == [said(kiosk)[count - 1]]
    volume = kiosk.speech.speaker.volume
    press(kiosk, Command.LOUDER if volume < 1 else Command.SOFTER)
    changed = kiosk.speech.speaker.volume
    assert changed != volume
    assert last(kiosk) == ui(kiosk, strings.SPEECH_VOLUME, language, percent=round(changed * 100))
    press(kiosk, Command.HELP)
    assert last(kiosk) == ui(kiosk, strings.SPEECH_HOW_TO_KEYPAD, language)


def test_the_language_key_switches_and_says_so_in_the_new_language(speaking):
    kiosk = speaking(language="en")
    kiosk.speech.start("keypad")
    press(kiosk, Command.LANGUAGE)
    assert said(kiosk)[-1] == (ui(kiosk, strings.SPEECH_LANGUAGE, "zh"), "zh")
    press(kiosk, Command.NEXT)
    assert said(kiosk)[-1] == (kiosk.ctx.dataset.zone.name["zh"], "zh")


def test_back_closes_the_source_card_it_opened(speaking, finger):
    kiosk = speaking()
    kiosk.speech.start("keypad")
    for _ in range(40):
        press(kiosk, Command.NEXT)
        if last(kiosk).endswith(ui(kiosk, strings.SPEECH_LINK, "en") + "."):
            break
    press(kiosk, Command.SELECT)
    assert kiosk.source_card.isVisible()
    assert ui(kiosk, strings.SOURCE_TITLE, "en") in last(kiosk)
    press(kiosk, Command.BACK)
    assert not kiosk.source_card.isVisible()


# ---- idle ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_idle_warning_is_spoken_and_answered_without_sight(speaking, finger, qtbot, language):
    kiosk = speaking(language=language, idle_seconds=0.5, warning_seconds=30)
    kiosk.speech.start()
    kiosk.session.keep_going()  # the quiet time counts from here, with speech on (a busy start may have used it up)
    qtbot.waitUntil(lambda: kiosk.session.state is State.WARNING, timeout=5000)
    assert ui(kiosk, strings.STILL_THERE, language) in last(kiosk)
    assert ui(kiosk, strings.CONTINUE, language) in last(kiosk)
    hand = finger(kiosk)
    hand.double_tap(QPoint(200, 200))
    assert kiosk.session.state is State.ACTIVE and not kiosk.warning.isVisible()


def test_the_idle_reset_leaves_speech_mode_and_puts_the_volume_back(speaking):
    kiosk = speaking()
    kiosk.speech.start("keypad")
    default = kiosk.speech.speaker.volume
    press(kiosk, Command.SOFTER)
    assert kiosk.speech.speaker.volume < default
    count = len(said(kiosk))
    kiosk.reset()
    assert not kiosk.speech.active
    assert kiosk.speech.speaker.volume == default
    assert len(said(kiosk)) == count  # the visitor has gone: nothing more is said


def test_without_speech_mode_a_touch_presses_and_nothing_is_spoken(speaking, finger):
    kiosk = speaking()
    hand = finger(kiosk)
    hand.tap(hand.at(kiosk.window.tabs.buttons[1]))
    assert kiosk.window.current_view == kiosk.ctx.dataset.tab_ids[1]
    assert kiosk.speech.speaker is None


def test_every_item_of_every_tab_says_something(speaking):
    """Nothing in the reading order is silent or only a symbol, in either language."""
    from kiosk.ui.speech.reading import reading_order

    for language in LANGUAGES:
        kiosk = speaking(language=language)
        for view in kiosk.window.tab_ids:
            kiosk.window.show_view(view)
            settle()
            items = reading_order(kiosk.window, kiosk.ctx.translations)
            silent = [type(i.widget).__name__ for i in items if not any(c.isalnum() for c in i.text())]
            assert silent == [], (language, view, silent)


def test_the_readmes_keypad_table_is_the_keypads():
    """The README tells technicians which keys to set a keypad to send: the same as the code's."""
    from pathlib import Path

    from PySide6.QtGui import QKeySequence

    from kiosk.ui.speech.keypad import STARTS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line.split("|")[2:4] for line in readme.splitlines()
            if line.startswith("| ") and line.count("|") == 4}
    for command, keys in KEYS.items():
        assert command.value in rows, command
        listed, starts = rows[command.value]
        assert [k.strip(" `") for k in listed.split(",")] == [QKeySequence(k).toString() for k in keys]
        assert (starts.strip() == "yes") == (command in STARTS)


def test_larger_text_chosen_by_speech_is_said_in_the_rebuilt_screen(speaking):
    """The text size button rebuilds every widget: what is read after the choice is the new
    button, and speech goes on working over the new widgets."""
    kiosk = speaking()
    kiosk.speech.start("keypad")
    button = kiosk.window.controls.text_size
    for _ in range(200):
        press(kiosk, Command.NEXT)
        if last(kiosk).startswith(button.accessibleName()):
            break
    press(kiosk, Command.SELECT)
    settle()
    assert kiosk.ctx.text_scale > 1
    assert last(kiosk).startswith(kiosk.window.controls.text_size.accessibleName())
    press(kiosk, Command.PREVIOUS)
    press(kiosk, Command.NEXT)
    assert last(kiosk).startswith(kiosk.window.controls.text_size.accessibleName())
