"""The callout a tapped chart element opens: what it is, exactly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui.i18n import Tr, localise


class Callout(QLabel):
    """What a tapped bar or segment is, exactly: closes on the next press anywhere (a tap on
    another element opens that one's), when its chart is hidden, or after 8 s.

    It lies over the whole window, not inside its chart: a chart in a narrow card cut it off
    ("Share of Jining's high-tech comp"). It wraps to stay inside the window."""

    HIDE_AFTER_MS = 8000
    MARGIN_PX = 12  # from the window's edges
    GAP_PX = 12  # between the tapped point and the callout
    LINE_EMS = 36  # the widest a line gets before it wraps, in em of the callout's font

    def __init__(self, chart: QWidget):
        super().__init__(chart)
        self.chart = chart
        self.setObjectName("callout")
        self.setProperty("role", "callout")
        # A tap on the callout is a tap on what lies under it (e.g. the next bar).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setIndent(0)  # the padding is the stylesheet's; else QLabel adds half an "x" to it
        self.hide()
        self._text: str | Tr = ""
        self._point = QPoint()  # the tap, in the chart's viewport
        self.timer = QTimer(self, singleShot=True, interval=self.HIDE_AFTER_MS)
        self.timer.timeout.connect(self.dismiss)

    def show_at(self, text: str | Tr, point: QPoint) -> None:
        """Show text over the window by `point` (in the chart's viewport): above it if there is
        room, else below; moved in from the window's edges."""
        self._text, self._point = text, point
        window = self.chart.window()
        if self.parentWidget() is not window:
            self.setParent(window)
            self.chart.destroyed.connect(self.deleteLater)  # it no longer goes with the chart
        self.place()
        self.show()
        self.raise_()
        self.timer.start()
        QApplication.instance().installEventFilter(self)

    def place(self) -> None:
        """Size the text to the window and put it by the tapped point (again after a language
        switch or a resize)."""
        window = self.parentWidget()
        if window is None or window is self.chart:
            return
        self.setText(localise(self._text))
        self.ensurePolished()
        area = window.rect().adjusted(self.MARGIN_PX, self.MARGIN_PX, -self.MARGIN_PX, -self.MARGIN_PX)
        width = min(self._unwrapped_width(), area.width(), self.LINE_EMS * self.font().pixelSize())
        self.resize(width, self.heightForWidth(width))
        point = self.chart.viewport().mapTo(window, self._point)
        above = point.y() - self.GAP_PX - self.height()
        y = above if above >= area.top() else point.y() + self.GAP_PX
        self.move(_clamp(point.x() - width // 2, area.left(), area.right() + 1 - width),
                  _clamp(y, area.top(), area.bottom() + 1 - self.height()))

    def _unwrapped_width(self) -> int:
        margins = self.contentsMargins()
        lines = QFontMetrics(self.font()).boundingRect(QRect(0, 0, 100_000, 100_000), 0, self.text())
        return lines.width() + margins.left() + margins.right() + 2  # + rounding of the text's advance

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        # Any press closes it: a tap on an element opens the callout again on release, and a
        # drag that scrolls the page would leave it behind, over other content.
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and isinstance(watched, QWidget):
            self.dismiss()
        return False

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.place()
        super().changeEvent(event)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))
