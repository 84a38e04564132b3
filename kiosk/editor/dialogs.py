"""The editor's two dialogs: what a save changes for visitors (to confirm it), and the kept
versions of the file (to go back to one). Both are opened without blocking the window."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.content_history import Version
from kiosk.editor import strings
from kiosk.model.changes import Changes
from kiosk.ui import strings as kiosk_strings

LINES_SHOWN = 12  # the lists are this many lines high before they scroll


class ReviewDialog(QDialog):
    """Before a save: every change a visitor would see, one a line; Save or Cancel."""

    def __init__(self, parent: QWidget, ui: Callable, file_name: str, changes: Changes | None):
        super().__init__(parent)
        self.setWindowTitle(ui(strings.REVIEW_TITLE, file=file_name))
        column = QVBoxLayout(self)
        if changes is None:
            intro = ui(strings.REVIEW_NEW)
        elif not changes:
            intro = ui(strings.REVIEW_NONE)
        else:
            intro = ui(strings.REVIEW_CHANGES, count=len(changes))
        column.addWidget(_wrapped(intro))
        self.changes = QListWidget()
        for line in changes.lines() if changes else ():
            self.changes.addItem(line)
        self.changes.setVisible(bool(changes))
        self.changes.setMinimumWidth(self.changes.fontMetrics().averageCharWidth() * 90)
        self.changes.setMinimumHeight(self.changes.fontMetrics().lineSpacing() * min(LINES_SHOWN, len(changes or ())
                                                                                     + 1))
        column.addWidget(self.changes, 1)
        column.addWidget(_wrapped(ui(strings.REVIEW_PUBLISH)))
        buttons = QDialogButtonBox()
        self.save = buttons.addButton(ui(strings.SAVE).replace("&", ""), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(ui(kiosk_strings.CANCEL), QDialogButtonBox.ButtonRole.RejectRole)
        self.save.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)


class HistoryDialog(QDialog):
    """The kept versions, newest first; Restore makes the chosen one the file again."""

    def __init__(self, parent: QWidget, ui: Callable, file_name: str, versions: list[Version],
                 current: Version | None, restore: Callable[[int], None]):
        super().__init__(parent)
        self.setWindowTitle(ui(strings.HISTORY_TITLE, file=file_name))
        column = QVBoxLayout(self)
        column.addWidget(_wrapped(ui(strings.HISTORY_INTRO) if versions else ui(strings.HISTORY_EMPTY)))
        self.versions = QListWidget()
        for version in reversed(versions):
            text = ui(strings.HISTORY_LINE, number=version.number, time=_local_time(version), summary=version.summary)
            if version == current:
                text += "  " + ui(strings.HISTORY_CURRENT)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, version.number)
            self.versions.addItem(item)
        self.versions.setMinimumWidth(self.versions.fontMetrics().averageCharWidth() * 100)
        self.versions.setMinimumHeight(self.versions.fontMetrics().lineSpacing() * LINES_SHOWN)
        column.addWidget(self.versions, 1)
        buttons = QDialogButtonBox()
        self.restore = QPushButton(ui(strings.RESTORE))
        self.restore.setEnabled(False)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(ui(kiosk_strings.CLOSE), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.versions.currentItemChanged.connect(lambda item, _: self.restore.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) != (current.number if current else None)))
        self.restore.clicked.connect(lambda: (restore(self.versions.currentItem().data(Qt.ItemDataRole.UserRole)),
                                              self.accept()))
        column.addWidget(buttons)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _local_time(version: Version) -> str:
    return datetime.datetime.fromisoformat(version.saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
