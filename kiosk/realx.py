"""A real X server for the tests and the benchmark: the kiosk program, driven as a screen drives it.

Xvfb (or Xorg with its dummy driver, where a test changes the screen size through RandR), the
openbox window manager, the real `python -m kiosk` process, XTest input through xdotool, and
screenshots of the root window read back with python-xlib: what a visitor would see, not what
Qt believes its geometry is. The root window is painted magenta, a colour the kiosk never
shows, so any part of the screen the kiosk does not cover is found in a screenshot.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FIRST_FRAME = "first frame painted"
UNCOVERED = (255, 0, 255)  # the root window's colour
XVFB_TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xsetroot": "x11-xserver-utils",
              "xlogo": "x11-apps"}
XORG_TOOLS = {"Xorg": "xserver-xorg-core", "xrandr": "x11-xserver-utils"}
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")
XORG_CONFIG = """\
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam 256000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0 - 1000.0
    VertRefresh 5.0 - 200.0
    Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
    Modeline "1080x1920" 148.50 1080 1168 1212 1360 1920 1924 1929 1965 +hsync +vsync
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual 1920 1920
        Modes "1920x1080" "1080x1920"
    EndSubSection
EndSection
"""


def missing(tools: dict[str, str]) -> list[str]:
    """The Debian packages of the tools that are not installed."""
    return sorted({package for tool, package in tools.items() if shutil.which(tool) is None})


def missing_for_xvfb() -> list[str]:
    return missing(XVFB_TOOLS)


def missing_for_xorg() -> list[str]:
    packages = missing({**XVFB_TOOLS, **XORG_TOOLS})
    if not DUMMY_DRIVER.exists():
        packages.append("xserver-xorg-video-dummy")
    return packages


# What a screen reader's session has: a D-Bus session bus (dbus-daemon, dbus-send), the AT-SPI
# bus launcher and registry, and the client library pyatspi for the system Python.
ATSPI_FILES = {"/usr/bin/dbus-daemon": "dbus-x11", "/usr/bin/dbus-send": "dbus-x11",
               "/usr/libexec/at-spi-bus-launcher": "at-spi2-core", "/usr/libexec/at-spi2-registryd": "at-spi2-core",
               "/usr/lib/python3/dist-packages/pyatspi/__init__.py": "python3-pyatspi"}
SYSTEM_PYTHON = "/usr/bin/python3"  # pyatspi is a Debian package: it is not in the project's venv


def missing_for_atspi() -> list[str]:
    return sorted(set(missing_for_xvfb()) | {package for path, package in ATSPI_FILES.items() if not Path(path).exists()})


def _free_display() -> int:
    for number in range(140, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class XServer:
    """An X server with a window manager and a magenta root window, in a throw-away home."""

    def __init__(self, size: tuple[int, int] = (1920, 1080), xorg: bool = False):
        self.number = _free_display()
        self.display = f":{self.number}"
        self.home = Path(tempfile.mkdtemp(prefix="kiosk-realx-"))
        self.processes: list[subprocess.Popen] = []
        if xorg:
            config = self.home / "xorg.conf"
            config.write_text(XORG_CONFIG)
            server = ["Xorg", self.display, "-config", str(config), "-noreset", "-nolisten", "tcp",
                      "-logfile", str(self.home / "xorg.log"), "-novtswitch", "-sharevts"]
        else:
            server = ["Xvfb", self.display, "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"]
        self._start(server)
        _wait_for(lambda: Path(f"/tmp/.X11-unix/X{self.number}").exists(), 20, f"X server {self.display}")
        if xorg:
            self.run("xrandr", "-s", f"{size[0]}x{size[1]}")
        self.window_manager = self._start(["openbox"])
        time.sleep(0.5)
        self.run("xsetroot", "-solid", "#ff00ff")  # after the window manager, which paints it black

    @property
    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_QPA_", "WAYLAND"))}
        env.update(DISPLAY=self.display, HOME=str(self.home), XDG_SESSION_TYPE="x11",
                   **{name: str(self.home / name.lower()) for name in
                      ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")})
        return env

    def _start(self, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.processes.append(process)
        return process

    def run(self, *command: str) -> str:
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed: {result.stderr.strip()}")
        return result.stdout

    def xdotool(self, *args: str) -> str:
        return self.run("xdotool", *args)

    def other_window(self) -> subprocess.Popen:
        """Another program's window that takes the focus (as a dialog or a terminal would)."""
        # Painted in the root window's colour: where it shows, the kiosk does not cover the screen.
        return self._start(["xlogo", "-bg", "#ff00ff", "-fg", "#ff00ff", "-geometry", "600x400+200+200"])

    def size(self) -> tuple[int, int]:
        from Xlib import display

        connection = display.Display(self.display)
        try:
            geometry = connection.screen().root.get_geometry()
            return geometry.width, geometry.height
        finally:
            connection.close()

    def window_rect(self, window_id: str) -> tuple[int, int, int, int]:
        """x, y, width, height of a window's contents on the screen, as the X server has them
        (xdotool's getwindowgeometry counts a window manager's frame twice)."""
        from Xlib import display

        connection = display.Display(self.display)
        try:
            window = connection.create_resource_object("window", int(window_id))
            geometry = window.get_geometry()
            origin = connection.screen().root.translate_coords(window, 0, 0)
            return origin.x, origin.y, geometry.width, geometry.height
        finally:
            connection.close()

    def screenshot(self) -> np.ndarray:
        """The whole screen as height x width x RGB, read from the X server."""
        from Xlib import X, display

        connection = display.Display(self.display)
        try:
            root = connection.screen().root
            geometry = root.get_geometry()
            image = root.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
        finally:
            connection.close()
        pixels = np.frombuffer(image.data, np.uint8).reshape(geometry.height, geometry.width, 4)
        return pixels[:, :, 2::-1]  # BGRX -> RGB

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
        shutil.rmtree(self.home, ignore_errors=True)


class AccessibilityBus:
    """A private D-Bus session on the X server with the AT-SPI bus on it, as a desktop session
    has: Qt's bridge registers the kiosk there (with QT_LINUX_ACCESSIBILITY_ALWAYS_ON, as if a
    screen reader ran), and a pyatspi client reads it back. Start the kiosk with `env`."""

    def __init__(self, server: XServer):
        runtime = server.home / "runtime"  # the AT-SPI bus's socket goes here, not in a shared place
        runtime.mkdir(mode=0o700)
        env = {**server.env, "XDG_RUNTIME_DIR": str(runtime)}
        # Its own process group: the services it starts (the bus launcher, the AT-SPI bus and its
        # registry) are in it, and end with it.
        self.daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                       start_new_session=True)
        try:
            address = _wait_for(lambda: self.daemon.stdout.readline().strip(), 20, "the D-Bus session bus")
            self.env = {**env, "DBUS_SESSION_BUS_ADDRESS": address, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
            # Qt's bridge waits for the AT-SPI bus to appear and does not start it; a desktop
            # session starts it at login, here it is asked for its address, which starts it.
            subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                            "org.a11y.Bus.GetAddress"], env=self.env, capture_output=True, timeout=30, check=True)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.daemon.pid, sig)
            except ProcessLookupError:
                break
            try:
                _wait_for(lambda: not _group_alive(self.daemon.pid, self.daemon), 5, "the bus's processes to end")
                break
            except AssertionError:
                continue
        self.daemon.wait(5)
        self.daemon.stdout.close()


def _group_alive(group: int, leader: subprocess.Popen) -> bool:
    leader.poll()  # reaps the daemon itself; its services are reaped by init
    try:
        os.killpg(group, 0)
        return True
    except ProcessLookupError:
        return False


def uncovered(screenshot: np.ndarray) -> float:
    """The share of the screen the kiosk does not cover (where the magenta root shows)."""
    return float(np.all(screenshot == UNCOVERED, axis=2).mean())


def difference(first: np.ndarray, second: np.ndarray) -> float:
    """The share of pixels that differ clearly between two screenshots of the same size."""
    if first.shape != second.shape:
        return 1.0
    return float((np.abs(first.astype(int) - second.astype(int)).max(axis=2) > 40).mean())


@dataclass
class KioskProcess:
    """The real program on the X server; its log (stderr) goes to a file in the server's home."""

    server: XServer
    process: subprocess.Popen
    log_path: Path

    @classmethod
    def start(cls, server: XServer, *args: str, config: str | None = None,
              env: dict[str, str] | None = None) -> KioskProcess:
        if config is not None:
            path = Path(server.env["XDG_CONFIG_HOME"]) / "jining-kiosk" / "config.toml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(config, encoding="utf-8")
        log_path = server.home / f"kiosk-{len(server.processes)}.log"
        with log_path.open("w") as log_file:  # the child keeps its own descriptor
            process = subprocess.Popen([sys.executable, "-m", "kiosk", *args], env=env or server.env,
                                       stdout=subprocess.DEVNULL, stderr=log_file)
        server.processes.append(process)
        kiosk = cls(server, process, log_path)
        _wait_for(lambda: FIRST_FRAME in kiosk.log or not kiosk.alive(), 60, "the first frame")
        assert kiosk.alive(), f"the kiosk ended at start:\n{kiosk.log}"
        time.sleep(0.5)  # what starts after the first frame (analytics, the window icon)
        return kiosk

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def window_id(self) -> str:
        ids = self.server.xdotool("search", "--onlyvisible", "--pid", str(self.process.pid)).split()
        assert ids, "the kiosk has no visible window"
        return ids[-1]

    def tab_points(self) -> list[tuple[int, int]]:
        """Where the four tabs are: the bottom row; on a landscape screen the visitor controls
        (A+, contrast, language) sit to their right, in portrait in a row above them."""
        width, height = self.server.size()
        tabs_width = width - 330 if width > height else width
        return [(int(tabs_width * (i + 0.5) / 4), height - 40) for i in range(4)]

    def speech_on(self) -> bool:
        """Speech mode is on, by what the kiosk last logged of it."""
        lines = [line for line in self.log.splitlines() if "speech mode o" in line]
        return bool(lines) and "speech mode on" in lines[-1]

    def tap(self, x: int, y: int) -> None:
        self.server.xdotool("mousemove", str(x), str(y), "click", "1")

    def wait_until_covered(self, timeout: float = 5) -> np.ndarray:
        """A screenshot once the kiosk covers the whole screen again (it puts itself back)."""
        shots = []

        def covered():
            shots.append(self.server.screenshot())
            return uncovered(shots[-1]) == 0

        try:
            _wait_for(covered, timeout, "the kiosk to cover the screen")
        except AssertionError:
            raise AssertionError(f"{uncovered(shots[-1]):.1%} of the screen is not covered by the kiosk\n"
                                 f"{self.log[-3000:]}") from None
        return shots[-1]

    def assert_still_works(self) -> None:
        """Alive, covering the screen, and a click on a tab changes what it shows (and back)."""
        assert self.alive(), f"the kiosk died:\n{self.log[-3000:]}"
        self.wait_until_covered()
        if self.speech_on():  # keys turned speech mode on (a click only reads): its S key ends it
            self.server.xdotool("key", "s")
            _wait_for(lambda: not self.speech_on(), 5, "speech mode to end")
        tabs = self.tab_points()
        self.tap(*tabs[0])
        first = self._settled()
        self.tap(*tabs[2])
        third = self._settled()
        assert difference(first, third) > 0.05, "a click on a tab did not change the view"
        self.tap(*tabs[0])
        assert difference(first, self._settled()) < 0.01, "a click on the first tab did not bring its view back"

    def _settled(self) -> np.ndarray:
        """A screenshot once two in a row agree (slides and chart animations have ended)."""
        previous = self.server.screenshot()
        for _ in range(40):
            time.sleep(0.15)
            current = self.server.screenshot()
            if difference(previous, current) == 0:
                return current
            previous = current
        return previous

    def memory(self, timeout: float = 30) -> dict[str, float]:
        """The kiosk's own account of its memory (it logs one on SIGUSR1), with RSS read from /proc."""
        import re

        before = self.log.count("memory: ")
        self.process.send_signal(signal.SIGUSR1)
        _wait_for(lambda: self.log.count("memory: ") > before, timeout, "the kiosk's memory report")
        line = [line for line in self.log.splitlines() if "memory: " in line][-1]
        numbers = {key: float(value) for value, key in
                   re.findall(r"([\d.]+) (MB heap in use|Python objects|Qt objects)", line)}
        return {"rss_mb": float(re.search(r"RSS ([\d.]+) MB", line).group(1)), **numbers}

    def stop(self) -> int:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(15)


class Pointer:
    """XTest mouse input straight to the X server (python-xlib): as xdotool does, without a
    process per event, for the tens of thousands of events of a soak."""

    def __init__(self, server: XServer):
        from Xlib import display

        self.connection = display.Display(server.display)

    def _send(self, kind, detail: int = 0, x: int = 0, y: int = 0) -> None:
        from Xlib.ext import xtest

        xtest.fake_input(self.connection, kind, detail, x=x, y=y)
        self.connection.sync()

    def move(self, x: int, y: int) -> None:
        from Xlib import X

        self._send(X.MotionNotify, x=x, y=y)

    def press(self, button: int = 1) -> None:
        from Xlib import X

        self._send(X.ButtonPress, button)

    def release(self, button: int = 1) -> None:
        from Xlib import X

        self._send(X.ButtonRelease, button)

    def click(self, x: int, y: int) -> None:
        self.move(x, y)
        self.press()
        self.release()

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 8, step_s: float = 0.01) -> None:
        self.move(*start)
        self.press()
        for step in range(1, steps + 1):
            time.sleep(step_s)
            self.move(start[0] + (end[0] - start[0]) * step // steps, start[1] + (end[1] - start[1]) * step // steps)
        self.release()

    def close(self) -> None:
        self.connection.close()
