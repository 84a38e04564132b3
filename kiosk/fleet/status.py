"""This kiosk's link to the fleet's MQTT broker: its status, and staff's commands. Qt-free.

The status is retained on kiosks/<site>/<kiosk>/status, so whoever subscribes later gets each
kiosk's latest at once; the broker replaces it with the last will, {"online": false}, when the
kiosk vanishes (killed, cable pulled: after the keep-alive) and the kiosk itself does so when it
stops. Commands arrive on .../command (QoS 1); each is answered on .../reply.

paho's network thread (loop_start) does all the waiting, and reconnects with a growing delay
(RETRY_MIN_S up to RETRY_MAX_S) while the broker is away: nothing here blocks the caller, and
a missing broker costs the screen nothing. Commands are handed to `on_command` on paho's
thread: the Qt side passes them on to its own thread (kiosk.ui.fleet_link).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import paho.mqtt.client as mqtt

from kiosk.fleet.broker import KEEPALIVE_S, make_client, port, where
from kiosk.fleet.topics import OFFLINE, Command, KioskTopics, encode, kiosk_name, parse_command

log = logging.getLogger(__name__)

RETRY_MIN_S, RETRY_MAX_S = 1, 60
STOP_WAIT_S = 2  # for the "offline" status at a clean stop; the last will stands in if it is lost
# What a status is published for at once; the rest (uptime, memory, last touch, what the
# visitor does) waits for the next regular status.
CHANGES = ("app_version", "content", "showing_since", "screen_on", "problems")


def content_version(path: Path) -> str:
    """The shown data file's SHA-256, shortened: which version of the content is on screen."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return "unreadable"


class StatusLink:
    """The MQTT client of one kiosk. `on_command(Command)` and `on_connected()` are called on
    paho's network thread."""

    def __init__(self, fleet, on_command: Callable[[Command], None], on_connected: Callable[[], None]):
        self.fleet = fleet
        self.topics = KioskTopics(fleet.site, kiosk_name(fleet))
        self.on_command = on_command
        self.on_connected = on_connected
        self.connected = False
        self.published: dict | None = None  # the last status sent
        self.client = make_client(fleet, client_id=f"kiosk-{self.topics.site}-{self.topics.kiosk}")
        self.client.will_set(self.topics.status, encode(OFFLINE), qos=1, retain=True)
        self.client.reconnect_delay_set(RETRY_MIN_S, RETRY_MAX_S)
        self.client.on_connect = self._connected
        self.client.on_disconnect = self._disconnected
        self.client.on_message = self._message

    def start(self) -> None:
        log.info("fleet: reporting to %s as %s", where(self.fleet), self.topics.base)
        self.client.connect_async(self.fleet.mqtt_host, port(self.fleet), keepalive=KEEPALIVE_S)
        self.client.loop_start()

    def stop(self) -> None:
        """Say "offline" (a clean stop leaves no last will to do it), then disconnect."""
        if self.connected:
            sent = self.client.publish(self.topics.status, encode(OFFLINE), qos=1, retain=True)
            try:
                sent.wait_for_publish(STOP_WAIT_S)
            except (RuntimeError, ValueError):
                pass  # the connection went meanwhile: the last will says it
        self.connected = False  # a disconnection asked for, not one to warn about
        self.client.disconnect()
        self.client.loop_stop()

    def publish_status(self, status: dict) -> None:
        """Retained. While the broker is away nothing is sent (paho would queue every one until
        it is back): the next connection sends a fresh status."""
        if not self.connected:
            return
        self.published = {**status, "online": True}
        self.client.publish(self.topics.status, encode(self.published), qos=1, retain=True)

    def changed(self, status: dict) -> bool:
        """Whether `status` differs from the last one sent in anything that is sent at once."""
        return self.published is None or any(self.published.get(key) != status.get(key) for key in CHANGES)

    def reply(self, command: Command, ok: bool, detail: str) -> mqtt.MQTTMessageInfo:
        message = {"id": command.id, "command": command.command, "ok": ok, "detail": detail}
        return self.client.publish(self.topics.reply, encode(message), qos=1)

    def publish_screenshot(self, command: Command, png: bytes) -> None:
        self.client.publish(self.topics.screenshot(command.id), png, qos=1)

    # ---- on paho's thread --------------------------------------------------------------------

    def _connected(self, client, _userdata, _flags, reason, _properties) -> None:
        if reason.is_failure:
            log.warning("fleet: the broker %s refused the connection: %s", where(self.fleet), reason)
            return
        self.connected = True
        log.info("fleet: connected to %s", where(self.fleet))
        client.subscribe(self.topics.command, qos=1)
        self.on_connected()

    def _disconnected(self, _client, _userdata, _flags, reason, _properties) -> None:
        if self.connected:
            log.warning("fleet: lost the broker %s (%s); trying again every %d s at most, the screen goes on",
                        where(self.fleet), reason, RETRY_MAX_S)
        self.connected = False

    def _message(self, _client, _userdata, message) -> None:
        try:
            command = parse_command(message.payload)
        except ValueError as error:
            log.warning("fleet: ignored a message on %s: %s", message.topic, error)
            return
        log.info("fleet: command %s (id %s) received", command.command, command.id)
        self.on_command(command)
