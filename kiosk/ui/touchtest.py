"""The touch test: every finger drawn where it touches, for multi-touch and calibration checks
after a screen is mounted or rotated."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui import strings
from kiosk.ui.context import ViewContext
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import Button, label, vbox

FINGER_MM = 24  # a circle wider than a fingertip, so that it shows around the finger
TARGET_MM = 5
TARGET_INSET_MM = 15  # corner targets this far in: where a rotated or misaligned panel shows most
MIN_RADIUS_PX = 24
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)


@dataclass
class Finger:
    """One finger since it went down: its number on screen and the way it went."""

    number: int
    trail: list[QPointF] = field(default_factory=list)
    down: bool = True

    @property
    def position(self) -> QPointF:
        return self.trail[-1]


class TouchTest(Overlay):
    """A full-screen layer that takes real touch events and draws each finger (circle, number,
    trail). Its Done button is pressed like any other: touches that start on it are left to it."""

    def __init__(self, parent: QWidget, ctx: ViewContext):
        super().__init__(parent, "TouchTest", with_card=False)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.fingers: dict[int, Finger] = {}  # by the touch point's id
        layout = vbox(self, margin=40, spacing=12)
        self.hint = label(ctx.ui(strings.TOUCH_TEST_HINT), "attract-label")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label("", "attract-muted")
        self.status.setObjectName("touch-status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.done_button = Button(ctx.ui(strings.DONE), "primary", ctx.ui(strings.DONE_DESCRIPTION))
        self.done_button.setObjectName("touch-done")
        self.done_button.clicked.connect(self.hide)
        row.addStretch(1)
        row.addWidget(self.done_button)
        row.addStretch(1)
        layout.addLayout(row)
        for child in (self.hint, self.status):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def open(self) -> None:
        self.fingers.clear()
        self._show_status()
        super().open()
        # The text stays clear of the corner targets.
        side = round(self._inset() + 2 * self._target_size())
        self.layout().setContentsMargins(side, 40, side, 40)

    def targets(self) -> list[QPointF]:
        """Where to touch to see whether touch and picture line up: each corner and the middle."""
        inset, width, height = self._inset(), self.width(), self.height()
        return [QPointF(inset, inset), QPointF(width - inset, inset), QPointF(width / 2, height / 2),
                QPointF(inset, height - inset), QPointF(width - inset, height - inset)]

    def finger_radius(self) -> float:
        return max(MIN_RADIUS_PX, self._mm(FINGER_MM) / 2)

    def _inset(self) -> float:
        return max(48.0, self._mm(TARGET_INSET_MM))

    def _target_size(self) -> float:
        return max(12.0, self._mm(TARGET_MM))

    def down(self) -> dict[int, QPointF]:
        """Where each finger that is down is now, by its number on screen."""
        return {f.number: f.position for f in self.fingers.values() if f.down}

    # ---- touch -----------------------------------------------------------------------------

    def event(self, event):
        if event.type() not in _TOUCH:
            return super().event(event)
        if event.type() == QEvent.Type.TouchBegin and self._on_button(event):
            event.ignore()  # Qt then presses the button with the mouse events it makes from touch
            return False
        self._track(event)
        event.accept()
        return True

    def _on_button(self, event) -> bool:
        area = QRectF(self.done_button.geometry())
        return all(area.contains(point.position()) for point in event.points())

    def _track(self, event) -> None:
        if event.type() == QEvent.Type.TouchCancel:
            self.fingers.clear()
        else:
            if event.type() == QEvent.Type.TouchBegin:
                self.fingers.clear()  # a new touch after all fingers were lifted starts afresh
            for point in event.points():
                self._follow(point)
        self._show_status()
        self.update()

    def _follow(self, point) -> None:
        finger = self.fingers.get(point.id())
        if finger is None or not finger.down:
            numbers = {f.number for f in self.fingers.values() if f.down}
            finger = Finger(next(n for n in range(1, len(numbers) + 2) if n not in numbers))
            self.fingers[point.id()] = finger
        finger.trail.append(QPointF(point.position()))
        finger.down = point.state() != point.State.Released

    def _show_status(self) -> None:
        size = self.window().screen().geometry().size()
        self.status.set_text(self.ctx.ui(strings.TOUCH_TEST_STATUS, fingers=len(self.down()),
                                         width=size.width(), height=size.height()))

    # ---- drawing ---------------------------------------------------------------------------

    def _mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * self.screen().physicalDotsPerInch() / self.screen().devicePixelRatio()

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        theme = self.ctx.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.bar))
        self._draw_targets(painter, QColor(theme.on_bar_muted))
        accent = QColor(theme.accent)
        for finger in self.fingers.values():
            self._draw_trail(painter, finger, accent)
        radius = self.finger_radius()
        for finger in self.fingers.values():
            if finger.down:
                self._draw_finger(painter, finger, radius, accent, QColor(theme.on_accent))
        painter.end()

    def _draw_targets(self, painter: QPainter, colour: QColor) -> None:
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        size = self._target_size()
        for centre in self.targets():
            painter.drawEllipse(centre, size, size)
            painter.drawLine(centre - QPointF(size * 1.5, 0), centre + QPointF(size * 1.5, 0))
            painter.drawLine(centre - QPointF(0, size * 1.5), centre + QPointF(0, size * 1.5))

    @staticmethod
    def _draw_trail(painter: QPainter, finger: Finger, colour: QColor) -> None:
        if len(finger.trail) < 2:
            return
        painter.setPen(QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(finger.trail)

    def _draw_finger(self, painter: QPainter, finger: Finger, radius: float, fill: QColor, text: QColor) -> None:
        painter.setPen(QPen(fill.lighter(130), 4))
        painter.setBrush(fill)
        painter.drawEllipse(finger.position, radius, radius)
        font = QFont(self.font())
        font.setPixelSize(round(radius))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text)
        box = QRectF(finger.position - QPointF(radius, radius), finger.position + QPointF(radius, radius))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(finger.number))
