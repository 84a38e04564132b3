"""The list of checks, and running them so that a failing check is a finding, never a traceback. Qt-free."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator

from kiosk.doctor import messages as m
from kiosk.doctor.environment import Environment
from kiosk.doctor.findings import PROBLEM, Finding, say

log = logging.getLogger(__name__)

Check = Callable[[Environment], Finding | Iterable[Finding]]


class Registry:
    """Checks by id, in the order they were added (the order a technician reads them in)."""

    def __init__(self):
        self._checks: dict[str, Check] = {}

    def add(self, check_id: str, check: Check) -> None:
        if check_id in self._checks:
            raise ValueError(f"a check called {check_id!r} is already registered")
        self._checks[check_id] = check

    def __iter__(self) -> Iterator[tuple[str, Check]]:
        return iter(list(self._checks.items()))

    def __len__(self) -> int:
        return len(self._checks)

    def run(self, env: Environment) -> list[Finding]:
        """Every check's findings, in order. The checks run side by side: most of their time is
        spent waiting for a subprocess (Qt probes, systemctl, timedatectl)."""
        checks = list(self)
        results: list[list[Finding]] = [[] for _ in checks]

        def run_one(index: int, check_id: str, check: Check) -> None:
            results[index] = run_check(check_id, check, env)

        # Daemon threads: a kiosk that exits or restarts does not wait for a slow check.
        threads = [threading.Thread(target=run_one, args=(i, *item), daemon=True, name=f"doctor-{item[0]}")
                   for i, item in enumerate(checks)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return [finding for found in results for finding in found]


def run_check(check_id: str, check: Check, env: Environment) -> list[Finding]:
    """One check's findings; if it raises, one problem finding that says so."""
    try:
        found = check(env)
        return [found] if isinstance(found, Finding) else list(found)
    except Exception as error:  # noqa: BLE001 (any failure of a check is itself a finding)
        log.debug("check %s failed", check_id, exc_info=True)
        return [Finding(check_id, PROBLEM, say(m.CHECK_FAILED, check=check_id, error=f"{type(error).__name__}: {error}"),
                        say(m.CHECK_FAILED_FIX))]
