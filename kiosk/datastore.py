"""Which dataset the kiosk shows, and the last good copy of the operator's file. Qt-free.

The operator's file (config ``data_path`` or ``--data``) is shown when it is valid, and its
exact bytes are then kept as ``last-good.json`` in the platform data directory. When it is
invalid the kiosk shows that last good copy (or, before there is one, the bundled dataset)
and every problem is logged. Nothing is ever half-loaded: a dataset is either fully valid
and swapped in whole, or not used.
"""

from __future__ import annotations

import datetime
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from kiosk.config import APP_NAME
from kiosk.model.checks import Problem
from kiosk.model.dataset import Dataset
from kiosk.model.loader import DatasetError, load_dataset, parse_dataset, read_limited
from kiosk.resources import data_path

log = logging.getLogger(__name__)

LAST_GOOD = "last-good.json"


def default_state_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


@dataclass(frozen=True)
class Shown:
    """The dataset on screen and where it came from."""

    dataset: Dataset
    path: Path
    origin: str  # "operator file", "last good copy" or "bundled"
    loaded_at: datetime.datetime


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


class DataStore:
    def __init__(self, operator_path: Path | None, state_dir: Path | None = None):
        self.operator_path = operator_path
        self.state_dir = state_dir or default_state_dir()
        self.rejected: Rejected | None = None
        self.shown: Shown | None = None

    def status(self) -> DataStatus | None:
        return DataStatus(self.shown, self.rejected) if self.shown is not None else None

    @property
    def last_good_path(self) -> Path:
        return self.state_dir / LAST_GOOD

    def load_at_start(self) -> Shown:
        """The operator's file if valid, else the last good copy, else the bundled dataset."""
        if self.operator_path is not None:
            fresh = self.reload()
            if fresh is not None:
                return fresh
            if self.last_good_path.exists():
                try:
                    return self._show(load_dataset(self.last_good_path), self.last_good_path, "last good copy")
                except DatasetError as error:
                    log.error("the last good copy is damaged: %s", error)
        return self._show(load_dataset(data_path()), data_path(), "bundled")

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
        self._keep(raw)
        return self._show(dataset, path, "operator file")

    def _show(self, dataset: Dataset, path: Path, origin: str) -> Shown:
        self.shown = Shown(dataset, path, origin, now())
        log.info("showing %s (%s)", path, origin)
        return self.shown

    def _keep(self, raw: bytes) -> None:
        """Write the last good copy atomically; a full disk costs the copy, never the kiosk."""
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.state_dir, prefix=".last-good-", delete=False) as tmp:
                tmp.write(raw)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp.name, self.last_good_path)
        except OSError as error:
            log.error("could not keep a last good copy in %s: %s", self.state_dir, error)
            try:
                os.unlink(tmp.name)
            except (OSError, NameError):
                pass


def now() -> datetime.datetime:
    return datetime.datetime.now().replace(microsecond=0)
