"""systemd's watchdog: the real program says READY=1 after its first frame and WATCHDOG=1 from its
event loop, so a hung kiosk falls silent and is restarted, as a crashed one is."""

from __future__ import annotations

import os
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import sd_notify
from kiosk.resources import resource_path
from conftest import STARTED

FIRST_FRAME = b"first frame painted"
PING_USEC = 400_000  # a ping every 0.2 s: the test sees many without waiting long


class Listener:
    """The service manager's side: a datagram socket in the abstract namespace."""

    def __init__(self):
        self.name = f"kiosk-test-{os.getpid()}-{secrets.token_hex(4)}"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind("\0" + self.name)
        self.messages: list[str] = []

    @property
    def address(self) -> str:
        return "@" + self.name

    def receive(self, timeout: float) -> str | None:
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return None
        message = self.sock.recv(4096).decode("utf-8")
        self.messages.append(message)
        return message

    def until(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            message = self.receive(left)
            if message is not None and text in message:
                return message
        raise AssertionError(f"never received {text!r}; received {self.messages}")

    def count(self, text: str) -> int:
        return sum(text in message.splitlines() for message in self.messages)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


def start(tmp_path: Path, listener: Listener, *args: str, code: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": str(PING_USEC),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "share")}
    env.pop("WATCHDOG_PID", None)
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "kiosk"]
    process = subprocess.Popen([*command, "--windowed", *args], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    STARTED.append(process)
    return process


def logged_so_far(process: subprocess.Popen) -> bytes:
    """What the program has written to its log (stderr) up to now, without waiting for more."""
    fd = process.stderr.fileno()
    chunks = []
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


# ---- the protocol itself ---------------------------------------------------------------------


def test_a_message_is_one_datagram_to_a_path_or_an_abstract_address(tmp_path, listener):
    path = tmp_path / "notify"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    with server:
        assert sd_notify.notify("READY=1\nSTATUS=testing", {"NOTIFY_SOCKET": str(path)})
        assert server.recv(4096) == b"READY=1\nSTATUS=testing"
    assert sd_notify.notify("WATCHDOG=1", {"NOTIFY_SOCKET": listener.address})
    assert listener.receive(5) == "WATCHDOG=1"


def test_without_a_service_manager_nothing_is_sent_and_nothing_fails(tmp_path):
    assert not sd_notify.notify("READY=1", {})
    assert not sd_notify.notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "nobody-listens")})


@pytest.mark.parametrize(("environ", "interval"), [
    ({"WATCHDOG_USEC": "30000000"}, 15.0),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, None),  # meant for another process
    ({"WATCHDOG_USEC": "0"}, None),
    ({"WATCHDOG_USEC": "soon"}, None),
    ({}, None),
])
def test_the_ping_interval_is_half_the_watchdog_time(environ, interval):
    assert sd_notify.watchdog_interval(environ, pid=4242) == interval


# ---- the real program --------------------------------------------------------------------------


@pytest.mark.slow
def test_ready_after_the_first_frame_then_pings_until_stopping(tmp_path, listener):
    process = start(tmp_path, listener, "--quit-after", "3")
    ready = listener.until("READY=1")
    # The log line is written before READY=1 is sent: it must already be in the pipe.
    assert FIRST_FRAME in logged_so_far(process), "READY=1 came before the first frame was painted"
    assert "STATUS=" in ready
    listener.until("STOPPING=1")
    assert process.wait(timeout=30) == 0
    assert listener.count("WATCHDOG=1") >= 3, listener.messages
    assert listener.messages[-1].startswith("STOPPING=1")


# Blocks the UI thread (not the process) when the test sends SIGUSR2: the kiosk's own handler for
# signals wakes the event loop, which then runs this and never turns again.
BLOCK_ON_SIGNAL = """
import signal, sys, time
from kiosk.cli import main
signal.signal(signal.SIGUSR2, lambda *_: time.sleep(600))
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_a_blocked_event_loop_stops_the_pings(tmp_path, listener):
    process = start(tmp_path, listener, code=BLOCK_ON_SIGNAL)
    listener.until("READY=1")
    for _ in range(3):
        listener.until("WATCHDOG=1", timeout=10)
    process.send_signal(signal.SIGUSR2)
    # A ping may already be on its way; then ten intervals must pass in silence.
    silence = PING_USEC / 1_000_000 * 10
    deadline = time.monotonic() + 4 * silence
    while listener.receive(silence) is not None:
        assert time.monotonic() < deadline, f"pings went on with the event loop blocked: {listener.messages}"
    assert process.poll() is None  # hung, not dead: only the watchdog notices


# ---- the unit file and a real systemd ----------------------------------------------------------


def unit_text(kiosk_command: str) -> str:
    return resource_path("linux", "jining-kiosk.service").read_text(encoding="utf-8").replace("@KIOSK@", kiosk_command)


def test_the_unit_asks_for_the_watchdog():
    lines = set(unit_text("/usr/bin/kiosk").splitlines())
    assert {"Type=notify", "NotifyAccess=main", "WatchdogSec=30", "Restart=always"} <= lines


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path):
    unit = tmp_path / "jining-kiosk.service"
    unit.write_text(unit_text(str(Path(sys.executable).with_name("kiosk"))), encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(["systemd-analyze", "--user", "verify", str(unit)], capture_output=True, text=True,
                            env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)}, timeout=60)
    # verify exits 0 even for unknown keys and bad values, which it only prints: nothing may be printed.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


# A systemd user manager of the test's own, so that nothing of the machine's is touched: its own
# runtime and config directories, a private mount namespace (where /run/systemd/system exists, so
# it may run on a machine not booted with systemd) and a cgroup namespace rooted in a new cgroup
# below the test's, where it keeps its units. Needs root (namespaces, mounts, cgroups).
MANAGER = r"""
import os, sys
cgroup_root, own = sys.argv[1], sys.argv[2]
child = os.path.join(cgroup_root, own.lstrip("/"), "kiosk-test-%d" % os.getpid())
os.mkdir(child)
with open(os.path.join(child, "cgroup.procs"), "w") as procs:
    procs.write(str(os.getpid()))
run = "/run/systemd" if os.path.isdir("/run/systemd") else "/run"
script = ("mount -t tmpfs tmpfs %s && mkdir -p /run/systemd/system && mount -t cgroup2 cgroup2 /sys/fs/cgroup"
          " && exec systemd --user --log-target=null" % run)
os.execvp("unshare", ["unshare", "--mount", "--cgroup", "--propagation", "private", "sh", "-c", script])
"""


def _cgroup2() -> tuple[str, str] | None:
    """Where the unified cgroup hierarchy is mounted, and this process's cgroup in it."""
    mounts = [line.split() for line in Path("/proc/self/mountinfo").read_text().splitlines()]
    points = [fields[4] for fields in mounts if fields[fields.index("-") + 1] == "cgroup2"]
    own = [line[3:] for line in Path("/proc/self/cgroup").read_text().splitlines() if line.startswith("0::")]
    return (points[0], own[0]) if points and own else None


def _why_no_systemd() -> str | None:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "a private systemd user manager needs root on Linux"
    for tool in ("systemd", "systemctl", "unshare"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if _cgroup2() is None:
        return "no unified (v2) cgroup hierarchy is mounted"
    return None


class UserManager:
    def __init__(self, home: Path):
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(home / "runtime"), "XDG_CONFIG_HOME": str(home / "config"),
                    "XDG_STATE_HOME": str(home / "state"), "XDG_DATA_HOME": str(home / "share"),
                    "XDG_CACHE_HOME": str(home / "cache"), "SYSTEMD_LOG_TARGET": "null"}
        for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID"):
            self.env.pop(name, None)
        Path(self.env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700)
        root, own = _cgroup2()
        self.process = subprocess.Popen([sys.executable, "-c", MANAGER, root, own], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.cgroup = Path(root, own.lstrip("/"), f"kiosk-test-{self.process.pid}")
        private = Path(self.env["XDG_RUNTIME_DIR"], "systemd", "private")
        deadline = time.monotonic() + 30
        while not private.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.skip(f"systemd --user does not start here: {self.process.stderr.read().strip()[:200]}")
            time.sleep(0.1)

    def run(self, *args: str, check: bool = True, timeout: float = 60) -> str:
        result = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(args)}: {result.returncode} {result.stdout}{result.stderr}")
        return result.stdout

    def show(self, unit: str, *properties: str) -> dict[str, str]:
        out = self.run("systemctl", "--user", "show", unit, *(f"--property={p}" for p in properties))
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # stops its units, then itself
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process.stderr.close()
        for path in sorted(self.cgroup.rglob("*"), reverse=True) if self.cgroup.exists() else []:
            if path.is_dir():
                path.rmdir()
        if self.cgroup.exists():
            self.cgroup.rmdir()


@pytest.fixture
def user_manager(tmp_path):
    reason = _why_no_systemd()
    if reason:
        pytest.skip(reason)
    manager = UserManager(tmp_path)
    yield manager
    manager.stop()


@pytest.mark.slow
def test_systemd_restarts_a_frozen_kiosk(user_manager):
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    env = user_manager.env
    result = subprocess.run([kiosk, "install-autostart", "--systemd"], env=env, capture_output=True, text=True)
    assert result.returncode == 0 and "failed" not in result.stdout + result.stderr, result.stdout + result.stderr
    unit = Path(env["XDG_CONFIG_HOME"], "systemd", "user", "jining-kiosk.service")
    assert "WatchdogSec=30" in unit.read_text(encoding="utf-8")
    # The installed unit as it is, with a shorter watchdog so that the test need not wait 30 s.
    dropin = unit.with_name("jining-kiosk.service.d")
    dropin.mkdir()
    (dropin / "test.conf").write_text("[Service]\nWatchdogSec=3\n", encoding="utf-8")
    user_manager.run("systemctl", "--user", "daemon-reload")
    user_manager.run("systemctl", "--user", "set-environment", f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}",
                     *(f"{name}={env[name]}" for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
                                                          "XDG_CACHE_HOME")))
    # With Type=notify, start returns once the kiosk has said READY=1, after its first frame.
    user_manager.run("systemctl", "--user", "start", "jining-kiosk.service", timeout=120)
    first = user_manager.show("jining-kiosk.service", "MainPID", "ActiveState", "StatusText")
    assert first["ActiveState"] == "active" and first["StatusText"].startswith("visitor session"), first
    time.sleep(4)  # more than the watchdog time: the pings keep it running
    assert user_manager.show("jining-kiosk.service", "MainPID", "NRestarts") == {"MainPID": first["MainPID"],
                                                                                  "NRestarts": "0"}
    os.kill(int(first["MainPID"]), signal.SIGSTOP)  # frozen: alive, but silent
    deadline = time.monotonic() + 90
    while True:
        now = user_manager.show("jining-kiosk.service", "MainPID", "NRestarts", "ActiveState", "SubState")
        if now["NRestarts"] != "0" and now["ActiveState"] == "active" and now["SubState"] == "running":
            break
        assert time.monotonic() < deadline, f"systemd did not restart the frozen kiosk: {now}"
        time.sleep(0.2)
    assert now["MainPID"] != first["MainPID"]
    log = next(Path(env["XDG_STATE_HOME"]).rglob("kiosk.log")).read_text(encoding="utf-8")
    assert log.count("first frame painted") == 2  # a fresh kiosk is on screen again
    user_manager.run("systemctl", "--user", "stop", "jining-kiosk.service")


@pytest.mark.slow
def test_a_kiosk_started_outside_opening_hours_says_so_and_stays_dark(tmp_path, listener):
    config = tmp_path / "config" / "jining-kiosk" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[display_hours]\nwake_minutes = 5\n", encoding="utf-8")  # no opening times at all
    process = start(tmp_path, listener, "--quit-after", "1")
    ready = listener.until("READY=1")
    assert "STATUS=screen off outside opening hours" in ready
    listener.until("STOPPING=1")
    assert process.wait(timeout=30) == 0
    log = logged_so_far(process).decode()
    assert "no opening times on any day" in log
    assert "the screen is darkened by black curtain (Qt's 'offscreen' platform has no screen switch)" in log
