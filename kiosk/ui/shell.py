"""The running kiosk: window, visitor session, overlays, gestures and (in kiosk mode) lockdown."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.analytics.visits import Visits
from kiosk.config import Config
from kiosk.datastore import DataStore, Shown
from kiosk.pin import PinGuard
from kiosk.ui import strings
from kiosk.theme import visitor_theme
from kiosk.ui.app import apply_theme
from kiosk.ui.attract import AttractScreen
from kiosk.ui.context import ViewContext
from kiosk.ui.gestures import CornerTaps, SwipeRecogniser
from kiosk.ui.i18n import current_language, switch_language
from kiosk.ui.lockdown import lock_down
from kiosk.ui.main_window import MainWindow
from kiosk.ui.overlays import IdleWarning, Notice, Overlay, PinPad, StaffPanel
from kiosk.ui.reload import DataWatcher
from kiosk.ui.sources import SourceCard
from kiosk.ui.session import InputWatcher, Session, State
from kiosk.ui.widgets import descendants

log = logging.getLogger(__name__)

SWIPE_MM = 15
SWIPE_MIN_PX = 100


class Kiosk(QObject):
    def __init__(self, ctx: ViewContext, config: Config, kiosk_mode: bool, store: DataStore | None = None,
                 settle_ms: int = 1000, visits: Visits | None = None, key_numbers=None, watch_data: bool = True):
        super().__init__()
        self.ctx = ctx
        self.store = store
        self.visits = visits
        self.window = MainWindow(ctx)
        self.watcher = InputWatcher()
        QApplication.instance().installEventFilter(self.watcher)
        self.session = Session(config, self.watcher)
        self.warning = IdleWarning(self.window, ctx)
        self.attract = AttractScreen(self.window, ctx, config.attract_seconds)
        self.pin_pad = PinPad(self.window, ctx, PinGuard(config.pin_hash))
        self.staff = StaffPanel(self.window, ctx, lambda: store.status() if store is not None else None,
                                key_numbers)
        self.no_pin = Notice(self.window, ctx, ctx.ui(strings.NO_PIN))
        self.source_card = SourceCard(self.window, ctx)
        dpi = self.window.screen().physicalDotsPerInch()
        self.swipe = SwipeRecogniser(self.watcher, max(SWIPE_MIN_PX, SWIPE_MM / 25.4 * dpi))
        self.corner = CornerTaps(self.watcher)
        self._connect()
        if visits is not None:
            self._record(visits)
        self.key_blocker = lock_down(self.window) if kiosk_mode else None
        self.data_watcher = None
        if watch_data and store is not None and store.operator_path is not None:
            self.data_watcher = DataWatcher(store, settle_ms=settle_ms, parent=self)
            self.data_watcher.reloaded.connect(self.show_data)

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
        self.window.set_dataset(ctx)
        self.attract.set_dataset(ctx)
        self.source_card.set_dataset(ctx)

    def show_data(self, shown: Shown) -> None:
        """A new valid dataset: swapped in whole, on the same view and (if it has it) language."""
        languages = shown.dataset.languages
        default = self.ctx.default_language if self.ctx.default_language in languages else languages[0]
        self._rebuild(replace(self.ctx, dataset=shown.dataset, default_language=default))
        if current_language() not in languages:
            switch_language(default)
        log.info("now showing %s", shown.path)

    def _connect(self) -> None:
        self.session.state_changed.connect(self._on_state_changed)
        self.session.warning_tick.connect(self.warning.show_seconds)
        self.session.reset_requested.connect(self.reset)
        self.warning.continued.connect(self.session.keep_going)
        self.warning.continue_button.clicked.connect(self.session.keep_going)
        self.attract.woke.connect(self.session.keep_going)
        self.swipe.swiped.connect(self._on_swiped)
        self.corner.triggered.connect(self._on_staff_gesture)
        self.pin_pad.unlocked.connect(self.staff.open)
        self.staff.exit_requested.connect(self.quit)
        self.window.sources_requested.connect(self.source_card.show_for)
        self.window.look_requested.connect(self.set_look)
        self.watcher.pressed.connect(self.window.finish_animations)

    def _record(self, visits: Visits) -> None:
        """What visitors do, for the anonymous analytics (see kiosk.analytics)."""
        self.watcher.activity.connect(visits.active)
        self.watcher.pressed.connect(visits.pressed)
        self.window.view_changed.connect(visits.view)
        self.window.language_changed.connect(visits.language_switched)
        self.window.figure_tapped.connect(visits.figure)
        self.source_card.source_shown.connect(visits.source)
        self.source_card.qr_shown.connect(visits.qr)

    def _on_state_changed(self, state: State) -> None:
        log.info("session %s", state.value)
        if state is State.WARNING:
            self.warning.open()
        else:
            self.warning.hide()
        if state is State.ATTRACT:
            self.attract.start()

    def _on_swiped(self, step: int) -> None:
        overlays = descendants(self.window, Overlay)
        if self.session.state is State.ACTIVE and not any(o.isVisible() for o in overlays):
            self.window.step_view(step)

    def _on_staff_gesture(self) -> None:
        log.info("staff gesture")
        (self.pin_pad if self.pin_pad.guard.configured else self.no_pin).open()

    def reset(self) -> None:
        log.info("idle: resetting to the start")
        if self.visits is not None:
            self.visits.idle_reset()  # before the reset puts language, view and look back
        self.window.reset_state()  # overlays close themselves through the same mechanism

    def quit(self) -> None:
        log.info("staff exit")
        if self.visits is not None:
            self.visits.end("exit")
        self.window.closable = True
        QApplication.instance().exit(0)
