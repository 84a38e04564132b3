"""What widgets deep inside a page tell the kiosk, through one object passed to them explicitly.

The main window makes one WindowSignals and hands it down in its ViewContext; the kiosk
connects to it. Widgets built with a context that has no signals (the attract loop's slides, a
preview) report nothing: a tap there only wakes the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class WindowSignals(QObject):
    figure_tapped = Signal(str)  # a chart element's figure id (anonymous analytics)
    look_requested = Signal(float, bool)  # text scale, high contrast (the visitor controls)
    sources_requested = Signal(object)  # the records whose source line a visitor tapped
    speech_requested = Signal()  # the speaker button: speech mode on or off
