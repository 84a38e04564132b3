"""Visits: touches, views and taps turned into sessions and events. Qt-free.

A session runs from the first touch (on the attract loop, or after start-up) to the idle reset.
Its length is measured to the last touch, so the time the kiosk waits before resetting is not
counted as interest; for the same reason a view's dwell time ends at the session's last touch.
Only a visitor's own actions are recorded: what the reset itself changes back is not.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from enum import StrEnum

from kiosk.analytics import db

Sink = Callable[[str, tuple], None]


class Kind(StrEnum):
    VIEW = "view"  # subject: none; view and seconds: where the visitor was and how long
    FIGURE = "figure"  # a chart element tapped; subject: the figure's id
    SOURCE = "source"  # a source card opened; subject: the source's id
    QR = "qr"  # a QR code shown on a source card; subject: the source's id
    LANGUAGE = "language"  # subject: the language switched to
    TEXT_SIZE = "text_size"  # subject: the text scale chosen, e.g. "1.25"
    CONTRAST = "contrast"  # subject: "on" or "off"
    IDLE_RESET = "idle_reset"


class Visits:
    def __init__(self, sink: Sink, language: str, view: str, clock: Callable[[], float] = time.time):
        self.sink = sink
        self.clock = clock
        self.language = language
        self.view_name = view
        self.session: int | None = None
        self._started = self._last = self._view_since = 0.0
        self._touches = 0

    # ---- input ------------------------------------------------------------------------------

    def active(self) -> None:
        """Any input: opens a session if none is open, and moves its last touch."""
        now = self.clock()
        if self.session is None:
            self.session = secrets.randbits(62)
            self._started = self._view_since = now
            self.sink(db.OPEN_SESSION, (self.session, now, now, self.language))
        self._last = now

    def pressed(self) -> None:
        """A finger went down (counted once per touch, however many widgets saw it)."""
        self.active()
        self._touches += 1

    # ---- what the visitor did ------------------------------------------------------------------

    def view(self, name: str) -> None:
        if name == self.view_name:
            return
        now = self.clock()
        if self.session is not None:
            self._dwell(now)
        self.view_name, self._view_since = name, now

    def language_switched(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self._event(Kind.LANGUAGE, language)
            if self.session is not None:
                self.sink(db.SET_LANGUAGE, (language, self.session))

    def figure(self, key: str) -> None:
        self._event(Kind.FIGURE, key)

    def source(self, key: str) -> None:
        self._event(Kind.SOURCE, key)

    def qr(self, key: str) -> None:
        self._event(Kind.QR, key)

    def text_size(self, scale: float) -> None:
        self._event(Kind.TEXT_SIZE, f"{scale:g}")

    def contrast(self, on: bool) -> None:
        self._event(Kind.CONTRAST, "on" if on else "off")

    # ---- the end of a visit -------------------------------------------------------------------

    def idle_reset(self) -> None:
        """Called before the reset changes anything back."""
        if self.session is not None:
            self._event(Kind.IDLE_RESET, None, at=self._last)
        self.end("idle")

    def end(self, reason: str) -> None:
        if self.session is None:
            return
        self._dwell(max(self._view_since, self._last))
        self.sink(db.CLOSE_SESSION, (self._last, self.clock(), reason, self.language, self._touches, self.session))
        self.session = None
        self._touches = 0

    def _dwell(self, until: float) -> None:
        self._event(Kind.VIEW, None, at=self._view_since, seconds=max(0.0, until - self._view_since))

    def _event(self, kind: Kind, subject: str | None, at: float | None = None, seconds: float | None = None) -> None:
        if self.session is None:
            return  # not a visitor's doing (start-up, or the reset putting things back)
        self.sink(db.INSERT_EVENT, (self.clock() if at is None else at, self.session, kind.value, self.view_name,
                                    subject, self.language, seconds))
