"""Tabs are data: a dataset with other tabs, in another order, runs with no code changed."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage

from conftest import settle
from kiosk.model.dataset import BLOCK_KINDS
from kiosk.model.loader import load_dataset
from kiosk.ui.blocks import BLOCK_BUILDERS
from kiosk.ui.tab_page import arrange
from ui_helpers import layout_problems, visible_texts

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(1920, 1080), (1080, 1920)]

# A tab the bundled kiosk does not have, built only from blocks and the bundled records.
GETTING_HERE = {
    "id": "getting-here",
    "title": {"en": "Getting here", "zh": "交通"},
    "headline": {"en": "Roads, rail and air around the zone", "zh": "高新区周边的公路、铁路与航空"},
    "blocks": [
        {"kind": "text", "title": {"en": "By train", "zh": "乘火车"},
         "text": {"en": "See the facts below for the railway lines and the airport.",
                  "zh": "铁路线路和机场信息见下方。"}},
        {"kind": "facts", "facts": ["high-speed-rail", "airport"], "figures": ["jining-expressways"],
         "below": True},
        {"kind": "comparison", "title": {"en": "Land and output", "zh": "面积与产出"},
         "figures": ["land-share", "gdp-share"], "width": 2},
    ],
}
FIVE_TABS = ("living", "getting-here", "overview", "innovation", "industries")
THREE_TABS = ("industries", "overview", "living")


def with_tabs(raw: dict, order: tuple[str, ...], tmp_path: Path) -> Path:
    """The bundled data with these tabs, in this order; renamed so that titles come from the data."""
    data = copy.deepcopy(raw)
    tabs = {tab["id"]: tab for tab in data["views"]}
    tabs["getting-here"] = GETTING_HERE
    data["views"] = [tabs[name] for name in order]
    data["views"][0]["title"] = {"en": "Start here", "zh": "从这里开始"}
    path = tmp_path / f"{len(order)}-tabs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("order", [FIVE_TABS, THREE_TABS], ids=["five-tabs", "three-tabs"])
def test_the_tab_bar_swipes_and_idle_reset_follow_the_dataset(make_kiosk, raw, tmp_path, touch_path, qtbot, order):
    dataset = load_dataset(with_tabs(raw, order, tmp_path))
    kiosk = make_kiosk(data=dataset, warning_seconds=1)
    window = kiosk.window
    assert [b.text() for b in window.tabs.buttons] == [tab.title["en"] for tab in dataset.views]
    assert window.tabs.buttons[0].text() == "Start here" and window.current_view == order[0]
    for expected in (*order[1:], order[0]):  # swiping left walks the tabs in the data's order
        touch_path(window, [QPoint(1400 - 160 * i, 500) for i in range(6)])
        qtbot.waitUntil(lambda e=expected: window.current_view == e, timeout=2000)
    window.tabs.buttons[-1].click()
    assert window.current_view == order[-1]
    kiosk.session._on_idle()
    qtbot.waitUntil(lambda: window.current_view == order[0], timeout=5000)


@pytest.mark.parametrize("order", [FIVE_TABS, THREE_TABS], ids=["five-tabs", "three-tabs"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_tab_passes_the_layout_check(make_window, raw, tmp_path, order, language):
    dataset = load_dataset(with_tabs(raw, order, tmp_path))
    problems = []
    for size in SIZES:
        window = make_window(language, size, data=dataset)
        for name in order:
            window.show_view(name)
            settle()
            problems += [f"{size} {name}: {p}" for p in layout_problems(window)]
    assert problems == [], "\n".join(problems)


def test_the_new_tab_shows_its_blocks(make_window, raw, tmp_path):
    window = make_window(data=load_dataset(with_tabs(raw, FIVE_TABS, tmp_path)))
    window.show_view("getting-here")
    settle()
    texts = "\n".join(visible_texts(window.views["getting-here"]))
    for text in ("Roads, rail and air around the zone", "By train", "Land and output"):
        assert text in texts
    assert [w.property("block") for w in window.views["getting-here"].blocks] == ["text", "facts", "comparison"]


def test_the_attract_loop_has_a_chart_from_each_tab_that_has_one(make_kiosk, raw, tmp_path):
    from kiosk.ui.charts import StaticPlot

    dataset = load_dataset(with_tabs(raw, THREE_TABS, tmp_path))
    kiosk = make_kiosk(data=dataset)
    charts = [slide for slide in kiosk.attract.slides if slide.findChild(StaticPlot) is not None]
    assert len(charts) == len(THREE_TABS)


def test_screenshot_takes_any_tab_of_the_dataset_and_names_them_when_wrong(raw, tmp_path):
    path = with_tabs(raw, FIVE_TABS, tmp_path)
    out = tmp_path / "new.png"
    command = [sys.executable, "-m", "kiosk", "screenshot", "--data", str(path), "--out", str(out)]
    done = subprocess.run([*command, "--view", "getting-here"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert not QImage(str(out)).isNull()
    wrong = subprocess.run([*command, "--view", "transport"], capture_output=True, text=True, cwd=ROOT,
                           timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert wrong.returncode == 2
    assert ", ".join(FIVE_TABS) in wrong.stderr


def test_every_block_kind_of_the_model_has_a_builder():
    assert set(BLOCK_BUILDERS) == set(BLOCK_KINDS)


def block(**hints):
    return type("Block", (), {"below": False, "new_row": False, **hints})()


def test_blocks_go_beside_under_or_below_as_their_hints_say():
    a, b, c, d, e = block(), block(below=True), block(), block(new_row=True), block(below=True)
    assert arrange([a, b, c, d, e]) == [[[a, b], [c]], [[d, e]]]


def test_kiosk_stats_names_the_tabs_of_the_data_the_kiosk_shows(raw, tmp_path):
    from kiosk.analytics import simulate
    from kiosk.analytics.visits import Visits
    from kiosk.analytics.writer import Writer

    data = with_tabs(raw, FIVE_TABS, tmp_path)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_path = "{data}"\n', encoding="utf-8")
    clock = simulate.Clock(1_700_000_000.0)
    writer = Writer(tmp_path / "analytics.sqlite", clock=clock).start()
    visits = Visits(writer.put, "en", FIVE_TABS[0], clock)
    visits.pressed()
    for name in ("getting-here", "overview"):
        clock.now += 30
        visits.view(name)
    clock.now += 30
    visits.idle_reset()
    assert writer.stop(0, timeout=30)
    printed = subprocess.run([sys.executable, "-m", "kiosk", "stats", "--db", str(writer.path), "--config", str(config),
                              "--since", "2023-01-01"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert printed.returncode == 0, printed.stderr
    views = printed.stdout.split("\nviews\n")[1].split("\n\n")[0]
    assert "getting-here" in views and "Getting here" in views and "Start here" in views
