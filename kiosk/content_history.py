"""Saving a data file safely, with its last versions kept to go back to. Qt-free.

``ContentHistory(path).save(raw)`` checks the bytes as the kiosk will (an invalid file is
refused with its problems, and nothing changes), then replaces the file atomically
(kiosk.atomic_file: the old file or the new one, never half of one, even when the process is
killed or the disk is full) and records the new version. ``restore(n)`` makes version n the
file again; that is itself saved as a new version, so a restore can be undone.

The history sits beside the data file, in ``.history/<file name>/``: each version's exact bytes
as ``<n>.json`` and ``index.json`` listing them (number, time, what changed for visitors
against the version before, SHA-256 of the bytes). Version numbers only grow; the last
``KEEP`` versions are kept and older ones deleted. A file changed by other means since the
last version (a text editor, a copy) is recorded as a version of its own before the next save
replaces it, so the history never skips a version that was shown.

A save goes: new version's file, then the data file, then the index. Killed in between, the
data file is whole (old or new) and the next save records what the index missed; files of
versions the index does not list, and temporary files, are removed then.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import fcntl
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.atomic_file import leftovers, write_atomically
from kiosk.model.changes import compare
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, parse_dataset, read_limited

KEEP = 50
FOLDER = ".history"
INDEX = "index.json"
INDEX_FORMAT = 1
FIRST = "first version in the history"
OUTSIDE = "changed outside the history"


class HistoryError(Exception):
    """The history cannot do what was asked (no such version, a damaged file); says why."""


@dataclass(frozen=True)
class Version:
    number: int
    saved_at: str  # local time with its offset, ISO 8601 to the second
    summary: str  # what changed for visitors against the version before
    sha256: str
    restored_from: int | None = None

    @property
    def file_name(self) -> str:
        return f"{self.number}.json"

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


class ContentHistory:
    def __init__(self, data_file: Path | str, keep: int = KEEP,
                 before_replace: Callable[[Path], None] | None = None):
        # Through a symlink to the real file: replacing the link would cut it off from its target.
        self.data_file = Path(data_file).resolve()
        self.keep = keep
        self.before_replace = before_replace  # see write_atomically; tests stop the process there
        self.folder = self.data_file.parent / FOLDER / self.data_file.name

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX

    def exists(self) -> bool:
        return self.index_path.exists()

    def versions(self) -> list[Version]:
        """Every version kept, oldest first ([] before the first save)."""
        return self._read_index()

    def version(self, number: int) -> Version:
        versions = self.versions()
        for version in versions:
            if version.number == number:
                return version
        if not versions:
            raise HistoryError(f"{self.data_file} has no history yet, so there is no version {number}")
        raise HistoryError(f"there is no version {number}; the history of {self.data_file.name} holds "
                           f"versions {versions[0].number} to {versions[-1].number}")

    def read(self, version: Version) -> bytes:
        """A version's exact bytes, checked against the SHA-256 the index has for them."""
        try:
            raw = (self.folder / version.file_name).read_bytes()
        except OSError as error:
            raise HistoryError(f"version {version.number} cannot be read: {error.strerror}") from None
        if _sha256(raw) != version.sha256:
            raise HistoryError(f"version {version.number} ({self.folder / version.file_name}) was changed "
                               "after it was saved; it is not restored")
        return raw

    def current_version(self) -> Version | None:
        """The version the data file is now, or None (changed since, or no history)."""
        try:
            sha = _sha256(self.data_file.read_bytes())
        except OSError:
            return None
        return next((v for v in reversed(self.versions()) if v.sha256 == sha), None)

    def save(self, raw: bytes) -> Version:
        """Check `raw` and make it the data file, as a new version. Raises DatasetError (with
        every problem) for an invalid file and OSError for a failed write; either way the file
        and its history are as they were. Saving the bytes of the latest version again adds none."""
        dataset = parse_dataset(raw, self.data_file, remember=False)
        with self._locked():
            return self._save(raw, dataset)

    def restore(self, number: int) -> Version:
        """Make version `number` the data file again, as a new version (so it can be undone).
        Checked again first: a version the kiosk's rules no longer accept is not restored."""
        with self._locked():
            version = self.version(number)
            raw = self.read(version)
            dataset = parse_dataset(raw, self.data_file, remember=False)
            return self._save(raw, dataset, restored_from=number)

    def _save(self, raw: bytes, dataset: Dataset, restored_from: int | None = None) -> Version:
        versions = self._read_index()
        self._remove_leftovers(versions)
        written: list[Path] = []  # version files this save wrote: removed again if it fails
        try:
            outside = self._outside_version(versions, written)
            versions = [*versions, *([outside] if outside else [])]
            if versions and versions[-1].sha256 == _sha256(raw):  # the file already is these bytes
                if outside is not None:
                    self._write_index(versions[-self.keep:])
                return versions[-1]
            summary = self._summary(versions[-1] if versions else None, dataset)
            if restored_from is not None:
                summary = f"restored version {restored_from}: {summary}"
            new = Version(_next_number(versions), _now(), summary, _sha256(raw), restored_from)
            self._write_version(new, raw, written)
            write_atomically(self.data_file, raw, before_replace=self.before_replace)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        kept = [*versions, new][-self.keep:]
        try:
            self._write_index(kept)
        except OSError as error:  # the next save records the file as changed outside the history
            raise HistoryError(f"{self.data_file} was saved, but its history could not be updated: "
                               f"{error.strerror}") from error
        self._remove_leftovers(kept)  # the versions that no longer fit
        return new

    def _write_version(self, version: Version, raw: bytes, written: list[Path]) -> None:
        path = self.folder / version.file_name
        written.append(path)
        write_atomically(path, raw)

    def _outside_version(self, versions: list[Version], written: list[Path]) -> Version | None:
        """The data file as it is now, recorded, if it is valid and not the latest version
        (edited by other means, or there is no history yet); its bytes are kept as that version."""
        try:
            raw = read_limited(self.data_file)
            if versions and _sha256(raw) == versions[-1].sha256:
                return None
            dataset = parse_dataset(raw, self.data_file, remember=False)
        except DatasetError:
            return None  # missing or invalid: nothing a visitor could have been shown
        summary = OUTSIDE + ": " + self._summary(versions[-1], dataset) if versions else FIRST
        version = Version(_next_number(versions), _now(), summary, _sha256(raw))
        self._write_version(version, raw, written)
        return version

    def _summary(self, before: Version | None, dataset: Dataset) -> str:
        if before is None:
            return FIRST
        try:
            previous = parse_dataset(self.read(before), self.data_file, remember=False)
        except (HistoryError, DatasetError):
            return f"changes not listed: version {before.number} cannot be read as a valid dataset now"
        return compare(previous, dataset).summary

    def _read_index(self) -> list[Version]:
        try:
            text = self.index_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise HistoryError(f"the history index {self.index_path} cannot be read: {error.strerror}") from None
        try:
            return [Version(**entry) for entry in json.loads(text)["versions"]]
        except (ValueError, KeyError, TypeError) as error:
            raise HistoryError(f"the history index {self.index_path} is damaged ({error}); move the folder "
                               f"{self.folder} aside to start a new history") from None

    def _write_index(self, versions: list[Version]) -> None:
        index = {"format": INDEX_FORMAT, "file": self.data_file.name, "versions": [v.as_dict() for v in versions]}
        write_atomically(self.index_path, (json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode())

    def _remove_leftovers(self, versions: list[Version]) -> None:
        """Version files the index does not list (dropped, or from a killed save) and
        temporary files of killed writes."""
        listed = {version.file_name for version in versions}
        for path in self.folder.glob("*.json"):
            if path.name != INDEX and path.name not in listed:
                path.unlink(missing_ok=True)
        for path in [*leftovers(self.data_file), *self.folder.glob(".*.tmp-*")]:
            path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def _locked(self):
        """One save at a time per data file (the editor and 'kiosk history --restore', say)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _next_number(versions: list[Version]) -> int:
    return versions[-1].number + 1 if versions else 1


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _now() -> str:
    return datetime.datetime.now().astimezone().replace(microsecond=0).isoformat()
