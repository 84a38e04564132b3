"""Which dataset the kiosk shows, and the last good copy of the operator's file. Qt-free.

The operator's file (config ``data_path`` or ``--data``) is shown when it is valid, and its
exact bytes are then kept as ``last-good.json`` in the platform data directory, with a note
of which file they are a copy of (``last-good.source.json``). When the file is missing or
invalid at start, the kiosk shows the last good copy *of that same file*; a copy of another
file (say one tried once with ``--data``) is never passed off as it, and then, as before
there is any copy, the bundled dataset is shown. The log says which data is shown and why.
Nothing is ever half-loaded: a dataset is either fully valid and swapped in whole, or not used.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from kiosk.atomic_file import write_atomically
from kiosk.config import APP_NAME
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset, Media
from kiosk.model.loader import DatasetError, parse_dataset, read_limited
from kiosk.model.media import media_folder
from kiosk.resources import data_path

log = logging.getLogger(__name__)

LAST_GOOD = "last-good.json"
LAST_GOOD_SOURCE = "last-good.source.json"  # {"path": the file copied, "sha256": of the copy}
LAST_GOOD_MEDIA = "last-good-media"  # copies of the pictures the last good copy shows


def default_state_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True)
class Shown:
    """The dataset on screen and where it came from."""

    dataset: Dataset
    path: Path
    origin: str  # "operator file", "last good copy" or "bundled"
    loaded_at: datetime.datetime
    media: Path  # the folder its pictures are in
    sha256: str  # of the bytes shown (the file itself may have changed since)

    @property
    def version(self) -> str:
        """Which content this is, short enough to read out: its hash's first 12 digits."""
        return self.sha256[:12]


@dataclass
class Rejected:
    """The latest operator file that could not be shown, and why."""

    path: Path
    at: datetime.datetime
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class DataStatus:
    shown: Shown
    rejected: Rejected | None


class NoKeptCopy(Exception):
    """Why the last good copy cannot stand in for a file; its problems if it is damaged."""

    def __init__(self, reason: str, problems: list[Problem] | None = None):
        super().__init__(reason)
        self.problems = problems or []


class DataStore:
    def __init__(self, operator_path: Path | None, state_dir: Path | None = None, made_by: str | None = None):
        self.operator_path = operator_path
        # What makes the operator's file when it may rightly not be there yet (a fleet kiosk
        # before its first download): its absence is then not a problem.
        self.made_by = made_by
        self.state_dir = state_dir or default_state_dir()
        self.rejected: Rejected | None = None
        self.shown: Shown | None = None

    def status(self) -> DataStatus | None:
        return DataStatus(self.shown, self.rejected) if self.shown is not None else None

    @property
    def last_good_path(self) -> Path:
        return self.state_dir / LAST_GOOD

    @property
    def last_good_source_path(self) -> Path:
        return self.state_dir / LAST_GOOD_SOURCE

    @property
    def last_good_media(self) -> Path:
        return self.state_dir / LAST_GOOD_MEDIA

    def load_at_start(self) -> Shown:
        """The operator's file if valid, else its last good copy, else the bundled dataset."""
        if self.operator_path is not None and self.made_by is not None and not self.operator_path.exists():
            log.info("%s is not there yet (%s makes it): the bundled dataset is shown until then",
                     self.operator_path, self.made_by)
        elif self.operator_path is not None:
            fresh = self.reload()
            if fresh is not None:
                return fresh
            kept = self._last_good_of(self.operator_path)
            if kept is not None:
                log.warning("showing the last good copy of %s (kept %s) because the file itself cannot be shown",
                            self.operator_path, _modified(self.last_good_path).isoformat(sep=" "))
                return kept
        raw = read_limited(data_path())
        return self._show(parse_dataset(raw, data_path()), _sha256(raw), data_path(), "bundled", media_folder(data_path()))

    def _last_good_of(self, path: Path) -> Shown | None:
        """The kept copy, if it is a valid copy of exactly this file; why not is logged."""
        try:
            dataset, sha256 = self._kept(path)
        except NoKeptCopy as why_not:
            log.warning("%s; showing the bundled dataset instead of %s", why_not, path)
            return None
        return self._show(dataset, sha256, self.last_good_path, "last good copy", self.last_good_media)

    def kept_copy(self, path: Path) -> Dataset:
        """The last good copy of exactly this file, read and checked (nothing is shown or kept:
        'kiosk doctor' asks this too). Raises NoKeptCopy with the reason."""
        return self._kept(path)[0]

    def _kept(self, path: Path) -> tuple[Dataset, str]:
        """The kept copy of `path`, and its hash (checked against the note of what was kept)."""
        why_not = self._not_a_copy_of(path)
        if why_not is not None:
            raise NoKeptCopy(why_not)
        try:
            raw = read_limited(self.last_good_path)
            sha256 = _sha256(raw)
            if sha256 != self._source().get("sha256"):
                raise NoKeptCopy(f"the last good copy {self.last_good_path} was changed after it was kept")
            return parse_dataset(raw, self.last_good_path, media=self.last_good_media), sha256
        except DatasetError as error:
            raise NoKeptCopy(f"the last good copy is damaged: {error}", error.problems) from None

    def _not_a_copy_of(self, path: Path) -> str | None:
        if not self.last_good_path.exists():
            return f"there is no last good copy of {path} yet (it has never been valid here)"
        source = self._source().get("path")
        if source is None:
            return f"the last good copy {self.last_good_path} does not say which file it is a copy of"
        if source != _identity(path):
            return f"the last good copy {self.last_good_path} is of another file, {source}"
        return None

    def _source(self) -> dict:
        try:
            source = json.loads(self.last_good_source_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return source if isinstance(source, dict) else {}

    def reload(self) -> Shown | None:
        """Try the operator's file; on success it is shown and kept, on failure nothing changes."""
        path = self.operator_path
        try:
            raw = read_limited(path)
            dataset = parse_dataset(raw, path)
        except DatasetError as error:
            self.rejected = Rejected(path, now(), error.problems)
            log.error("data file rejected, keeping what is shown: %s", error)
            return None
        self.rejected = None
        self._keep(raw, path, dataset.media)
        return self._show(dataset, _sha256(raw), path, "operator file", media_folder(path))

    def _show(self, dataset: Dataset, sha256: str, path: Path, origin: str, media: Path) -> Shown:
        self.shown = Shown(dataset, path, origin, now(), media, sha256)
        log.info("showing %s (%s)", path, origin)
        return self.shown

    def _keep(self, raw: bytes, path: Path, pictures: tuple[Media, ...] = ()) -> None:
        """Write the last good copy and its pictures, then the note of what it is a copy of,
        each atomically; a full disk costs the copy, never the kiosk. (A crash between them
        leaves a note whose hash does not match the copy: it is then not used.)"""
        source = {"path": _identity(path), "sha256": _sha256(raw)}
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            self.last_good_source_path.unlink(missing_ok=True)  # the copy is not whole until the note is back
            _keep_pictures(pictures, media_folder(path), self.last_good_media)
            write_atomically(self.last_good_path, raw)
            write_atomically(self.last_good_source_path, json.dumps(source, ensure_ascii=False).encode())
        except OSError as error:
            log.error("could not keep a last good copy in %s: %s", self.state_dir, error)


def _keep_pictures(pictures: tuple[Media, ...], source: Path, kept: Path) -> None:
    """The dataset's pictures, copied beside the last good copy (unchanged ones are not copied
    again; ones no longer in it are removed)."""
    wanted = {media.file for media in pictures}
    kept.mkdir(exist_ok=True)
    for old in kept.iterdir():
        if old.name not in wanted:
            old.unlink()
    for name in wanted:
        original, copy = source / name, kept / name
        if not copy.exists() or (copy.stat().st_size, copy.stat().st_mtime_ns) != (
                original.stat().st_size, original.stat().st_mtime_ns):
            write_atomically(copy, original.read_bytes())
            os.utime(copy, ns=(original.stat().st_atime_ns, original.stat().st_mtime_ns))


def _identity(path: Path) -> str:
    """The operator's file, the same however it was named (relative, through a symlink)."""
    return str(Path(path).resolve())


def _modified(path: Path) -> datetime.datetime:
    try:
        return datetime.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        return now()


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def now() -> datetime.datetime:
    return datetime.datetime.now().replace(microsecond=0)
