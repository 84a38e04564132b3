"""The editor's window: the content's tree, the selected item's form, the live preview and the
problems; menus, shortcuts, undo and redo, open and save."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMenu, QMessageBox, QPushButton, QScrollArea, QSplitter, QToolBar,
                               QToolButton, QVBoxLayout, QWidget)

from kiosk.content_history import ContentHistory, HistoryError
from kiosk.editor import editing, strings
from kiosk.editor.commands import SetValues
from kiosk.editor.document import Checked, Document, parse_path
from kiosk.editor.editors import FormEnv
from kiosk.editor.fields import (MAPPING, RECORDS, Shape, data_at, kind_tag, record_at, record_fields, shape_at,
                                 walk_references)
from kiosk.editor.form import CollectionPanel, RecordForm
from kiosk.editor.preview import KioskFrame, PreviewPane, render
from kiosk.editor.records import choices, display_name, fixed_tag, new_record, new_value
from kiosk.editor.dialogs import HistoryDialog, ReviewDialog
from kiosk.editor.saving import bring_pictures, changes_for_visitors, remove_copies, save_content, shown_now
from kiosk.editor.tree import ContentTree, Node
from kiosk.model.dataset import Media, Qualifier
from kiosk.model.formatting import format_value
from kiosk.model.loader import DatasetError
from kiosk.model.media import media_folder
from kiosk.resources import bundled_root
from kiosk.theme import Theme
from kiosk.ui import strings as kiosk_strings
from kiosk.ui.i18n import Translations

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 150  # after the last key, the content is checked and the preview drawn
PREVIEW_HEIGHT, PROBLEMS_HEIGHT = 440, 400  # at first: a landscape preview, the problems under it
MARKS = """
QLabel[role="heading"] { font-size: 15pt; font-weight: bold; }
QLabel[role="help"], QLabel[role="language"] { color: #55606e; }
QLabel[role="problem"] { color: #b00020; }
QLabel[problem="true"] { color: #b00020; font-weight: bold; }
QLineEdit[invalid="true"] { border: 2px solid #b00020; }
QLabel[role="shown-as"] { color: #0a5a9c; font-weight: bold; }
QFrame#Banner { background: #fff4ce; border: 1px solid #d8b44a; }
"""


def is_bundled(path: Path) -> bool:
    """Whether the file is the dataset that comes with the program (replaced by an update)."""
    return Path(path).resolve().is_relative_to((bundled_root() / "data").resolve())


PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}


def _free_name(folder: Path, source: Path) -> str:
    """A file name for the picture in the media folder that the data's rules accept (letters,
    digits, dots, dashes) and that no other file there has."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-._") or "picture"
    suffix = source.suffix.lower()
    name, n = f"{stem}{suffix}", 2
    while (folder / name).exists() and (folder / name).resolve() != source.resolve():
        name, n = f"{stem}-{n}{suffix}", n + 1
    return name


class EditorWindow(QMainWindow):
    def __init__(self, path: Path, language: str, theme: Theme, translations: Translations, settings: QSettings):
        super().__init__()
        self.setObjectName("ContentEditor")
        self.theme, self.translations, self.settings = theme, translations, settings
        self.language = language
        self._texts: list[tuple] = []  # (setter, source, values): what a language switch sets again
        self.undo_stack = QUndoStack(self)
        self.fresh_ids: set[str] = set()  # ids still following their record's English name
        self.document: Document | None = None
        self.checked = Checked(None, ())
        self.dataset = None  # the last valid version: the preview and the numbers as visitors read them
        self.frame = KioskFrame(theme)
        self.frame.regrabbed.connect(lambda picture: self.preview.image.set_picture(picture, self.preview.image.message))
        self.form: RecordForm | CollectionPanel | None = None
        self._close_after_save = False  # Save chosen when closing with changes: close once saved
        self._session = 0  # each form shown: typing into one field of it merges into one undo step
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.check)
        self.keys = _UndoKeys(self)
        self.setAcceptDrops(True)  # pictures dropped on the window join the media
        self.setStyleSheet(MARKS)
        self._build()
        self._menus()
        self._restore()
        if not self.open_file(path):
            self.check()

    # ---- texts in the editor's language --------------------------------------------------

    def ui(self, source: str, **values) -> str:
        return self.translations.text(self.language, source, **values)

    def said(self, problems) -> str:
        """Problems with the data (kiosk.model.checks), one a line, in the editor's language."""
        return "\n".join(self.translations.said(self.language, problem.said) for problem in problems)

    def word(self, name: str) -> str:
        source = strings.WORDS.get(str(name))
        return self.ui(source) if source else strings.readable(name)

    def _bind(self, setter, source: str, **values) -> None:
        self._texts.append((setter, source, values))
        setter(self.ui(source, **values))

    def set_language(self, language: str) -> None:
        self.language = language
        self.settings.setValue("editor/language", language)
        for setter, source, values in self._texts:
            setter(self.ui(source, **values))
        self.tree.rename(self._node_name)
        self._fill_preview_choices()
        self._selected()
        self._list_problems()
        self._show_verdict()
        self._update_title()

    # ---- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.tree = ContentTree()
        self.tree.currentItemChanged.connect(lambda *_: self._selected())
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.banner = self._bundled_banner()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.form_area, 1)
        self.preview = PreviewPane()
        self.preview.changed.connect(self._preview_changed)
        self._bind(self.preview.tab_label.setText, strings.PREVIEW_TAB)
        self.tree_tools = QToolBar()  # filled with the item actions once they exist (_menus)
        self.tree_tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tree, 1)
        column.addWidget(self.tree_tools)
        # Right: the preview, and under it the problems (the room a landscape preview leaves).
        self.problems = QListWidget()
        self.problems.itemClicked.connect(self.go_to_problem)
        self.problems.itemActivated.connect(self.go_to_problem)
        problems = QWidget()
        column = QVBoxLayout(problems)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel()
        heading.setBuddy(self.problems)
        self._bind(heading.setText, strings.PROBLEMS)
        column.addWidget(heading)
        column.addWidget(self.problems, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.preview)
        self.right.addWidget(problems)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((left, 2), (middle, 4), (self.right, 4)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.setCentralWidget(self.splitter)
        self.verdict = QLabel()
        self.statusBar().addPermanentWidget(self.verdict)

    def _bundled_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("Banner")
        row = QHBoxLayout(banner)
        text = QLabel()
        text.setWordWrap(True)
        self._bind(text.setText, strings.BUNDLED)
        button = QPushButton()
        self._bind(button.setText, strings.SAVE_AS)
        button.clicked.connect(self.save_as)
        row.addWidget(text, 1)
        row.addWidget(button)
        banner.hide()
        return banner

    def _action(self, source: str, slot, shortcut=None, menu: QMenu | None = None) -> QAction:
        action = QAction(self)
        self._bind(action.setText, source)
        action.triggered.connect(lambda *_: slot())
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if menu is not None:
            menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file, edit, view = (bar.addMenu("") for _ in range(3))
        for menu, source in ((file, strings.MENU_FILE), (edit, strings.MENU_EDIT), (view, strings.MENU_VIEW)):
            self._bind(menu.setTitle, source)
            menu.setToolTipsVisible(True)
        self._action(strings.OPEN, self.open, QKeySequence.StandardKey.Open, file)
        self.save_action = self._action(strings.SAVE, self.save, QKeySequence.StandardKey.Save, file)
        self.save_as_action = self._action(strings.SAVE_AS, self.save_as, QKeySequence.StandardKey.SaveAs, file)
        self.history_action = self._action(strings.HISTORY, self.show_history, "Ctrl+H", file)
        file.addSeparator()
        self._action(strings.ADD_PICTURES, self.choose_pictures, "Ctrl+Shift+P", file)
        file.addSeparator()
        self._action(strings.QUIT, self.close, QKeySequence.StandardKey.Quit, file)
        self.undo_action = self._action(strings.UNDO, self.undo_stack.undo, QKeySequence.StandardKey.Undo, edit)
        self.redo_action = self._action(strings.REDO, self.undo_stack.redo,
                                        [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")], edit)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Slots of the window, not lambdas: a signal while the window is being destroyed reaches nobody.
        self.undo_stack.undoTextChanged.connect(self._undo_text)
        self.undo_stack.redoTextChanged.connect(self._redo_text)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        edit.addSeparator()
        self.add_menu = edit.addMenu("")
        self._bind(self.add_menu.setTitle, strings.ADD)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        # Delete and move act on the tree's item only while the tree has the keyboard (in a
        # text box, Delete deletes a letter).
        self.delete_action = self._action(strings.DELETE_ITEM, self.delete_item, QKeySequence.StandardKey.Delete, edit)
        self.up_action = self._action(strings.MOVE_UP, lambda: self.move_item(-1), "Alt+Up", edit)
        self.down_action = self._action(strings.MOVE_DOWN, lambda: self.move_item(1), "Alt+Down", edit)
        for action in (self.delete_action, self.up_action, self.down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        # The same under the tree and in its context menu: Add ▸ kinds, Delete, Move up, Move down.
        self.tree.insertAction(self.delete_action, self.add_menu.menuAction())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree_tools.addActions(self.tree.actions())
        add_button = self.tree_tools.widgetForAction(self.add_menu.menuAction())
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        languages = view.addMenu("")
        self._bind(languages.setTitle, strings.INTERFACE_LANGUAGE)
        group = QActionGroup(self)
        for code in self.translations.languages:
            action = languages.addAction(self.translations.text(code, kiosk_strings.LANGUAGE_BUTTON))
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
        tools = self.addToolBar("")
        tools.setObjectName("tools")
        tools.setMovable(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no menu of bars to hide
        for action in (self.save_action, self.undo_action, self.redo_action):
            tools.addAction(action)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _undo_text(self, what: str) -> None:
        self.undo_action.setText(self.ui(strings.UNDO_WHAT, what=what) if what else self.ui(strings.UNDO))

    def _redo_text(self, what: str) -> None:
        self.redo_action.setText(self.ui(strings.REDO_WHAT, what=what) if what else self.ui(strings.REDO))

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    # ---- settings ---------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

        for splitter, key, sizes in ((self.splitter, "window/splitter", [320, 640, 640]),
                                     (self.right, "window/right", [PREVIEW_HEIGHT, PROBLEMS_HEIGHT])):
            saved = self.settings.value(key)
            if saved is None or not splitter.restoreState(saved):
                splitter.setSizes(sizes)
        self._fill_preview_choices()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/right", self.right.saveState())
        self.settings.setValue("preview/portrait", self.preview.portrait)
        if self.preview.language_code:
            self.settings.setValue("preview/language", self.preview.language_code)
        self.settings.sync()

    # ---- files ------------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        try:
            document = Document.read(Path(path))
        except DatasetError as error:
            log.error("%s", error)
            self._tell(QMessageBox.Icon.Critical, self.ui(strings.OPEN_FAILED, file=str(path)) + "\n\n" +
                       self.said(error.problems))
            return False
        self.document = document
        self.undo_stack.clear()
        self.fresh_ids.clear()
        self.dataset = None
        self.banner.setVisible(is_bundled(document.path))
        self.history_action.setEnabled(not is_bundled(document.path))  # the bundled file is not edited in place
        self.tree.rebuild(document.data, self._node_name)
        self.tree.select(("views", 0) if ("views", 0) in self.tree.items else ())
        self._update_title()
        self.check()
        if document.upgraded:
            self.statusBar().showMessage(self.ui(strings.UPGRADED))
        return True

    def open(self) -> None:
        if not self._may_leave():
            return
        name, _ = QFileDialog.getOpenFileName(self, self.ui(strings.OPEN).replace("&", ""), self._folder(),
                                              self.ui(strings.DATA_FILES))
        if name:
            self.open_file(Path(name))

    def save(self) -> None:
        """Save where the file is (the bundled file: elsewhere), after the review of what changes."""
        if is_bundled(self.document.path):
            self.save_as()
        else:
            self.review(self.document.path)

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.ui(strings.SAVE_AS).replace("&", ""), self._folder(),
                                              self.ui(strings.DATA_FILES))
        if name:
            self.review(Path(name))

    def review(self, path: Path) -> None:
        """Show what the save changes for visitors against the file there now (or, for a new
        file, the one opened); the save happens when that is confirmed."""
        self.check()
        if not self.checked.valid:
            return
        before = shown_now(path) if path.exists() else shown_now(self.document.path)
        changes = changes_for_visitors(before, self.checked.dataset, self._names_language())
        self.review_dialog = ReviewDialog(self, self.ui, path.name, changes)
        self.review_dialog.accepted.connect(lambda: self._write(path))
        self.review_dialog.open()

    def _write(self, path: Path) -> bool:
        self.check()
        if not self.checked.valid:
            return False
        copied: list[Path] = []
        try:
            copied = bring_pictures(self.checked.dataset, self.document.path, path)
            version = save_content(path, self.document.to_bytes())
        except DatasetError as error:  # a different picture of the same name in the new place, say
            remove_copies(copied)
            return self._failed(strings.SAVE_FAILED, file=str(path), error=self.said(error.problems))
        except HistoryError as error:  # saved; only the list of versions is behind
            self._failed(strings.SAVE_FAILED, file=str(path), error=str(error))
            version = None
        except OSError as error:
            remove_copies(copied)
            return self._failed(strings.SAVE_FAILED, file=str(path), error=error.strerror or str(error))
        self.document.path = path
        self.settings.setValue("files/folder", str(path.parent))
        self.banner.setVisible(is_bundled(path))
        self.history_action.setEnabled(not is_bundled(path))
        self.undo_stack.setClean()
        self._update_title()
        if version is not None:
            self.statusBar().showMessage(self.ui(strings.STATUS_SAVED, file=str(path), number=version.number), 10_000)
        if self._close_after_save:
            self.close()
        return True

    def _failed(self, source: str, **values) -> bool:
        self._tell(QMessageBox.Icon.Warning, self.ui(source, **values))
        return False

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        """A message in a box of its own; the window goes on (nothing waits for the box)."""
        self.message = QMessageBox(icon, self.ui(strings.TITLE), text, parent=self)
        self.message.open()

    def show_history(self) -> None:
        history = ContentHistory(self.document.path)
        try:
            versions, current = history.versions(), history.current_version()
        except HistoryError as error:
            self._failed(strings.OPEN_FAILED, file=str(error))
            return
        self.history_dialog = HistoryDialog(self, self.ui, self.document.path.name, versions, current, self.restore)
        self.history_dialog.open()

    def restore(self, number: int) -> None:
        """Make a kept version the file again (a new version), and edit it."""
        if not self._may_leave():
            return
        try:
            version = ContentHistory(self.document.path).restore(number)
        except DatasetError as error:
            self._failed(strings.RESTORE_FAILED, number=number, reason=self.said(error.problems))
            return
        except (HistoryError, OSError) as error:
            self._failed(strings.RESTORE_FAILED, number=number, reason=str(error))
            return
        self.open_file(self.document.path)
        self.statusBar().showMessage(self.ui(strings.STATUS_RESTORED, old=number, number=version.number), 10_000)

    def _folder(self) -> str:
        return str(self.settings.value("files/folder", str(Path.home())))

    def _update_title(self) -> None:
        if self.document is not None:
            self.setWindowTitle(self.ui(strings.WINDOW_TITLE, file=self.document.path.name + "[*]"))

    def _may_leave(self) -> bool:
        """Whether unsaved changes may be left (saved, discarded or none)."""
        if self.undo_stack.isClean():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.ui(strings.TITLE),
                          self.ui(strings.UNSAVED, file=self.document.path.name), parent=self)
        save = box.addButton(self.ui(strings.SAVE).replace("&", ""), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.ui(strings.DISCARD), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.ui(kiosk_strings.CANCEL), QMessageBox.ButtonRole.RejectRole)
        save.setEnabled(self.checked.valid)
        box.exec()
        if box.clickedButton() is save:  # the window closes once the save is confirmed and done
            self._close_after_save = True
            self.save()
            return False
        return box.clickedButton() is not cancel

    def closeEvent(self, event):  # noqa: N802 (Qt override)
        if not self._may_leave():
            event.ignore()
            return
        self._save_settings()
        self.check_timer.stop()
        self.frame.close()
        self.frame.deleteLater()
        self.frame = None
        event.accept()

    # ---- the tree and the form -------------------------------------------------------------

    def _node_name(self, node: Node) -> str:
        if node.path == ():
            return self.ui(strings.GENERAL)
        if not node.is_record:
            return self.word(node.path[-1])
        value = self.document.get(node.path)
        name = display_name(value, node.record, self._names_language(), self.document.data)
        tag = fixed_tag(value, node.record)
        if (shape_at(self.document.data, node.path[:-1]) or Shape("")).kind == MAPPING:  # kept by its key (a unit)
            name = f"{node.path[-1]} – {name}" if name else node.path[-1]
        if tag:
            return f"{self.word(tag)}: {name}" if name else self.word(tag)
        if len(node.path) == 1:  # the dataset's one record of a kind (the zone): say which
            return f"{self.word(node.path[0])}: {name}" if name else self.word(node.path[0])
        return name or self.word(editing.reference_kind(node.record))

    def _names_language(self) -> str:
        languages = self.document.get(("languages",), []) if self.document else []
        return self.language if self.language in languages or not languages else languages[0]

    def _record_word(self, record: type) -> str:
        """What one record of a type is called: a block by its kind, others by their type."""
        tag = kind_tag(record)
        if tag:
            return self.word(tag)
        return self.word(record.__name__ if record.__name__ in strings.WORDS else editing.reference_kind(record))

    def _selected(self) -> None:
        node = self.tree.current_node()
        if node is None or self.document is None:
            return
        self._show_form(node)
        self._follow_with_preview(node.path)
        self._update_item_actions()

    def _show_form(self, node: Node, focus: str | None = None) -> None:
        self._session += 1
        env = self._env(node.path)
        if node.is_record:
            value = self.document.get(node.path)
            title = self._node_name(node)
            if node.path and not kind_tag(node.record):  # a block's name already says its kind
                title = f"{self._record_word(node.record)}: {title}"
            form = RecordForm(env, node.path, node.record, value, title,
                              fresh_id=value.get("id") in self.fresh_ids)
            form.edited.connect(self._edited)
        else:
            items = self.document.get(node.path, [])
            kinds = [(self._record_word(r), r) for r in node.holder.shape.records]
            description = self.ui(node.holder.description) if node.holder.description else None
            form = CollectionPanel(env, node.path, self.word(node.path[-1]), description, len(items), kinds)
            form.add.connect(lambda path, record: self.add_item(path, record))
        old = self.form_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form_area.setWidget(form)
        self.form = form
        for child in form.findChildren(QWidget):
            child.installEventFilter(self.keys)
        form.mark_problems(self._problems_at(node.path))
        if focus:
            self._focus_field(focus)

    def _env(self, path: tuple) -> FormEnv:
        data = self.document.data
        languages = tuple(data.get("languages") or ())
        return FormEnv(languages, self.ui, self.word,
                       lambda kind: choices(data, kind, self._names_language()),
                       lambda value: self._shown_as(path, value),
                       lambda shape: new_value(shape, data, languages))

    def _shown_as(self, path: tuple, value) -> str:
        """A number with the unit and qualifier of its record (or the record holding it), as
        visitors read it in each language; nothing while the unit is not a valid one yet."""
        if self.dataset is None or isinstance(value, bool) or not isinstance(value, (int, float)):
            return ""
        for length in range(len(path), 0, -1):
            record = self.document.get(path[:length])
            if isinstance(record, dict) and "unit" in record:
                unit = self.dataset.units.get(record["unit"])
                qualifier = record.get("qualifier")
                if unit is None or qualifier not in (None, *Qualifier):
                    return ""
                qualifier = Qualifier(qualifier) if qualifier else None
                return " · ".join(format_value(value, unit, language, qualifier)
                                  for language in self.dataset.languages)
        return ""

    def _focus_field(self, name: str, part=None) -> None:
        editor = self.form.focus_field(name, part) if self.form is not None else None
        if editor is not None:
            self.form_area.ensureWidgetVisible(editor)

    def _edited(self, path: tuple, value) -> None:
        change = editing.edit(self.document.data, path, value, self.fresh_ids)
        self._push(change, self.word(path[-1]), session=(self._session, path))

    def _push(self, change: editing.Edit, text: str, structural: bool = False, session=None) -> None:
        fresh = (self.fresh_ids, *change.fresh) if change.fresh else None
        self.undo_stack.push(SetValues(self.document, change.values, text, self._changed, structural=structural,
                                       session=session, fresh=fresh))

    def _changed(self, paths: list, structural: bool, from_form: bool) -> None:
        """After every edit, undo and redo: tree, form and (soon) check and preview follow."""
        if structural:
            self.tree.rebuild(self.document.data, self._node_name)
        else:
            self.tree.rename(self._node_name)
        if from_form and not structural:
            if len(paths) > 1:  # an id followed a name, or references followed an id
                self.form.set_values(self.document.get(self.form.path))
            self.form.refresh()
        elif not from_form:
            focused = self._focused_field()
            target = self.tree.nearest(paths[0]) if not structural else self.tree.current_path()
            if target != self.tree.current_path():
                self.tree.select(target)
            else:
                self._show_form(self.tree.current_node())
            if focused:
                self._focus_field(focused)
        self.check_timer.start()

    def _focused_field(self) -> str | None:
        widget = self.focusWidget()
        while widget is not None and widget is not self.form:
            if widget.objectName().startswith("field-"):
                return widget.objectName().removeprefix("field-")
            widget = widget.parentWidget()
        return None

    # ---- adding, deleting, moving ------------------------------------------------------------

    def add_targets(self) -> list[tuple[str, tuple, int, type]]:
        """What may be added where the tree's selection is: (name, list path, index, record type):
        one more like the selected item (after it), or a part of the selected record."""
        node = self.tree.current_node()
        if node is None:
            return []
        data, path = self.document.data, node.path
        targets = []
        if not node.is_record:
            targets += [(r, path, len(self.document.get(path, [])), r) for r in node.holder.shape.records]
        elif len(path) >= 2 and (shape_at(data, path[:-1]) or Shape("")).kind in (RECORDS, MAPPING):
            index = path[-1] + 1 if isinstance(path[-1], int) else 0
            targets += [(r, path[:-1], index, r) for r in shape_at(data, path[:-1]).records]
        if node.is_record:
            for f in record_fields(node.record):
                if f.shape.kind in (RECORDS, MAPPING):
                    inside = (*path, f.name)
                    targets += [(r, inside, len(self.document.get(inside, [])), r) for r in f.shape.records]
        return [(self._record_word(r), where, index, record) for r, where, index, record in targets]

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for name, where, index, record in self.add_targets():
            action = self.add_menu.addAction(name)
            action.triggered.connect(lambda _=False, w=where, i=index, r=record: self.add_item(w, r, i))

    def add_item(self, where: tuple, record: type, index: int | None = None) -> None:
        items = self.document.get(where, [])
        change, path = editing.added(self.document.data, where, len(items) if index is None else index, record,
                                     tuple(self.document.data.get("languages") or ()))
        self._push(change, self.ui(strings.ADD_WHAT, what=self._record_word(record)), structural=True)
        self.tree.select(path)

    # ---- pictures ------------------------------------------------------------------------------

    def choose_pictures(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.ui(strings.ADD_PICTURES).replace("&", ""),
                                                self._folder(), self.ui(strings.PICTURE_FILES))
        self.add_pictures([Path(name) for name in names])

    def add_pictures(self, files: list[Path]) -> None:
        """Each picture copied into the media folder beside the data file and listed in its
        media, named after its file; its alt text, credit and licence are left for staff to
        write (the checks list them until they are). One undo step takes the entries back."""
        pictures = [f for f in files if f.suffix.lower() in PICTURE_SUFFIXES and f.is_file()]
        if not pictures or self.document is None:
            return
        folder = media_folder(self.document.path)
        folder.mkdir(exist_ok=True)
        data, media = self.document.data, list(self.document.get(("media",), []) or [])
        languages = tuple(data.get("languages") or ())
        for source in pictures:
            name = _free_name(folder, source)
            if source.resolve() != (folder / name).resolve():
                shutil.copy2(source, folder / name)
            taken = {item.get("id") for item in media if isinstance(item, dict)}
            entry = new_record(Media, data, languages, name=source.stem, taken=taken)
            media.append({**entry, "file": name})
        self._push(editing.Edit({("media",): media}), self.ui(strings.PICTURES_ADDED,
                                                              names=", ".join(p.name for p in pictures)),
                   structural=True)
        self.tree.select(("media", len(media) - 1))

    def dragEnterEvent(self, event):  # noqa: N802 (Qt override)
        if any(Path(url.toLocalFile()).suffix.lower() in PICTURE_SUFFIXES for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 (Qt override)
        self.add_pictures([Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()])
        event.acceptProposedAction()

    def _item_path(self) -> tuple | None:
        """The selected item, if it sits in a list (or mapping) it can be deleted from or moved in."""
        node = self.tree.current_node()
        if node is None or not node.is_record or len(node.path) < 2:
            return None
        holder = shape_at(self.document.data, node.path[:-1])
        return node.path if holder is not None and holder.kind in (RECORDS, MAPPING) else None

    def delete_item(self) -> None:
        path = self._item_path()
        if path is not None:
            self._push(editing.removed(self.document.data, path), self.ui(strings.DELETE_ITEM).replace("&", ""),
                       structural=True)

    def move_item(self, step: int) -> None:
        path = self._item_path()
        result = editing.moved(self.document.data, path, step) if path is not None else None
        if result is not None:
            change, new_path = result
            source = strings.MOVE_UP if step < 0 else strings.MOVE_DOWN
            self._push(change, self.ui(source).replace("&", ""), structural=True)
            self.tree.select(new_path)

    def _update_item_actions(self) -> None:
        path = self._item_path()
        self.delete_action.setEnabled(path is not None)
        self.up_action.setEnabled(path is not None and isinstance(path[-1], int) and path[-1] > 0)
        siblings = self.document.get(path[:-1], []) if path is not None else []
        self.down_action.setEnabled(path is not None and isinstance(path[-1], int) and path[-1] < len(siblings) - 1)
        self.add_menu.setEnabled(bool(self.add_targets()))

    # ---- checking and problems -------------------------------------------------------------

    def check(self) -> None:
        """The kiosk's own check of the content as it is now; a valid version goes to the preview."""
        self.check_timer.stop()
        if self.document is None:  # the first file could not be opened: nothing to save yet
            for action in (self.save_action, self.save_as_action, self.history_action):
                action.setEnabled(False)
            return
        self.checked = self.document.check()
        if self.checked.valid:
            self.dataset = self.checked.dataset
        self._list_problems()
        if self.form is not None:
            self.form.mark_problems(self._problems_at(self.form.path))
        self._show_verdict()
        self._fill_preview_choices()
        self.render_preview()

    def _list_problems(self) -> None:
        self.problems.clear()
        for problem in self.checked.problems:
            item = QListWidgetItem(self.said([problem]))
            item.setData(Qt.ItemDataRole.UserRole, problem.path)
            item.setToolTip(self._place_of(parse_path(problem.path, self.document.data)))
            self.problems.addItem(item)

    def _show_verdict(self) -> None:
        problems = self.checked.problems
        reason = self.ui(strings.SAVE_DISABLED, count=len(problems), problem=self.said(problems[:1])) \
            if problems else ""
        for action in (self.save_action, self.save_as_action):
            action.setEnabled(not problems)
            action.setToolTip(reason or action.text().replace("&", ""))
        self.verdict.setText(self.ui(strings.STATUS_PROBLEMS, count=len(problems)) if problems
                             else self.ui(strings.STATUS_VALID))
        self.verdict.setToolTip(reason)
        self.verdict.setProperty("role", "problem" if problems else "help")
        self.verdict.style().polish(self.verdict)
        if problems:
            self.statusBar().showMessage(reason)
        else:
            self.statusBar().clearMessage()

    def _problems_at(self, node_path: tuple) -> dict[str, list[str]]:
        """The problems of one item of the tree, by field ("" for the item as a whole)."""
        found: dict[str, list[str]] = {}
        for problem in self.checked.problems:
            path = parse_path(problem.path, self.document.data)
            if self.tree.nearest(path) == node_path:
                field = path[len(node_path)] if len(path) > len(node_path) else ""
                found.setdefault(str(field), []).append(self.translations.said(self.language, problem.message))
        return found

    def _place_of(self, path: tuple) -> str:
        """Where a path is, in the tree's words: "Tabs › Overview › Comparison: … › Title"."""
        node = self.tree.nearest(path)
        names = [self.tree.items[node[:n]].text(0) for n in range(1, len(node) + 1) if node[:n] in self.tree.items]
        names += [self.word(part) if isinstance(part, str) else str(part + 1) for part in path[len(node):]]
        return " › ".join(names)

    def go_to_problem(self, item: QListWidgetItem) -> None:
        """Select the item the problem is about, and the field."""
        path = parse_path(item.data(Qt.ItemDataRole.UserRole), self.document.data)
        node = self.tree.nearest(path)
        if node != self.tree.current_path():
            self.tree.select(node)
        if len(path) > len(node):
            self._focus_field(str(path[len(node)]), path[len(node) + 1] if len(path) > len(node) + 1 else None)

    # ---- the preview ------------------------------------------------------------------------

    def _fill_preview_choices(self) -> None:
        dataset = self.dataset
        languages = dataset.languages if dataset else ()
        wanted = self.preview.language_code or self.settings.value("preview/language", self.language)
        self.preview.set_items(self.preview.language, [
            (self.translations.text(code, kiosk_strings.LANGUAGE_BUTTON), code) for code in languages], wanted)
        portrait = self.preview.portrait if self.preview.orientation.count() else \
            self.settings.value("preview/portrait", False, type=bool)
        self.preview.set_items(self.preview.orientation, [(self.ui(strings.LANDSCAPE), False),
                                                          (self.ui(strings.PORTRAIT), True)], portrait)
        tabs = [(tab.title[self._preview_language(dataset)], tab.id) for tab in dataset.views] if dataset else []
        self.preview.set_items(self.preview.tab, tabs, self.preview.tab_id)

    def _preview_language(self, dataset) -> str:
        code = self.preview.language_code
        return code if dataset is not None and code in dataset.languages else dataset.languages[0]

    def _preview_changed(self) -> None:
        self._fill_preview_choices()
        self.render_preview()

    def _follow_with_preview(self, path: tuple) -> None:
        tab = self.tab_showing(path)
        if tab is not None and tab != self.preview.tab_id and self.dataset is not None and tab in self.dataset.tab_ids:
            self.preview.set_items(self.preview.tab, [(self.preview.tab.itemText(i), self.preview.tab.itemData(i))
                                                      for i in range(self.preview.tab.count())], tab)
            self.render_preview()

    def tab_showing(self, path: tuple) -> str | None:
        """The tab an item is on: its own, or the first whose blocks name it or a record that
        names it (a source: the tab of a figure from it)."""
        data = self.document.data
        if len(path) >= 2 and path[0] == "views":
            return data_at(data, ("views", path[1], "id"), None)
        record = record_at(data, path[:2]) if len(path) >= 2 else None
        if record is None:
            return None
        wanted = {(editing.reference_kind(record), data_at(data, (*path[:2], "id"), None))}
        references = list(walk_references(data))
        for _ in range(3):
            holders = [where for where, kind, value in references if (kind, value) in wanted]
            for where in holders:
                if where[0] == "views":
                    return data_at(data, ("views", where[1], "id"), None)
            wanted = {(editing.reference_kind(r), data_at(data, (*where[:2], "id"), None))
                      for where in holders if (r := record_at(data, where[:2])) is not None}
        return None

    def render_preview(self) -> None:
        if self.frame is None:  # closed
            return
        if self.dataset is None:
            self.preview.image.set_picture(None, self.ui(strings.PREVIEW_WAITING))
            return
        picture = render(self.frame, self.dataset, self.theme, self.translations,
                         self._preview_language(self.dataset), self.preview.tab_id, self.preview.portrait,
                         media_folder(self.document.path))
        self.preview.image.set_picture(picture, "" if self.checked.valid else self.ui(strings.PREVIEW_OLD))


class _UndoKeys(QObject):
    """Undo and redo in the form's text boxes undo the editor's last step, not the box's own
    typing: the box gets the keys (ShortcutOverride accepted) and this takes them from it."""

    def __init__(self, window: EditorWindow):
        super().__init__(window)
        self.stack = window.undo_stack

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        step = self.stack.undo if event.matches(QKeySequence.StandardKey.Undo) else \
            self.stack.redo if event.matches(QKeySequence.StandardKey.Redo) or \
            event.keyCombination() == QKeySequence("Ctrl+Y")[0] else None
        if step is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            step()
        return True

