"""Where the editor's Save ends up: the data file replaced in one step. Qt-free.

A kiosk reading the file at the moment it is saved sees the old file or the new one, never
half of one (a temporary file next to it, flushed, then renamed over it).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.atomic_file import write_atomically


def save_content(path: Path, data: bytes, summary: str = "") -> None:
    """Write a checked dataset to `path`; `summary` says what changed (for a history of versions)."""
    write_atomically(Path(path), data)
