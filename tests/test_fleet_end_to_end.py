"""The fleet end to end, with real servers: one S3 store (moto's, in this process), one Mosquitto
broker, three real kiosk processes that pull their content from the store and report to the
broker. One publish reaches all three; a kiosk that was off during a publish catches up when it
is back; a tampered bundle and an old one put back are refused by all; staff get a screenshot;
a killed broker and a stopped store leave every screen as it was."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

pytest.importorskip("paho.mqtt.client", reason="needs the kiosk's fleet extra (paho-mqtt)")
pytest.importorskip("boto3", reason="needs the kiosk's fleet extra (boto3)")
pytest.importorskip("moto.server", reason="moto[server] (a test dependency) is not installed")

from test_fleet_bundle import BUCKET, PREFIX, key_pair, publish, s3, staff_data, store, stored, with_value  # noqa: E402,F401
from test_fleet_status import (MOSQUITTO, WAIT_S, Broker, KioskProcess, Watcher, broker, fleet_section,  # noqa: E402,F401
                               screenshot_size, sha, start_kiosk, watchers)

from kiosk.fleet import bundle  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MOSQUITTO is None, reason="the fleet tests need the Debian packages mosquitto"),
]
KIOSKS = ("k1", "k2", "k3")
POLL_SECONDS = 10  # the shortest [fleet] allows


def content_of(data: Path) -> str:
    """What a kiosk reports as its content (the shown file's SHA-256, shortened)."""
    return sha(data)[:12]


def latest_statuses(watcher: Watcher) -> dict[str, dict]:
    """Every kiosk's latest status among the messages the watcher has received so far."""
    while not watcher.messages.empty():
        message = watcher.messages.get()
        watcher.seen.append((message.topic, message.payload))
    statuses = {}
    for topic, payload in watcher.seen:
        parts = topic.split("/")
        if len(parts) == 4 and parts[3] == "status":
            statuses[parts[2]] = json.loads(payload)
    return statuses


def wait_until(what: str, condition, details=lambda: "") -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {WAIT_S} s: {what}; {details()}")
        time.sleep(0.2)


def wait_until_shown(watcher: Watcher, kiosks, content: str) -> None:
    """Each of `kiosks` reports, online, that it shows `content`."""
    def showing() -> bool:
        statuses = latest_statuses(watcher)
        return all(statuses.get(name, {}).get("online") and statuses[name]["content"] == content for name in kiosks)
    wait_until(f"{', '.join(kiosks)} showing {content}", showing,
               lambda: {name: status.get("content") for name, status in latest_statuses(watcher).items()})


def wait_for_log(kiosks: dict[str, KioskProcess], words: str, after: dict[str, int] | None = None) -> None:
    """Each kiosk's log says `words` (after the offset given for it)."""
    after = after or {}
    wait_until(f"every log saying {words!r}",
               lambda: all(words in kiosk.log[after.get(name, 0):] for name, kiosk in kiosks.items()),
               lambda: {name: kiosk.log[-600:] for name, kiosk in kiosks.items()})


def log_ends(kiosks: dict[str, KioskProcess]) -> dict[str, int]:
    return {name: len(kiosk.log) for name, kiosk in kiosks.items()}


def tampered_bundle(s3, key_pair, data: Path, version: int) -> None:
    """A bundle the fleet's key really signed, whose data file in the store was changed since:
    the changed file first, then the manifest and its signature (what kiosks look for last)."""
    from kiosk.fleet import keys

    built = bundle.build(data, version)
    for entry in built.manifest.files:
        contents = built.contents[entry.path]
        store(s3, entry.key, contents.replace(b'"value"', b'"value" ', 1) if entry.path == "data.json" else contents)
    store(s3, bundle.MANIFEST, built.manifest_bytes)
    store(s3, bundle.SIGNATURE, bundle.sign(built.manifest_bytes, version, keys.secret_key(key_pair[0])))


def test_three_kiosks_take_one_publish_refuse_bad_bundles_and_outlive_their_servers(
        s3, key_pair, staff_data, broker, watchers, tmp_path):
    config = {name: fleet_section(broker, kiosk_id=name, url=f"{s3.endpoint}/{BUCKET}/{PREFIX}",
                                  public_key=key_pair[1], poll_seconds=POLL_SECONDS) for name in KIOSKS}
    watcher = watchers(broker)
    assert publish(s3, key_pair, with_value(staff_data, 111)) == 0
    version_1 = content_of(staff_data)
    signed_1 = {name: stored(s3, name) for name in (bundle.MANIFEST, bundle.SIGNATURE)}
    kiosks = {name: start_kiosk(tmp_path / name, config[name], own_data=False) for name in KIOSKS}
    wait_until_shown(watcher, KIOSKS, version_1)

    # k3 is off while version 2 is published; the other two take it, k3 when it is back.
    kiosks["k3"].process.terminate()
    kiosks["k3"].process.wait(timeout=WAIT_S)
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    version_2 = content_of(staff_data)
    wait_until_shown(watcher, ("k1", "k2"), version_2)
    assert latest_statuses(watcher)["k3"] == {"online": False}
    kiosks["k3"] = start_kiosk(tmp_path / "k3", config["k3"], own_data=False)
    wait_until_shown(watcher, KIOSKS, version_2)
    wait_for_log(kiosks, "fleet: installed content version 2")

    # A file changed in the store after signing, then the signed version 1 put back: refused by all.
    before = log_ends(kiosks)
    tampered_bundle(s3, key_pair, with_value(staff_data, 333), 3)
    wait_for_log(kiosks, "data.json of the bundle is not the file the manifest signed", before)
    before = log_ends(kiosks)
    for name, data in signed_1.items():
        store(s3, name, data)
    wait_for_log(kiosks, "version 1 is not newer than version 2", before)
    statuses = latest_statuses(watcher)
    assert {name: statuses[name]["content"] for name in KIOSKS} == dict.fromkeys(KIOSKS, version_2)

    assert screenshot_size(broker, "k2", tmp_path) == (1280, 720)

    # Both servers gone: every kiosk notices, says so, and its screen goes on.
    before = log_ends(kiosks)
    broker.kill()
    s3.stop()
    wait_for_log(kiosks, "lost the broker", before)
    wait_for_log(kiosks, "cannot reach", before)
    for kiosk in kiosks.values():  # the event loop answers SIGUSR1 with a memory line
        kiosk.process.send_signal(signal.SIGUSR1)
    wait_for_log(kiosks, "RSS", before)
    assert [name for name, kiosk in kiosks.items() if kiosk.process.poll() is not None] == []

    broker.start()  # nothing retained (persistence false): the statuses are fresh ones
    s3.start()
    wait_until_shown(watchers(broker), KIOSKS, version_2)
    assert [name for name, kiosk in kiosks.items() if kiosk.process.poll() is not None] == []
