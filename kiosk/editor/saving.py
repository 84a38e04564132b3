"""Where the editor's Save ends up: the content history (kiosk.content_history). Qt-free.

The file is checked again, replaced in one step (a kiosk reading it sees the old file or the
new one), and kept as a new version with what changed for visitors; the last versions can be
restored.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content_history import ContentHistory, Version
from kiosk.model.changes import Changes, compare
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited


def save_content(path: Path, data: bytes) -> Version:
    """Make `data` the file at `path`, as a new version. Raises DatasetError, OSError or HistoryError."""
    return ContentHistory(path).save(data)


def shown_now(path: Path) -> Dataset | None:
    """The dataset the file at `path` holds now, if it is a valid one (what a kiosk may show)."""
    try:
        return parse_dataset(read_limited(path), path, remember=False)
    except DatasetError:
        return None


def changes_for_visitors(before: Dataset | None, after: Dataset, language: str) -> Changes | None:
    """What a save changes for visitors (None: there is nothing before to compare with)."""
    return compare(before, after, language) if before is not None else None
