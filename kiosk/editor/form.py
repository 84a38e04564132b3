"""The form for one item of the content, built by walking its record type's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.editor import strings
from kiosk.editor.editors import FieldEditor, FormEnv, NumberEditor, field_editor
from kiosk.editor.fields import HOLDERS, MISSING, Field, record_fields

HELP_WIDTH = 70  # characters a line of help text may take before it wraps


class RecordForm(QWidget):
    """Label, input and help for each field a record has (the records it holds are the tree's)."""

    edited = Signal(object, object)  # the field's path, its new JSON value

    def __init__(self, env: FormEnv, path: tuple, record: type, value: dict, title: str,
                 fresh_id: bool = False):
        super().__init__()
        self.path = path
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.help: dict[str, str] = {}
        self.starts: dict[str, object] = {}  # what a field not in the file shows
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        grid.addWidget(heading, 0, 0, 1, 2)
        self.record_note = _note()
        grid.addWidget(self.record_note, 1, 0, 1, 2)
        row = 2
        for f in record_fields(record):
            if f.shape.kind in HOLDERS:
                continue
            self._add_field(grid, row, env, f, value.get(f.name, MISSING), fresh_id and f.name == "id")
            row += 2
        grid.setRowStretch(row, 1)

    def _add_field(self, grid: QGridLayout, row: int, env: FormEnv, f: Field, value, fresh_id: bool) -> None:
        start = self.starts[f.name] = f.default if f.default is not MISSING else env.start(f.shape)
        editor = field_editor(env, f.shape, value, start, on_finish=f.name == "id")
        editor.setObjectName(f"field-{f.name}")
        editor.edited.connect(lambda new, name=f.name: self.edited.emit((*self.path, name), new))
        label = QLabel(env.word(f.name))
        label.setBuddy(editor.focusProxy() or editor)
        # The model's description, in the editor's language (kiosk/editor/field_notes.py marks it).
        description = env.ui(f.description) if f.description else ""
        help_text = " ".join(filter(None, [description, env.ui(strings.ID_FOLLOWS_NAME) if fresh_id else ""]))
        for widget in (label, editor):
            widget.setToolTip(help_text)
        note = _note(help_text)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(editor, row, 1)
        grid.addWidget(note, row + 1, 1)
        self.editors[f.name], self.labels[f.name], self.notes[f.name] = editor, label, note
        self.help[f.name] = help_text

    def set_values(self, value: dict) -> None:
        """Show the record's values as they are now (after an undo), without emitting edits."""
        for name, editor in self.editors.items():
            current = value.get(name, MISSING)
            editor.blockSignals(True)
            editor.set_value(current if current is not MISSING or editor.shape.optional else self.starts[name])
            editor.blockSignals(False)

    def refresh(self) -> None:
        """Update what depends on other fields (a value as visitors read it, with its unit)."""
        for editor in self.findChildren(NumberEditor):
            editor.refresh()

    def mark_problems(self, problems: dict[str, list[str]]) -> None:
        """Show each field's problems under it (those of the record as a whole at the top)."""
        for name, label in self.labels.items():
            messages = problems.get(name, [])
            label.setProperty("problem", bool(messages))
            _show(self.notes[name], "\n".join(messages) or self.help[name], bool(messages))
            label.style().polish(label)
        _show(self.record_note, "\n".join(problems.get("", [])), True)

    def focus_field(self, name: str, part=None) -> QWidget | None:
        """Give a field the keyboard (the part of it a problem is about: a text's language)."""
        editor = self.editors.get(name)
        if editor is not None:
            editor.focus(part)
        return editor


class CollectionPanel(QWidget):
    """What a list of records is, how many it holds, and buttons to add one of each kind."""

    add = Signal(object, object)  # the list's path, the record type to add

    def __init__(self, env: FormEnv, path: tuple, title: str, description: str | None, count: int,
                 kinds: list[tuple[str, type]]):
        super().__init__()
        self.path = path
        column = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        column.addWidget(heading)
        if description:
            column.addWidget(_note(description))
        column.addWidget(QLabel(env.ui(strings.ITEMS, count=count)))
        self.buttons = []
        for name, record in kinds:
            button = QPushButton(env.ui(strings.ADD_WHAT, what=name))
            button.clicked.connect(lambda _=False, r=record: self.add.emit(self.path, r))
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        column.addStretch(1)
        self.record_note = _note()
        column.addWidget(self.record_note)

    def mark_problems(self, problems: dict[str, list[str]]) -> None:
        _show(self.record_note, "\n".join(m for messages in problems.values() for m in messages), True)

    def refresh(self) -> None:
        pass

    def focus_field(self, name: str, part=None) -> None:
        return None


def _note(text: str = "") -> QLabel:
    note = QLabel()
    note.setWordWrap(True)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _show(note, text, False)
    return note


def _show(note: QLabel, text: str, problem: bool) -> None:
    note.setText(text)
    note.setProperty("role", "problem" if problem else "help")
    # Shown with its form; shown before it has one, it would be a window of its own.
    if not text:
        note.hide()
    elif note.parentWidget() is not None:
        note.show()
    note.style().polish(note)
