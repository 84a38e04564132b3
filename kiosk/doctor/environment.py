"""Where the checks look and how they run commands: everything a test may replace. Qt-free."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from kiosk.config import LoadedConfig, default_config_path, default_log_dir, load_config


@dataclass(frozen=True)
class Ran:
    """What a command did; ``returncode`` 127 when it does not exist, None when it timed out."""

    returncode: int | None
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def why(self) -> str:
        """The command's own last words on failure, for a message."""
        if self.returncode is None:
            return "no answer in time"
        lines = (self.stderr or self.stdout).strip().splitlines()
        return lines[-1] if lines else f"exit code {self.returncode}"


def _default_analytics_path() -> Path:
    from kiosk.analytics import db

    return db.default_path()


def _default_state_dir() -> Path:
    from kiosk.datastore import default_state_dir

    return default_state_dir()


@dataclass
class Environment:
    """The kiosk PC as the checks see it. The defaults are the real places the kiosk uses."""

    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    config_path: Path = field(default_factory=default_config_path)
    data_override: Path | None = None  # the kiosk's --data, which wins over data_path
    config_home: Path = field(default_factory=lambda: Path(platformdirs.user_config_dir()))
    state_dir: Path = field(default_factory=_default_state_dir)  # last good copy of the data
    log_dir: Path = field(default_factory=default_log_dir)
    analytics_path: Path = field(default_factory=_default_analytics_path)
    font_dir: Path | None = None  # None: the bundled resources/fonts
    etc: Path = Path("/etc")
    now: Callable[[], datetime.datetime] = datetime.datetime.now
    python: str = sys.executable
    can_load: Callable[[str], bool] | None = None  # None: really try to load each library
    probe_seconds: float = 15.0  # a display that has not answered by then counts as hung
    command_seconds: float = 5.0
    disk_room: int | None = None  # bytes each kiosk folder should have free; None: worked out
    _results: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def once(self, key: str, compute: Callable[[], object]):
        """What several checks need (the configuration, the data decision), worked out once.
        The checks run in threads; a lock per key keeps them from doing it twice."""
        with self._lock:
            lock = self._results.setdefault(("lock", key), threading.Lock())
        with lock:
            if key not in self._results:
                self._results[key] = compute()
            return self._results[key]

    @property
    def loaded(self) -> LoadedConfig:
        return self.once("config", lambda: load_config(self.config_path))

    def run(self, command: list[str], timeout: float | None = None) -> Ran:
        """Run a command found on this environment's PATH; never raises, never waits for ever."""
        try:
            done = subprocess.run(command, env=dict(self.environ), capture_output=True, text=True,
                                  timeout=timeout or self.command_seconds, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            return Ran(127, stderr=f"{command[0]}: command not found")
        except subprocess.TimeoutExpired:
            return Ran(None)
        except OSError as error:
            return Ran(126, stderr=f"{command[0]}: {error.strerror}")
        return Ran(done.returncode, done.stdout, done.stderr)

    def probe(self, *args: str) -> Ran:
        """Ask Qt in a subprocess (kiosk.doctor.probe), which may abort or hang without harm here."""
        return self.run([self.python, "-m", "kiosk.doctor.probe", *args], timeout=self.probe_seconds)

    def kiosk_command(self) -> str:
        """How a technician runs the kiosk's commands here (as install-autostart writes it)."""
        script = Path(self.python).with_name("kiosk")
        return str(script) if script.exists() else f"{self.python} -m kiosk"

    def config_option(self) -> str:
        """' --config PATH' when the checks read another file than the default one."""
        return "" if self.config_path == default_config_path() else f" --config {self.config_path}"
