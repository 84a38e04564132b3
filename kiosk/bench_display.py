"""Memory of the real program on a real X server, under real input (part of the benchmark).

    .venv/bin/python -m kiosk.bench --real-display 10000     # the uptime scenario: 10,000 interactions, twice
    .venv/bin/python -m kiosk.bench --real-display-soak 1    # a week of traffic (one interaction per 10 s)

The kiosk runs full screen on Xvfb with openbox, as `python -m kiosk` with its analytics on,
and XTest input reaches it through the X server as from a mouse or a touch screen driver: a
third of the interactions are taps on the tab bar, the rest random taps, horizontal drags of
700 px (swipes), double taps and taps on the language button. Every sample reads RSS from
/proc and asks the kiosk for its own account (SIGUSR1): heap in use, Python objects, live
QObjects. Figures are reported, not asserted: the target is in the README.
"""

from __future__ import annotations

import random
import time

from kiosk import realx
from kiosk.memory import rss_mb

INTERACTIONS_PER_WEEK = 7 * 24 * 3600 // 10
PAUSE_S = 0.03  # between interactions: a brisk visitor, and time for each to be painted
CONFIG = "idle_seconds = 3600\n"  # a visitor who never leaves: no idle reset during the run


class Visitor:
    """The mixed real-display traffic, from a seed."""

    def __init__(self, kiosk: realx.KioskProcess, seed: int = 1):
        self.kiosk = kiosk
        self.pointer = realx.Pointer(kiosk.server)
        self.rng = random.Random(seed)
        self.width, self.height = kiosk.server.size()
        self.tabs = kiosk.tab_points()
        self.language = (self.width - 60, self.height - 48)  # the 中文 / EN button, bottom right

    def interact(self) -> None:
        rng, pointer = self.rng, self.pointer
        kind = rng.random()
        if kind < 1 / 3:
            pointer.click(*rng.choice(self.tabs))
        elif kind < 0.6:
            pointer.click(*self._anywhere())
        elif kind < 0.8:
            x, y = rng.randrange(750, self.width - 750), rng.randrange(150, self.height - 150)
            pointer.drag((x, y), (x + rng.choice((-700, 700)), y))
        elif kind < 0.95:
            point = self._anywhere()
            pointer.click(*point)
            time.sleep(0.05)
            pointer.click(*point)
        else:
            pointer.click(*self.language)
        time.sleep(PAUSE_S)

    def _anywhere(self) -> tuple[int, int]:
        return self.rng.randrange(self.width), self.rng.randrange(self.height - 100)


def sample(kiosk: realx.KioskProcess, done: int) -> dict:
    time.sleep(1)  # what the last interaction started (animations, the analytics batch) ends
    report = kiosk.memory()
    return {"interactions": done, "rss_mb": rss_mb(kiosk.process.pid), **report}


def drive(kiosk: realx.KioskProcess, visitor: Visitor, count: int, every: int, rows: list[dict]) -> None:
    start = rows[-1]["interactions"] if rows else 0
    for done in range(1, count + 1):
        visitor.interact()
        if done % every == 0 or done == count:
            rows.append(sample(kiosk, start + done))
            row = rows[-1]
            print(f"  real display: {row['interactions']:>6} interactions, RSS {row['rss_mb']:6.1f} MB, heap "
                  f"{row.get('MB heap in use', float('nan')):5.1f} MB, {row['Python objects']:.0f} Python objects, "
                  f"{row['Qt objects']:.0f} Qt objects", flush=True)
        if not kiosk.alive():
            raise RuntimeError(f"the kiosk died after {start + done} interactions:\n{kiosk.log[-2000:]}")


def uptime(interactions: int, warm_up: int = 2000) -> dict:
    """Warm-up, then the same traffic twice: a leak grows by as much again, caches and the
    allocator's working set (filled during the first pass) do not."""
    with _running() as kiosk:
        visitor, rows = Visitor(kiosk), [sample(kiosk, 0)]
        drive(kiosk, visitor, warm_up, warm_up, rows)
        after_warm_up = rows[-1]
        drive(kiosk, visitor, interactions, max(1, interactions // 5), rows)
        first = rows[-1]
        drive(kiosk, visitor, interactions, max(1, interactions // 5), rows)
        second = rows[-1]
    return {"interactions per pass": interactions, "warm-up": warm_up,
            "rss after start (MB)": rows[0]["rss_mb"],
            "rss after warm-up (MB)": after_warm_up["rss_mb"], "rss after pass 1 (MB)": first["rss_mb"],
            "rss after pass 2 (MB)": second["rss_mb"],
            "rss growth per 10,000 (MB)": (first["rss_mb"] - after_warm_up["rss_mb"]) * 10_000 / interactions,
            "rss growth, the same traffic again (MB)": second["rss_mb"] - first["rss_mb"],
            "samples": rows}


def soak(weeks: float, samples: int = 20) -> dict:
    total = int(weeks * INTERACTIONS_PER_WEEK)
    with _running() as kiosk:
        rows = [sample(kiosk, 0)]
        drive(kiosk, Visitor(kiosk), total, max(1, total // samples), rows)
    return {"weeks of traffic": weeks, "interactions": total, "samples": rows}


class _running:
    """An X server with the kiosk on it, for the length of a `with` block."""

    def __enter__(self) -> realx.KioskProcess:
        missing = realx.missing_for_xvfb()
        if missing:
            raise SystemExit(f"the real-display benchmark needs: sudo apt-get install {' '.join(missing)}")
        self.server = realx.XServer()
        try:
            kiosk = realx.KioskProcess.start(self.server, config=CONFIG)
        except BaseException:
            self.server.close()
            raise
        return kiosk

    def __exit__(self, *exc) -> None:
        self.server.close()


def table(results: dict) -> list[str]:
    lines = []
    up = results.get("real display uptime")
    if up:
        lines += ["", f"real display (Xvfb + openbox, XTest input): {up['interactions per pass']} mixed interactions "
                  f"twice after {up['warm-up']} of warm-up",
                  f"  RSS {up['rss after warm-up (MB)']:.1f} -> {up['rss after pass 1 (MB)']:.1f} -> "
                  f"{up['rss after pass 2 (MB)']:.1f} MB: {up['rss growth per 10,000 (MB)']:+.1f} MB per 10,000, "
                  f"the same traffic again {up['rss growth, the same traffic again (MB)']:+.1f} MB"]
    soaked = results.get("real display soak")
    if soaked:
        first, last = soaked["samples"][0], soaked["samples"][-1]
        lines += ["", f"real display soak: {soaked['weeks of traffic']} week(s), {soaked['interactions']} interactions",
                  f"  RSS {first['rss_mb']:.1f} -> {last['rss_mb']:.1f} MB (max "
                  f"{max(r['rss_mb'] for r in soaked['samples']):.1f}); Python objects {first['Python objects']:.0f} -> "
                  f"{last['Python objects']:.0f}; Qt objects {first['Qt objects']:.0f} -> {last['Qt objects']:.0f}"]
    return lines
