"""The configuration file, watched while the kiosk runs: a changed valid value reaches the
running kiosk without a restart (a PIN set with ``kiosk set-pin`` included).

The file is watched like the data file (kiosk.ui.reload.FileWatcher: acted on once it has
stopped changing). A bad value in the new version is logged and the value in use is kept; a
file that disappears changes nothing. What cannot change while running is logged with what to
do instead.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.config import SETTINGS, Config, load_config, shown_value, updated
from kiosk.ui.reload import FileWatcher

log = logging.getLogger(__name__)

# Applied to the running kiosk. The others are read once at start (README, Configuration).
LIVE = ("pin_hash", "idle_seconds", "warning_seconds", "attract_seconds", "default_language", "tabs",
        "reduce_motion", "log_level")
RESTART = "systemctl --user restart jining-kiosk"


class LiveConfig(QObject):
    """Applies each new version of the configuration file to `kiosk` (a kiosk.ui.shell.Kiosk).

    `fixed` names settings given on the command line instead (--lang, --data): those stay.
    """

    def __init__(self, kiosk, path: Path, fixed: frozenset[str] = frozenset(), settle_ms: int = 1000,
                 poll_ms: int = 5000):
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.path = path
        self.fixed = fixed
        self.file = FileWatcher(path, settle_ms, poll_ms, self)
        self.file.settled.connect(self._settled)

    def _settled(self, _exists: bool) -> None:
        config, problems = updated(self.kiosk.config, load_config(self.path))
        for problem in problems:
            log.error("config %s", problem)
        self.apply(config)

    def apply(self, config: Config) -> None:
        old = self.kiosk.config
        changed = [name for name in SETTINGS if getattr(old, name) != getattr(config, name)]
        self.kiosk.config = config
        for name in changed:
            was, now = shown_value(name, getattr(old, name)), shown_value(name, getattr(config, name))
            if name in self.fixed:
                log.info("config %s: %s changed to %s, but the command line's value stays in force", self.path,
                         name, now)
            elif name in LIVE:
                log.info("config %s: %s changed from %s to %s; applied", self.path, name, was, now)
            else:
                log.warning("config %s: %s changed to %s; it takes effect at the next start (%s)", self.path,
                            name, now, RESTART)
        live = {name for name in changed if name in LIVE and name not in self.fixed}
        if live:
            self.kiosk.apply_settings(live)
