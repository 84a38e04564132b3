"""The fleet figure of the benchmark: status messages per kiosk per hour. Qt-free (the kiosk runs
in its own process).

A real kiosk process reports to a real Mosquitto broker on a free localhost port, at the
shortest interval [fleet] allows (status_seconds = 10), with idle_seconds = 10 so that its
visitor session changes state during the run (it returns to the attract loop): such changes
are meant to wait for the next regular status, and the count shows whether they do. Every
status message the broker passes on is counted by a subscriber; the count is scaled to an hour.
The figure at the default interval is computed from it: 3600 / status_seconds regular messages
plus the messages the run sent at once for a change, per hour (the one at connection, once per
start, is left out). The changes that are sent at once in real use (the screen switched by the
opening hours, new content) come a few times a day and are not part of this run.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEASURED_INTERVAL_S = 10
WAIT_S = 60


def free_port() -> int:
    """A TCP port of this machine nobody listens on (for a server started next)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_rate(seconds: float) -> dict:
    """Status messages of one kiosk over `seconds`, and per hour; an "error" entry if the broker
    or the fleet extra is missing."""
    mosquitto = find_mosquitto()
    if mosquitto is None:
        return {"error": "mosquitto is not installed (Debian: mosquitto)"}
    try:
        import paho.mqtt.client as mqtt
    except ImportError:
        return {"error": "the fleet extra is not installed (pip install 'jining-kiosk[fleet]')"}
    from kiosk.config import Fleet

    with tempfile.TemporaryDirectory() as home:
        home = Path(home)
        processes = []
        try:
            port = start_broker(mosquitto, home, processes)
            messages: queue.Queue = queue.Queue()
            counter = _subscriber(mqtt, port, lambda message: messages.put(message.payload))
            processes.append(start_kiosk(home, f"idle_seconds = 10\n[fleet]\nmqtt_host = \"127.0.0.1\"\n"
                                               f"mqtt_port = {port}\nsite = \"bench\"\nkiosk_id = \"k1\"\n"
                                               f"status_seconds = {MEASURED_INTERVAL_S}\n"))
            messages.get(timeout=WAIT_S)  # the status at connection: the run starts here
            started = time.monotonic()
            count = 1
            while (left := seconds - (time.monotonic() - started)) > 0:
                try:
                    messages.get(timeout=left)
                    count += 1
                except queue.Empty:
                    break
            counter.disconnect()
            counter.loop_stop()
        except queue.Empty:
            return {"error": "the kiosk sent no status"}
        finally:
            stop(processes)
    regular = int(seconds // MEASURED_INTERVAL_S)
    changes = max(0, count - 1 - regular)  # besides the one at connection and the regular ones
    default = Fleet().status_seconds
    return {"messages": count, "seconds": seconds, "status_seconds": MEASURED_INTERVAL_S,
            "sent at once for a change": changes,
            "per kiosk per hour, measured": count * 3600 / seconds,
            "per kiosk per hour at the default interval, computed": 3600 / default + changes * 3600 / seconds,
            "default status_seconds": default}


def find_mosquitto() -> str | None:
    return shutil.which("mosquitto") or shutil.which("mosquitto", path="/usr/sbin")


def start_broker(mosquitto: str, home: Path, processes: list) -> int:
    """Mosquitto on a free localhost port (its process appended to `processes`); returns the port."""
    port = free_port()
    (home / "mosquitto.conf").write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
                                         f"user {os.environ.get('USER') or 'root'}\n")
    processes.append(subprocess.Popen([mosquitto, "-c", str(home / "mosquitto.conf")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return port


def start_kiosk(home: Path, settings: str) -> subprocess.Popen:
    """A real kiosk process, windowed offscreen, with `home` for its configuration and state."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"config_version = 1\nanalytics = false\n{settings}")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           **{name: str(home) for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}}
    return subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed", "--config", str(home / "config.toml")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(processes: list) -> None:
    for process in reversed(processes):
        process.terminate()
        process.wait(timeout=WAIT_S)


def _subscriber(mqtt, port: int, on_payload, client_id: str = "bench-counter"):
    """A client on every kiosk's status; `on_payload(message)` on paho's thread for each."""
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id)
    client.on_message = lambda _c, _u, message: on_payload(message)
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            client.connect("127.0.0.1", port)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    client.subscribe("kiosks/+/+/status", qos=1)
    client.loop_start()
    return client
