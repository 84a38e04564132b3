"""The content editor (kiosk edit), driven as staff drive it: mouse and keys at its window."""

from __future__ import annotations

import dataclasses
import datetime
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from conftest import settle
from kiosk import realx
from kiosk.editor import strings
from kiosk.editor.window import EditorWindow
from kiosk.editor.fields import record_fields
from kiosk.model import problem_texts
from kiosk.model.dataset import Figure, FigureRef, Id, Record, Scale, Text
from kiosk.model.rules import Rules
from kiosk.resources import data_path, resource_path
from kiosk.theme import Theme
from kiosk.ui.i18n import Translations
from ui_helpers import pixels_apart

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def desktop(kiosk_app):
    """The application as `kiosk edit` has it: a desktop look, not the kiosk's (which other
    tests set application-wide), put back afterwards."""
    saved = kiosk_app.styleSheet(), kiosk_app.font()
    kiosk_app.setStyleSheet("")
    font = QFont(Theme().font_family)
    font.setPointSize(10)
    kiosk_app.setFont(font)
    yield kiosk_app
    kiosk_app.setStyleSheet(saved[0])
    kiosk_app.setFont(saved[1])


@pytest.fixture
def data_file(tmp_path) -> Path:
    path = tmp_path / "content" / "data.json"
    path.parent.mkdir()
    shutil.copy(data_path(), path)
    return path


@pytest.fixture
def open_editor(qtbot, desktop, tmp_path):
    def make(path: Path, language: str = "en") -> EditorWindow:
        settings = QSettings(str(tmp_path / "editor.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(path, language, Theme(), Translations([resource_path("i18n")]), settings)
        qtbot.addWidget(window, before_close_func=lambda w: w.undo_stack.setClean())
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        settle()
        return window

    return make


@pytest.fixture
def editor(open_editor, data_file) -> EditorWindow:
    return open_editor(data_file)


# ---- input where a platform delivers it: the window ---------------------------------------

def click(window: QWidget, widget: QWidget, pos: QPoint | None = None) -> None:
    point = widget.mapTo(window, pos if pos is not None else widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    settle()


def confirm(dialog: QWidget, window: QWidget, qtbot) -> None:
    """Enter in a dialog, then back to the window (as a window manager activates it again)."""
    qtbot.waitActive(dialog)
    keys(dialog, Qt.Key.Key_Return)
    window.activateWindow()
    qtbot.waitActive(window)


def keys(window: QWidget, *presses) -> None:
    for press in presses:
        key, modifiers = press if isinstance(press, tuple) else (press, Qt.KeyboardModifier.NoModifier)
        QTest.keyClick(window.windowHandle(), key, modifiers)
    settle()


def type_text(window: QWidget, text: str) -> None:
    for character in text:
        QTest.keyClick(window.windowHandle(), character)
    settle()


CTRL = Qt.KeyboardModifier.ControlModifier


def replace_text(window: QWidget, widget: QWidget, text: str) -> None:
    """Click into a text box, select all and type over it."""
    click(window, widget)
    keys(window, (Qt.Key.Key_A, CTRL))
    if text:
        type_text(window, text)
    else:
        keys(window, Qt.Key.Key_Backspace)


def choose_in_tree(window: EditorWindow, path: tuple) -> None:
    item = window.tree.items[path]
    window.tree.scrollToItem(item)
    click(window, window.tree.viewport(), window.tree.visualItemRect(item).center())
    assert window.tree.current_path() == path


def pick(window: EditorWindow, combo, text: str) -> None:
    """Open a drop-down list with the mouse, and choose the entry that says `text` with the
    arrow keys and Enter (the keys go to the open list's own window)."""
    click(window, combo)
    row = next(r for r in range(combo.count()) if text in combo.itemText(r))
    popup = combo.view().window()
    assert popup.isVisible()
    step = Qt.Key.Key_Down if row > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(row - combo.currentIndex())):
        QTest.keyClick(popup.windowHandle(), step)
    QTest.keyClick(popup.windowHandle(), Qt.Key.Key_Return)
    settle()
    assert combo.currentIndex() == row


def checked(window: EditorWindow, qtbot) -> None:
    """Wait for the check after the typing pause (no timing asserted: only that it ran)."""
    qtbot.waitUntil(lambda: not window.check_timer.isActive(), timeout=5000)
    settle()


def preview_image(window: EditorWindow):
    return window.preview.image.picture.toImage()


def pictures_drawn(editor: EditorWindow):
    """The preview once its pictures have been decoded (on a worker thread) and drawn."""
    from kiosk.ui.pictures import loader

    loader().wait()
    settle()
    return preview_image(editor)


def figure_index(window: EditorWindow, figure_id: str) -> int:
    return next(i for i, f in enumerate(window.document.data["figures"]) if f["id"] == figure_id)


# ---- tests --------------------------------------------------------------------------------

def test_a_new_value_is_checked_and_drawn_in_the_preview(editor, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    choose_in_tree(editor, gdp)
    assert editor.preview.tab_id == "overview"  # the tab that shows the figure
    before = preview_image(editor)
    value = editor.form.editors["value"]
    assert "53.19 billion yuan" in value.shown.text()  # with its unit, as visitors read it
    replace_text(editor, value.edit, "61000000000")
    checked(editor, qtbot)
    assert editor.document.get((*gdp, "value")) == 61_000_000_000
    assert "61 billion yuan" in value.shown.text()
    assert editor.checked.valid
    assert pixels_apart(before, preview_image(editor)) > 0


def test_a_problem_is_listed_leads_to_its_field_and_blocks_saving_until_fixed(editor, data_file, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    choose_in_tree(editor, gdp)
    label = editor.form.editors["label"].edits["en"]
    replace_text(editor, label, "")
    checked(editor, qtbot)
    listed = [editor.problems.item(n).text() for n in range(editor.problems.count())]
    assert listed == [f"figures.{gdp[1]}.label.en: must not be empty"]
    assert not editor.save_action.isEnabled()
    assert "must not be empty" in editor.save_action.toolTip()
    assert "must not be empty" in editor.statusBar().currentMessage()
    keys(editor, (Qt.Key.Key_S, CTRL))
    assert json.loads(data_file.read_text(encoding="utf-8")) == json.loads(data_path().read_text(encoding="utf-8"))

    choose_in_tree(editor, ("views", 0))  # elsewhere; the problem leads back
    problem = editor.problems.item(0)
    click(editor, editor.problems.viewport(), editor.problems.visualItemRect(problem).center())
    assert editor.tree.current_path() == gdp
    label = editor.form.editors["label"].edits["en"]
    assert QApplication.focusWidget() is label
    assert editor.form.labels["label"].property("problem") is True

    type_text(editor, "Gross regional product")
    checked(editor, qtbot)
    assert editor.problems.count() == 0 and editor.save_action.isEnabled()
    keys(editor, (Qt.Key.Key_S, CTRL))
    review = editor.review_dialog  # what changes for visitors, to confirm
    changes = [review.changes.item(n).text() for n in range(review.changes.count())]
    assert changes == ['figure "Gross regional product" (gdp): label [en]: "Regional GDP" -> "Gross regional product"']
    confirm(review, editor, qtbot)
    assert editor.undo_stack.isClean()
    saved = json.loads(data_file.read_text(encoding="utf-8"))
    assert saved["figures"][gdp[1]]["label"]["en"] == "Gross regional product"
    assert list(saved) == list(json.loads(data_path().read_text(encoding="utf-8")))  # "$schema" first, same order
    done = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(data_file)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_undo_takes_back_a_whole_word_and_redo_puts_it_back(editor, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    choose_in_tree(editor, gdp)
    quote = editor.form.editors["quote"].inner.edit
    before = quote.text()
    click(editor, quote)
    keys(editor, Qt.Key.Key_End)
    type_text(editor, " (provisional)")
    checked(editor, qtbot)
    assert editor.document.get((*gdp, "quote")) == before + " (provisional)"
    assert editor.isWindowModified()
    keys(editor, (Qt.Key.Key_Z, CTRL))  # in the text box, as a person would
    assert editor.document.get((*gdp, "quote")) == before  # the whole word, in one step
    assert editor.form.editors["quote"].inner.edit.text() == before
    assert not editor.isWindowModified()

    click(editor, editor.form.editors["note"].present)  # a note, optional until now
    click(editor, editor.form.editors["note"].inner.edits["en"])
    type_text(editor, "provisional")
    assert editor.document.get((*gdp, "note", "en")) == "provisional"
    keys(editor, (Qt.Key.Key_Z, CTRL))
    assert "note" not in editor.document.get(gdp)
    assert not editor.form.editors["note"].present.isChecked()
    keys(editor, (Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier))
    assert editor.document.get((*gdp, "note", "en")) == "provisional"
    assert editor.form.editors["note"].inner.edits["en"].text() == "provisional"


def test_a_reference_is_picked_by_name(editor, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    choose_in_tree(editor, gdp)
    source = editor.form.editors["source"].combo
    assert source.currentText().startswith("China Daily")
    pick(editor, source, "(guangming-2023-06-07)")
    assert editor.document.get((*gdp, "source")) == "guangming-2023-06-07"
    checked(editor, qtbot)
    assert editor.checked.valid
    assert editor.dataset.figure("gdp").source == "guangming-2023-06-07"


def test_a_new_item_gets_an_id_made_from_its_english_name(editor, qtbot):
    choose_in_tree(editor, ("figures",))
    add = next(b for b in editor.form.findChildren(QPushButton) if b.text() == "Add: Figure")
    click(editor, add)
    new = ("figures", len(editor.document.data["figures"]) - 1)
    assert editor.tree.current_path() == new
    replace_text(editor, editor.form.editors["label"].edits["en"], "Gross regional product")
    assert editor.document.get((*new, "id")) == "gross-regional-product"
    assert editor.form.editors["id"].value() == "gross-regional-product"

    choose_in_tree(editor, ("figures",))
    click(editor, next(b for b in editor.form.findChildren(QPushButton) if b.text() == "Add: Figure"))
    replace_text(editor, editor.form.editors["label"].edits["en"], "Gross regional product")
    assert editor.document.get((*new[:1], new[1] + 1, "id")) == "gross-regional-product-2"
    keys(editor, (Qt.Key.Key_Z, CTRL))
    assert editor.document.get((*new[:1], new[1] + 1, "id")) == "figure"
    checked(editor, qtbot)
    assert not editor.checked.valid  # a new figure has texts to write before it can be saved


@pytest.mark.parametrize("named_in", ["views", "figures"])  # by a block; by a field of another figure
def test_renaming_an_id_renames_every_reference_to_it(editor, qtbot, named_in):
    figure_id = next(value for path, kind, value in _references(editor) if kind == "figure" and path[0] == named_in)
    referring = [path for path, kind, value in _references(editor) if kind == "figure" and value == figure_id]
    choose_in_tree(editor, ("figures", figure_index(editor, figure_id)))
    replace_text(editor, editor.form.editors["id"].edit, "renamed")
    keys(editor, Qt.Key.Key_Tab)  # an id is taken when typing ends
    assert [editor.document.get(path) for path in referring] == ["renamed"] * len(referring)
    checked(editor, qtbot)
    assert editor.checked.valid
    keys(editor, (Qt.Key.Key_Z, CTRL))
    assert [editor.document.get(path) for path in referring] == [figure_id] * len(referring)


def _references(editor):
    from kiosk.editor.fields import walk_references

    return list(walk_references(editor.document.data))


def test_deleting_a_referenced_figure_is_a_problem_and_undo_brings_it_back(editor, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    count = len(editor.document.data["figures"])
    choose_in_tree(editor, gdp)
    keys(editor, Qt.Key.Key_Delete)  # the tree has the keyboard
    assert len(editor.document.data["figures"]) == count - 1
    checked(editor, qtbot)
    assert any('unknown figure id "gdp"' in editor.problems.item(n).text() for n in range(editor.problems.count()))
    keys(editor, (Qt.Key.Key_Z, CTRL))
    assert editor.document.get((*gdp, "id")) == "gdp"
    checked(editor, qtbot)
    assert editor.checked.valid


def test_a_block_moves_within_its_tab(editor, qtbot):
    blocks = ("views", 0, "blocks")
    kinds = [block["kind"] for block in editor.document.get(blocks)]
    choose_in_tree(editor, (*blocks, 0))
    keys(editor, (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier))
    assert [block["kind"] for block in editor.document.get(blocks)] == [kinds[1], kinds[0], *kinds[2:]]
    assert editor.tree.current_path() == (*blocks, 1)


def test_the_preview_shows_portrait_and_either_language(editor, qtbot):
    pick(editor, editor.preview.orientation, "Portrait")
    image = preview_image(editor)
    assert image.height() > image.width()
    english = image
    pick(editor, editor.preview.language, "中文")
    assert pixels_apart(english, preview_image(editor)) > 0
    assert editor.preview.tab.currentText() == editor.dataset.views[0].title["zh"]


@pytest.mark.parametrize(("language", "orientation", "tab"), [("zh", "Landscape", 0), ("en", "Portrait", 1)])
def test_the_preview_is_exactly_what_the_kiosk_draws(open_editor, data_file, tmp_path, qtbot, language, orientation,
                                                     tab):
    """In the editor's desktop application (not the kiosk's look), pixel for pixel: texts that
    measured themselves against the application's style once came out clipped or broken."""
    editor = open_editor(data_file, language)
    pick(editor, editor.preview.orientation, editor.ui(getattr(strings, orientation.upper())).split(" ")[0])
    pick(editor, editor.preview.tab, editor.dataset.views[tab].title[language])
    assert editor.preview.portrait == (orientation == "Portrait")
    shot = tmp_path / "kiosk.png"
    size = "1080x1920" if editor.preview.portrait else "1920x1080"
    done = subprocess.run([sys.executable, "-m", "kiosk", "screenshot", "--data", str(data_file), "--view",
                           editor.preview.tab_id, "--lang", language, "--size", size, "--out", str(shot)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert pixels_apart(pictures_drawn(editor), QImage(str(shot))) == 0


def test_the_editor_speaks_chinese(open_editor, data_file, qtbot):
    editor = open_editor(data_file, "zh")
    translations = Translations([resource_path("i18n")])
    assert editor.menuBar().actions()[0].text() == translations.text("zh", strings.MENU_FILE)
    assert editor.tree.items[("figures",)].text(0) == translations.text("zh", strings.WORDS["figures"])
    choose_in_tree(editor, ("figures", figure_index(editor, "gdp")))
    assert editor.form.labels["value"].text() == translations.text("zh", strings.WORDS["value"])
    assert "531.9亿元" in editor.form.editors["value"].shown.text()
    described = [f for f in record_fields(Figure) if f.description and f.name in editor.form.help]  # the help
    assert described
    for f in described:
        assert editor.form.help[f.name] == translations.text("zh", f.description) != f.description
        assert any("\u4e00" <= character <= "\u9fff" for character in editor.form.help[f.name])
    # View › Editor language › EN, with the keyboard, as from the menu bar
    keys(editor, (Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier))
    menu = QApplication.activePopupWidget()
    keys(menu, Qt.Key.Key_Return)  # the only entry: the languages
    languages = QApplication.activePopupWidget()
    keys(languages, Qt.Key.Key_Home, Qt.Key.Key_Return)
    assert editor.language == "en"
    assert editor.menuBar().actions()[0].text() == strings.MENU_FILE
    assert editor.form.labels["value"].text() == "Value"
    assert all(editor.form.help[f.name] == f.description for f in described)
    assert editor.tree.items[("figures",)].text(0) == "Figures"


def test_the_bundled_file_is_said_to_be_so_and_saved_elsewhere(open_editor, tmp_path, monkeypatch, qtbot):
    editor = open_editor(data_path())
    assert editor.banner.isVisible()
    chosen = tmp_path / "mine.json"
    monkeypatch.setattr("kiosk.editor.window.QFileDialog.getSaveFileName", lambda *a, **k: (str(chosen), ""))
    keys(editor, (Qt.Key.Key_S, CTRL))
    assert editor.review_dialog.changes.count() == 0  # against the bundled file: nothing changes
    confirm(editor.review_dialog, editor, qtbot)
    assert chosen.read_bytes() == data_path().read_bytes()  # nothing changed: the same bytes
    assert editor.document.path == chosen and not editor.banner.isVisible()


def test_window_and_preview_choices_are_remembered(open_editor, data_file, tmp_path):
    editor = open_editor(data_file)
    editor.resize(1500, 950)
    pick(editor, editor.preview.orientation, "Portrait")
    editor.close()
    again = open_editor(data_file)
    assert again.size().width() == 1500 and again.preview.portrait


def test_kiosk_edit_opens_the_file_the_kiosk_shows(tmp_path):
    from kiosk.editor.command import data_file as default_file
    from kiosk.editor.command import parser

    assert default_file(parser().parse_args(["--config", str(tmp_path / "none.toml")])) == data_path()
    config = tmp_path / "config.toml"
    config.write_text(f'data_path = "{tmp_path / "mine.json"}"\n', encoding="utf-8")
    assert default_file(parser().parse_args(["--config", str(config)])) == tmp_path / "mine.json"
    assert default_file(parser().parse_args([str(tmp_path / "other.json")])) == tmp_path / "other.json"




def test_kiosk_edit_is_a_command():
    done = subprocess.run([sys.executable, "-m", "kiosk", "edit", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("usage: kiosk edit")


# ---- forms and tree from the model's types -------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Sample(Record):
    """A record kind the model does not have: its form comes from its types alone."""

    id: Id
    name: Text
    count: Annotated[int, Rules("How many there are.", ge=1, le=9)]
    share: Annotated[float | None, Rules(ge=0, le=1)] = None
    shown: bool = True
    scale: Scale = Scale.LINEAR
    figure: FigureRef
    figures: tuple[FigureRef, ...] = ()
    point: tuple[float, float] = (0.5, 0.5)
    when: datetime.date


def test_a_record_kind_the_model_gains_gets_a_form_from_its_types(editor):
    from kiosk.editor import editors
    from kiosk.editor.form import RecordForm

    value = {"id": "sample", "name": {"en": "A sample", "zh": "样本"}, "count": 3, "figure": "gdp",
             "figures": ["gdp", "gdp-usd"], "when": "2024-05-01"}
    form = RecordForm(editor._env(("samples", 0)), ("samples", 0), Sample, value, "Sample")
    shown = form.editors
    assert set(shown) == {f.name for f in dataclasses.fields(Sample)}
    count = shown["count"].spin
    assert (count.minimum(), count.maximum(), count.value()) == (1, 9, 3)
    assert form.labels["count"].toolTip() == "How many there are."
    assert [edit.text() for edit in shown["name"].edits.values()] == ["A sample", "样本"]
    assert isinstance(shown["share"], editors.OptionalEditor) and not shown["share"].present.isChecked()
    assert shown["shown"].box.isChecked()
    assert [shown["scale"].combo.itemText(n) for n in range(shown["scale"].combo.count())] == ["linear", "logarithmic"]
    names = [shown["figure"].combo.itemText(n) for n in range(shown["figure"].combo.count())]
    assert len(names) == len(editor.document.data["figures"]) and "Regional GDP (gdp)" in names
    assert shown["figure"].combo.currentText() == "Regional GDP (gdp)"
    assert shown["figures"].list.count() == 2
    assert [part.value() for part in shown["point"].parts] == [0.5, 0.5]
    assert shown["when"].date.date().toString("yyyy-MM-dd") == "2024-05-01"
    form.deleteLater()


def test_every_field_of_every_item_of_the_data_has_an_editor(editor):
    from kiosk.editor.fields import HOLDERS, record_fields

    for path, node in editor.tree.nodes.items():
        if node.is_record:
            editor._show_form(node)
            expected = {f.name for f in record_fields(node.record) if f.shape.kind not in HOLDERS}
            assert set(editor.form.editors) == expected, path


def test_the_tree_holds_every_collection_of_the_file(editor):
    collections = [key for key, value in editor.document.data.items()
                   if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
                   or isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values())
                   and "en" not in value]
    top = [path[0] for path, node in editor.tree.nodes.items() if len(path) == 1]
    assert set(collections) <= set(top)
    for name in collections:
        items = editor.document.data[name]
        keys = items if isinstance(items, dict) else range(len(items))
        assert all((name, key) in editor.tree.items for key in keys)


def test_pictures_are_edited_like_everything_else(open_editor, raw, tmp_path, qtbot):
    from pictures import with_pictures

    editor = open_editor(with_pictures(raw, tmp_path / "with-pictures"))
    assert editor.checked.valid, editor.checked.problems
    harbour = ("media", next(i for i, m in enumerate(editor.document.data["media"]) if m["id"] == "harbour"))
    choose_in_tree(editor, harbour)
    assert editor.preview.tab_id == "overview"  # the tab whose banner it is
    assert [part.value() for part in editor.form.editors["focus"].parts] == [0.5, 0.5]
    before = pictures_drawn(editor)
    overview = ("views", 0)
    choose_in_tree(editor, overview)
    pick(editor, editor.form.editors["banner"].combo, "(campus)")
    assert editor.document.get((*overview, "banner")) == "campus"
    checked(editor, qtbot)
    assert editor.checked.valid
    assert pixels_apart(before, pictures_drawn(editor)) > 0


def test_a_saved_version_is_kept_and_restored_from_the_history(editor, data_file, qtbot):
    gdp = ("figures", figure_index(editor, "gdp"))
    choose_in_tree(editor, gdp)
    for value in ("61000000000", "62000000000"):
        replace_text(editor, editor.form.editors["value"].edit, value)
        keys(editor, (Qt.Key.Key_S, CTRL))
        assert editor.review_dialog.changes.count() == 1
        confirm(editor.review_dialog, editor, qtbot)
    assert json.loads(data_file.read_text(encoding="utf-8"))["figures"][gdp[1]]["value"] == 62_000_000_000

    keys(editor, (Qt.Key.Key_H, CTRL))
    history = editor.history_dialog
    qtbot.waitActive(history)
    listed = [history.versions.item(n).text() for n in range(history.versions.count())]
    # The file as opened, then the two saves, newest first, each with what changed for visitors.
    assert [line.split()[0] for line in listed] == ["3", "2", "1"]
    assert all("figure" in line for line in listed[:2]) and "(the file now)" in listed[0]
    assert not history.restore.isEnabled()
    click(history, history.versions.viewport(), history.versions.visualItemRect(history.versions.item(1)).center())
    click(history, history.restore)
    assert json.loads(data_file.read_text(encoding="utf-8"))["figures"][gdp[1]]["value"] == 61_000_000_000
    assert editor.document.get((*gdp, "value")) == 61_000_000_000  # the editor shows the file as it is now
    assert editor.undo_stack.isClean()


def test_every_file_of_the_broken_corpus_opens_with_the_problems_kiosk_validate_finds(editor, tmp_path):
    from kiosk.editor.document import parse_path
    from kiosk.model.loader import DatasetError, parse_dataset

    opened = 0
    for source in sorted((ROOT / "tests" / "bad-data").glob("*.json")):
        try:
            data = json.loads(source.read_bytes().decode("utf-8"))
        except ValueError:
            continue  # not JSON: the editor cannot open it (next test)
        if not isinstance(data, dict) or "views" not in data:
            continue
        path = tmp_path / source.name
        shutil.copy(source, path)
        try:
            parse_dataset(source.read_bytes(), path, remember=False)
            problems = []  # the corpus's valid base
        except DatasetError as error:
            problems = [str(problem) for problem in error.problems]
        assert editor.open_file(path), source.name
        listed = [editor.problems.item(n).text() for n in range(editor.problems.count())]
        assert listed == problems, source.name
        assert editor.save_action.isEnabled() == (not problems)
        for problem in editor.checked.problems:  # the form of each item with a problem, whatever its values
            editor._show_form(editor.tree.nodes[editor.tree.nearest(parse_path(problem.path, editor.document.data))])
        opened += 1
    assert opened >= 30


def broken_corpus(tmp_path) -> list[Path]:
    """The files of the corpus of bad data that the editor opens (JSON holding a dataset's shape),
    copied to where a test may open them."""
    found = []
    for source in sorted((ROOT / "tests" / "bad-data").glob("*.json")):
        try:
            data = json.loads(source.read_bytes().decode("utf-8"))
        except ValueError:
            continue
        if isinstance(data, dict) and "views" in data:
            found.append(Path(shutil.copy(source, tmp_path / source.name)))
    return found


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def test_problems_are_said_in_the_editors_language(open_editor, data_file, tmp_path, qtbot):
    """Staff who edit in Chinese read every problem in Chinese, where it is listed, under its
    field and in the reason Save is disabled; the paths, ids and values quoted from the file
    stay as the file has them. In English the lines are what kiosk validate prints."""
    editor = open_editor(data_file, "zh")
    said = 0
    for path in broken_corpus(tmp_path):
        assert editor.open_file(path), path.name
        listed = [editor.problems.item(n).text() for n in range(editor.problems.count())]
        for line, problem in zip(listed, editor.checked.problems, strict=True):
            assert line.startswith(problem.path) and has_chinese(line) and line != str(problem), (path.name, line)
            said += 1
        editor.set_language("en")
        assert [editor.problems.item(n).text() for n in range(editor.problems.count())] == \
            [str(problem) for problem in editor.checked.problems], path.name
        editor.set_language("zh")
    assert said >= 30

    # A problem made in the form: under its field and in Save's reason too, in either language.
    editor.open_file(data_file)
    choose_in_tree(editor, ("figures", figure_index(editor, "gdp")))
    replace_text(editor, editor.form.editors["label"].edits["en"], "")
    checked(editor, qtbot)
    translations = Translations([resource_path("i18n")])
    empty = translations.text("zh", problem_texts.EMPTY)
    assert has_chinese(empty)
    assert empty in editor.form.notes["label"].text() and empty in editor.save_action.toolTip()
    editor.set_language("en")
    assert problem_texts.EMPTY in editor.form.notes["label"].text()
    assert problem_texts.EMPTY in editor.save_action.toolTip()


def test_a_file_that_is_not_json_is_not_opened_and_says_why(editor, tmp_path):
    before = editor.document
    broken = tmp_path / "broken.json"
    broken.write_text('{"views": [', encoding="utf-8")
    assert not editor.open_file(broken)
    assert editor.document is before
    assert editor.message.isVisible() and "broken.json" in editor.message.text()
    editor.message.close()


@pytest.mark.real_display
@pytest.mark.skipif(bool(realx.missing_for_xvfb()), reason="needs the Debian packages "
                    + " ".join(realx.missing_for_xvfb()))
def test_saving_in_the_editor_publishes_to_a_real_kiosk_showing_the_file(editor, data_file, qtbot):
    """The real program full screen on an X server, showing the file the editor saves: after
    Save (and its review), the kiosk's own screen shows the new figure, without a restart."""
    server = realx.XServer()
    try:
        kiosk = realx.KioskProcess.start(server, "--data", str(data_file))
        kiosk.wait_until_covered()
        before = kiosk._settled()
        assert realx.difference(before, kiosk._settled()) == 0  # a still screen until the save
        gdp = ("figures", figure_index(editor, "gdp"))
        choose_in_tree(editor, gdp)
        replace_text(editor, editor.form.editors["value"].edit, "61000000000")
        checked(editor, qtbot)
        keys(editor, (Qt.Key.Key_S, CTRL))
        confirm(editor.review_dialog, editor, qtbot)
        deadline = time.monotonic() + 20
        while f"now showing {data_file}" not in kiosk.log and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"now showing {data_file}" in kiosk.log, kiosk.log[-2000:]
        kiosk.wait_until_covered()
        assert realx.difference(before, kiosk._settled()) > 0, "the kiosk's screen did not change"
        assert kiosk.alive()
        kiosk.stop()
    finally:
        server.close()


def test_a_dropped_picture_joins_the_media_and_is_checked_until_described(editor, data_file, tmp_path, qtbot):
    """A picture dragged from the file manager onto the window is copied beside the data file
    and listed; its alt text, credit and licence are problems until written; then it can be
    given to an industry and saved."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from pictures import make_picture

    photo = make_picture(tmp_path / "Camera Roll" / "Harbour at dusk.jpg", "#2E7D32")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    # What Qt's drag and drop hands the widget under the pointer: the drag coming in, then the drop.
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(editor, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(editor, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    checked(editor, qtbot)
    [entry] = editor.document.get(("media",))
    assert entry["file"] == "Harbour-at-dusk.jpg" and entry["id"] == "harbour-at-dusk"
    assert (data_file.parent / "media" / "Harbour-at-dusk.jpg").read_bytes() == photo.read_bytes()
    listed = [editor.problems.item(n).text() for n in range(editor.problems.count())]
    assert {p.split(":")[0] for p in listed} >= {"media.0.alt.en", "media.0.alt.zh", "media.0.credit.en",
                                                 "media.0.licence"}
    assert editor.tree.current_path() == ("media", 0)
    # Typed keys are Latin letters (QTest cannot type through an input method), in both languages.
    for field, language, text in (("alt", "en", "The harbour at dusk"), ("alt", "zh", "Huanghun gangkou"),
                                  ("credit", "en", "Test suite"), ("credit", "zh", "Ceshi")):
        replace_text(editor, editor.form.editors[field].edits[language], text)
    replace_text(editor, editor.form.editors["licence"].edit, "CC0 1.0")
    industry = ("industries", 0)
    choose_in_tree(editor, industry)
    pick(editor, editor.form.editors["photo"].combo, "(harbour-at-dusk)")
    save_valid(editor, data_file, qtbot)
    assert json.loads(data_file.read_text(encoding="utf-8"))["industries"][0]["photo"] == "harbour-at-dusk"



def choose_in_menu(window: EditorWindow, *entries: str) -> None:
    """Open a menu of the menu bar with its Alt key, and walk into its entries with the arrow
    keys: down to each entry (the keys pass over disabled ones), Right into a submenu, Return on
    the last. The keys go to the open
    menu's own window, as a platform delivers them. (A menu bar's menu opens without a loop of
    its own, unlike a context menu's, so the test keeps running while it is open.)"""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == entries[0])
    mnemonic = top.text()[top.text().index("&") + 1]
    keys(window, (Qt.Key(ord(mnemonic.upper())), Qt.KeyboardModifier.AltModifier))
    menu = top.menu()
    for depth, entry in enumerate(entries[1:], start=1):
        assert menu.isVisible(), f"the menu before {entry!r} did not open"
        actions = [a for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()]
        names = [a.text().replace("&", "") for a in actions]
        target = names.index(entry)
        # Whichever entry is active when a menu opens, Home goes to its first.
        QTest.keyClick(menu.windowHandle(), Qt.Key.Key_Home)
        for _ in range(target):
            QTest.keyClick(menu.windowHandle(), Qt.Key.Key_Down)
        assert menu.activeAction() is actions[target], (names, menu.activeAction() and menu.activeAction().text())
        last = depth == len(entries) - 1
        QTest.keyClick(menu.windowHandle(), Qt.Key.Key_Return if last else Qt.Key.Key_Right)
        settle()
        menu = None if last else actions[target].menu()


def test_a_gallery_block_is_added_from_the_menu_and_its_pictures_chosen(open_editor, raw, tmp_path, qtbot):
    """Edit ▸ Add ▸ Gallery after a block of a tab: the new gallery starts with the first two
    pictures and is drawn; one picture fewer is a problem (Save disabled); two more picked by
    name make it valid again, and the file saves valid."""
    data_file = with_pictures_file(raw, tmp_path)
    editor = open_editor(data_file)
    tab = next(i for i, t in enumerate(editor.document.data["views"]) if t["id"] == "pictures")
    blocks = ("views", tab, "blocks")
    kinds = [block["kind"] for block in editor.document.get(blocks)]
    choose_in_tree(editor, (*blocks, 1))
    before = pictures_drawn(editor)
    choose_in_menu(editor, "Edit", "Add", "Gallery")
    assert [block["kind"] for block in editor.document.get(blocks)] == [*kinds[:2], "gallery", *kinds[2:]]
    new = (*blocks, 2)
    assert editor.tree.current_path() == new
    first_two = [m["id"] for m in editor.document.data["media"][:2]]
    assert editor.document.get((*new, "media")) == first_two
    checked(editor, qtbot)
    assert editor.checked.valid, editor.checked.problems
    assert editor.preview.tab_id == "pictures"
    assert pixels_apart(before, pictures_drawn(editor)) > 0

    pictures = editor.form.editors["media"]
    click(editor, pictures.list.viewport(), pictures.list.visualItemRect(pictures.list.item(1)).center())
    click(editor, pictures.buttons["remove"])
    checked(editor, qtbot)
    assert any(p.startswith(f"views.{tab}.blocks.2.media:") for p in _problem_lines(editor)), _problem_lines(editor)
    assert not editor.save_action.isEnabled()
    for name in ("(lab)", "(park)"):
        pick(editor, pictures.new.combo, name)
        click(editor, pictures.buttons["add"])
    assert editor.document.get((*new, "media")) == [first_two[0], "lab", "park"]
    save_valid(editor, data_file, qtbot)
    saved = json.loads(data_file.read_text(encoding="utf-8"))["views"][tab]["blocks"][2]
    assert saved["kind"] == "gallery" and saved["media"] == [first_two[0], "lab", "park"]


def save_valid(editor: EditorWindow, data_file: Path, qtbot) -> None:
    """Once checked valid: Save, its review confirmed, and `kiosk validate` passes the file."""
    checked(editor, qtbot)
    assert editor.checked.valid, editor.checked.problems
    keys(editor, (Qt.Key.Key_S, CTRL))
    confirm(editor.review_dialog, editor, qtbot)
    done = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(data_file)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def with_pictures_file(raw: dict, tmp_path: Path) -> Path:
    from pictures import with_pictures

    return with_pictures(raw, tmp_path / "with-pictures")


def _problem_lines(editor: EditorWindow) -> list[str]:
    return [editor.problems.item(n).text() for n in range(editor.problems.count())]


def test_save_as_into_another_folder_takes_the_pictures_along_and_never_replaces_another(
        open_editor, raw, tmp_path, monkeypatch, qtbot):
    source = with_pictures_file(raw, tmp_path)
    editor = open_editor(source)
    used = sorted({picture["file"] for picture in editor.document.data["media"]})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "media").mkdir(parents=True)
    clash = used[0]
    (elsewhere / "media" / clash).write_bytes(b"another picture of that name")
    target = elsewhere / "data.json"
    monkeypatch.setattr("kiosk.editor.window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    keys(editor, (Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier))
    confirm(editor.review_dialog, editor, qtbot)
    assert not target.exists() and editor.document.path == source  # refused, with the reason
    assert clash in editor.message.text() and "another picture of the same name" in editor.message.text()
    assert sorted(path.name for path in (elsewhere / "media").iterdir()) == [clash]  # nothing copied
    assert (elsewhere / "media" / clash).read_bytes() == b"another picture of that name"
    editor.message.close()

    (elsewhere / "media" / clash).unlink()  # staff moved theirs away
    keys(editor, (Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier))
    confirm(editor.review_dialog, editor, qtbot)
    assert editor.document.path == target
    for name in used:
        assert (elsewhere / "media" / name).read_bytes() == (source.parent / "media" / name).read_bytes()
    done = subprocess.run([sys.executable, "-m", "kiosk", "validate", str(target)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
