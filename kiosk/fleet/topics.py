"""The fleet's MQTT topics and messages, shared by the kiosk and staff's command line. Qt-free.

    kiosks/<site>/<kiosk>/status              retained JSON; the last will makes it {"online": false}
    kiosks/<site>/<kiosk>/command             staff -> kiosk, QoS 1: {"id", "command", ...}
    kiosks/<site>/<kiosk>/reply               kiosk -> staff: {"id", "command", "ok", "detail"}
    kiosks/<site>/<kiosk>/screenshot/<id>     kiosk -> staff: the PNG of command <id>
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass

ROOT = "kiosks"
COMMANDS = ("reload", "screenshot", "restart", "screen-on", "screen-off")
OFFLINE = {"online": False}


@dataclass(frozen=True)
class KioskTopics:
    site: str
    kiosk: str

    @property
    def base(self) -> str:
        return f"{ROOT}/{self.site}/{self.kiosk}"

    @property
    def status(self) -> str:
        return f"{self.base}/status"

    @property
    def command(self) -> str:
        return f"{self.base}/command"

    @property
    def reply(self) -> str:
        return f"{self.base}/reply"

    def screenshot(self, command_id: str) -> str:
        return f"{self.base}/screenshot/{command_id}"


def status_filter(site: str | None = None) -> str:
    """Every kiosk's status topic (of one site, if given)."""
    return f"{ROOT}/{site or '+'}/+/status"


def kiosk_of(topic: str) -> tuple[str, str] | None:
    """(site, kiosk) of a topic under kiosks/, or None."""
    parts = topic.split("/")
    return (parts[1], parts[2]) if len(parts) >= 4 and parts[0] == ROOT else None


def kiosk_name(fleet) -> str:
    """The kiosk's name in the fleet: [fleet] kiosk_id, else the host name."""
    return fleet.kiosk_id or socket.gethostname().split(".")[0]


@dataclass(frozen=True)
class Command:
    id: str
    command: str


def parse_command(payload: bytes) -> Command:
    """A command message; ValueError says what is wrong with it."""
    try:
        message = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(message, dict) or not isinstance(message.get("id"), str) or not message["id"]:
        raise ValueError("a command needs an \"id\" (text)")
    if message.get("command") not in COMMANDS:
        raise ValueError(f"unknown command {message.get('command')!r}; one of {', '.join(COMMANDS)}")
    return Command(message["id"], message["command"])


def encode(message: dict) -> bytes:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
