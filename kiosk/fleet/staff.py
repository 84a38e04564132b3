"""`kiosk fleet`: staff's view of every kiosk, and commands to one. Qt-free.

    kiosk fleet list                                  every kiosk's latest status, offline ones too
    kiosk fleet reload|restart|screen-on|screen-off KIOSK
    kiosk fleet screenshot KIOSK --out FILE.png
    (kiosk fleet stats, the zone's visitor analytics, needs no broker: kiosk.fleet.command)

The broker and staff's credentials come from the [fleet] section of --config (the staff
machine's own file: mqtt_host, mqtt_username, ...), or --host/--port. KIOSK is a kiosk id, or
SITE/ID for a kiosk of another site than [fleet] site.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import queue
import socket
import sys
import time
import uuid
from pathlib import Path

from kiosk.config import Fleet, load_config
from kiosk.fleet.broker import make_client, port, where
from kiosk.fleet.topics import COMMANDS, KioskTopics, encode, kiosk_of, status_filter

LIST_QUIET_S = 0.5  # retained statuses come right after the subscription: this long with none is all
EXIT_FAILED, EXIT_NO_BROKER, EXIT_NO_REPLY = 1, 2, 3


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk fleet", description="Every kiosk's status; commands to one kiosk.",
        epilog="Also: 'kiosk fleet keygen' writes the key pair that signs published content, and 'kiosk fleet "
               "stats' makes one report of every kiosk's visitor analytics (each has its own --help).")
    parser.add_argument("--config", type=Path, help="configuration file with a [fleet] section (the broker, "
                                                    "staff's user name and password file)")
    parser.add_argument("--host", help="the broker (default: [fleet] mqtt_host)")
    parser.add_argument("--port", type=int, help="the broker's port (default: [fleet] mqtt_port)")
    parser.add_argument("--site", help="list this site only; the site of a KIOSK without one (default: [fleet] site)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="how long to wait for the broker and for the kiosk's reply (default 30)")
    parser.add_argument("action", choices=("list", *COMMANDS))
    parser.add_argument("kiosk", nargs="?", help="the kiosk to command: ID or SITE/ID")
    parser.add_argument("--out", type=Path, help="screenshot: the PNG file to write")
    return parser


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.action != "list" and not args.kiosk:
        parser().error(f"{args.action} needs the KIOSK to command")
    if args.action == "screenshot" and args.out is None:
        parser().error("screenshot needs --out FILE.png")
    fleet = _settings(args)
    if fleet.mqtt_host is None:
        parser().error("no broker: give --host, or mqtt_host in the [fleet] section of --config")
    try:
        session = Session(fleet, args.timeout)
    except OSError as error:
        print(f"cannot reach the broker {where(fleet)}: {error}", file=sys.stderr)
        return EXIT_NO_BROKER
    try:
        if args.action == "list":
            return list_kiosks(session, args.site)
        site, _, kiosk = args.kiosk.rpartition("/")
        return command(session, KioskTopics(site or args.site or fleet.site, kiosk), args.action, args.out)
    finally:
        session.close()


def _settings(args) -> Fleet:
    fleet = load_config(args.config).config.fleet or Fleet()
    given = {"mqtt_host": args.host, "mqtt_port": args.port}
    return dataclasses.replace(fleet, **{key: value for key, value in given.items() if value is not None})


class Session:
    """Staff's connection: every message on what it subscribes to lands in `messages`."""

    def __init__(self, fleet: Fleet, timeout: float):
        self.timeout = timeout
        self.messages: queue.Queue = queue.Queue()
        self.acks: queue.Queue = queue.Queue()
        self.client = make_client(fleet, client_id=f"staff-{socket.gethostname()}-{os.getpid()}")
        self.client.on_message = lambda _c, _u, message: self.messages.put(message)
        self.client.on_subscribe = lambda _c, _u, mid, _codes, _p: self.acks.put(mid)
        connected: queue.Queue = queue.Queue()
        self.client.on_connect = lambda _c, _u, _f, reason, _p: connected.put(reason)
        self.client.connect(fleet.mqtt_host, port(fleet), keepalive=30)
        self.client.loop_start()
        try:
            reason = connected.get(timeout=timeout)
        except queue.Empty:
            self.close()
            raise OSError("no answer") from None
        if reason.is_failure:
            self.close()
            raise OSError(f"refused: {reason}")

    def subscribe(self, topic: str) -> None:
        """Subscribed once this returns: the broker confirmed it."""
        _result, mid = self.client.subscribe(topic, qos=1)
        deadline = time.monotonic() + self.timeout
        while (got := self.acks.get(timeout=max(0.0, deadline - time.monotonic()))) != mid:
            pass  # another subscription's

    def next_message(self, until: float):
        try:
            return self.messages.get(timeout=max(0.0, until - time.monotonic()))
        except queue.Empty:
            return None

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def collect_statuses(session: Session, site: str | None) -> dict[tuple[str, str], dict]:
    session.subscribe(status_filter(site))
    statuses = {}
    while (message := session.next_message(time.monotonic() + LIST_QUIET_S)) is not None:
        try:
            status = json.loads(message.payload)
        except ValueError:
            status = {"online": False, "problems": ["the status is not JSON"]}
        statuses[kiosk_of(message.topic)] = status if isinstance(status, dict) else {}
    return statuses


COLUMNS = ("SITE", "KIOSK", "STATE", "APP", "CONTENT", "SHOWING SINCE", "UP", "MB", "LAST TOUCH", "PROBLEMS")


def list_kiosks(session: Session, site: str | None) -> int:
    statuses = collect_statuses(session, site)
    rows = [row(where, status) for where, status in sorted(statuses.items())]
    print_table([COLUMNS, *rows])
    if not rows:
        print("no kiosk has reported to this broker" + (f" for site {site}" if site else ""))
    return 0


def row(where: tuple[str, str], status: dict) -> tuple[str, ...]:
    site, kiosk = where
    if not status.get("online"):
        return (site, kiosk, "OFFLINE", *("-" * 7))
    problems = status.get("problems") or []
    return (site, kiosk, "screen on" if status.get("screen_on") else "screen off", str(status.get("app_version")),
            str(status.get("content")), _short_time(status.get("showing_since")), _duration(status.get("uptime_s")),
            str(status.get("rss_mb")), _short_time(status.get("last_touch")),
            f"{len(problems)}: {problems[0]}" if problems else "none")


def _short_time(text: str | None) -> str:
    return "-" if not text else text.replace("T", " ")[:16]


def _duration(seconds) -> str:
    if not isinstance(seconds, int | float):
        return "-"
    days, rest = divmod(int(seconds), 86400)
    return f"{days}d{rest // 3600:02d}h" if days else f"{rest // 3600}h{rest % 3600 // 60:02d}m"


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip())


def command(session: Session, topics: KioskTopics, action: str, out: Path | None) -> int:
    """Send `action` to the kiosk and wait for its reply (and, for a screenshot, its picture)."""
    command_id = uuid.uuid4().hex
    session.subscribe(topics.reply)
    if action == "screenshot":
        session.subscribe(topics.screenshot(command_id))
    session.client.publish(topics.command, encode({"id": command_id, "command": action}), qos=1)
    deadline = time.monotonic() + session.timeout
    picture, reply = None, None
    while reply is None or (action == "screenshot" and reply.get("ok") and picture is None):
        message = session.next_message(deadline)
        if message is None:
            print(f"no reply from {topics.base} within {session.timeout:g} s (offline? see 'kiosk fleet list')",
                  file=sys.stderr)
            return EXIT_NO_REPLY
        if message.topic == topics.screenshot(command_id):
            picture = message.payload
        elif message.topic == topics.reply:
            answer = json.loads(message.payload)
            reply = answer if answer.get("id") == command_id else reply
    print(f"{topics.base}: {action}: {'done' if reply['ok'] else 'FAILED'}: {reply.get('detail', '')}")
    if picture is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(picture)
        print(out)
    return 0 if reply["ok"] else EXIT_FAILED
