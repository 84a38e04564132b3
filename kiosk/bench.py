"""The kiosk's benchmark: how fast it starts, reacts and animates, and whether it stays lean.

    .venv/bin/python -m kiosk.bench                 # the full run (several minutes)
    .venv/bin/python -m kiosk.bench --quick         # small N, a few minutes (CI runs this)
    .venv/bin/python -m kiosk.bench --profile       # also: the top 10 functions of the busy part
    .venv/bin/python -m kiosk.bench --soak 1        # only the soak: a week of traffic, RSS sampled
    .venv/bin/python -m kiosk.bench --speech        # only speech: say() to the first frame at the device
    .venv/bin/python -m kiosk.bench --fleet         # only the fleet: status messages per kiosk per hour,
                                                    # publish to the last of 3 kiosks showing it, bytes per poll
    .venv/bin/python -m kiosk.bench --real-display 10000   # memory under XTest input on Xvfb (kiosk.bench_display)

Runs headless (offscreen). Prints a table and writes JSON (--out) with median, p95, max and N
for every metric. Figures are reported, not asserted: targets are in the README.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk import harness
from kiosk.harness import settle
from kiosk.memory import python_objects, release_freed, rss_mb
from kiosk.platform_check import use_offscreen_screen

FRAME_MS = 1000 / 60
FLOOR_SCRIPT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
import pyqtgraph  # noqa: F401  (the kiosk needs it for its first frame too)
app = QApplication([])
window = QWidget()
window.resize(int(sys.argv[1]), int(sys.argv[2]))
class FirstPaint(QObject):  # the same moment the kiosk reports: the turn after its first paint
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False
def painted():
    print(f"painted at {time.time():.4f}", flush=True)
    app.quit()
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
"""


def stats(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"median": statistics.median(ordered), "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
            "max": ordered[-1], "n": len(ordered)}


def offscreen_env(**extra) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    return env


# ---- 1. cold start ---------------------------------------------------------------------

def cold_start(size: tuple[int, int], runs: int, data: Path | None = None) -> dict:
    kiosk, floor = [], []
    command = [sys.executable, "-m", "kiosk", "--windowed", "--size", f"{size[0]}x{size[1]}", "--quit-after", "0"]
    command += ["--data", str(data)] if data else []
    first_frame = r"first frame painted .* \(at ([0-9.]+)\)"
    _write_bytecode()
    with tempfile.TemporaryDirectory() as cache:
        # The very first start checks the data file; every later one with the same file reads
        # the remembered result (kiosk.model.remember), as at a visitor centre after day one.
        first = _launch(command, first_frame, cache)
        for _ in range(runs):
            kiosk.append(_launch(command, first_frame, cache))
            floor.append(_launch([sys.executable, "-c", FLOOR_SCRIPT, str(size[0]), str(size[1])],
                                 r"painted at ([0-9.]+)", cache))
    result = {"cold start, first ever (data file checked)": stats([first]),
              "cold start (launch to first frame)": stats(kiosk), "floor: PySide6 + pyqtgraph empty window": stats(floor)}
    result["ratio start/floor (medians)"] = {"median": statistics.median(kiosk) / statistics.median(floor),
                                            "p95": None, "max": None, "n": runs}
    return result


def _write_bytecode() -> None:
    """Start from bytecode, as an installed kiosk does (pip writes it for a wheel, the set-up
    script for a checkout); otherwise each launch would also compile the kiosk's modules."""
    import compileall

    import kiosk

    compileall.compile_dir(Path(kiosk.__file__).parent, quiet=1)


def _launch(command: list[str], pattern: str, cache: str) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = offscreen_env(XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=cache)
        started = time.time()
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    match = re.search(pattern, done.stdout + done.stderr)
    if match is None:
        raise RuntimeError(f"{command[:3]} did not report its first frame:\n{done.stderr[-2000:]}")
    return (float(match.group(1)) - started) * 1000


# ---- in-process scenarios --------------------------------------------------------------

class Bench:
    """One kiosk, built as the real program builds it, driven by real touch events."""

    def __init__(self, size: tuple[int, int], motion: bool = True, analytics: bool = True,
                 data_file: Path | None = None):
        from PySide6.QtTest import QTest

        from kiosk.datastore import DataStore
        from kiosk.resources import data_path

        self.state = tempfile.TemporaryDirectory()
        self.data_file = Path(self.state.name) / "data.json"
        self.data_file.write_bytes((data_file or data_path()).read_bytes())
        if data_file is not None and (data_file.parent / "media").is_dir():  # its pictures, beside it
            shutil.copytree(data_file.parent / "media", self.data_file.parent / "media")
        self.app = harness.app(["bench"])
        self.store = DataStore(self.data_file, Path(self.state.name) / "state")
        self.store.load_at_start()
        # Analytics on, as in the real program: every tap below is also recorded.
        from kiosk.analytics.visits import Visits
        from kiosk.analytics.writer import Writer

        self.analytics = Writer(Path(self.state.name) / "analytics.sqlite").start() if analytics else None
        visits = Visits(self.analytics.put, "en", "overview") if analytics else None
        # The benchmark swaps data in itself (live_reloads); a watcher would swap it in again,
        # at a moment of its own, in the middle of another measurement.
        self.kiosk = harness.build(context={"reduce_motion": not motion}, store=self.store, visits=visits,
                                   watch_data=False, size=size)
        self.window = self.kiosk.window
        self.touch = QTest.createTouchDevice()
        self.QTest = QTest

    def tap(self, widget) -> None:
        point = widget.rect().center()
        self.QTest.touchEvent(widget, self.touch).press(0, point, widget).commit()
        self.QTest.touchEvent(widget, self.touch).release(0, point, widget).commit()

    def expect_view(self, name: str) -> None:
        """A measurement of a tap that did nothing is worthless: stop rather than report it."""
        if self.window.current_view != name:
            raise RuntimeError(f"a tap meant to show {name} left {self.window.current_view} on screen "
                               f"(touch events are not reaching the window; QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')})")

    def shown_ms(self, action, shown) -> tuple[float, float]:
        """Input to (the end of the first repaint after which `shown()` holds: the new picture is
        on the screen), and to (the end of all the work the input caused), in ms."""
        from PySide6.QtCore import QEvent, QObject

        window, marks = self.window, {}

        class FirstPicture(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
                if watched is window and event.type() == QEvent.Type.UpdateRequest and shown():
                    window.removeEventFilter(self)
                    window.event(event)  # the repaint and flush, done here so that its end is known
                    marks["shown"] = time.perf_counter()
                    return True
                return False

        spy = FirstPicture()
        window.installEventFilter(spy)
        started = time.perf_counter()
        action()
        window.repaint()
        ended = time.perf_counter()
        window.removeEventFilter(spy)
        return (marks.get("shown", ended) - started) * 1000, (ended - started) * 1000

    def painted_ms(self, action) -> float:
        """Input (or change) to the new picture painted, in ms."""
        started = time.perf_counter()
        action()
        self.window.repaint()
        return (time.perf_counter() - started) * 1000


def tab_switches(bench: Bench, rounds: int) -> tuple[list[float], list[float]]:
    """Every ordered pair of views, `rounds` times: (touch to the new view on screen, touch to
    the end of the work it caused)."""
    views = harness.tab_ids(bench.kiosk)
    shown, idle = [], []
    for _ in range(rounds):
        for source in range(len(views)):
            for target in range(len(views)):
                if source == target:
                    continue
                bench.window.show_view(views[source])
                bench.window.finish_animations()
                settle()
                first, done = bench.shown_ms(lambda t=target: bench.tap(bench.window.tabs.buttons[t]),
                                             lambda t=target: bench.window.current_view == views[t])
                bench.expect_view(views[target])
                shown.append(first)
                idle.append(done)
    return shown, idle


def frame_intervals(bench: Bench, start, duration_ms: float) -> list[float]:
    """Intervals between painted frames while an animation runs (the event loop runs freely)."""
    from PySide6.QtCore import QEvent, QObject

    stamps = []

    class Frames(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is bench.window:
                stamps.append(time.perf_counter())
            return False

    frames = Frames()
    bench.window.installEventFilter(frames)
    start()
    end = time.perf_counter() + duration_ms / 1000
    while time.perf_counter() < end:
        bench.app.processEvents()
        bench.window.update()  # the compositor would ask for frames; offscreen, we do
        time.sleep(0.001)
    bench.window.removeEventFilter(frames)
    return [(b - a) * 1000 for a, b in zip(stamps, stamps[1:])]


def animations(bench: Bench, repeats: int) -> dict:
    from kiosk.ui.charts import ENTRY_MS
    from kiosk.ui.main_window import SLIDE_MS

    slide, entry, fade = [], [], []
    for _ in range(repeats):
        bench.window.show_view("overview")
        settle()
        slide += frame_intervals(bench, lambda: bench.window.step_view(1), SLIDE_MS)
        entry += frame_intervals(bench, lambda: bench.tap(bench.window.tabs.buttons[2]), ENTRY_MS)
        attract = bench.kiosk.attract
        attract.start()
        fade += frame_intervals(bench, attract.next_slide, attract._animation.duration())
        attract.hide()
    return {name: {**stats(values), "frames over 16.7 ms": sum(v > FRAME_MS for v in values)}
            for name, values in (("tab slide frames", slide), ("chart entry frames", entry),
                                 ("attract fade frames", fade)) if values}


def language_switches(bench: Bench, count: int) -> list[float]:
    from kiosk.ui.i18n import current_language, switch_language

    return [bench.painted_ms(lambda: switch_language("zh" if current_language() == "en" else "en"))
            for _ in range(count)]


def live_reloads(bench: Bench, count: int) -> list[float]:
    """A changed file, once settled: validate, swap in, repaint (the 1 s settle is not counted)."""
    raw = json.loads(bench.data_file.read_text(encoding="utf-8"))
    samples = []
    for n in range(count):
        raw["figures"][0]["label"]["en"] = f"Regional GDP ({n})"
        bench.data_file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        # What the watcher does once the file has settled.
        samples.append(bench.painted_ms(lambda: bench.kiosk.show_data(bench.store.reload())))
        settle()
    return samples


# ---- 5. dataset size ----------------------------------------------------------------------

def dataset_scaling(runs: int, factors=(1, 10, 100, 1000)) -> dict:
    from kiosk.model.loader import MAX_BYTES
    from kiosk.resources import data_path

    raw = json.loads(data_path().read_text(encoding="utf-8"))
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        for factor in factors:
            path = Path(folder) / f"x{factor}.json"
            path.write_text(json.dumps(enlarged(raw, factor), ensure_ascii=False), encoding="utf-8")
            samples = []
            # Files over the kiosk's 10 MB limit are refused; to see how the cost grows, the
            # largest is parsed and validated without that check.
            load = _validate if path.stat().st_size <= MAX_BYTES else _load_unlimited
            for _ in range(runs if factor < 1000 else max(1, runs // 5)):
                started = time.perf_counter()
                load(path)
                samples.append((time.perf_counter() - started) * 1000)
            result[f"load + validate, dataset x{factor} ({path.stat().st_size / 1024:.0f} KiB)"] = stats(samples)
    return result


def _validate(path: Path):
    from kiosk.model.loader import parse_dataset

    return parse_dataset(path.read_bytes(), path, remember=False)  # the check itself, every time


def _load_unlimited(path: Path):
    from kiosk.model.checks import check_dataset
    from kiosk.model.dataset import Dataset
    from kiosk.model.validation import validate

    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.pop("$schema", None)
    dataset = validate(Dataset, raw)
    assert not check_dataset(dataset)
    return dataset


def remembered_load(runs: int) -> dict:
    """The start-up path: the bundled file, checked before, read back without the validator."""
    from kiosk.model.loader import load_dataset
    from kiosk.resources import data_path

    load_dataset(data_path())  # checks and remembers, if no earlier scenario did
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        load_dataset(data_path())
        samples.append((time.perf_counter() - started) * 1000)
    return {"load of the bundled file checked before (start-up)": stats(samples)}


def enlarged(raw: dict, factor: int) -> dict:
    """The bundled data with `factor` times the figures, industries and series (ids made unique)."""
    if factor == 1:
        return raw
    big = json.loads(json.dumps(raw))
    for n in range(1, factor):
        for figure in raw["figures"]:
            copy = {**figure, "id": f"{figure['id']}-x{n}",
                    "series": [{"year": 2015 + k, "value": figure["value"]} for k in range(5)]}
            copy.pop("secondary", None)
            copy.pop("part_of", None)
            big["figures"].append(copy)
        for industry in raw["industries"]:
            big["industries"].append({**industry, "id": f"{industry['id']}-x{n}",
                                      "share": f"{industry['share']}-x{n}"})
    return big


# ---- 6. memory over weeks of use ---------------------------------------------------------------

def uptime_plan(scale: float) -> dict:
    return {"tab switches": int(10_000 * scale), "idle resets with attract loop": int(500 * scale),
            "language switches": int(200 * scale), "live reloads": int(100 * scale)}


def uptime(bench: Bench, scale: float) -> dict:
    plan = uptime_plan(scale)
    _scenario(bench, {name: max(1, count // 10) for name, count in plan.items()})  # warm caches first
    before_rss, before_objects = settled_rss(bench), python_objects()
    _scenario(bench, plan)
    after_rss, after_objects = settled_rss(bench), python_objects()
    growth = {name: after_objects[name] - before_objects[name] for name in after_objects
              if after_objects[name] - before_objects[name] > 0}
    # The same traffic again: a leak grows by as much again, caches and the allocator's working
    # set (filled during the first pass) do not.
    _scenario(bench, plan)
    second_rss = settled_rss(bench)  # which also writes out the analytics queue
    return {"scenario": plan, "analytics records written": bench.analytics.written if bench.analytics else 0,
            "rss after start and warm-up (MB)": before_rss, "rss after (MB)": after_rss,
            "rss growth (MB)": after_rss - before_rss, "rss growth, the same traffic again (MB)": second_rss - after_rss,
            "python objects before": sum(before_objects.values()), "python objects after": sum(after_objects.values()),
            "largest object growth": dict(sorted(growth.items(), key=lambda kv: -kv[1])[:8])}


INTERACTIONS_PER_WEEK = 7 * 24 * 3600 // 10  # one every 10 s, all week long


def soak(bench: Bench, weeks: float, samples: int = 20) -> dict:
    """The uptime scenario repeated until it adds up to `weeks` of visitor traffic, with RSS and
    Python objects sampled after every part: a leak climbs steadily, the allocator's working
    set levels off."""
    per_scale = sum(uptime_plan(1.0).values())
    scale = weeks * INTERACTIONS_PER_WEEK / per_scale / samples
    _scenario(bench, uptime_plan(scale))  # warm-up: every cache and slide built once
    rows = [(0, settled_rss(bench), len(gc.get_objects()))]
    while rows[-1][0] < weeks * INTERACTIONS_PER_WEEK:  # parts are whole numbers: one more if short
        _scenario(bench, uptime_plan(scale))
        rows.append((rows[-1][0] + sum(uptime_plan(scale).values()), settled_rss(bench), len(gc.get_objects())))
        print(f"  soak: {rows[-1][0]:>7} interactions, RSS {rows[-1][1]:6.1f} MB, {rows[-1][2]} objects", flush=True)
    second_half = rows[len(rows) // 2:]
    slope = _slope([r[0] for r in second_half], [r[1] for r in second_half]) * INTERACTIONS_PER_WEEK
    return {"weeks of traffic": weeks, "interactions": rows[-1][0], "rss first/last/max (MB)":
            [rows[0][1], rows[-1][1], max(r[1] for r in rows)], "rss trend over the second half (MB per week)": slope,
            "python objects first/last": [rows[0][2], rows[-1][2]], "samples": rows}


def _slope(xs: list[float], ys: list[float]) -> float:
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread if spread else 0.0


def settled_rss(bench: Bench) -> float:
    """RSS once discarded widgets are deleted, garbage collected, and freed heap returned to the
    system (glibc keeps freed blocks otherwise, which would look like growth)."""
    settle()
    if bench.analytics is not None:
        bench.analytics.flush(timeout=30)  # records waiting for their batch are not a leak
    release_freed()
    return rss_mb()


def _scenario(bench: Bench, plan: dict) -> None:
    from kiosk.ui.i18n import switch_language

    buttons, views = bench.window.tabs.buttons, harness.tab_ids(bench.kiosk)
    for n in range(plan["tab switches"]):
        bench.tap(buttons[n % len(buttons)])
        bench.expect_view(views[n % len(buttons)])
        if n % 50 == 0:
            settle()
    for _ in range(plan["idle resets with attract loop"]):
        bench.kiosk.reset()
        bench.kiosk.attract.start()
        bench.kiosk.attract.next_slide()
        bench.tap(bench.kiosk.attract)
        settle()
        if bench.kiosk.attract.isVisible():
            raise RuntimeError("a tap on the attract loop did not wake the kiosk")
    for n in range(plan["language switches"]):
        switch_language("zh" if n % 2 == 0 else "en")
    switch_language("en")
    live_reloads(bench, plan["live reloads"])


# ---- the run ---------------------------------------------------------------------------------

def run(args) -> dict:
    quick = args.quick
    size = args.size
    results: dict = {"machine": machine(), "size": f"{size[0]}x{size[1]}", "quick": quick,
                     "analytics": not args.no_analytics}
    if args.soak:
        results["soak"] = soak(Bench(size, analytics=not args.no_analytics), args.soak)
        return results
    if args.speech:
        results.update(speech(10 if quick else 100))
        return results
    if args.fleet:
        results.update(fleet_status(25 if quick else 125))
        results.update(fleet_content(1 if quick else 5))
        return results
    if args.pictures:
        from kiosk.bench_pictures import measure

        results.update(measure(size, args.pictures, quick))
        return results
    if not args.scale_factor_run:
        results.update(cold_start(size, 3 if quick else 10))
    bench = Bench(size, analytics=not args.no_analytics)
    results["rss after start (MB)"] = rss_mb()
    shown, idle = tab_switches(bench, 2 if quick else 17)
    results[f"tab switch, touch to new view on screen, {size[0]}x{size[1]}"] = stats(shown)
    results[f"tab switch, touch to all its work done, {size[0]}x{size[1]}"] = stats(idle)
    if args.scale_factor_run:
        return results
    results.update(four_k(quick, args.no_analytics))
    results.update(animations(bench, 1 if quick else 5))
    results["language switch to painted"] = stats(language_switches(bench, 20 if quick else 200))
    results["live reload: validate + swap + painted"] = stats(live_reloads(bench, 3 if quick else 30))
    results.update(editor_preview(5 if quick else 50))
    results.update(dataset_scaling(3 if quick else 20))
    results.update(remembered_load(3 if quick else 20))
    results.update(speech(10 if quick else 100))
    results.update(fleet_status(25 if quick else 125))
    results.update(fleet_content(1 if quick else 5))
    if args.profile:
        results["profile: top 10 (cumulative)"] = profile(bench)
    results["uptime"] = uptime(bench, 0.01 if quick else 1.0)
    return results


def editor_preview(edits: int) -> dict:
    """How soon the editor's preview shows an edit (kiosk.editor.bench)."""
    from kiosk.editor.bench import edit_to_preview

    shown, checks = edit_to_preview(edits)
    return {"editor: edit to preview repainted (after the typing pause)": stats(shown),
            "editor: checking the content alone (part of the above)": stats(checks)}


def speech(runs: int) -> dict:
    """say() to the first frame at the audio device (kiosk.bench_speech), and a visitor's touch or
    key in speech mode to the first sound (kiosk.bench_speech_mode)."""
    from kiosk.bench_speech import first_audio

    from kiosk.bench_speech_mode import touch_to_sound

    try:
        return {**first_audio(runs, stats), **touch_to_sound(max(5, runs // 2), stats)}
    except RuntimeError as error:
        return {"speech: say() to first frame at the device": {"error": str(error)}}


def fleet_status(seconds: float) -> dict:
    """Status messages per kiosk per hour on the fleet's broker (kiosk.bench_fleet)."""
    from kiosk.bench_fleet import status_rate

    rate = status_rate(seconds)
    if "error" in rate:
        return {"fleet: status messages per kiosk per hour": rate}
    return {"fleet: status messages per kiosk per hour at status_seconds=10, measured": rate["per kiosk per hour, measured"],
            "fleet: status messages per kiosk per hour at the default 300 s, computed":
                rate["per kiosk per hour at the default interval, computed"],
            "fleet: status run": rate}


def fleet_content(rounds: int) -> dict:
    """Publish to the last of three kiosks showing it, and the bytes of an unchanged poll, with a
    real store and broker (kiosk.bench_fleet_content)."""
    from kiosk.bench_fleet_content import publish_to_shown

    run = publish_to_shown(rounds)
    if "error" in run:
        return {"fleet: publish to the last of 3 kiosks showing it": run}
    return {f"fleet: publish to the last of 3 kiosks showing it, poll_seconds={run['poll_seconds']} (s)":
                stats(run["publish to last kiosk showing it (s)"]),
            "fleet: bytes per unchanged poll (request + 304 answer, on the wire)": run["bytes per unchanged poll"],
            "fleet: content run": run}


def four_k(quick: bool, no_analytics: bool = False) -> dict:
    """The tab switch again in a process whose Qt scales by 2 (a 3840x2160 panel)."""
    command = [sys.executable, "-m", "kiosk.bench", "--size", "1920x1080", "--scale-factor-run", "--out", "-"]
    command += ["--quick"] * quick + ["--no-analytics"] * no_analytics
    done = subprocess.run(command, capture_output=True, text=True, timeout=900,
                          env=offscreen_env(QT_SCALE_FACTOR="2"))
    if done.returncode != 0:
        return {"tab switch, 3840x2160 (QT_SCALE_FACTOR=2)": {"error": done.stderr[-1000:]}}
    data = json.loads(done.stdout)
    return {name.replace("1920x1080", "3840x2160 (QT_SCALE_FACTOR=2)"): value
            for name, value in data.items() if name.startswith("tab switch")}


def profile(bench: Bench) -> list[str]:
    from kiosk.ui.i18n import switch_language

    profiler = cProfile.Profile()
    profiler.enable()
    tab_switches(bench, 2)
    for n in range(20):
        switch_language("zh" if n % 2 == 0 else "en")
    live_reloads(bench, 3)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
    lines = [line for line in out.getvalue().splitlines() if "kiosk" in line or "pyqtgraph" in line]
    return lines[:10]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    from PySide6 import __version__ as pyside

    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, PySide6 {pyside}"


def table(results: dict) -> str:
    lines = [f"machine: {results['machine']}", f"size: {results['size']}{' (quick)' if results['quick'] else ''}; "
             f"visitor analytics {'on' if results.get('analytics', True) else 'off'}", "",
             f"{'metric':72} {'median':>9} {'p95':>9} {'max':>9} {'N':>6}"]
    for name, value in results.items():
        if isinstance(value, dict) and "median" in value:
            cells = [f"{value[k]:9.2f}" if isinstance(value[k], float) else f"{'':9}" for k in ("median", "p95", "max")]
            extra = f"  ({value['frames over 16.7 ms']} frames > 16.7 ms)" if "frames over 16.7 ms" in value else ""
            lines.append(f"{name:72} {' '.join(cells)} {value['n']:6}{extra}")
        elif isinstance(value, dict) and "error" in value:
            lines.append(f"{name:72} FAILED: {value['error'].strip().splitlines()[-1]}")
        elif isinstance(value, float):
            lines.append(f"{name:72} {value:9.1f}")
    up = results.get("uptime")
    if up:
        lines += ["", f"uptime scenario: {up['scenario']}",
                  f"  RSS {up['rss after start and warm-up (MB)']:.1f} MB -> {up['rss after (MB)']:.1f} MB "
                  f"(growth {up['rss growth (MB)']:+.1f} MB; the same traffic again "
                  f"{up['rss growth, the same traffic again (MB)']:+.1f} MB); Python objects {up['python objects before']} -> "
                  f"{up['python objects after']}", f"  largest object growth: {up['largest object growth']}",
                  f"  analytics records written: {up['analytics records written']}"]
    soaked = results.get("soak")
    if soaked:
        first, last, peak = soaked["rss first/last/max (MB)"]
        lines += ["", f"soak: {soaked['weeks of traffic']} week(s) of traffic, {soaked['interactions']} interactions",
                  f"  RSS {first:.1f} -> {last:.1f} MB (max {peak:.1f}); trend over the second half "
                  f"{soaked['rss trend over the second half (MB per week)']:+.2f} MB per week; Python objects "
                  f"{soaked['python objects first/last'][0]} -> {soaked['python objects first/last'][1]}"]
    for line in results.get("profile: top 10 (cumulative)", []):
        lines.append("  " + line)
    return "\n".join(lines)


def size_arg(text: str) -> tuple[int, int]:
    width, height = (int(part) for part in text.lower().split("x"))
    return width, height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=size_arg, default=(1920, 1080), metavar="WxH")
    parser.add_argument("--quick", action="store_true", help="small N (a few minutes): keeps the benchmark working in CI")
    parser.add_argument("--profile", action="store_true", help="also name the top 10 functions (cProfile)")
    parser.add_argument("--out", default="bench-results.json", help="JSON file to write, or - for standard output")
    parser.add_argument("--soak", type=float, metavar="WEEKS", default=0,
                        help="only the soak: the uptime scenario scaled to WEEKS of traffic (1 interaction/10 s)")
    parser.add_argument("--pictures", type=int, metavar="N", default=0,
                        help="only the figures with N large photos in the data (kiosk.bench_pictures)")
    parser.add_argument("--speech", action="store_true", help="only the speech figures (kiosk.bench_speech)")
    parser.add_argument("--fleet", action="store_true", help="only the fleet figures (kiosk.bench_fleet, kiosk.bench_fleet_content)")
    parser.add_argument("--no-analytics", action="store_true",
                        help="without the visitor analytics (to see what recording costs)")
    parser.add_argument("--real-display", type=int, metavar="N", default=0,
                        help="only memory on a real X server (Xvfb): N mixed XTest interactions, twice")
    parser.add_argument("--real-display-soak", type=float, metavar="WEEKS", default=0,
                        help="only the soak on a real X server: WEEKS of traffic (1 interaction/10 s)")
    parser.add_argument("--scale-factor-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.real_display or args.real_display_soak:
        return _real_display(args)
    use_offscreen_screen(args.size, float(os.environ.get("QT_SCALE_FACTOR", "1")))
    with tempfile.TemporaryDirectory() as home:
        for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = home  # never touch the operator's config, logs, last good copy or cache
        results = run(args)
    if args.out == "-":
        print(json.dumps(results, ensure_ascii=False))
        return 0
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(results))
    print(f"\nwritten: {args.out}")
    return 0


def _real_display(args) -> int:
    from kiosk import bench_display

    results = {"machine": machine()}
    if args.real_display:
        results["real display uptime"] = bench_display.uptime(args.real_display)
    if args.real_display_soak:
        results["real display soak"] = bench_display.soak(args.real_display_soak)
    if args.out != "-":
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n".join(bench_display.table(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
