"""The operator's data file: last good copy, fallback, and live reload with real files."""

import json
import logging
import os

import pytest
from PySide6.QtWidgets import QLabel

from conftest import settle
from kiosk.datastore import DataStore
from kiosk.resources import data_path
from kiosk.ui.i18n import current_language
from kiosk.ui.main_window import LanguageButtons
from ui_helpers import figure_cards, visible_texts

SETTLE_MS = 80


def write_atomically(path, content: str | bytes):
    """How most editors save: a temporary file renamed over the old one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(tmp, path)


def edited(raw, label):
    data = json.loads(json.dumps(raw))
    data["figures"][0]["label"]["en"] = label
    data["figures"][0]["label"]["zh"] = label
    return json.dumps(data, ensure_ascii=False, indent=1)


@pytest.fixture
def operator_file(tmp_path, raw):
    path = tmp_path / "content" / "data.json"
    path.parent.mkdir()
    path.write_text(edited(raw, "Version one"), encoding="utf-8")
    return path


def test_a_valid_operator_file_is_shown_and_kept_as_last_good(operator_file, tmp_path):
    store = DataStore(operator_file, tmp_path / "state")
    shown = store.load_at_start()
    assert shown.origin == "operator file" and shown.dataset.figures[0].label["en"] == "Version one"
    assert store.last_good_path.read_bytes() == operator_file.read_bytes()


def test_an_invalid_file_falls_back_to_the_last_good_copy(operator_file, tmp_path, caplog):
    DataStore(operator_file, tmp_path / "state").load_at_start()
    operator_file.write_text('{"languages": ', encoding="utf-8")
    store = DataStore(operator_file, tmp_path / "state")
    with caplog.at_level(logging.ERROR):
        shown = store.load_at_start()
    assert shown.origin == "last good copy" and shown.dataset.figures[0].label["en"] == "Version one"
    assert [p.path for p in store.rejected.problems] == [""]
    assert "JSON syntax error" in caplog.text


def test_the_version_shown_is_of_the_bytes_shown_even_within_one_second(operator_file, tmp_path, raw):
    """Two versions loaded in the same second (the load time has whole seconds) are told apart,
    and a file changed on disk but not shown does not change the version reported."""
    import hashlib

    store = DataStore(operator_file, tmp_path / "state")
    first = store.load_at_start()
    assert first.version == hashlib.sha256(operator_file.read_bytes()).hexdigest()[:12]
    write_atomically(operator_file, edited(raw, "Version two"))
    second = store.reload()
    assert second.version == hashlib.sha256(operator_file.read_bytes()).hexdigest()[:12] != first.version
    write_atomically(operator_file, '{"languages": ')
    assert store.reload() is None and store.shown.version == second.version
    kept = DataStore(operator_file, tmp_path / "state").load_at_start()
    assert kept.origin == "last good copy" and kept.version == second.version


def test_a_file_not_made_yet_by_what_makes_it_is_no_problem_and_is_shown_once_it_comes(tmp_path, raw, caplog):
    """A fleet kiosk before its first download: the bundled data, nothing rejected, no error."""
    path = tmp_path / "fleet" / "content" / "data.json"
    store = DataStore(path, tmp_path / "state", made_by="the fleet's first download")
    with caplog.at_level(logging.INFO):
        shown = store.load_at_start()
    assert shown.origin == "bundled" and store.rejected is None
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert "the fleet's first download" in caplog.text
    path.parent.mkdir(parents=True)
    write_atomically(path, edited(raw, "Downloaded"))
    assert store.reload().dataset.figures[0].label["en"] == "Downloaded"
    # Without anything that makes it, a missing file is the operator's problem, as before.
    other = DataStore(tmp_path / "typo.json", tmp_path / "state2")
    assert other.load_at_start().origin == "bundled" and other.rejected is not None


def test_without_a_last_good_copy_the_bundled_data_is_shown(operator_file, tmp_path):
    operator_file.write_text("[]", encoding="utf-8")
    store = DataStore(operator_file, tmp_path / "state")
    shown = store.load_at_start()
    assert shown.origin == "bundled" and shown.path == data_path()
    assert store.rejected is not None


def test_a_missing_file_shows_its_own_last_good_copy_and_says_why(operator_file, tmp_path, caplog):
    DataStore(operator_file, tmp_path / "state").load_at_start()
    operator_file.unlink()
    store = DataStore(operator_file, tmp_path / "state")
    with caplog.at_level(logging.INFO):
        shown = store.load_at_start()
    assert shown.origin == "last good copy" and shown.dataset.figures[0].label["en"] == "Version one"
    assert f"showing the last good copy of {operator_file}" in caplog.text
    assert "because the file itself cannot be shown" in caplog.text


@pytest.mark.parametrize("other", ["missing.json", "never-valid.json"])
def test_the_last_good_copy_of_another_file_is_not_shown_for_this_one(operator_file, tmp_path, caplog, other):
    DataStore(operator_file, tmp_path / "state").load_at_start()  # the file in data_path, once valid
    tried = tmp_path / other  # kiosk --data missing.json, or a file that never passed the check
    if other == "never-valid.json":
        tried.write_text("[]", encoding="utf-8")
    store = DataStore(tried, tmp_path / "state")
    with caplog.at_level(logging.INFO):
        shown = store.load_at_start()
    assert shown.origin == "bundled" and shown.path == data_path()
    assert f"is of another file, {operator_file}; showing the bundled dataset instead of {tried}" in caplog.text


def test_a_last_good_copy_that_does_not_say_what_it_is_a_copy_of_is_not_shown(operator_file, tmp_path, caplog):
    store = DataStore(operator_file, tmp_path / "state")
    store.load_at_start()
    store.last_good_source_path.unlink()  # as kept by an earlier version of the kiosk
    operator_file.write_text("[]", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        shown = DataStore(operator_file, tmp_path / "state").load_at_start()
    assert shown.origin == "bundled"
    assert "does not say which file it is a copy of" in caplog.text


def test_a_last_good_copy_changed_after_it_was_kept_is_not_shown(operator_file, tmp_path, raw, caplog):
    store = DataStore(operator_file, tmp_path / "state")
    store.load_at_start()
    store.last_good_path.write_text(edited(raw, "Tampered"), encoding="utf-8")
    operator_file.unlink()
    with caplog.at_level(logging.INFO):
        shown = DataStore(operator_file, tmp_path / "state").load_at_start()
    assert shown.origin == "bundled" and "was changed after it was kept" in caplog.text


def test_an_unwritable_state_directory_costs_only_the_copy(operator_file, tmp_path, caplog):
    blocked = tmp_path / "state"
    blocked.write_text("not a directory", encoding="utf-8")
    store = DataStore(operator_file, blocked)
    with caplog.at_level(logging.ERROR):
        shown = store.load_at_start()
    assert shown.origin == "operator file"
    assert "could not keep a last good copy" in caplog.text


def start(make_kiosk, operator_file, tmp_path):
    store = DataStore(operator_file, tmp_path / "state")
    store.load_at_start()
    return make_kiosk(store=store, settle_ms=SETTLE_MS)


def overview_texts(kiosk):
    """The first overview card's texts (shown or not: the visitor may be on another view)."""
    return [label.text() for label in figure_cards(kiosk.window.views["overview"])[0].findChildren(QLabel)]


def test_a_new_valid_file_is_swapped_in_keeping_view_and_language(make_kiosk, operator_file, tmp_path, raw,
                                                                  tap, qtbot):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    tap(kiosk.window.tabs.buttons[2])
    tap(kiosk.window.tabs.findChild(LanguageButtons).buttons["zh"])
    assert current_language() == "zh"
    write_atomically(operator_file, edited(raw, "Version two"))
    qtbot.waitUntil(lambda: "Version two" in overview_texts(kiosk), timeout=5000)
    assert kiosk.window.current_view == "innovation"
    assert current_language() == "zh"
    assert kiosk.store.shown.origin == "operator file"
    assert kiosk.store.last_good_path.read_text(encoding="utf-8") == edited(raw, "Version two")


def test_an_invalid_version_is_logged_and_the_screen_keeps_its_data(make_kiosk, operator_file, tmp_path,
                                                                    qtbot, caplog):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    before = visible_texts(kiosk.window)
    with caplog.at_level(logging.ERROR):
        write_atomically(operator_file, '{"languages": ["en", "zh"], "zone": 5}')
        qtbot.waitUntil(lambda: kiosk.store.rejected is not None, timeout=5000)
    settle()
    assert visible_texts(kiosk.window) == before
    assert "zone: must be an object" in caplog.text
    assert kiosk.store.shown.dataset.figures[0].label["en"] == "Version one"


def test_a_half_written_file_is_retried_when_the_write_completes(make_kiosk, operator_file, tmp_path, raw,
                                                                 qtbot):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    complete = edited(raw, "Version three")
    operator_file.write_text(complete[: len(complete) // 2], encoding="utf-8")  # a slow copy, stalled
    qtbot.waitUntil(lambda: kiosk.store.rejected is not None, timeout=5000)
    operator_file.write_text(complete, encoding="utf-8")  # in place, as a network copy finishes
    qtbot.waitUntil(lambda: "Version three" in overview_texts(kiosk), timeout=5000)
    assert kiosk.store.rejected is None


def test_a_deleted_file_keeps_the_data_on_screen(make_kiosk, operator_file, tmp_path, raw, qtbot):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    operator_file.unlink()
    qtbot.waitUntil(lambda: kiosk.store.rejected is not None, timeout=5000)
    assert "Version one" in overview_texts(kiosk)
    assert "missing" in str(kiosk.store.rejected.problems[0])
    write_atomically(operator_file, edited(raw, "Version four"))
    qtbot.waitUntil(lambda: "Version four" in overview_texts(kiosk), timeout=5000)


def test_the_staff_panel_names_the_data_in_use_and_the_rejected_file(make_kiosk, operator_file, tmp_path, qtbot):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    kiosk.staff.open()
    assert str(operator_file) in kiosk.staff.details.text()
    assert "No data file has been rejected" in kiosk.staff.details.text()
    kiosk.staff.hide()
    write_atomically(operator_file, '{"languages": ["en", "zh"], "zone": 5}')
    qtbot.waitUntil(lambda: kiosk.store.rejected is not None, timeout=5000)
    kiosk.staff.open()
    details = kiosk.staff.details.text()
    assert f"Rejected: {operator_file}" in details and "zone: must be an object" in details


def test_the_staff_panel_names_the_views_of_the_data_swapped_in(make_kiosk, operator_file, tmp_path, raw, qtbot,
                                                                week_numbers):
    """Opened before new data came, the panel names the views as the new data does."""
    import re

    store = DataStore(operator_file, tmp_path / "state")
    store.load_at_start()
    kiosk = make_kiosk(store=store, settle_ms=SETTLE_MS, key_numbers=week_numbers)
    view = week_numbers()[0].views[0].view  # today's most viewed

    def most_viewed():
        return set(re.findall(r"most viewed: ([^;]+);", kiosk.staff.visits.text()))

    kiosk.staff.open()
    tab = next(tab for tab in raw["views"] if tab["id"] == view)
    assert most_viewed() == {tab["title"]["en"]}
    kiosk.staff.hide()
    renamed = json.loads(edited(raw, "Version two"))
    next(tab for tab in renamed["views"] if tab["id"] == view)["title"]["en"] = "A renamed tab"
    write_atomically(operator_file, json.dumps(renamed, ensure_ascii=False))
    qtbot.waitUntil(lambda: "Version two" in overview_texts(kiosk), timeout=5000)
    kiosk.staff.open()
    assert most_viewed() == {"A renamed tab"}


def test_end_to_end_the_running_kiosk_falls_back_then_picks_up_a_fixed_file(tmp_path, raw):
    """The real program: started on a broken file, it shows the bundled data; once the file is
    fixed on disk it shows the new data, without a restart."""
    import subprocess
    import sys

    data = tmp_path / "data.json"
    data.write_text('{"languages": ', encoding="utf-8")
    lines = []
    with subprocess.Popen([sys.executable, "-m", "kiosk", "--data", str(data), "--windowed", "--quit-after", "4"],
                          stderr=subprocess.PIPE, text=True) as kiosk:
        for line in kiosk.stderr:
            lines.append(line)
            if "first frame painted" in line:
                write_atomically(data, edited(raw, "Fixed on disk"))
        kiosk.wait(timeout=30)
    log = "".join(lines)
    assert "JSON syntax error" in log and "(bundled)" in log
    assert f"now showing {data}" in log, log
    assert kiosk.returncode == 0


def test_new_data_during_the_attract_loop_keeps_the_loop_going(make_kiosk, operator_file, tmp_path, raw, qtbot):
    kiosk = start(make_kiosk, operator_file, tmp_path)
    kiosk.attract.start()
    write_atomically(operator_file, edited(raw, "Version five"))
    qtbot.waitUntil(lambda: "Version five" in overview_texts(kiosk), timeout=5000)
    kiosk.attract.next_slide()  # the next slide of the new loop, not a crash on the old one
    assert 0 <= kiosk.attract.stack.currentIndex() < len(kiosk.attract.slides) and kiosk.attract.isVisible()


def test_every_file_of_the_bad_data_corpus_is_refused_by_the_running_kiosk(make_kiosk, operator_file, tmp_path,
                                                                            qtbot):
    """The validator's corpus, saved one file after another over the data file of a running
    kiosk: each is refused with the problems the validator names, and the screen keeps its data."""
    from pathlib import Path

    corpus = Path(__file__).parent / "bad-data"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    kiosk = start(make_kiosk, operator_file, tmp_path)
    shown, before = kiosk.window.ctx.dataset, overview_texts(kiosk)
    for name, spec in expected.items():
        write_atomically(operator_file, (corpus / name).read_bytes())
        qtbot.waitUntil(lambda: kiosk.store.rejected is not None, timeout=5000)
        problems = kiosk.store.rejected.problems
        assert sorted({p.path for p in problems}) == sorted(set(spec["paths"])), name
        assert any(spec["contains"] in str(p.message) for p in problems), name
        assert kiosk.window.ctx.dataset is shown, name
        assert overview_texts(kiosk) == before, name
        kiosk.store.rejected = None  # the next file must be refused afresh
