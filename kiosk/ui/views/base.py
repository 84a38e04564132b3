"""What every tab view shares: a page background, a headline, padding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.model.dataset import Text
from kiosk.ui.context import ViewContext
from kiosk.ui.widgets import SPACING, label, vbox


class ViewPage(QWidget):
    """A tab's page. Subclasses add their content below the headline."""

    def __init__(self, ctx: ViewContext, title: Text, headline: Text):
        super().__init__()
        self.ctx = ctx
        self.title = ctx.text(title)
        self.setObjectName("ViewPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.layout_ = vbox(self, margin=SPACING, spacing=SPACING)
        self.layout_.addWidget(label(ctx.text(headline), "headline"))

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.layout_.addWidget(widget, stretch)
        return widget
