"""The callout a tapped chart element opens: what it is, exactly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui.i18n import Tr, localise


class Callout(QLabel):
    """What a tapped bar or segment is, exactly: closes on a tap elsewhere or after 8 s."""

    HIDE_AFTER_MS = 8000

    def __init__(self, chart: QWidget):
        super().__init__(chart)
        self.setObjectName("callout")
        self.setProperty("role", "callout")
        # A tap on the callout is a tap on what lies under it (e.g. the next bar).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        self._text: str | Tr = ""
        self.timer = QTimer(self, singleShot=True, interval=self.HIDE_AFTER_MS)
        self.timer.timeout.connect(self.dismiss)

    def show_at(self, text: str | Tr, point: QPoint) -> None:
        self._text = text
        self._show_text()
        chart = self.parentWidget()
        x = min(max(0, point.x() - self.width() // 2), max(0, chart.width() - self.width()))
        y = point.y() - self.height() - 12
        self.move(x, y if y >= 0 else min(point.y() + 12, max(0, chart.height() - self.height())))
        self.show()
        self.raise_()
        self.timer.start()
        QApplication.instance().installEventFilter(self)

    def _show_text(self) -> None:
        self.setText(localise(self._text))
        self.adjustSize()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        # A press outside the chart closes the callout; inside, the chart decides.
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and isinstance(watched, QWidget):
            point = event.points()[0].globalPosition() if event.type() == QEvent.Type.TouchBegin \
                else event.globalPosition()
            chart = self.parentWidget()
            if not chart.rect().contains(chart.mapFromGlobal(point.toPoint())):
                self.dismiss()
        return False

    def changeEvent(self, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_text()
        super().changeEvent(event)
