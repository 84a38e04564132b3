"""Every layer the kiosk shows over its views, in one registry: how each is built and wired
into the running kiosk, how a still picture opens it, and whether it takes a new dataset.

The screenshot command's --overlay choices, the screenshots, the tests and the monkey read
OVERLAYS; a Kiosk builds each layer on first use (BuiltOverlays). The layers' own modules are
imported then, not before the first frame: a visitor cannot reach any of them in the first
second, and together they cost a tenth of start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.context import ViewContext
    from kiosk.ui.shell import Kiosk

log = logging.getLogger(__name__)

# How long a still picture of the self-test waits for its findings (not "Checking…").
CHECKS_SECONDS = 60


def _open(kiosk: Kiosk, overlay) -> None:
    overlay.open()


def _as_it_opens(overlay) -> None:
    """A layer whose first picture is its final one."""


@dataclass(frozen=True)
class OverlaySpec:
    name: str  # on the command line: kiosk screenshot --overlay NAME
    attribute: str  # the running kiosk's attribute: kiosk.staff, kiosk.pin_pad
    build: Callable[[Kiosk], QWidget]  # built and wired into the kiosk on first use
    # Opened as the kiosk opens it, over the view on screen.
    open: Callable[[Kiosk, QWidget], None] = _open
    # Then, for a still picture: where it ends up (the kiosk never waits for this).
    still: Callable[[QWidget], None] = _as_it_opens
    # True: it shows the dataset, and takes every new one (and look) by set_dataset(ctx).
    follows_data: bool = False
    # True: only staff reach it, behind the PIN.
    staff_only: bool = False
    # True: a staff page that explains a rejected data file (a screenshot may show one).
    explains_data_problems: bool = False


# ---- how each layer is built and wired --------------------------------------------------------

def _warning(kiosk: Kiosk):
    from kiosk.ui.overlays import IdleWarning

    warning = IdleWarning(kiosk.window, kiosk.ctx)
    kiosk.session.warning_tick.connect(warning.show_seconds)
    warning.continued.connect(kiosk.session.keep_going)
    warning.continue_button.clicked.connect(kiosk.session.keep_going)
    return warning


def _open_warning(kiosk: Kiosk, warning) -> None:
    warning.show_seconds(kiosk.session.config.warning_seconds)
    warning.open()


def _attract(kiosk: Kiosk):
    from kiosk.ui.attract import AttractScreen

    attract = AttractScreen(kiosk.window, kiosk.ctx, kiosk.config.attract_seconds)
    attract.woke.connect(kiosk.session.keep_going)
    kiosk.pixel_shift.add(attract)
    return attract


def _pin_pad(kiosk: Kiosk):
    from kiosk.ui.overlays import PinPad

    pin_pad = PinPad(kiosk.window, kiosk.ctx, kiosk.pin_guard)
    pin_pad.unlocked.connect(lambda: _open_staff_panel(kiosk))
    return pin_pad


def _open_staff_panel(kiosk: Kiosk) -> None:
    log.info("staff panel opened")
    kiosk.staff.open()


def _no_pin(kiosk: Kiosk):
    """What the staff corner shows before a PIN is set. Anyone can tap that corner, so it
    names no command and no file: a neutral sentence, not nothing, because staff trying the
    gesture must see that it was recognised rather than think the screen is frozen."""
    from kiosk.ui import strings
    from kiosk.ui.overlays import Notice

    return Notice(kiosk.window, kiosk.ctx, kiosk.ctx.ui(strings.NO_PIN))


def _staff(kiosk: Kiosk):
    from kiosk.ui.overlays import StaffPanel

    store = kiosk.store
    staff = StaffPanel(kiosk.window, kiosk.ctx, lambda: store.status() if store is not None else None,
                       kiosk.key_numbers)
    staff.exit_requested.connect(kiosk.quit)
    staff.restart_requested.connect(lambda: kiosk.restart("staff restart"))
    staff.self_test_requested.connect(lambda: _open_self_test(kiosk))
    return staff


def _open_self_test(kiosk: Kiosk) -> None:
    log.info("staff self-test")
    kiosk.staff.hide()
    kiosk.self_test.open()


def _self_test(kiosk: Kiosk):
    from kiosk.doctor.invocation import DoctorCommand
    from kiosk.ui.selftest import SelfTestPage

    page = SelfTestPage(kiosk.window, kiosk.ctx, kiosk.doctor or DoctorCommand())
    page.back_requested.connect(lambda: kiosk.staff.open())
    page.touch_test_requested.connect(lambda: kiosk.touch_test.open())
    return page


def _touch_test(kiosk: Kiosk):
    from kiosk.ui.touchtest import TouchTest

    return TouchTest(kiosk.window, kiosk.ctx)


def _source_card(kiosk: Kiosk):
    from kiosk.ui.sources import SourceCard

    card = SourceCard(kiosk.window, kiosk.ctx)
    if kiosk.visits is not None:
        kiosk.record_sources(card, kiosk.visits)
    return card


def _open_source_card(kiosk: Kiosk, card) -> None:
    """The sources of the first source line of the view on screen, as a visitor's tap opens it."""
    from kiosk.ui.widgets import SourceLink

    window = kiosk.window
    card.show_for(window.views[window.current_view].findChild(SourceLink).provenance.records)


def _start_attract(kiosk: Kiosk, attract) -> None:
    attract.start()


OVERLAYS: dict[str, OverlaySpec] = {spec.name: spec for spec in (
    OverlaySpec("warning", "warning", _warning, _open_warning),
    # A figure slide tells more than the welcome.
    OverlaySpec("attract", "attract", _attract, _start_attract, lambda attract: attract.show_slide(1, animate=False),
                follows_data=True),
    OverlaySpec("pin", "pin_pad", _pin_pad),
    OverlaySpec("no-pin", "no_pin", _no_pin),
    # It names the views of the dataset (the most viewed one).
    OverlaySpec("staff", "staff", _staff, follows_data=True, staff_only=True, explains_data_problems=True),
    OverlaySpec("self-test", "self_test", _self_test, still=lambda page: page.wait_for_checks(CHECKS_SECONDS),
                staff_only=True, explains_data_problems=True),
    OverlaySpec("touch-test", "touch_test", _touch_test, staff_only=True),
    OverlaySpec("source", "source_card", _source_card, _open_source_card, follows_data=True),
)}
BY_ATTRIBUTE = {spec.attribute: spec for spec in OVERLAYS.values()}
# What anyone at the screen can open (STAFF_PAGES: what the PIN opens).
PUBLIC = tuple(name for name, spec in OVERLAYS.items() if not spec.staff_only)
STAFF_PAGES = tuple(name for name, spec in OVERLAYS.items() if spec.staff_only)


class BuiltOverlays:
    """A running kiosk's layers, each built the first time it is asked for."""

    def __init__(self, kiosk: Kiosk):
        self.kiosk = kiosk
        self._built: dict[str, QWidget] = {}  # by attribute

    def get(self, attribute: str):
        if attribute not in self._built:
            self._built[attribute] = BY_ATTRIBUTE[attribute].build(self.kiosk)
        return self._built[attribute]

    def built(self, attribute: str):
        """The layer if it has been built, else None (nothing to update)."""
        return self._built.get(attribute)

    def shown(self) -> list:
        """The layers on screen, the topmost last."""
        stacking = self.kiosk.window.children()
        return sorted((o for o in self._built.values() if o.isVisible()), key=stacking.index)

    def set_dataset(self, ctx: ViewContext) -> None:
        """A new dataset or look: every layer that shows the dataset takes it."""
        for attribute, overlay in self._built.items():
            if BY_ATTRIBUTE[attribute].follows_data:
                overlay.set_dataset(ctx)

    def close(self) -> None:
        """Every layer closed as an idle reset closes it (the self-test's checks stop)."""
        for overlay in self._built.values():
            overlay.reset_state()
