"""The fleet's content figures: seconds from `kiosk publish` returning to the last of three kiosks
showing the new content, and the bytes of one poll when nothing changed. Qt-free (the kiosks run
in their own processes).

Real servers on this machine: moto's S3 server (a test dependency, run in this process) as the
store and Mosquitto as the broker. Three real kiosk processes poll the store every
POLL_SECONDS (the shortest [fleet] allows) through a relay that counts the bytes on the wire,
and report their status, which a kiosk sends at once when the content it shows changes: a
kiosk shows a version from the moment its status carries that version's content hash.

The poll interval dominates the first figure: each kiosk's next poll comes at some moment within
poll_seconds after the publish (each publish here waits a random part of the interval first),
then the download, the checks and the live reload take well under a second. The three kiosks
start together, so their polls nearly coincide; a thousand kiosks' polls spread over the whole
interval, and the last of them shows new content about poll_seconds after the publish (300 s
by default).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import random
import select
import socket
import tempfile
import threading
import time
from pathlib import Path

from kiosk.bench_fleet import WAIT_S, free_port, _subscriber, find_mosquitto, start_broker, start_kiosk, stop

POLL_SECONDS = 10
KIOSKS = ("k1", "k2", "k3")
BUCKET, PREFIX = "kiosk-content", "bench"


class CountingRelay:
    """A TCP relay in front of the store that counts the bytes each way and the connections
    (urllib makes one per request): what a poll really costs on the wire."""

    def __init__(self, port: int):
        self.upstream = port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sent = self.received = self.connections = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self):
        with self._lock:
            self.sent = self.received = self.connections = 0

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client):
        """Both directions of one connection, until either side closes it."""
        with client, socket.create_connection(("127.0.0.1", self.upstream)) as server:
            ends = {client: (server, "sent"), server: (client, "received")}
            while True:
                ready, _, _ = select.select(list(ends), [], [], 10)
                for source in ready:
                    destination, counter = ends[source]
                    data = source.recv(65536)
                    if not data:
                        return
                    with self._lock:
                        setattr(self, counter, getattr(self, counter) + len(data))
                    destination.sendall(data)
                if not ready:
                    return

    def close(self):
        # On Linux close() alone leaves the accept() of the other thread waiting for ever.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()


def public_bucket(client, bucket: str, prefix: str) -> None:
    """A bucket whose `prefix` everyone may read (kiosks need no credentials), as the README's policy."""
    client.create_bucket(Bucket=bucket)
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                                                      "Resource": f"arn:aws:s3:::{bucket}/{prefix}/*"}]}
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))


class ShownContent:
    """The content each kiosk's status reports, and when it first reported each (time.monotonic)."""

    def __init__(self):
        self.first_shown: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def on_status(self, message) -> None:
        status = json.loads(message.payload)
        if status.get("online") and status.get("content"):
            with self._lock:
                self.first_shown.setdefault((status["kiosk"], status["content"]), time.monotonic())

    def all_showing(self, content: str) -> list[float] | None:
        with self._lock:
            times = [self.first_shown.get((kiosk, content)) for kiosk in KIOSKS]
        return None if None in times else times

    def wait(self, content: str) -> list[float]:
        deadline = time.monotonic() + WAIT_S
        while (times := self.all_showing(content)) is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"not every kiosk showed {content} within {WAIT_S} s")
            time.sleep(0.05)
        return times


def publish_to_shown(rounds: int) -> dict:
    """`rounds` publishes to three kiosks; an "error" entry if a server or an extra is missing."""
    mosquitto = find_mosquitto()
    if mosquitto is None:
        return {"error": "mosquitto is not installed (Debian: mosquitto)"}
    try:
        import boto3
        import paho.mqtt.client as mqtt
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        return {"error": f"needs the fleet extra and moto[server] ({error.name} is missing)"}
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(name, "bench")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the store's line for every request
    with tempfile.TemporaryDirectory() as home:
        home = Path(home)
        processes, store_port = [], free_port()
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=store_port, verbose=False)
        server.start()
        relay = CountingRelay(store_port)
        try:
            endpoint = f"http://127.0.0.1:{store_port}"
            public_bucket(boto3.client("s3", endpoint_url=endpoint), BUCKET, PREFIX)
            return _measure(home, endpoint, relay, mosquitto, mqtt, processes, rounds)
        except TimeoutError as error:
            return {"error": str(error)}
        finally:
            stop(processes)
            relay.close()
            server.stop()


def _measure(home: Path, endpoint: str, relay: CountingRelay, mosquitto: str, mqtt, processes: list,
             rounds: int) -> dict:
    from kiosk.cli import main
    from kiosk.fleet import keys
    from kiosk.fleet.status import content_version
    from kiosk.resources import data_path

    port = start_broker(mosquitto, home, processes)
    shown = ShownContent()
    watcher = _subscriber(mqtt, port, shown.on_status, client_id="bench-content")
    secret = home / "fleet.key"
    public = keys.public_key_line(keys.generate(secret, home / "fleet.pub"))
    data = home / "data.json"
    raw = json.loads(data_path().read_text(encoding="utf-8"))

    def publish(value: float) -> str:
        raw["figures"][0]["value"] = value
        data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):  # its report would spoil `--out -`
            published = main(["publish", "--data", str(data), "--key", str(secret), "--to",
                              f"s3://{BUCKET}/{PREFIX}", "--endpoint", endpoint])
        if published != 0:
            raise TimeoutError("kiosk publish failed")
        return content_version(data)

    try:
        first = publish(1)
        for kiosk in KIOSKS:
            processes.append(start_kiosk(home / kiosk, (
                f'[fleet]\nurl = "http://127.0.0.1:{relay.port}/{BUCKET}/{PREFIX}"\npublic_key = "{public}"\n'
                f'poll_seconds = {POLL_SECONDS}\nmqtt_host = "127.0.0.1"\nmqtt_port = {port}\nsite = "bench"\n'
                f'kiosk_id = "{kiosk}"\n')))
        shown.wait(first)
        relay.reset()
        time.sleep(POLL_SECONDS * 1.5)  # nothing published: every poll is an unchanged one
        unchanged = {"polls": relay.connections, "bytes sent": relay.sent, "bytes received": relay.received}
        delays, moments = [], random.Random(1)
        for value in range(2, rounds + 2):
            # At a moment of the poll interval chosen at random, as staff publish: right after the
            # previous version was shown, every kiosk would have polled just before.
            time.sleep(moments.uniform(0, POLL_SECONDS))
            content = publish(value)
            returned = time.monotonic()
            delays.append(max(shown.wait(content)) - returned)
    finally:
        watcher.disconnect()
        watcher.loop_stop()
    polls = max(1, unchanged["polls"])
    return {"poll_seconds": POLL_SECONDS, "kiosks": len(KIOSKS), "publish to last kiosk showing it (s)": delays,
            "unchanged polls": unchanged,
            "bytes per unchanged poll": (unchanged["bytes sent"] + unchanged["bytes received"]) / polls,
            "bytes per unchanged poll, request / answer": (unchanged["bytes sent"] / polls,
                                                           unchanged["bytes received"] / polls),
            "bundle bytes": _bundle_size(data)}


def _bundle_size(data: Path) -> int:
    from kiosk.fleet import bundle

    built = bundle.build(data, 1)
    return sum(entry.size for entry in built.manifest.files) + len(built.manifest_bytes)
