"""Replace a file's bytes all at once: a reader, or a process killed half-way, finds the old file
or the new one, never part of one. Qt-free.

The bytes go to a temporary file in the same folder (a rename is atomic only within one file
system), are forced to the disk (fsync), and the temporary file then takes the file's name
(os.replace); the folder is synced too, so that the new name survives a power cut. A write that
fails (a full disk, a file size limit) removes the temporary file and leaves the file as it was.
A process killed before the rename leaves only its temporary file behind: ``leftovers`` finds
those, for the next writer to remove.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, before_replace: Callable[[Path], None] | None = None) -> None:
    """Give `path` exactly `data`. The file keeps its permissions; a new one gets the usual
    ones (0666 less the umask). `before_replace` is called with the temporary file, written
    and synced, just before it takes the file's name (tests stop the process there)."""
    temporary = path.with_name(f"{_prefix(path)}{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _keep_mode_of(path, descriptor)
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if before_replace is not None:
            before_replace(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def leftovers(path: Path) -> list[Path]:
    """Temporary files of `path` that a killed writer left behind."""
    return sorted(path.parent.glob(f"{_prefix(path)}*"))


def _prefix(path: Path) -> str:
    return f".{path.name}.tmp-"


def _keep_mode_of(path: Path, descriptor: int) -> None:
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    os.fchmod(descriptor, mode)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view):]


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder that cannot be opened (some platforms): the rename itself is done
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # not supported by every file system; the data itself is synced
    finally:
        os.close(descriptor)
