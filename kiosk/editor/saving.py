"""Where the editor's Save ends up: the content history (kiosk.content_history). Qt-free.

The file is checked again, replaced in one step (a kiosk reading it sees the old file or the
new one), and kept as a new version with what changed for visitors; the last versions can be
restored.
"""

from __future__ import annotations

from pathlib import Path

import filecmp

from kiosk.atomic_file import write_atomically
from kiosk.content_history import ContentHistory, Version
from kiosk.model.changes import Changes, compare
from kiosk.model import problem_texts as T
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited
from kiosk.model.media import media_folder
from kiosk.wording import say


def save_content(path: Path, data: bytes) -> Version:
    """Make `data` the file at `path`, as a new version. Raises DatasetError, OSError or HistoryError."""
    return ContentHistory(path).save(data)


def bring_pictures(dataset: Dataset, opened: Path, target: Path) -> list[Path]:
    """Save As into another folder: the pictures `dataset` uses, copied from the media folder
    beside the file it was opened as to the one beside `target`; returns the copies made (to be
    removed again if the save fails). A different picture of the same name there is never
    replaced: DatasetError names each, and nothing is copied."""
    source, destination = media_folder(opened), media_folder(target)
    if source.resolve() == destination.resolve():
        return []
    names = sorted({picture.file for picture in dataset.media if (source / picture.file).is_file()})
    clashes = [name for name in names
               if (destination / name).exists() and not filecmp.cmp(source / name, destination / name, shallow=False)]
    if clashes:
        raise DatasetError(target, [Problem(f"media {name}", say(T.PICTURE_NAME_TAKEN, file=str(destination / name)))
                                    for name in clashes])
    copied = []
    for name in names:
        if (destination / name).exists():
            continue  # the same picture is there already
        destination.mkdir(parents=True, exist_ok=True)
        write_atomically(destination / name, (source / name).read_bytes())  # never half a picture under its name
        copied.append(destination / name)
    return copied


def remove_copies(copied: list[Path]) -> None:
    """The pictures bring_pictures copied for a save that then failed."""
    for path in copied:
        path.unlink(missing_ok=True)


def shown_now(path: Path) -> Dataset | None:
    """The dataset the file at `path` holds now, if it is a valid one (what a kiosk may show)."""
    try:
        return parse_dataset(read_limited(path), path, remember=False)
    except DatasetError:
        return None


def changes_for_visitors(before: Dataset | None, after: Dataset, language: str) -> Changes | None:
    """What a save changes for visitors (None: there is nothing before to compare with)."""
    return compare(before, after, language) if before is not None else None
