"""How the kiosk runs 'kiosk doctor' for its self-test page. Qt-free, and cheap to import at start-up."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class DoctorCommand:
    """How the page runs the checks: 'kiosk doctor' for this kiosk's configuration and data file,
    as a separate process. The checks wait for subprocesses, validate files with pydantic (which
    the kiosk itself keeps out of memory) and must never hold up or crash the screen."""

    args: tuple[str, ...] = ()  # e.g. ("--config", PATH, "--data", PATH)
    environ: Mapping[str, str] | None = None  # None: the kiosk's own (its display, PATH, folders)
    program: tuple[str, ...] = (sys.executable, "-m", "kiosk", "doctor")

    def argv(self) -> list[str]:
        return [*self.program, "--json-parts", *self.args]
