"""Saving a data file atomically with its last versions kept, and `kiosk history` on the command line.

Failures are real: a writer process killed with SIGKILL, and a full disk made by a file size
limit (RLIMIT_FSIZE) in a subprocess.
"""

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.atomic_file import leftovers, write_atomically
from kiosk.content_history import FIRST, KEEP, OUTSIDE, ContentHistory, HistoryError
from kiosk.datastore import DataStore
from kiosk.model.loader import DatasetError, load_dataset
from kiosk.resources import data_path
from ui_helpers import figure_cards

BUNDLED = data_path().read_bytes()
REPOSITORY = Path(__file__).resolve().parent.parent


def version(raw: dict, n: int, label: str | None = None) -> bytes:
    """The bundled data with the first figure's value raised by n (and its label set)."""
    data = json.loads(json.dumps(raw))
    data["figures"][0]["value"] += n
    if label is not None:
        data["figures"][0]["label"] = {"en": label, "zh": label}
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "content" / "data.json"
    path.parent.mkdir()
    path.write_bytes(BUNDLED)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_first_save_keeps_the_file_it_replaces_then_the_new_version(data_file, raw):
    history = ContentHistory(data_file)
    new = version(raw, 1)
    saved = history.save(new)
    assert data_file.read_bytes() == new
    first, second = history.versions()
    assert (first.number, first.summary) == (1, FIRST) and history.read(first) == BUNDLED
    assert (second.number, second.summary, second) == (2, "1 figure changed", saved)
    assert history.read(second) == new and history.current_version() == second


def test_an_invalid_file_is_refused_with_its_problems_and_nothing_changes(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    before = snapshot(data_file.parent)
    broken = json.loads(version(raw, 2))
    broken["figures"][0]["source"] = "no-such-source"
    for invalid in (b'{"languages": ', json.dumps(broken).encode()):
        with pytest.raises(DatasetError) as refused:
            history.save(invalid)
        assert refused.value.problems
        assert snapshot(data_file.parent) == before
    assert [p.path for p in refused.value.problems] == ["figures.0.source"]


def test_saving_the_current_bytes_again_adds_no_version(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    history.save(version(raw, 1))
    assert [v.number for v in history.versions()] == [1, 2]


def test_the_history_keeps_the_last_50_versions_and_drops_the_oldest(data_file, raw):
    history = ContentHistory(data_file)
    for n in range(1, KEEP + 6):
        history.save(version(raw, n))
    numbers = [v.number for v in history.versions()]
    assert KEEP == 50 and numbers == list(range(7, KEEP + 7))
    assert sorted(p.name for p in history.folder.glob("*.json")) == sorted(
        ["index.json", *(f"{n}.json" for n in numbers)])
    assert history.read(history.versions()[0]) == version(raw, 6)  # version 1 was the file before the 1st save
    with pytest.raises(HistoryError, match="versions 7 to 56"):
        history.restore(6)


def test_restore_round_trip_and_undo(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1, "Second"))
    history.save(version(raw, 2, "Third"))
    restored = history.restore(1)
    assert data_file.read_bytes() == BUNDLED
    assert restored.number == 4 and restored.restored_from == 1
    assert restored.summary == "restored version 1: 1 figure changed, 2 texts changed"
    history.restore(3)  # the undo: the version just before the restore
    assert data_file.read_bytes() == version(raw, 2, "Third")
    assert [(v.number, v.restored_from) for v in history.versions()] == [(1, None), (2, None), (3, None), (4, 1),
                                                                          (5, 3)]


def test_a_bad_or_damaged_version_is_not_restored(data_file, raw):
    history = ContentHistory(data_file)
    with pytest.raises(HistoryError, match="no history yet"):
        history.restore(1)
    history.save(version(raw, 1))
    with pytest.raises(HistoryError, match="no version 3; .* versions 1 to 2"):
        history.restore(3)
    (history.folder / "1.json").write_bytes(version(raw, 9))
    with pytest.raises(HistoryError, match="changed after it was saved"):
        history.restore(1)
    assert data_file.read_bytes() == version(raw, 1)


def test_a_file_edited_by_other_means_is_kept_as_a_version_before_the_next_save(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    data_file.write_bytes(version(raw, 1, "Edited by hand"))
    assert history.current_version() is None
    history.save(version(raw, 2, "Edited by hand"))
    *_, outside, latest = history.versions()
    assert outside.summary == f"{OUTSIDE}: 2 texts changed" and history.read(outside) == version(raw, 1, "Edited by hand")
    assert latest.summary == "1 figure changed"


def test_a_damaged_index_stops_the_save_and_says_what_to_do(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    history.index_path.write_text("{", encoding="utf-8")
    with pytest.raises(HistoryError, match="move the folder"):
        history.save(version(raw, 2))
    assert data_file.read_bytes() == version(raw, 1)


def test_a_symlinked_data_file_is_saved_through_the_link(data_file, raw):
    link = data_file.with_name("shown.json")
    link.symlink_to(data_file)
    ContentHistory(link).save(version(raw, 1))
    assert link.is_symlink() and data_file.read_bytes() == version(raw, 1)


def test_an_atomic_write_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "file.json"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640
    assert leftovers(path) == []


# A writer that stops between writing the temporary file and renaming it, to be killed there.
PAUSING_WRITER = """
import sys, time
from pathlib import Path
from kiosk.content_history import ContentHistory

def pause(temporary):
    print(temporary, flush=True)
    time.sleep(600)

ContentHistory(Path(sys.argv[1]), before_replace=pause).save(Path(sys.argv[2]).read_bytes())
"""

# A writer saving two versions in turn as fast as it can, to be killed at any moment.
LOOPING_WRITER = """
import itertools, sys
from pathlib import Path
from kiosk.content_history import ContentHistory
from kiosk.model.loader import parse_dataset

history = ContentHistory(Path(sys.argv[1]))
versions = [Path(name).read_bytes() for name in sys.argv[2:]]
parse_dataset(versions[0], history.data_file, remember=False)  # the validator loaded: saving starts at once
print("ready", flush=True)
for raw in itertools.cycle(versions):
    history.save(raw)
"""

# A writer whose files may not grow past a limit: a full disk, as the writer sees it (EFBIG).
LIMITED_WRITER = """
import errno, resource, signal, sys
from pathlib import Path
from kiosk.content_history import ContentHistory
from kiosk.model import validation  # imported before the limit: nothing else is written

history = ContentHistory(Path(sys.argv[1]))
raw = Path(sys.argv[2]).read_bytes()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
try:
    history.save(raw)
except OSError as error:
    print(errno.errorcode[error.errno])
else:
    print("saved")
"""


def python(script: str, *args, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=REPOSITORY, text=True,
                            stdout=subprocess.PIPE, **popen)


def assert_whole(data_file: Path, allowed: list[bytes]) -> None:
    raw = data_file.read_bytes()
    assert raw in allowed
    json.loads(raw)
    load_dataset(data_file)


def assert_history_consistent(history: ContentHistory) -> None:
    """Every version the index lists is there, byte for byte (read() checks the SHA-256)."""
    for kept in history.versions():
        history.read(kept)


def test_a_writer_killed_between_writing_and_replacing_leaves_the_old_file(data_file, raw, tmp_path):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    before = snapshot(history.folder)
    new = tmp_path / "new.json"
    new.write_bytes(version(raw, 2))
    writer = python(PAUSING_WRITER, data_file, new)
    temporary = Path(writer.stdout.readline().strip())
    assert temporary.parent == data_file.parent and temporary.read_bytes() == new.read_bytes()
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert_whole(data_file, [version(raw, 1)])
    assert history.versions() == ContentHistory(data_file).versions() and history.read(history.versions()[-1])
    assert {name: raw for name, raw in snapshot(history.folder).items() if name in before} == before
    # The next save clears what the killed one left behind.
    history.save(version(raw, 3))
    assert not temporary.exists() and leftovers(data_file) == []
    assert sorted(p.name for p in history.folder.glob("*.json")) == ["1.json", "2.json", "3.json", "index.json"]
    assert history.read(history.versions()[-1]) == version(raw, 3)


def test_a_writer_killed_at_random_moments_always_leaves_a_whole_file(data_file, raw, tmp_path):
    history = ContentHistory(data_file)
    versions = [version(raw, n, f"Version {n}") for n in (1, 2)]
    names = []
    for n, content in enumerate(versions):
        names.append(tmp_path / f"v{n}.json")
        names[-1].write_bytes(content)
    chance = random.Random(20261129)
    for _ in range(8):
        writer = python(LOOPING_WRITER, data_file, *names)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0.0, 0.4))
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL  # killed while saving, not finished
        assert_whole(data_file, [BUNDLED, *versions])
        assert_history_consistent(history)
    assert len(history.versions()) > 8  # the writers did save, between the kills
    history.save(version(raw, 3))
    assert leftovers(data_file) == [] and not list(history.folder.glob(".*.tmp-*"))
    assert sorted(p.name for p in history.folder.glob("*.json")) == sorted(
        ["index.json", *(v.file_name for v in history.versions())])


def test_a_full_disk_leaves_the_file_and_its_history_as_they_were(data_file, raw, tmp_path):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    before = snapshot(data_file.parent)
    big = json.loads(version(raw, 2))
    big["views"][0]["headline"]["en"] = "A much longer headline " * 2000  # ~46 kB more
    new = tmp_path / "big.json"
    new.write_bytes(json.dumps(big, ensure_ascii=False).encode())
    limit = len(version(raw, 1)) * 2
    assert new.stat().st_size > limit
    writer = python(LIMITED_WRITER, data_file, new, limit)
    out, _ = writer.communicate(timeout=60)
    assert (writer.returncode, out.strip()) == (0, "EFBIG")
    assert snapshot(data_file.parent) == before
    # The same save without the limit works: it was the disk, not the data.
    history.save(new.read_bytes())
    assert data_file.read_bytes() == new.read_bytes()


def test_a_restore_is_shown_by_the_running_kiosk(make_kiosk, data_file, raw, tmp_path, qtbot):
    history = ContentHistory(data_file)
    history.save(version(raw, 1, "Before"))
    store = DataStore(data_file, tmp_path / "state")
    store.load_at_start()
    kiosk = make_kiosk(store=store, settle_ms=80)

    def first_card():
        return [label.text() for label in figure_cards(kiosk.window.views["overview"])[0].findChildren(QLabel)]

    assert "Before" in first_card()
    history.save(version(raw, 2, "After"))
    qtbot.waitUntil(lambda: "After" in first_card(), timeout=5000)
    history.restore(2)
    qtbot.waitUntil(lambda: "Before" in first_card(), timeout=5000)
    assert store.rejected is None


def kiosk_history(*args, **run):
    return subprocess.run([sys.executable, "-m", "kiosk", "history", *map(str, args)], cwd=REPOSITORY,
                          capture_output=True, text=True, timeout=60, **run)


def test_cli_lists_versions_newest_first(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    history.save(version(raw, 2, "Renamed"))
    result = kiosk_history(data_file)
    assert result.returncode == 0, result.stderr
    rows = [line.split(None, 3) for line in result.stdout.splitlines() if line[:5].strip().isdigit()]
    assert [row[0] for row in rows] == ["3", "2", "1"]
    assert [row[3] for row in rows] == ["1 figure changed, 2 texts changed  (the file now)", "1 figure changed",
                                        FIRST]
    as_json = json.loads(kiosk_history(data_file, "--json").stdout)
    assert [v["number"] for v in as_json["versions"]] == [3, 2, 1] and as_json["current"] == 3
    assert as_json["versions"][0]["summary"] == history.versions()[-1].summary


def test_cli_restores_a_version_and_says_how_to_undo(data_file, raw):
    history = ContentHistory(data_file)
    history.save(version(raw, 1))
    result = kiosk_history(data_file, "--restore", "1")
    assert result.returncode == 0, result.stderr
    assert data_file.read_bytes() == BUNDLED
    assert "as version 3" in result.stdout and "--restore 2" in result.stdout and "within seconds" in result.stdout
    again = kiosk_history(data_file, "--restore", "1")
    assert again.returncode == 0 and "already is version 1" in again.stdout
    assert [v.number for v in history.versions()] == [1, 2, 3]


def test_cli_explains_a_bad_number_and_a_missing_history(data_file, raw):
    missing = kiosk_history(data_file, "--restore", "1")
    assert missing.returncode == 2 and "no history yet" in missing.stderr
    assert "no history yet" in kiosk_history(data_file).stdout
    ContentHistory(data_file).save(version(raw, 1))
    bad = kiosk_history(data_file, "--restore", "7")
    assert bad.returncode == 2 and "there is no version 7" in bad.stderr and "versions 1 to 2" in bad.stderr
    assert "Traceback" not in missing.stderr + bad.stderr
    gone = kiosk_history(data_file.with_name("nothing.json"))
    assert gone.returncode == 1 and "does not exist" in gone.stderr


def test_cli_defaults_to_the_data_file_the_kiosk_shows(data_file, raw, tmp_path):
    ContentHistory(data_file).save(version(raw, 1))
    config = tmp_path / "config.toml"
    config.write_text(f'data_path = "{data_file}"\n', encoding="utf-8")
    result = kiosk_history("--config", config, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["file"] == str(data_file)
    config.write_text("", encoding="utf-8")
    unset = kiosk_history("--config", config)
    assert unset.returncode == 2 and "no data file is set" in unset.stderr
