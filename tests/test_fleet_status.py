"""The fleet over a real Mosquitto broker on this machine: real kiosk processes report their
status and carry out staff's commands from `kiosk fleet`; the broker's ACL keeps each kiosk to
its own topics; a killed kiosk is marked offline by its last will; a killed broker leaves the
kiosk running, and it reports again once the broker is back."""

from __future__ import annotations

import getpass
import hashlib
import io
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.bench_fleet import free_port
from kiosk.resources import data_path
from conftest import SCREEN_CONFIG, STARTED

paho = pytest.importorskip("paho.mqtt.client", reason="needs the kiosk's fleet extra (paho-mqtt)")

MOSQUITTO = shutil.which("mosquitto") or ("/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MOSQUITTO is None, reason="the fleet tests need the Debian packages mosquitto"),
]
WAIT_S = 60  # every wait is bounded; none is measured
ROOT = Path(__file__).resolve().parents[1]

# Each kiosk only its own topics; staff everything (as the README's ACL example).
ACL = """\
user staff
topic readwrite kiosks/#

pattern write kiosks/+/%u/status
pattern write kiosks/+/%u/reply
pattern write kiosks/+/%u/screenshot/#
pattern read kiosks/+/%u/command
"""


@dataclass
class Broker:
    """mosquitto on a free localhost port; stop() and start() again keep the port."""

    home: Path
    port: int = field(default_factory=free_port)
    secure: bool = False
    tls_ca: Path | None = None  # set by with_tls(): the listener speaks TLS only
    process: subprocess.Popen | None = None

    def start(self) -> Broker:
        config = self.home / "mosquitto.conf"
        # Started as root, mosquitto would become the user "mosquitto", who may not read the
        # test's files: it stays the user who runs the tests.
        lines = [f"listener {self.port} 127.0.0.1", "persistence false", "log_dest stderr",
                 f"user {getpass.getuser()}"]
        if self.secure:
            lines += ["allow_anonymous false", f"password_file {self.home / 'passwords'}",
                      f"acl_file {self.home / 'acl'}"]
        else:
            lines += ["allow_anonymous true"]
        if self.tls_ca is not None:
            lines += [f"cafile {self.tls_ca}", f"certfile {self.home / 'broker.pem'}",
                      f"keyfile {self.home / 'broker.key'}"]
        config.write_text("\n".join(lines) + "\n")
        with (self.home / "mosquitto.log").open("a") as log:  # the broker keeps its own descriptor
            self.process = subprocess.Popen([MOSQUITTO, "-c", str(config)], stdout=log, stderr=log)
        STARTED.append(self.process)
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.home / "mosquitto.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("mosquitto did not start listening")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=WAIT_S)

    def with_tls(self) -> Broker:
        """A certificate authority of its own and a certificate for 127.0.0.1 signed by it."""
        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=self.home)

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test fleet CA",
                "-keyout", "ca.key", "-out", "ca.pem")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "broker.key",
                "-out", "broker.csr")
        (self.home / "san.ext").write_text("subjectAltName = IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", "san.ext", "-out", "broker.pem")
        self.tls_ca = self.home / "ca.pem"
        return self

    def add_user(self, name: str) -> Path:
        """A user with a password; returns the file that holds it (as a kiosk keeps it)."""
        passwords = self.home / "passwords"
        password = f"secret-{name}"
        subprocess.run(["mosquitto_passwd", *([] if passwords.exists() else ["-c"]), "-b", str(passwords), name,
                        password], check=True, capture_output=True)
        passwords.chmod(0o600)
        secret = self.home / f"{name}.password"
        secret.write_text(password + "\n")
        return secret


@pytest.fixture
def broker(tmp_path):
    (tmp_path / "broker").mkdir()
    return Broker(tmp_path / "broker").start()


def fleet_section(broker: Broker, user: str | None = None, **settings) -> str:
    lines = ["[fleet]", 'mqtt_host = "127.0.0.1"', f"mqtt_port = {broker.port}", 'site = "test"']
    if broker.tls_ca is not None:
        lines += [f'mqtt_tls_ca = "{broker.tls_ca}"']
    if user is not None:
        lines += [f'mqtt_username = "{user}"', f'mqtt_password_file = "{broker.home / (user + ".password")}"']
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    return "\n".join(lines) + "\n"


class Watcher:
    """A staff client on kiosks/#: every message arrives in a queue."""

    def __init__(self, broker: Broker, user: str | None = None):
        self.messages: queue.Queue = queue.Queue()
        self.seen: list = []
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"watcher-{user}-{uuid.uuid4().hex}")
        if user is not None:
            self.client.username_pw_set(user, f"secret-{user}")
        if broker.tls_ca is not None:
            self.client.tls_set(ca_certs=str(broker.tls_ca))
        self.client.on_message = lambda _c, _u, message: self.messages.put(message)
        subscribed: queue.Queue = queue.Queue()
        self.client.on_subscribe = lambda *args: subscribed.put(True)
        self.client.connect("127.0.0.1", broker.port)
        self.client.loop_start()
        self.client.subscribe("kiosks/#", qos=1)
        subscribed.get(timeout=WAIT_S)

    def wait_for(self, what: str, found) -> object:
        """The first message (topic, payload) for which found(topic, payload) is true."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            self.seen.append((message.topic, message.payload))
            if found(message.topic, message.payload):
                return message
        raise AssertionError(f"no {what} within {WAIT_S} s; seen: {[topic for topic, _ in self.seen]}")

    def status(self, kiosk: str, found=lambda status: True) -> dict:
        topic = f"kiosks/test/{kiosk}/status"
        message = self.wait_for(f"status of {kiosk}", lambda t, p: t == topic and found(json.loads(p)))
        return json.loads(message.payload)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def watchers():
    made = []
    yield lambda broker, user=None: made.append(Watcher(broker, user)) or made[-1]
    for watcher in made:
        watcher.close()


@dataclass
class KioskProcess:
    process: subprocess.Popen
    log_path: Path

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN_CONFIG}"}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("NOTIFY_SOCKET", None)
    env.pop("INVOCATION_ID", None)  # not supervised: a restart replaces the process itself
    return env


def start_kiosk(home: Path, config: str, own_data: bool = True) -> KioskProcess:
    """The real program, windowed, with its own data file (so that reload has one to read), or
    without (own_data=False: a fleet's kiosk shows what it pulled). Started again in the same
    home, it is the same kiosk restarted; its log goes on."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("config_version = 1\nanalytics = false\n" + config)
    data = []
    if own_data:
        shutil.copy(data_path(), home / "data.json")
        data = ["--data", str(home / "data.json")]
    log_path = home / "kiosk.log"
    with log_path.open("a") as log:
        process = subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed", "--size", "1280x720",
                                    "--config", str(home / "config.toml"), *data],
                                   env=environment(home), stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)
    STARTED.append(process)
    return KioskProcess(process, log_path)


def staff(broker: Broker, *args: str, user: str | None = None, home: Path) -> subprocess.CompletedProcess:
    """`kiosk fleet ...` on the staff machine, with its own [fleet] section."""
    config = home / "staff.toml"
    config.write_text(fleet_section(broker, user))
    return subprocess.run([sys.executable, "-m", "kiosk", "fleet", "--config", str(config), "--timeout", str(WAIT_S),
                           *args], capture_output=True, text=True, timeout=WAIT_S * 2, env=environment(home),
                          cwd=ROOT)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_kiosk_reports_its_status_staff_list_it_and_a_killed_kiosk_is_marked_offline(broker, watchers,
                                                                                        tmp_path):
    watcher = watchers(broker)
    kiosk = start_kiosk(tmp_path / "k1", fleet_section(broker, kiosk_id="k1"))
    status = watcher.status("k1")
    assert status["online"] is True
    assert status["app_version"] == __version__
    assert sha(tmp_path / "k1" / "data.json").startswith(status["content"])
    assert status["screen_on"] is True and status["problems"] == []
    assert status["rss_mb"] > 0 and status["uptime_s"] >= 0 and status["showing_since"] and status["started"]
    assert "last_touch" in status

    listed = staff(broker, "list", home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if " k1 " in f" {line} ")
    assert "screen on" in line and status["content"] in line

    kiosk.process.send_signal(signal.SIGKILL)
    kiosk.process.wait(timeout=WAIT_S)
    assert watcher.status("k1", lambda status: not status["online"]) == {"online": False}
    listed = staff(broker, "list", home=tmp_path)
    assert "OFFLINE" in next(line for line in listed.stdout.splitlines() if " k1 " in f" {line} ")


def screenshot_size(broker: Broker, kiosk: str, home: Path) -> tuple[int, int]:
    """`kiosk fleet screenshot`: the size of the picture it wrote, once it decodes as a PNG."""
    from PIL import Image

    picture = home / f"{kiosk}.png"
    shot = staff(broker, "screenshot", kiosk, "--out", str(picture), home=home)
    assert shot.returncode == 0, shot.stdout + shot.stderr
    with Image.open(io.BytesIO(picture.read_bytes()), formats=["PNG"]) as image:
        image.load()
        return image.size


def test_staff_commands_are_carried_out_answered_and_logged(broker, watchers, tmp_path):
    watcher = watchers(broker)
    kiosk = start_kiosk(tmp_path / "k1", fleet_section(broker, kiosk_id="k1"))
    first = watcher.status("k1")

    data = tmp_path / "k1" / "data.json"
    data.write_text(json.dumps(json.loads(data.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    reloaded = staff(broker, "reload", "k1", home=tmp_path)
    assert reloaded.returncode == 0, reloaded.stdout + reloaded.stderr
    assert sha(data)[:12] in reloaded.stdout
    assert watcher.status("k1", lambda status: status["content"] == sha(data)[:12])

    assert screenshot_size(broker, "k1", tmp_path) == (1280, 720)

    assert staff(broker, "screen-off", "k1", home=tmp_path).returncode == 0
    assert watcher.status("k1", lambda status: not status["screen_on"])["online"]
    assert staff(broker, "screen-on", "k1", home=tmp_path).returncode == 0
    assert watcher.status("k1", lambda status: status["screen_on"])

    restarted = staff(broker, "restart", "k1", home=tmp_path)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    again = watcher.status("k1", lambda status: status["online"] and status["started"] != first["started"])
    assert again["screen_on"] and kiosk.process.poll() is None  # the same process, become a fresh kiosk

    log = kiosk.log
    for action in ("reload", "screenshot", "screen-off", "screen-on", "restart"):
        assert f"fleet: command {action} (id " in log, action
    assert "restarting: fleet command" in log


def test_the_broker_acl_keeps_each_kiosk_to_its_own_topics(tmp_path, watchers):
    broker = Broker(tmp_path / "broker", secure=True)
    broker.home.mkdir()
    for user in ("k1", "k2", "staff"):
        broker.add_user(user)
    (broker.home / "acl").write_text(ACL)
    broker.start()
    watcher = watchers(broker, "staff")
    kiosk = start_kiosk(tmp_path / "k1", fleet_section(broker, "k1", kiosk_id="k1"))
    assert watcher.status("k1")["online"]

    # Another kiosk (its own credentials) forges k1's status and commands k1, then reports on
    # its own topic: messages of one client arrive in order, so once its own status is here,
    # anything the broker let through would have arrived before it.
    intruder = Watcher(broker, "k2")
    try:
        intruder.client.publish("kiosks/test/k1/status", json.dumps({"online": True, "forged": True}), qos=1)
        intruder.client.publish("kiosks/test/k1/command", json.dumps({"id": "forged", "command": "restart"}), qos=1)
        intruder.client.publish("kiosks/test/k2/status", json.dumps({"online": True}), qos=1)
        watcher.wait_for("k2's own status", lambda topic, _payload: topic == "kiosks/test/k2/status")
        assert not [topic for topic, payload in watcher.seen if b"forged" in payload]

        # Staff may command k1; k1 answers; k2, subscribed to everything, hears none of it.
        answered = staff(broker, "screen-off", "k1", user="staff", home=tmp_path)
        assert answered.returncode == 0, answered.stdout + answered.stderr
        assert "kiosks/test/k1/command" in [topic for topic, _ in watcher.seen + _drain(watcher)]
        assert not [message.topic for message in _drain_queue(intruder.messages) if "/k1/" in message.topic]
    finally:
        intruder.close()
    assert "forged" not in kiosk.log and "fleet: command screen-off" in kiosk.log


def _drain(watcher: Watcher) -> list:
    return [(message.topic, message.payload) for message in _drain_queue(watcher.messages)]


def _drain_queue(messages: queue.Queue) -> list:
    drained = []
    while not messages.empty():
        drained.append(messages.get())
    return drained


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the TLS test needs the Debian packages openssl")
def test_kiosk_and_staff_reach_a_broker_over_tls_only(tmp_path, watchers):
    broker = Broker(tmp_path / "broker")
    broker.home.mkdir()
    broker.with_tls().start()
    watcher = watchers(broker)
    start_kiosk(tmp_path / "k1", fleet_section(broker, kiosk_id="k1"))
    assert watcher.status("k1")["online"]
    listed = staff(broker, "list", home=tmp_path)
    assert listed.returncode == 0 and "screen on" in listed.stdout, listed.stdout + listed.stderr

    plain = tmp_path / "plain.toml"  # the same broker without the CA: no connection, and it says so
    plain.write_text(f'[fleet]\nmqtt_host = "127.0.0.1"\nmqtt_port = {broker.port}\n')
    refused = subprocess.run([sys.executable, "-m", "kiosk", "fleet", "--config", str(plain), "--timeout", "5",
                              "list"], capture_output=True, text=True, timeout=WAIT_S, env=environment(tmp_path),
                             cwd=ROOT)
    assert refused.returncode == 2 and "cannot reach the broker" in refused.stderr, refused.stderr


def test_a_killed_broker_leaves_the_kiosk_running_and_it_reports_again_when_the_broker_is_back(broker, watchers,
                                                                                               tmp_path):
    kiosk = start_kiosk(tmp_path / "k1", fleet_section(broker, kiosk_id="k1"))
    watchers(broker).status("k1")
    broker.kill()
    deadline = time.monotonic() + WAIT_S
    while "lost the broker" not in kiosk.log and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "lost the broker" in kiosk.log
    # The screen goes on: its event loop answers SIGUSR1 with a memory line while the broker is away.
    kiosk.process.send_signal(signal.SIGUSR1)
    while "rss" not in kiosk.log.lower() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert kiosk.process.poll() is None and "rss" in kiosk.log.lower()

    broker.start()  # the same port, nothing retained (persistence false): a fresh status must come
    assert watchers(broker).status("k1")["online"]
    assert kiosk.process.poll() is None


def test_without_a_fleet_section_nothing_of_the_fleet_is_imported(tmp_path):
    """A kiosk on its own works as before: no MQTT client, no network thread."""
    code = ("import sys, kiosk.cli as cli\n"
            "code = cli.main(['--windowed', '--quit-after', '0.2'])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('paho', 'kiosk.fleet', 'kiosk.ui.fleet'))))\n"
            "sys.exit(code)\n")
    home = tmp_path / "alone"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=WAIT_S,
                            env=environment(home), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_fleet_settings_are_checked_like_the_others(tmp_path):
    from kiosk.config import load_config

    path = tmp_path / "config.toml"
    for setting, value in (("mqtt_port", "70000"), ("kiosk_id", '"hall/1"'), ("status_seconds", "1"),
                           ("mqtt_tls_ca", '""')):
        path.write_text(f'[fleet]\nmqtt_host = "broker.example"\n{setting} = {value}\n')
        loaded = load_config(path)
        assert loaded.config.fleet is None
        assert [problem.path for problem in loaded.problems] == [f"{path}: fleet.{setting}"]
    path.write_text('[fleet]\nmqtt_host = "broker.example"\nsite = "hall"\nkiosk_id = "k-1"\n')
    fleet = load_config(path).config.fleet
    assert (fleet.mqtt_host, fleet.site, fleet.kiosk_id, fleet.status_seconds) == ("broker.example", "hall", "k-1", 300)


def test_a_touch_is_the_last_touch_and_only_real_changes_are_sent_at_once(make_kiosk, tap, qtbot, broker,
                                                                          watchers):
    """A kiosk in this process: a touch and a visitor's session wait for the next regular
    status; the screen going off is sent at once, and its status has the touch's time."""
    from kiosk.config import Fleet
    from kiosk.ui.fleet_link import FleetLink

    watcher = watchers(broker)
    kiosk = make_kiosk()
    link = FleetLink(kiosk, Fleet(mqtt_host="127.0.0.1", mqtt_port=broker.port, site="test", kiosk_id="k1"))
    link.start()
    try:
        qtbot.waitUntil(lambda: link.link.published is not None, timeout=WAIT_S * 1000)
        assert watcher.status("k1")["last_touch"] is None
        tap(kiosk.window)
        link.publish_if_changed()
        kiosk.session.reset_requested.emit()  # the visitor's session back to the start
        kiosk.switch_screen(False, "a test")
        # Messages of one client arrive in order: the next one is the screen going off.
        status = watcher.status("k1")
        assert status["screen_on"] is False and status["last_touch"] is not None
    finally:
        link.stop()
