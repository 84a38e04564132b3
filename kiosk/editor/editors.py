"""One input widget per kind of field (kiosk.editor.fields): chosen by what the model's type
says, never by the field's name. Each shows a JSON value and emits the new one when edited."""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from kiosk.editor import strings
from kiosk.editor.fields import (BOOLEAN, CHOICE, DATE, FIXED, INTEGER, LIST, MISSING, NUMBER, REFERENCE, STRING,
                                 TEXT, TUPLE, Shape)

LONG_TEXT = 70  # characters: a longer text gets a box of several lines
_INT_LIMIT = 2**31 - 1


@dataclass(frozen=True)
class FormEnv:
    """What editors need from the window: the dataset's languages, the editor's language, the
    records a reference may name, and how a number reads to visitors."""

    languages: tuple[str, ...]
    ui: Callable  # ui(source, **values) -> the interface text in the editor's language
    word: Callable[[str], str]  # a model name for people
    choices: Callable[[str], list[tuple[str, str]]]  # kind -> [(id, name)]
    shown_as: Callable[[object], str] = lambda value: ""  # a number as visitors read it
    start: Callable[[Shape], object] = lambda shape: None  # what a field given no value starts from


class FieldEditor(QWidget):
    edited = Signal(object)  # the new JSON value (MISSING: leave the field out)

    def __init__(self, env: FormEnv, shape: Shape):
        super().__init__()
        self.env = env
        self.shape = shape
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def focus(self, part=None) -> None:
        """Take the keyboard; `part` names a part of the value (a text's language, a list's item)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _emit(self, *_) -> None:
        if not self.signalsBlocked():
            self.edited.emit(self.value())

    def _hold(self, widget: QWidget, stretch: bool = False) -> None:
        """The one input widget of this editor: as wide as it needs (or all the row), taking the keyboard."""
        self.row.addWidget(widget, 1 if stretch else 0)
        if not stretch:
            self.row.addStretch(1)
        self.setFocusProxy(widget)


def _quietly(widget: QWidget, setter, value) -> None:
    """Show a value without the widget announcing it as an edit."""
    widget.blockSignals(True)
    setter(value)
    widget.blockSignals(False)


class TextEditor(FieldEditor):
    """A text in every language of the dataset, side by side."""

    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self._value = dict(value) if isinstance(value, dict) else {}
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        long = any(len(str(text)) > LONG_TEXT for text in self._value.values())
        for language in dict.fromkeys([*env.languages, *self._value]):
            edit = _LongText() if long else QLineEdit()
            edit.setAccessibleName(language)
            (edit.changed if long else edit.textEdited).connect(
                lambda *_, lang=language: self._typed(lang))
            tag = QLabel(language.upper())
            tag.setBuddy(edit)
            tag.setProperty("role", "language")
            self.row.addWidget(tag, 0, Qt.AlignmentFlag.AlignTop if long else Qt.AlignmentFlag.AlignVCenter)
            self.row.addWidget(edit, 1)
            self.edits[language] = edit
        self.setFocusProxy(next(iter(self.edits.values()), None))
        self.set_value(value)

    def _typed(self, language: str) -> None:
        self._value[language] = _text_of(self.edits[language])
        self._emit()

    def focus(self, part=None) -> None:
        self.edits.get(part, self).setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self):
        return dict(self._value)

    def set_value(self, value) -> None:
        self._value = dict(value) if isinstance(value, dict) else {}
        for language, edit in self.edits.items():
            text = str(self._value.get(language, ""))
            if _text_of(edit) != text:
                edit.blockSignals(True)
                if isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(text)
                else:
                    edit.setText(text)
                    edit.setCursorPosition(0)  # a long text shows its start
                edit.blockSignals(False)


class _LongText(QPlainTextEdit):
    changed = Signal()

    def __init__(self):
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.textChanged.connect(self.changed)


def _text_of(edit) -> str:
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


class IntegerEditor(FieldEditor):
    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.spin = QSpinBox()
        rules = shape.constraints
        self.spin.setRange(rules.get("ge", rules.get("gt", -_INT_LIMIT - 1) + 1),
                           rules.get("le", rules.get("lt", _INT_LIMIT + 1) - 1))
        self.spin.setGroupSeparatorShown(False)
        self.spin.valueChanged.connect(self._emit)
        self._hold(self.spin)
        self.set_value(value)

    def value(self):
        return self.spin.value()

    def set_value(self, value) -> None:
        _quietly(self.spin, self.spin.setValue, value if isinstance(value, int) else max(self.spin.minimum(), 0))


class NumberEditor(FieldEditor):
    """Any amount, written as digits (no spin box can hold 53190000000 and 0.35 alike), and
    next to it the number as visitors read it, with its unit and qualifier."""

    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.edit = QLineEdit()
        self.edit.textEdited.connect(self._typed)
        self.shown = QLabel()
        self.shown.setProperty("role", "shown-as")
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.addWidget(self.edit, 1)
        self.row.addWidget(self.shown, 2)
        self.setFocusProxy(self.edit)
        self._value = value
        self.set_value(value)

    def _typed(self, text: str) -> None:
        number = parse_number(text)
        self.edit.setProperty("invalid", number is None)
        self.edit.setToolTip(self.env.ui(strings.NOT_A_NUMBER) if number is None else "")
        self.edit.style().polish(self.edit)
        if number is not None:
            self._value = number
            self._emit()

    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self._value = value
        if parse_number(self.edit.text()) != value:
            self.edit.setText(number_text(value))
        self.refresh()

    def refresh(self) -> None:
        shown = self.env.shown_as(self._value)
        self.shown.setText(self.env.ui(strings.SHOWN_AS, value=shown) if shown else "")


def parse_number(text: str) -> int | float | None:
    """Digits as typed (spaces and thousands separators allowed); None if not a real number."""
    cleaned = text.replace(",", "").replace(" ", "").replace("\u00a0", "")
    try:
        number = int(cleaned) if cleaned.lstrip("-").isdigit() else float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def number_text(value) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return "" if value is None or value is MISSING else str(value)


class BooleanEditor(FieldEditor):
    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.box = QCheckBox()
        self.box.toggled.connect(self._emit)
        self._hold(self.box)
        self.set_value(value)

    def value(self):
        return self.box.isChecked()

    def set_value(self, value) -> None:
        _quietly(self.box, self.box.setChecked, bool(value))


class ComboEditor(FieldEditor):
    """One of a list of (label, value): a choice, or a record picked by its name."""

    def __init__(self, env, shape, value, options: list[tuple[str, object]]):
        super().__init__(env, shape)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(12)
        self.options = list(options)
        for label, _ in self.options:
            self.combo.addItem(label)
        self.combo.currentIndexChanged.connect(self._emit)
        self._hold(self.combo, stretch=True)
        self.set_value(value)

    def value(self):
        index = self.combo.currentIndex()
        return self.options[index][1] if 0 <= index < len(self.options) else MISSING

    def set_value(self, value) -> None:
        values = [v for _, v in self.options]
        if value not in values:
            self.options.append((self.env.ui(strings.UNKNOWN_ID, id=value), value))
            self.combo.addItem(self.options[-1][0])
            values.append(value)
        _quietly(self.combo, self.combo.setCurrentIndex, values.index(value))


def choice_options(env: FormEnv, shape: Shape) -> list[tuple[str, object]]:
    options = [(f"{value} – {env.word(name)}" if isinstance(value, int) else env.word(name), value)
               for value, name in zip(shape.choices, shape.names)]
    return _or_none(env, shape, options)


def reference_options(env: FormEnv, shape: Shape) -> list[tuple[str, object]]:
    return _or_none(env, shape, [(f"{name} ({key})", key) for key, name in env.choices(shape.refers)])


def _or_none(env: FormEnv, shape: Shape, options: list) -> list[tuple[str, object]]:
    """An optional choice offers "none" first: picking it leaves the field out."""
    return [(env.ui(strings.NONE), MISSING), *options] if shape.optional else options


class FixedEditor(FieldEditor):
    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.label = QLabel(env.word(str(value)))
        self.row.addWidget(self.label, 1)
        self._value = value

    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self._value = value


class DateEditor(FieldEditor):
    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.dateChanged.connect(self._emit)
        self._hold(self.date)
        self.set_value(value)

    def value(self):
        return self.date.date().toString("yyyy-MM-dd")

    def set_value(self, value) -> None:
        date = QDate.fromString(str(value), "yyyy-MM-dd")
        _quietly(self.date, self.date.setDate, date if date.isValid() else QDate.currentDate())


class StringEditor(FieldEditor):
    """A line of text; with `on_finish` the value is given when typing ends (an id, which
    renames every reference to it), else at every key."""

    def __init__(self, env, shape, value, on_finish: bool = False):
        super().__init__(env, shape)
        self.edit = QLineEdit()
        (self.edit.editingFinished if on_finish else self.edit.textEdited).connect(self._emit)
        self._hold(self.edit, stretch=True)
        self.set_value(value)

    def value(self):
        return self.edit.text()

    def set_value(self, value) -> None:
        if self.edit.text() != str(value):
            self.edit.setText("" if value is None or value is MISSING else str(value))
            self.edit.setCursorPosition(0)


class JsonEditor(FieldEditor):
    """A value of a shape no other editor knows, as JSON text (a new kind of field is editable
    before anyone writes an editor for it)."""

    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self.edit = QLineEdit()
        self.edit.textEdited.connect(self._typed)
        self._hold(self.edit, stretch=True)
        self._value = value
        self.set_value(value)

    def _typed(self, text: str) -> None:
        try:
            self._value = json.loads(text)
        except ValueError:
            self.edit.setToolTip(self.env.ui(strings.NOT_JSON))
            return
        self.edit.setToolTip("")
        self._emit()

    def value(self):
        return self._value

    def set_value(self, value) -> None:
        self._value = value
        self.edit.setText(json.dumps(value, ensure_ascii=False))


class ListEditor(FieldEditor):
    """An ordered list of plain values or references: add, remove, up, down."""

    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        self._value = list(value) if isinstance(value, list) else []
        self.list = QListWidget()
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        item = shape.item or Shape(STRING)
        self.names = dict(env.choices(item.refers)) if item.kind == REFERENCE else {}
        if item.kind == REFERENCE:
            options = reference_options(env, item)
            self.new = ComboEditor(env, item, options[0][1] if options else MISSING, options)
        else:
            self.new = make_editor(env, item, env.start(item))
        self.buttons = {key: QPushButton(env.ui(text)) for key, text in
                        (("add", strings.ADD_TO_LIST), ("remove", strings.REMOVE), ("up", strings.UP),
                         ("down", strings.DOWN))}
        for key, button in self.buttons.items():
            button.clicked.connect(getattr(self, f"_{key}"))
        column = QVBoxLayout()
        adding = QHBoxLayout()
        adding.addWidget(self.new, 1)
        adding.addWidget(self.buttons["add"])
        column.addLayout(adding)
        for key in ("remove", "up", "down"):
            column.addWidget(self.buttons[key])
        column.addStretch(1)
        self.row.addWidget(self.list, 1)
        self.row.addLayout(column, 1)
        self.setFocusProxy(self.list)
        self.set_value(self._value)

    def value(self):
        return list(self._value)

    def focus(self, part=None) -> None:
        super().focus(part)
        if isinstance(part, int):
            self.list.setCurrentRow(part)

    def set_value(self, value) -> None:
        self._value = list(value) if isinstance(value, list) else []
        row = self.list.currentRow()
        self.list.clear()
        for item in self._value:
            name = self.names.get(item)
            self.list.addItem(QListWidgetItem(f"{name} ({item})" if name else str(item)))
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _change(self, value: list, row: int) -> None:
        self.set_value(value)
        self.list.setCurrentRow(row)
        self._emit()

    def _add(self) -> None:
        item = self.new.value()
        if item is not MISSING and item not in ("", None):
            row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self._value)
            self._change(self._value[:row] + [item] + self._value[row:], row)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._change(self._value[:row] + self._value[row + 1:], min(row, len(self._value) - 2))

    def _up(self) -> None:
        self._move(-1)

    def _down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row + step < len(self._value) and row >= 0:
            value = list(self._value)
            value[row], value[row + step] = value[row + step], value[row]
            self._change(value, row + step)


class TupleEditor(FieldEditor):
    """A fixed number of values side by side (a point's x and y)."""

    def __init__(self, env, shape, value):
        super().__init__(env, shape)
        values = list(value) if isinstance(value, (list, tuple)) else []
        self.parts = [make_editor(env, item, values[n] if n < len(values) else env.start(item))
                      for n, item in enumerate(shape.items)]
        for part in self.parts:
            part.edited.connect(self._emit)
            self.row.addWidget(part, 1)
        self.setFocusProxy(self.parts[0] if self.parts else None)

    def value(self):
        return [part.value() for part in self.parts]

    def set_value(self, value) -> None:
        for part, item in zip(self.parts, value if isinstance(value, (list, tuple)) else ()):
            part.set_value(item)


class OptionalEditor(FieldEditor):
    """A field that may be left out: a check box says whether it is there."""

    def __init__(self, env, shape, inner: FieldEditor, present: bool):
        super().__init__(env, shape)
        self.inner = inner
        self.present = QCheckBox()
        self.present.setToolTip(env.ui(strings.OPTIONAL))
        self.present.setAccessibleName(env.ui(strings.OPTIONAL))
        self.present.toggled.connect(self._toggled)
        inner.edited.connect(self.edited)
        self.row.addWidget(self.present, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addWidget(inner, 1)
        self.setFocusProxy(inner)
        self.set_value(present)

    def focus(self, part=None) -> None:
        if self.present.isChecked():
            self.inner.focus(part)
        else:
            self.present.setFocus(Qt.FocusReason.OtherFocusReason)

    def _toggled(self, on: bool) -> None:
        self.inner.setEnabled(on)
        self._emit()

    def value(self):
        return self.inner.value() if self.present.isChecked() else MISSING

    def set_value(self, value) -> None:
        present = value is not MISSING and value is not None
        _quietly(self.present, self.present.setChecked, present)
        self.inner.setEnabled(present)
        if present:
            self.inner.set_value(value)


def make_editor(env: FormEnv, shape: Shape, value) -> FieldEditor:
    """The editor for a field of this shape (not optional: see field_editor)."""
    kind = shape.kind
    if kind == TEXT:
        return TextEditor(env, shape, value)
    if kind == INTEGER:
        return IntegerEditor(env, shape, value)
    if kind == NUMBER:
        return NumberEditor(env, shape, value)
    if kind == BOOLEAN:
        return BooleanEditor(env, shape, value)
    if kind == CHOICE:
        return ComboEditor(env, shape, value, choice_options(env, shape))
    if kind == REFERENCE:
        return ComboEditor(env, shape, value, reference_options(env, shape))
    if kind == FIXED:
        return FixedEditor(env, shape, value)
    if kind == DATE and _is_date(value):
        return DateEditor(env, shape, value)
    if kind in (STRING, DATE):
        return StringEditor(env, shape, value)
    if kind == LIST:
        return ListEditor(env, shape, value)
    if kind == TUPLE:
        return TupleEditor(env, shape, value)
    return JsonEditor(env, shape, value)


def field_editor(env: FormEnv, shape: Shape, value, start, *, on_finish: bool = False) -> FieldEditor:
    """The editor for a field; an optional one can be left out (a picker offers "none", other
    editors a check box). `start` is what a field given no value starts from."""
    present = value is not MISSING and value is not None
    if shape.kind == STRING and on_finish:
        return StringEditor(env, shape, value, on_finish=True)
    if not shape.optional or shape.kind in (REFERENCE, CHOICE):
        return make_editor(env, shape, value if present else MISSING if shape.optional else start)
    inner = make_editor(env, shape, value if present else start)
    return OptionalEditor(env, shape, inner, value if present else MISSING)


def _is_date(value) -> bool:
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True
