"""The running kiosk: window, visitor session, overlays, gestures and (in kiosk mode) lockdown."""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.datastore import DataStore, Shown
from kiosk.model.own_tabs import own_tabs
from kiosk.theme import visitor_theme
from kiosk.ui.app import apply_theme
from kiosk.ui.burn_in import NightlyRestart, PixelShift
from kiosk.ui.context import ViewContext
from kiosk.ui.gestures import CornerTaps, FingersHeld, SwipeRecogniser
from kiosk.ui.i18n import current_language, switch_language
from kiosk.ui.main_window import MainWindow
from kiosk.ui.overlay_registry import BY_ATTRIBUTE, BuiltOverlays
from kiosk.ui.session import InputWatcher, Session, State
from kiosk.ui.speech.mode import SpeechMode

# The overlays (kiosk.ui.overlay_registry) and the data watcher are imported and built when
# first needed, not before the first frame: a visitor cannot reach any of them in the first
# second, and together they cost a tenth of start-up.

log = logging.getLogger(__name__)


def own_tabs_of(dataset, chosen: tuple[str, ...] | None):
    """The data with this kiosk's own choice of tabs (config tabs); what is wrong with it is logged."""
    choice = own_tabs(dataset, chosen)
    if choice.problem():
        log.error("config %s", choice.problem())
    return choice.dataset


SWIPE_MM = 15
RELEASE_AFTER_RESET_MS = 2000
SWIPE_MIN_PX = 100


_STATUS = {
    State.ACTIVE: "visitor session on {view} ({language})",
    State.WARNING: "idle warning on {view} ({language})",
    State.ATTRACT: "attract loop",
    State.ASLEEP: "screen off outside opening hours",
}


class Kiosk(QObject):
    status_changed = Signal(str)  # status() after a change, for the service manager

    def __init__(self, ctx: ViewContext, config: Config, kiosk_mode: bool, store: DataStore | None = None,
                 settle_ms: int = 1000, visits=None, key_numbers=None, watch_data: bool = True,
                 config_path: Path | None = None, fixed: frozenset[str] = frozenset(), doctor=None,
                 clock=None, display_power=None):
        super().__init__()
        self.content = ctx.dataset  # the data shown, all of it; ctx.dataset has this kiosk's own tabs
        ctx = replace(ctx, dataset=own_tabs_of(ctx.dataset, config.tabs))
        self.ctx = ctx
        self._theme_at_start = ctx.theme  # the application's look, put back by close()
        self.config = config
        self.store = store
        self.visits = None
        self.key_numbers = key_numbers
        # How the self-test runs 'kiosk doctor' (kiosk.doctor.invocation.DoctorCommand): for this
        # kiosk's configuration and data file; None: the defaults.
        self.doctor = doctor
        self.window = MainWindow(ctx)
        self.overlays = BuiltOverlays(self)
        self.watcher = InputWatcher()
        QApplication.instance().installEventFilter(self.watcher)
        self.session = Session(config, self.watcher)
        dpi = self.window.screen().physicalDotsPerInch()
        self.swipe = SwipeRecogniser(self.watcher, max(SWIPE_MIN_PX, SWIPE_MM / 25.4 * dpi))
        self.corner = CornerTaps(self.watcher)
        self.speech = SpeechMode(self.window, ctx.translations, self._make_speaker,
                                 lambda: (self.overlays.shown() or [None])[-1], lambda: self.ctx.theme.accent,
                                 parent=self)
        self.speech_gesture = FingersHeld(self.watcher)
        self.watcher.keys = self._key
        self.display = self._display_hours(config, clock, display_power)
        self.pixel_shift = PixelShift(self.watcher, parent=self)
        self.pixel_shift.add(self.window)
        self.nightly = self._nightly_restart(config, clock)
        self._connect()
        if self.display is not None:
            self.display.start()  # dark from the first frame if it starts outside opening hours
        if visits is not None:
            self.record(visits)
        self.key_blocker = None
        if kiosk_mode:
            from kiosk.ui.lockdown import lock_down

            self.key_blocker = lock_down(self.window)
            self.key_blocker.staff_requested.connect(self._on_staff_gesture)
            self.key_blocker.staff_keys = lambda key: self._key(key, Qt.KeyboardModifier.NoModifier)
        self.data_watcher = None
        if watch_data and store is not None and store.operator_path is not None:
            from kiosk.ui.reload import DataWatcher

            self.data_watcher = DataWatcher(store, settle_ms=settle_ms, parent=self)
            self.data_watcher.reloaded.connect(self.show_data)
        self.config_path = config_path
        self.live_config = None
        if config_path is not None:
            from kiosk.ui.live_config import LiveConfig

            self.live_config = LiveConfig(self, config_path, fixed, settle_ms=settle_ms)

    def _make_speaker(self):
        """The speech engine, started the first time speech mode is (a separate process)."""
        from kiosk.speech.client import Speech

        speaker = Speech(output=self.config.speech_output, volume=self.config.speech_volume)
        if speaker.problem:
            log.error("speech: %s", speaker.problem)
        return speaker

    def _display_hours(self, config: Config, clock, power):
        """Opening hours (config display_hours), or None: the screen is always on."""
        if config.display_hours is None:
            return None
        return self._display_schedule(config.display_hours, clock, power)

    def _display_schedule(self, hours, clock=None, power=None):
        from kiosk.ui.display import DisplaySchedule, local_now

        display = DisplaySchedule(self.window, self.watcher, hours, clock or local_now, power, self)
        display.closed.connect(self._on_closed)
        display.woken.connect(self._on_woken)
        display.opened.connect(self._on_opened)
        display.changed.connect(lambda: self.status_changed.emit(self.status()))
        return display

    def _nightly_restart(self, config: Config, clock) -> NightlyRestart | None:
        """A fresh process every night at restart_at, at a quiet moment; None if unset."""
        if config.restart_at is None:
            return None
        import datetime

        quiet = (State.ATTRACT, State.ASLEEP)
        return NightlyRestart(config.restart_at, lambda: self.session.state in quiet, lambda why: self.restart(why),
                              clock or datetime.datetime.now, parent=self)

    def switch_screen(self, on: bool, by: str) -> None:
        """Staff's screen on or off from afar (kiosk.ui.fleet_link); held off until switched on.
        Without opening hours the same dark screen is used, with hours that are always open."""
        if self.display is None:
            if on:
                return  # without opening hours the screen is always on
            from kiosk.ui.display import ALWAYS_OPEN

            self.display = self._display_schedule(ALWAYS_OPEN)
            self.display.start()
        self.display.hold(not on, by)

    @property
    def screen_on(self) -> bool:
        return self.display is None or self.display.lit

    def after_first_frame(self) -> None:
        """The panel switched as the opening hours want it (this runs a tool, so not before)."""
        if self.display is not None:
            self.display.reassert()

    # ---- overlays, built on first use (kiosk.ui.overlay_registry) ---------------------------

    def __getattr__(self, name: str):
        """The overlays by their attributes in the registry: kiosk.staff, kiosk.pin_pad, ..."""
        if name in BY_ATTRIBUTE and "overlays" in self.__dict__:
            return self.overlays.get(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @cached_property
    def pin_guard(self):
        from kiosk.pin import PinGuard

        return PinGuard(self.config.pin_hash)

    def built(self, name: str):
        """The overlay called `name` if it has been built, else None (nothing to update)."""
        return self.overlays.built(name)

    def set_look(self, text_scale: float, high_contrast: bool) -> None:
        """The visitor's text size and contrast: restyle, and rebuild the content (charts take
        their colours and fonts when built), on the same view and language."""
        if (text_scale, high_contrast) == (self.ctx.text_scale, self.ctx.high_contrast):
            return
        log.info("look: text x%.2f, high contrast %s", text_scale, high_contrast)
        if self.visits is not None:
            if text_scale != self.ctx.text_scale:
                self.visits.text_size(text_scale)
            if high_contrast != self.ctx.high_contrast:
                self.visits.contrast(high_contrast)
        theme = visitor_theme(text_scale, high_contrast)
        apply_theme(QApplication.instance(), theme)
        self._rebuild(replace(self.ctx, theme=theme, text_scale=text_scale, high_contrast=high_contrast))

    def _rebuild(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        with self.watcher.paused():
            self.window.set_dataset(ctx)
            self.overlays.set_dataset(ctx)

    def show_data(self, shown: Shown) -> None:
        """A new valid dataset: swapped in whole, on the same view and (if it has it) language."""
        languages = shown.dataset.languages
        default = self.ctx.default_language if self.ctx.default_language in languages else languages[0]
        self.content = shown.dataset
        self._rebuild(replace(self.ctx, dataset=own_tabs_of(shown.dataset, self.config.tabs), default_language=default,
                              media=shown.media))
        if current_language() not in languages:
            switch_language(default)
        log.info("now showing %s", shown.path)

    def apply_settings(self, names: set[str]) -> None:
        """Settings of self.config that changed in the configuration file while running."""
        config = self.config
        self.session.set_config(config)
        if "pin_hash" in names and "pin_guard" in self.__dict__:
            self.pin_guard.stored = config.pin_hash
        if "attract_seconds" in names and self.built("attract") is not None:
            self.attract.set_seconds(config.attract_seconds)
        if "log_level" in names:
            logging.getLogger().setLevel(config.log_level)
        if names & {"default_language", "reduce_motion"}:
            self._set_defaults(config.default_language, config.reduce_motion)
        if "tabs" in names:
            self._rebuild(replace(self.ctx, dataset=own_tabs_of(self.content, config.tabs)))

    def _set_defaults(self, language: str, reduce_motion: bool) -> None:
        """The language idle resets return to, and motion: the content is rebuilt with them."""
        languages = self.ctx.dataset.languages
        if language not in languages:
            log.error("default_language %s: the dataset has %s; keeping %s", language, ", ".join(languages),
                      self.ctx.default_language)
            language = self.ctx.default_language
        if (language, reduce_motion) != (self.ctx.default_language, self.ctx.reduce_motion):
            self._rebuild(replace(self.ctx, default_language=language, reduce_motion=reduce_motion))

    def _connect(self) -> None:
        self.session.state_changed.connect(self._on_state_changed)
        self.session.reset_requested.connect(self.reset)
        self.swipe.swiped.connect(self._on_swiped)
        self.corner.triggered.connect(self._on_staff_gesture)
        self.window.signals.sources_requested.connect(lambda records: self.source_card.show_for(records))
        self.window.signals.look_requested.connect(self.set_look)
        self.window.signals.speech_requested.connect(lambda: self.speech.toggle("touch"))
        self.speech_gesture.triggered.connect(lambda: self.speech.toggle("touch"))
        self.speech.started.connect(lambda: self.window.show_speaking(True))
        self.speech.stopped.connect(lambda: self.window.show_speaking(False))
        self.watcher.pressed.connect(self.window.finish_animations)

    def record(self, visits) -> None:
        """What visitors do, for the anonymous analytics (see kiosk.analytics)."""
        self.visits = visits
        # A touch on the dark screen (outside opening hours, or switched off by staff, which
        # may happen later) is nobody's visit until it wakes the screen.
        self.watcher.activity.connect(lambda: self.session.state is State.ASLEEP or visits.active())
        self.watcher.pressed.connect(lambda: self.session.state is State.ASLEEP or visits.pressed())
        self.window.view_changed.connect(visits.view)
        self.window.language_changed.connect(visits.language_switched)
        self.window.signals.figure_tapped.connect(visits.figure)
        if self.built("source_card") is not None:
            self.record_sources(self.source_card, visits)

    @staticmethod
    def record_sources(card, visits) -> None:
        card.source_shown.connect(visits.source)
        card.qr_shown.connect(visits.qr)

    def status(self) -> str:
        """What the screen shows, in a line for operators (`systemctl status` shows it)."""
        text = _STATUS[self.session.state].format(view=self.window.current_view, language=current_language())
        display = self.display.describe() if self.display is not None else None
        if display is None or self.session.state is State.ASLEEP:
            return display or text
        return f"{display}; {text}"

    def _on_state_changed(self, state: State) -> None:
        log.info("session %s", state.value)
        self.status_changed.emit(self.status())
        if state is State.WARNING:
            self.warning.open()
            self.speech.read_alert(self.warning)
        elif self.built("warning") is not None:
            self.warning.hide()
        if state is State.ATTRACT:
            self.attract.start()
        if self.nightly is not None and state in (State.ATTRACT, State.ASLEEP):
            self.nightly.check()  # a restart that waited for a quiet moment has one now

    def _on_swiped(self, step: int, start) -> None:
        """A swipe turns the tab, unless it started on something that takes swipes itself (a
        gallery: any widget with take_swipe())."""
        if self.session.state is not State.ACTIVE or self.overlays.shown() or self.speech.active:
            return
        widget = self.window.childAt(start.toPoint())
        while widget is not None and not hasattr(widget, "take_swipe"):
            widget = widget.parentWidget()
        if widget is None or not widget.take_swipe(step):
            self.window.step_view(step)

    def _on_closed(self) -> None:
        log.info("outside opening hours: the visit ends")
        if self.visits is not None:
            self.visits.end("closed")
        self.window.reset_state()
        self.window.finish_animations()  # nothing moves behind the dark screen
        self.pixel_shift.pause()
        self.session.sleep()

    def _on_woken(self) -> None:
        self.pixel_shift.resume()
        self.session.keep_going()
        if self.visits is not None:
            self.visits.active()  # the waking touch begins a visit, as on the attract loop

    def _on_opened(self) -> None:
        self.pixel_shift.resume()
        if self.session.state is State.ASLEEP:
            self.session.wait_for_visitors()

    def _on_staff_gesture(self) -> None:
        if self.display is not None:
            self.display.wake_for_staff()
        if self.pin_guard.configured:
            log.info("staff gesture")
            self.pin_pad.open()
            return
        # The way to fix it is for staff, so it goes to the log (and 'kiosk doctor'); the
        # screen only says, without commands, that the gesture worked but leads nowhere yet.
        log.warning("staff gesture, but no staff PIN is set, so the kiosk cannot be exited from the screen: "
                    "on this computer run 'kiosk set-pin' (it writes %s; the running kiosk uses the PIN "
                    "within seconds)", self.config_path or "the configuration file")
        self.no_pin.open()

    def _key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> bool:
        """A key pressed at the window: staff's first (it types into the open PIN pad, and
        Escape closes the PIN pad or the staff panel), then the tactile keypad's (speech mode).
        True if it was used."""
        pad, panel = self.built("pin_pad"), self.built("staff")
        if pad is not None and pad.isVisible():
            return pad.press_key(key)
        if panel is not None and panel.isVisible() and key == Qt.Key.Key_Escape:
            panel.hide()
            return True
        return self.speech.key(key, modifiers)

    def reset(self) -> None:
        log.info("idle: resetting to the start")
        if self.visits is not None:
            self.visits.idle_reset()  # before the reset puts language, view and look back
        self.speech.reset_state()
        self.window.reset_state()  # overlays close themselves through the same mechanism
        # Nobody is at the screen: hand the memory the visit freed back to the system (glibc
        # keeps freed blocks, and a kiosk in use all day would look as if it grew). A moment
        # later, once the widgets the reset replaced have been deleted.
        from kiosk.memory import release_freed

        QTimer.singleShot(RELEASE_AFTER_RESET_MS, release_freed)

    def quit(self) -> None:
        log.info("staff exit")
        self._end(0, "exit")

    def restart(self, reason: str) -> None:
        """Start a fresh kiosk process (see kiosk.restart): staff's Restart button, the nightly slot."""
        from kiosk.restart import RESTART_EXIT_CODE

        log.info("restarting: %s", reason)
        self._end(RESTART_EXIT_CODE, "restart")

    def _end(self, code: int, reason: str) -> None:
        self.overlays.close()  # a doctor still running in the self-test is not left behind
        if self.visits is not None:
            self.visits.end(reason)
        self.window.closable = True
        QApplication.instance().exit(code)

    def close(self) -> None:
        """End this kiosk and leave the application as it was before it: in one process that
        builds many (the tests, the benchmark, the monkey), nothing of it may run on, filter
        input or restyle the next one. No event loop is needed; its window is deleted with
        the next deferred deletes (kiosk.harness.settle)."""
        app = QApplication.instance()
        self.overlays.close()  # the self-test's doctor process too
        app.removeEventFilter(self.watcher)
        self.speech.close()
        self.session.stop()
        self.pixel_shift.pause()
        for timers in (self.display, self.nightly):
            if timers is not None:
                timers.stop()
        if self.key_blocker is not None:
            from kiosk.ui.lockdown import lift_lock_down

            lift_lock_down(self.key_blocker)
        if self.ctx.theme != self._theme_at_start:  # a visitor's look is application-wide
            apply_theme(app, self._theme_at_start)
        self.window.closable = True
        self.window.close()
        self.window.deleteLater()
        self.deleteLater()  # and with it the file watchers (data, configuration) and timers
