"""Content for many kiosks: publish to a real S3 server (moto's, in-process, on a free port),
pull into a kiosk's data store, and every refusal: nothing is mocked."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest

boto3 = pytest.importorskip("boto3", reason="the optional 'fleet' extra (boto3) is not installed")
pytest.importorskip("minisign", reason="the optional 'fleet' extra (py-minisign) is not installed")
pytest.importorskip("moto.server", reason="moto[server] (a test dependency) is not installed")

from kiosk.bench_fleet_content import CountingRelay, public_bucket  # noqa: E402
from kiosk.cli import main  # noqa: E402
from kiosk.datastore import DataStore  # noqa: E402
from kiosk.fleet import bundle, keys  # noqa: E402
from kiosk.fleet.publish import target  # noqa: E402
from kiosk.fleet.background import backoff  # noqa: E402
from kiosk.fleet.pull import Outcome, Puller  # noqa: E402
from kiosk.resources import data_path  # noqa: E402
from tests.pictures import with_pictures  # noqa: E402
from tests.s3_server import running_s3  # noqa: E402

BUCKET, PREFIX = "kiosk-content", "visitor-centre"


@pytest.fixture
def s3(monkeypatch):
    with running_s3(monkeypatch) as server:
        server.client = boto3.client("s3", endpoint_url=server.endpoint)
        # Kiosks read without credentials: the bundle's prefix is public, the rest of the bucket not.
        public_bucket(server.client, BUCKET, PREFIX)
        yield server


@pytest.fixture
def key_pair(tmp_path) -> tuple[Path, str]:
    secret, public = tmp_path / "keys" / "fleet.key", tmp_path / "keys" / "fleet.pub"
    assert main(["fleet", "keygen", "--secret", str(secret), "--public", str(public)]) == 0
    return secret, public.read_text().splitlines()[1]


@pytest.fixture
def staff_data(tmp_path, raw) -> Path:
    """The staff machine's data file (the bundled data), editable by the test."""
    path = tmp_path / "staff" / "data.json"
    path.parent.mkdir()
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


class Kiosk:
    """A kiosk of the fleet: its poller, and the data store showing what the poller installs
    (the live reload's part, DataStore.reload, called where its file watcher would)."""

    def __init__(self, url: str, public_key: str, folder: Path):
        self.puller = Puller(url, keys.public_key(public_key), folder / "fleet", timeout=5)
        self.store = DataStore(self.puller.data_file, folder / "state")

    def poll(self):
        polled = self.puller.poll()
        if polled.outcome is Outcome.INSTALLED:
            assert self.store.reload() is not None
        return polled

    @property
    def value_shown(self) -> float:
        return self.store.shown.dataset.figures[0].value


@pytest.fixture
def kiosk(s3, key_pair, tmp_path) -> Kiosk:
    return Kiosk(f"{s3.endpoint}/{BUCKET}/{PREFIX}", key_pair[1], tmp_path / "kiosk")


def publish(s3, key_pair, data: Path, *extra) -> int:
    return main(["publish", "--data", str(data), "--key", str(key_pair[0]), "--to", f"s3://{BUCKET}/{PREFIX}",
                 "--endpoint", s3.endpoint, *extra])


def with_value(data: Path, value: float) -> Path:
    raw = json.loads(data.read_text(encoding="utf-8"))
    raw["figures"][0]["value"] = value
    data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return data


def stored(s3, name: str) -> bytes:
    return s3.client.get_object(Bucket=BUCKET, Key=f"{PREFIX}/{name}")["Body"].read()


def store(s3, name: str, data: bytes) -> None:
    s3.client.put_object(Bucket=BUCKET, Key=f"{PREFIX}/{name}", Body=data)


def test_published_content_is_pulled_and_shown_and_each_new_version_replaces_it(s3, key_pair, staff_data, kiosk):
    assert publish(s3, key_pair, with_value(staff_data, 111)) == 0
    polled = kiosk.poll()
    assert (polled.outcome, polled.version) == (Outcome.INSTALLED, 1)
    assert kiosk.store.load_at_start().origin == "operator file" and kiosk.value_shown == 111
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    assert kiosk.poll().version == 2 and kiosk.value_shown == 222
    assert kiosk.puller.shown_version == 2
    assert json.loads(stored(s3, bundle.MANIFEST))["version"] == 2


def test_pictures_travel_with_the_data_and_ones_no_longer_used_are_removed(s3, key_pair, tmp_path, raw, kiosk, qapp):
    data = with_pictures(raw, tmp_path / "staff")
    assert publish(s3, key_pair, data) == 0
    assert kiosk.poll().outcome is Outcome.INSTALLED
    installed = kiosk.puller.data_file.parent / "media"
    assert {path.name: path.read_bytes() for path in installed.iterdir()} == {
        path.name: path.read_bytes() for path in (data.parent / "media").iterdir()}
    shown = kiosk.store.load_at_start()
    assert len(shown.dataset.media) == len(list(installed.iterdir())) and shown.media == installed
    with_pictures_less = json.loads(data.read_text(encoding="utf-8"))
    without = {"harbour.jpg"}
    data.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")  # the dataset without pictures
    assert publish(s3, key_pair, data) == 0 and with_pictures_less["media"]
    assert kiosk.poll().outcome is Outcome.INSTALLED
    assert not set(path.name for path in installed.iterdir()) & without and kiosk.store.shown.dataset.media == ()


def test_an_unchanged_bundle_costs_one_small_request(s3, key_pair, staff_data, tmp_path):
    proxy = CountingRelay(s3.port)
    try:
        kiosk = Kiosk(f"http://127.0.0.1:{proxy.port}/{BUCKET}/{PREFIX}", key_pair[1], tmp_path / "kiosk")
        assert publish(s3, key_pair, staff_data) == 0
        assert kiosk.poll().outcome is Outcome.INSTALLED
        first = (proxy.connections, proxy.received)
        proxy.reset()
        assert kiosk.poll().outcome is Outcome.UNCHANGED
        assert proxy.connections == 1
        assert proxy.received < 1024 < first[1] and proxy.sent < 1024
        # Also after a restart of the kiosk: it remembers which bundle it has.
        proxy.reset()
        again = Kiosk(kiosk.puller.url, key_pair[1], tmp_path / "kiosk")
        assert again.puller.poll().outcome is Outcome.UNCHANGED and proxy.connections == 1
    finally:
        proxy.close()


def test_a_new_publish_costs_only_the_files_that_changed(s3, key_pair, tmp_path, raw):
    proxy = CountingRelay(s3.port)  # urllib opens one connection per request
    try:
        kiosk = Kiosk(f"http://127.0.0.1:{proxy.port}/{BUCKET}/{PREFIX}", key_pair[1], tmp_path / "kiosk")
        data = with_pictures(raw, tmp_path / "staff")
        assert publish(s3, key_pair, data) == 0
        assert kiosk.poll().outcome is Outcome.INSTALLED
        files = json.loads(stored(s3, bundle.MANIFEST))["files"]
        assert len(files) > 2 and proxy.connections == 2 + len(files)  # signature, manifest, every file

        proxy.reset()
        assert publish(s3, key_pair, with_value(data, 333)) == 0
        assert kiosk.poll().outcome is Outcome.INSTALLED and kiosk.value_shown == 333
        assert proxy.connections == 3  # signature, manifest and the data file: no picture again

        picture = sorted((kiosk.puller.data_file.parent / "media").iterdir())[0]
        good = picture.read_bytes()
        picture.write_bytes(b"damaged on the kiosk's disk")
        proxy.reset()
        assert publish(s3, key_pair, with_value(data, 444)) == 0
        assert kiosk.poll().outcome is Outcome.INSTALLED and kiosk.value_shown == 444
        assert proxy.connections == 4 and picture.read_bytes() == good  # a damaged copy is not reused
    finally:
        proxy.close()


def kiosk_messages(caplog) -> str:
    """What the kiosk logged (not the store's own request log)."""
    return "\n".join(record.getMessage() for record in caplog.records if record.name.startswith("kiosk"))


def refused(kiosk: Kiosk, caplog, words: str) -> None:
    """The kiosk refuses what is published now: keeps version 1 on screen and says why."""
    before = kiosk.puller.data_file.read_bytes()
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="kiosk.fleet.pull"):
        polled = kiosk.poll()
    assert polled.outcome is Outcome.REFUSED, polled
    assert words in polled.message and words in kiosk_messages(caplog)
    assert "keeping the content on screen" in kiosk_messages(caplog)
    assert kiosk.puller.data_file.read_bytes() == before and kiosk.puller.shown_version == 1
    assert kiosk.store.reload() is not None and kiosk.value_shown == 111
    assert not (kiosk.puller.folder / "staging").exists()
    # Not downloaded again, nor logged again, until something else is published.
    caplog.clear()
    assert kiosk.poll().outcome is Outcome.UNCHANGED and not kiosk_messages(caplog)


@pytest.fixture
def kiosk_at_version_1(s3, key_pair, staff_data, kiosk) -> Kiosk:
    assert publish(s3, key_pair, with_value(staff_data, 111)) == 0
    assert kiosk.poll().version == 1
    return kiosk


def test_a_file_changed_in_the_store_is_refused(s3, key_pair, staff_data, kiosk_at_version_1, caplog):
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    entry = next(e for e in bundle.Manifest.from_bytes(stored(s3, bundle.MANIFEST)).files if e.path == "data.json")
    store(s3, entry.key, stored(s3, entry.key).replace(b"222", b"999"))
    refused(kiosk_at_version_1, caplog, "data.json of the bundle is not the file the manifest signed")


def test_a_manifest_changed_after_signing_is_refused(s3, key_pair, staff_data, kiosk_at_version_1, caplog):
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    store(s3, bundle.MANIFEST, stored(s3, bundle.MANIFEST).replace(b'"version": 2', b'"version": 3'))
    refused(kiosk_at_version_1, caplog, "signature does not match the public key")


def test_a_bundle_signed_with_another_key_is_refused(s3, key_pair, staff_data, kiosk_at_version_1, caplog, tmp_path):
    other = tmp_path / "other.key"
    keys.generate(other, tmp_path / "other.pub")
    assert publish(s3, (other, None), with_value(staff_data, 222)) == 0
    refused(kiosk_at_version_1, caplog, "signature does not match the public key")


def test_an_older_version_is_refused(s3, key_pair, staff_data, kiosk_at_version_1, caplog):
    old = {name: stored(s3, name) for name in (bundle.MANIFEST, bundle.SIGNATURE)}
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    assert kiosk_at_version_1.poll().version == 2
    for name, data in old.items():  # someone puts the signed version 1 back
        store(s3, name, data)
    kiosk_at_version_1.store.reload()
    before = kiosk_at_version_1.puller.data_file.read_bytes()
    polled = kiosk_at_version_1.poll()
    assert polled.outcome is Outcome.REFUSED and "version 1 is not newer than version 2" in polled.message
    assert kiosk_at_version_1.puller.data_file.read_bytes() == before and kiosk_at_version_1.value_shown == 222


def signed_bundle(s3, key_pair, files: dict[str, bytes], version: int) -> None:
    """A bundle made by hand, signed with the fleet's real key: what only a key holder could publish."""
    entries = tuple(bundle.FileEntry(path, hashlib.sha256(data).hexdigest(), len(data)) for path, data in files.items())
    manifest = bundle.Manifest(version, "2026-01-01T00:00:00+00:00", entries).to_bytes()
    for entry in entries:
        store(s3, entry.key, files[entry.path])
    store(s3, bundle.MANIFEST, manifest)
    store(s3, bundle.SIGNATURE, bundle.sign(manifest, version, keys.secret_key(key_pair[0])))


def test_a_signed_bundle_whose_data_is_not_valid_is_refused(s3, key_pair, raw, kiosk_at_version_1, caplog):
    raw["figures"][0]["value"] = -5
    signed_bundle(s3, key_pair, {"data.json": json.dumps(raw).encode()}, 2)
    refused(kiosk_at_version_1, caplog, "the bundle's data file is not valid for this kiosk")


def test_a_path_out_of_the_bundle_is_refused(s3, key_pair, staff_data, kiosk_at_version_1, caplog, tmp_path):
    signed_bundle(s3, key_pair, {"data.json": staff_data.read_bytes(), "media/../../../escaped.json": b"{}"}, 2)
    refused(kiosk_at_version_1, caplog, "a path outside the bundle")
    assert not list(tmp_path.rglob("escaped.json"))


def test_invalid_data_is_not_published(s3, key_pair, staff_data, capsys):
    raw = json.loads(staff_data.read_text(encoding="utf-8"))
    raw["figures"][0]["value"] = -5
    staff_data.write_text(json.dumps(raw), encoding="utf-8")
    assert publish(s3, key_pair, staff_data) == 1
    assert "nothing was published" in capsys.readouterr().err
    assert "Contents" not in s3.client.list_objects_v2(Bucket=BUCKET)


def test_versions_only_grow(s3, key_pair, staff_data, capsys):
    assert publish(s3, key_pair, staff_data, "--version", "7") == 0
    assert publish(s3, key_pair, staff_data) == 0
    assert json.loads(stored(s3, bundle.MANIFEST))["version"] == 8
    assert publish(s3, key_pair, staff_data, "--version", "8") == 1
    assert "not greater than version 8" in capsys.readouterr().err


def test_with_the_store_down_the_kiosk_keeps_its_content_and_catches_up_when_it_is_back(
        s3, key_pair, staff_data, kiosk_at_version_1, caplog):
    s3.stop()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kiosk.fleet.pull"):
        polls = [kiosk_at_version_1.poll() for _ in range(3)]
    assert {polled.outcome for polled in polls} == {Outcome.UNREACHABLE}
    assert kiosk_messages(caplog).count("cannot reach") == 1  # said once, not at every poll
    assert kiosk_at_version_1.store.load_at_start().origin == "operator file"
    assert kiosk_at_version_1.value_shown == 111
    s3.start()
    assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
    with caplog.at_level(logging.INFO, logger="kiosk.fleet.pull"):
        assert kiosk_at_version_1.poll().version == 2
    assert "answers again" in caplog.text and kiosk_at_version_1.value_shown == 222


def test_polls_back_off_while_the_store_is_unreachable():
    delays = [backoff(300, failures) for failures in range(8)]
    assert delays[0] == 300 and delays == sorted(delays) and delays[-1] == 1800
    assert backoff(7200, 3) == 7200  # a long interval is never shortened


def test_keygen_keeps_the_secret_key_private_and_never_overwrites_one(tmp_path, capsys):
    secret, public = tmp_path / "fleet.key", tmp_path / "fleet.pub"
    assert main(["fleet", "keygen", "--secret", str(secret), "--public", str(public)]) == 0
    assert secret.stat().st_mode & 0o777 == 0o600
    line = public.read_text().splitlines()[1]
    assert f'public_key = "{line}"' in capsys.readouterr().out
    before = secret.read_bytes()
    assert main(["fleet", "keygen", "--secret", str(secret), "--public", str(tmp_path / "new.pub")]) == 1
    assert secret.read_bytes() == before and "exists already" in capsys.readouterr().err


minisign_tool = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(minisign_tool is None, reason="needs the Debian package minisign")


@needs_minisign
def test_minisign_accepts_a_bundle_signature(tmp_path, key_pair, staff_data):
    manifest = bundle.build(staff_data, 4).manifest_bytes
    (tmp_path / "manifest.json").write_bytes(manifest)
    (tmp_path / "manifest.json.minisig").write_bytes(bundle.sign(manifest, 4, keys.secret_key(key_pair[0])))
    checked = subprocess.run([minisign_tool, "-V", "-m", str(tmp_path / "manifest.json"), "-P", key_pair[1]],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "kiosk content version 4" in checked.stdout
    (tmp_path / "manifest.json").write_bytes(manifest.replace(b'"version": 4', b'"version": 5'))
    assert subprocess.run([minisign_tool, "-V", "-m", str(tmp_path / "manifest.json"), "-P", key_pair[1]],
                          capture_output=True, timeout=30).returncode != 0


@needs_minisign
def test_a_signature_made_by_minisign_is_accepted(tmp_path, staff_data):
    secret, public = tmp_path / "m.key", tmp_path / "m.pub"
    subprocess.run([minisign_tool, "-G", "-W", "-s", str(secret), "-p", str(public)], check=True,
                   capture_output=True, timeout=30)
    manifest = tmp_path / "manifest.json"
    manifest.write_bytes(bundle.build(staff_data, 1).manifest_bytes)
    subprocess.run([minisign_tool, "-S", "-s", str(secret), "-m", str(manifest)], check=True, capture_output=True,
                   timeout=30)
    key = keys.public_key(public.read_text().splitlines()[1])
    signature = (tmp_path / "manifest.json.minisig").read_bytes()
    bundle.verify_signature(manifest.read_bytes(), signature, key)
    with pytest.raises(bundle.BundleRefused, match="signature does not match"):
        bundle.verify_signature(manifest.read_bytes() + b" ", signature, key)


def test_the_fleet_section_of_the_configuration(tmp_path, key_pair):
    from kiosk.config import load_config

    path = tmp_path / "config.toml"
    path.write_text(f'[fleet]\nurl = "https://store.example/kiosks/hall"\npublic_key = "{key_pair[1]}"\n'
                    "poll_seconds = 60\n")
    loaded = load_config(path)
    assert not loaded.problems
    assert (loaded.config.fleet.url, loaded.config.fleet.public_key, loaded.config.fleet.poll_seconds) == (
        "https://store.example/kiosks/hall", key_pair[1], 60)
    for setting, bad in (("url", 'url = "ftp://store"'), ("public_key", 'url = "https://store.example"')):
        key = "not a key" if setting == "public_key" else key_pair[1]
        path.write_text(f'idle_seconds = 30\n[fleet]\n{bad}\npublic_key = "{key}"\n')
        loaded = load_config(path)  # the fleet is off, the other settings apply
        assert loaded.config.fleet is None and loaded.config.idle_seconds == 30
        assert [problem.path.split(": ")[-1] for problem in loaded.problems] == [f"fleet.{setting}"]


def test_a_running_kiosk_swaps_in_each_published_version_through_its_live_reload(
        s3, key_pair, staff_data, tmp_path, qtbot):
    from PySide6.QtCore import QObject

    from kiosk.config import Fleet
    from kiosk.fleet import content_file
    from kiosk.ui.fleet import FleetPolling
    from kiosk.ui.reload import DataWatcher

    assert publish(s3, key_pair, with_value(staff_data, 111)) == 0
    folder = tmp_path / "kiosk" / "fleet"
    store = DataStore(content_file(folder), tmp_path / "kiosk" / "state")
    assert store.load_at_start().origin == "bundled"  # nothing pulled yet
    parent = QObject()
    watcher = DataWatcher(store, settle_ms=50, poll_ms=100, parent=parent)
    settings = Fleet(url=f"{s3.endpoint}/{BUCKET}/{PREFIX}", public_key=key_pair[1], poll_seconds=0.2)
    polling = FleetPolling(settings, parent, folder=folder)
    try:
        with qtbot.waitSignal(watcher.reloaded, timeout=10000):
            pass
        assert store.shown.origin == "operator file" and store.shown.dataset.figures[0].value == 111
        assert publish(s3, key_pair, with_value(staff_data, 222)) == 0
        with qtbot.waitSignal(watcher.reloaded, timeout=10000):
            pass
        assert store.shown.dataset.figures[0].value == 222
    finally:
        polling.thread.stop()
