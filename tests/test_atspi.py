"""The real program read back as a screen reader reads it: over AT-SPI (a private D-Bus session
with the AT-SPI bus, Qt's bridge always on) by a pyatspi client in another process. Tabs are page
tabs in a page tab list with the current one selected, source lines are links, pictures are
images, and the idle warning is an alert that a screen reader hears appear."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from conftest import STARTED
from kiosk import realx
from pictures import with_pictures

READBACK = Path(__file__).with_name("atspi_readback.py")
IDLE = 'idle_seconds = 10\nwarning_seconds = 60\n'  # the warning opens soon, and stays while it is read

pytestmark = [
    pytest.mark.slow,
    pytest.mark.real_display,
    pytest.mark.skipif(bool(realx.missing_for_atspi()), reason="the AT-SPI read-back needs the Debian packages "
                       + " ".join(realx.missing_for_atspi())),
]


@pytest.fixture
def desktop():
    """An X server with an accessibility bus: (server, bus); every process they started ends."""
    server = realx.XServer()
    try:
        bus = realx.AccessibilityBus(server)
    except BaseException:
        server.close()
        raise
    yield server, bus
    server.close()  # the kiosk and the listener first, then the bus they talk on
    bus.close()


def readback(bus: realx.AccessibilityBus, *args: str):
    result = subprocess.run([realx.SYSTEM_PYTHON, str(READBACK), *args], env=bus.env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def tree_once(bus, kiosk, condition, what: str, timeout: float = 60) -> list[dict]:
    """The kiosk's accessibility tree once `condition(nodes)` holds (Qt's bridge registers the
    program after its first frame, and a screen reader's view follows the screen)."""
    deadline = time.monotonic() + timeout
    nodes = []
    while time.monotonic() < deadline:
        nodes = readback(bus, "tree", str(kiosk.process.pid)) or []
        if condition(nodes):
            return nodes
        time.sleep(0.5)
    summary = "\n".join(f"{n['role']} {n['name']!r} {n['states']}" for n in nodes if n["name"])
    raise AssertionError(f"timed out after {timeout} s waiting for {what}; the tree:\n{summary[-4000:]}")


def role(nodes: list[dict], name: str) -> list[dict]:
    return [node for node in nodes if node["role"] == name]


def parent(nodes: list[dict], node: dict) -> dict:
    path = node["path"].rsplit(".", 1)[0] if "." in node["path"] else ""
    return next(n for n in nodes if n["path"] == path)


def selected_tabs(nodes: list[dict]) -> list[str]:
    return [tab["name"] for tab in role(nodes, "page tab") if "selected" in tab["states"]]


class Listener:
    """What a screen reader hears from the kiosk (readback's watch), read as it arrives."""

    def __init__(self, server: realx.XServer, bus: realx.AccessibilityBus, kiosk: realx.KioskProcess):
        self.process = subprocess.Popen([realx.SYSTEM_PYTHON, str(READBACK), "watch", str(kiosk.process.pid), "120"],
                                        env=bus.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        server.processes.append(self.process)  # ended with the server
        STARTED.append(self.process)  # and its pipe closed after the test
        assert json.loads(self.process.stdout.readline()) == "listening"
        self.events: list[dict] = []

    def wait_for(self, condition, what: str) -> dict:
        """The first event (heard so far or next) for which `condition` holds; the listener
        stops by itself after two minutes at most."""
        for event in self.events:
            if condition(event):
                return event
        for line in self.process.stdout:
            self.events.append(json.loads(line))
            if condition(self.events[-1]):
                return self.events[-1]
        raise AssertionError(f"the screen reader did not hear {what}; it heard: {self.events[-20:]}")


def test_a_screen_reader_reads_page_tabs_links_images_and_the_idle_alert(desktop, raw, tmp_path, qapp):
    server, bus = desktop
    data = with_pictures(raw, tmp_path / "site")
    shown = json.loads(data.read_text(encoding="utf-8"))
    titles = [view["title"]["en"] for view in shown["views"]]
    alt_texts = {media["alt"]["en"] for media in shown["media"]}
    kiosk = realx.KioskProcess.start(server, "--data", str(data), "--lang", "en", config=IDLE, env=bus.env)
    listener = Listener(server, bus, kiosk)

    nodes = tree_once(bus, kiosk, lambda nodes: len(role(nodes, "page tab")) == len(titles), "the page tabs")
    tabs = role(nodes, "page tab")
    assert [tab["name"] for tab in tabs] == titles
    assert selected_tabs(nodes) == titles[:1]
    assert {parent(nodes, tab)["role"] for tab in tabs} == {"page tab list"}
    assert not [node for node in role(nodes, "check box") if node["name"] in titles]  # no longer check boxes
    links = role(nodes, "link")
    assert links and all(link["name"] and link["description"] and link["actions"] for link in links)
    images = role(nodes, "image")
    assert images and {image["name"] for image in images} <= alt_texts

    # A screen reader's "activate" on the third tab: it becomes the selected one, and says so.
    readback(bus, "press", str(kiosk.process.pid), tabs[2]["path"], tabs[2]["actions"][0])
    tree_once(bus, kiosk, lambda nodes: selected_tabs(nodes) == titles[2:3], "the third tab to be selected")
    listener.wait_for(lambda e: e["type"] == "object:state-changed:selected" and e["role"] == "page tab"
                      and e["name"] == titles[2] and e["detail1"] == 1, "the third tab being selected")

    # Left alone, the kiosk warns: an alert that appears, with what the warning says.
    nodes = tree_once(bus, kiosk, lambda nodes: any("showing" in n["states"] for n in role(nodes, "alert")),
                      "the idle warning", timeout=90)
    alert = next(n for n in role(nodes, "alert") if "showing" in n["states"])
    assert alert["name"], "the alert says nothing"
    said = [n["name"] for n in nodes if n["path"].startswith(alert["path"] + ".") and n["role"] == "label"]
    assert said and said[0] in alert["name"]  # its headline (the countdown below it changes each second)
    listener.wait_for(lambda e: e["type"] == "object:state-changed:showing" and e["role"] == "alert"
                      and e["detail1"] == 1, "the alert appear")
    listener.wait_for(lambda e: e["type"] == "object:announcement" and e["role"] == "alert"
                      and said[0] in e["text"], "the alert announced")
    assert kiosk.alive()
